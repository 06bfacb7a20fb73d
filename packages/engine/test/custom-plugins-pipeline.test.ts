import path from "node:path"
import type { Contract, StudioEvent } from "@studio/protocol"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createEngine, type Engine } from "../src/engine"
import { collectRun } from "../src/pipeline"
import { EXECUTE_STAGE_PLUGINS } from "../src/pipeline/stages/execute"
import { loadCustomPlugin } from "../src/toolchain/custom-plugins"

const FIXTURES = path.join(import.meta.dirname, "fixtures", "plugins")
const WITH_CONSOLE_CHECK = [...EXECUTE_STAGE_PLUGINS, "flags-console-log"]

let engine: Engine

// An engine of its own: the shared one has no custom plugins.
beforeAll(async () => {
  const customPlugins = await Promise.all(
    ["flags-console-log", "crashes"].map((name) => loadCustomPlugin(path.join(FIXTURES, name))),
  )
  engine = await createEngine({ customPlugins, sandbox: { warmWorkers: 1 }, toolchain: { warm: false } })
  await engine.warmUp()
}, 120_000)
afterAll(() => engine.close())

const ofType = <T extends StudioEvent["type"]>(events: StudioEvent[], type: T) =>
  events.filter((event): event is Extract<StudioEvent, { type: T }> => event.type === type)
const finishedOf = (events: StudioEvent[]) => ofType(events, "run_finished")[0]

describe("a custom plugin chosen for a run", () => {
  let contract: Contract
  let files: Record<string, string>

  it("runs after the built-in checks and lets a clean component be proven", async () => {
    const { events, outcome } = await collectRun(
      engine.run({ prompt: "a counter with a plus button", plugins: WITH_CONSOLE_CHECK, maxRepairs: 0 }),
    )
    const progress = ofType(events, "build_progress").map((event) => `${event.plugin}:${event.status}`)
    expect(progress).toContain("flags-console-log:done")
    // After the built-in static checks.
    for (const check of ["eslint", "typescript", "tailwind"])
      expect(progress.indexOf("flags-console-log:start")).toBeGreaterThan(progress.indexOf(`${check}:done`))
    expect(ofType(events, "build_ok").find((event) => event.plugin === "flags-console-log")).toMatchObject({
      diagnostics: [],
    })
    expect(finishedOf(events)).toMatchObject({ verdict: "proven", success: true })
    if (!outcome.contract) throw new Error("the run made no contract")
    contract = outcome.contract
    files = outcome.files
  })

  it("fails the verdict on a component with console.log, at the file and line", async () => {
    const componentPath = Object.keys(files).find(
      (file) => file.startsWith("src/components/") && file.endsWith(".tsx") && !file.includes(".test."),
    )
    if (!componentPath) throw new Error("no component")
    const source = files[componentPath] ?? ""
    const lines = source.split("\n")
    // Just before the component's first return: inside its body, whatever its signature looks like.
    const at = lines.findIndex((line) => /^\s+return\b/.test(line))
    lines.splice(at, 0, '  console.log("rendering")')
    const { events } = await collectRun(
      engine.testEditedCode({
        prompt: "edited",
        contract,
        files: { ...files, [componentPath]: lines.join("\n") },
        plugins: WITH_CONSOLE_CHECK,
      }),
    )
    const flagged = ofType(events, "build_error").find((event) => event.plugin === "flags-console-log")
    expect(flagged?.diagnostics).toEqual([
      expect.objectContaining({
        source: "flags-console-log",
        path: componentPath,
        line: at + 1,
        severity: "error",
        message: "console.log left in the code",
      }),
    ])
    // The tests still pass: only the plugin's error fails the verdict, as a built-in's would.
    expect(ofType(events, "test_result").every((event) => event.status === "pass")).toBe(true)
    expect(finishedOf(events)).toMatchObject({
      verdict: "failed",
      success: false,
      reasons: ["flags-console-log reported 1 error"],
    })
  })

  it("fails the verdict with one sanitized error when a chosen plugin crashes", async () => {
    const { events } = await collectRun(
      engine.testEditedCode({
        prompt: "edited",
        contract,
        files,
        plugins: [...EXECUTE_STAGE_PLUGINS, "crashes"],
      }),
    )
    const crashed = ofType(events, "build_error").find((event) => event.plugin === "crashes")
    expect(crashed?.diagnostics).toHaveLength(1)
    expect(crashed?.diagnostics[0]?.message).toMatch(
      /^crashes exited with code 1 without reporting diagnostics: /,
    )
    expect(JSON.stringify(events)).not.toMatch(/sk-live|\/home\/operator/)
    expect(finishedOf(events)).toMatchObject({ verdict: "failed", reasons: ["crashes reported 1 error"] })
  })

  it("is not run unless chosen, and an unknown name is refused naming the custom ones", async () => {
    const { events } = await collectRun(engine.testEditedCode({ prompt: "edited", contract, files }))
    expect(ofType(events, "build_progress").some((event) => event.plugin === "flags-console-log")).toBe(false)
    const refused = await collectRun(engine.run({ prompt: "a counter", plugins: ["flags-console-logs"] }))
    expect(ofType(refused.events, "error")[0]?.message).toMatch(
      /^plugins: unknown plugin flags-console-logs; known: prettier, .*, flags-console-log, crashes$/,
    )
  })
})
