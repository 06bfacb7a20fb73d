import { beforeAll, describe, expect, it } from "vitest"
import type { StudioEvent } from "@studio/protocol"
import { createFileBlockParser } from "../src/generators/parsing"
import { sharedTestEngine } from "./support/shared-engine"
import type { Engine } from "../src/engine"
import { collectRun, type EditedCodeRequest } from "../src/pipeline"
import { component, contract, tests } from "./support/counter-answers"

let engine: Engine

// The test worker's engine, shared with the other integration files (vitest.config.ts).
beforeAll(async () => {
  engine = await sharedTestEngine()
  await engine.warmUp()
}, 120_000)

/** The files inside recorded model answers, as the editor would hold them. */
function filesOf(...answers: string[]): Record<string, string> {
  const parser = createFileBlockParser()
  const events = [...answers.flatMap((answer) => parser.push(answer)), ...parser.end()]
  return Object.fromEntries(
    events.flatMap((event) => (event.type === "file_closed" ? [[event.path, event.content]] : [])),
  )
}

async function collect(files: Record<string, string>, options: { signal?: AbortSignal } = {}) {
  const request: EditedCodeRequest = { runId: "edit-run", prompt: "Run tests on edited v1", contract, files }
  const { events, outcome } = await collectRun(engine.testEditedCode(request, options))
  return { events, outcome, finished: events.at(-1) }
}

const ofType = <T extends StudioEvent["type"]>(events: StudioEvent[], type: T) =>
  events.filter((event): event is Extract<StudioEvent, { type: T }> => event.type === type)

describe("testEditedCode()", () => {
  it("edited code that passes: the execute stage's events, a report, and success without repairs", async () => {
    const { events, outcome, finished } = await collect(filesOf(component(1), tests))
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index))
    expect(events.every((event) => event.runId === "edit-run")).toBe(true)
    expect(events[0]).toMatchObject({
      type: "run_started",
      prompt: "Run tests on edited v1",
      provider: "editor",
      model: "your edits",
    })
    expect(
      ofType(events, "build_progress")
        .filter((event) => event.status === "done")
        .map((e) => e.plugin),
    ).toEqual(expect.arrayContaining(["prettier", "eslint", "typescript", "tailwind", "vitest"]))
    expect(ofType(events, "build_error")).toEqual([])
    expect(ofType(events, "test_result").map((event) => [event.requirementId, event.status])).toEqual([
      ["R1", "pass"],
      ["R2", "pass"],
    ])
    expect(ofType(events, "stage_complete").map((event) => [event.stage, event.summary])).toEqual([
      ["execute", "2/2 tests pass"],
      ["report", "2/2 requirements met; 2/2 tests pass. Proven."],
    ])
    expect(finished).toMatchObject({
      type: "run_finished",
      verdict: "proven",
      reasons: [],
      success: true,
      metrics: { repairAttempts: 0, tokens: { prompt: 0, completion: 0 } },
    })
    expect(outcome.contract).toEqual(contract)
    expect(outcome.tests.map((test) => test.status)).toEqual(["pass", "pass"])
    expect(outcome.files["src/components/Counter.tsx"]).toContain("count + 1")
    expect(typeof outcome.css).toBe("string")
  })

  it("an edit that breaks a requirement: its test fails, the report says so, and nothing is repaired", async () => {
    const { events, finished } = await collect(filesOf(component(2), tests))
    expect(ofType(events, "test_result").map((event) => [event.requirementId, event.status])).toEqual([
      ["R1", "pass"],
      ["R2", "fail"],
    ])
    expect(ofType(events, "test_result")[1]?.error).toBeTruthy()
    expect(ofType(events, "stage_complete").at(-1)).toMatchObject({
      stage: "report",
      summary: expect.stringMatching(/^1\/2 requirements met; 1\/2 tests pass\. Failed: 1 test failed: "R2/),
    })
    expect(events.some((event) => event.type === "reasoning_step" && event.stage === "repair")).toBe(false)
    expect(finished).toMatchObject({ verdict: "failed", success: false, metrics: { repairAttempts: 0 } })
  })

  it("a type error: a build_error with the checker's diagnostic at the edited line", async () => {
    const files = filesOf(component(1), tests)
    files["src/components/Counter.tsx"] = files["src/components/Counter.tsx"]!.replace(
      "useState(initial)",
      'useState<number>("zero")',
    )
    const line =
      files["src/components/Counter.tsx"]!.split("\n").findIndex((text) => text.includes('"zero"')) + 1
    const { events, finished } = await collect(files)
    const typeErrors = ofType(events, "build_error").filter((event) => event.plugin === "typescript")
    expect(typeErrors).toHaveLength(1)
    expect(typeErrors[0]?.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: "typescript",
          path: "src/components/Counter.tsx",
          line,
          severity: "error",
          message: expect.stringContaining("string"),
        }),
      ]),
    )
    expect(ofType(events, "stage_complete").at(-1)?.summary).toMatch(/type-check reported \d+ errors?/)
    expect(finished).toMatchObject({ type: "run_finished", verdict: "failed", success: false })
  })

  it("a type error alone fails the verdict, though every test passes", async () => {
    const files = filesOf(component(1), tests)
    // Wrong for the checker, the same at run time.
    files["src/components/Counter.tsx"] = files["src/components/Counter.tsx"]!.replace(
      "setCount(count + 1)",
      "setCount((count + 1) as unknown as string)",
    )
    const { events, finished } = await collect(files)
    expect(ofType(events, "test_result").map((event) => event.status)).toEqual(["pass", "pass"])
    expect(finished).toMatchObject({
      type: "run_finished",
      verdict: "failed",
      reasons: [expect.stringMatching(/^type-check reported \d+ errors?$/)],
      success: false,
    })
  })

  it("refuses unsafe paths before anything runs", async () => {
    const { events, finished } = await collect({
      ...filesOf(component(1), tests),
      "../escape.ts": "export {}",
    })
    expect(ofType(events, "error")).toEqual([expect.objectContaining({ code: "unsafe_path" })])
    expect(ofType(events, "build_progress")).toEqual([])
    expect(finished).toMatchObject({ type: "run_finished", verdict: "failed", success: false })
  })

  it("stops when cancelled and says so", async () => {
    const controller = new AbortController()
    const events: StudioEvent[] = []
    const request = { prompt: "Run tests on edited v1", contract, files: filesOf(component(1), tests) }
    for await (const event of engine.testEditedCode(request, { signal: controller.signal })) {
      events.push(event)
      if (event.type === "build_progress" && event.plugin === "vitest" && event.status === "start")
        controller.abort()
    }
    expect(ofType(events, "error")).toEqual([expect.objectContaining({ code: "cancelled" })])
    expect(ofType(events, "stage_complete")).toEqual([])
    // A cancel says nothing about the code: not verified, and not Passed.
    expect(events.at(-1)).toMatchObject({ type: "run_finished", verdict: "unverified", success: false })
  })
})
