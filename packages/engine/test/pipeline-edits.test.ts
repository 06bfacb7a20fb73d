// Repairs that answer with search/replace edits, through the whole pipeline on the shared engine (issue 14, part 3):
// an edit that applies, one that only applies when asked again, and one that never does.
import { beforeAll, describe, expect, it } from "vitest"
import type { StudioEvent } from "@studio/protocol"
import type { Engine } from "../src/engine"
import { collectRun, run } from "../src/pipeline"
import { component, contract, fence, tests } from "./support/counter-answers"
import { createScriptedGenerator } from "./support/scripted-generator"
import { sharedTestEngine } from "./support/shared-engine"

const PATH = "src/components/Counter.tsx"
const edit = (search: string, replace: string) =>
  `${fence}tsx file="${PATH}"\n<<<<<<< SEARCH\n${search}\n=======\n${replace}\n>>>>>>> REPLACE\n${fence}\n`
const buggyLine = '      <button type="button" onClick={() => setCount(count + 2)}>'
const fixedLine = buggyLine.replace("count + 2", "count + 1")
const fixes = edit(buggyLine, fixedLine)
/** The line with other indentation: not in the file as it is. */
const misses = edit(buggyLine.trimStart(), fixedLine.trimStart())

let engine: Engine

beforeAll(async () => {
  engine = await sharedTestEngine()
  await engine.warmUp()
}, 120_000)

async function runWithRepairs(repair: string[], maxRepairs: number) {
  const { generator, calls } = createScriptedGenerator({
    interpret: [JSON.stringify(contract)],
    scaffold: [component(2)],
    unit_test: [tests],
    repair,
  })
  const { events, outcome } = await collectRun(
    run(
      { prompt: "a counter", maxRepairs },
      { generator, toolchain: engine.toolchain, sandbox: engine.sandbox },
    ),
  )
  const repairCalls = calls.filter((call) => call.input.stage === "repair")
  return { events, outcome, repairCalls, finished: events.at(-1) }
}

const ofType = <T extends StudioEvent["type"]>(events: StudioEvent[], type: T) =>
  events.filter((event): event is Extract<StudioEvent, { type: T }> => event.type === type)
const reasoningOf = (events: StudioEvent[]) => ofType(events, "reasoning_step").map((event) => event.text)

describe("repairs that answer with edits", () => {
  it("an edit that applies: file_closed carries the whole new file, a step says what changed, the run is proven", async () => {
    const { events, outcome, repairCalls, finished } = await runWithRepairs([fixes], 2)
    expect(repairCalls).toHaveLength(1)
    const repaired = ofType(events, "file_closed")
      .filter((event) => event.path === PATH)
      .at(-1)
    const expected = component(2)
      .split(`${fence}tsx file="${PATH}"\n`)[1]!
      .split(fence)[0]!
      .replace("count + 2", "count + 1")
    expect(repaired?.content).toBe(expected)
    expect(reasoningOf(events)).toContain(`Edited ${PATH}: 1 change.`)
    expect(ofType(events, "error")).toEqual([])
    expect(outcome.files[PATH]).toContain("setCount(count + 1)")
    expect(finished).toMatchObject({
      type: "run_finished",
      verdict: "proven",
      metrics: { repairAttempts: 1 },
    })
  })

  it("an edit that does not match is asked for again once, with the reason and the current files; the retry fixes it", async () => {
    const { events, repairCalls, finished } = await runWithRepairs([misses, fixes], 2)
    expect(repairCalls).toHaveLength(2)
    expect(repairCalls[0]?.context.retryReason).toBeUndefined()
    expect(repairCalls[1]?.context.retryReason).toContain(
      `the edits of ${PATH} were not applied (the edit: its search text was not found)`,
    )
    const retried = repairCalls[1]?.input
    expect(retried?.stage === "repair" && retried.files[PATH]).toContain("setCount(count + 2)")
    expect(retried?.stage === "repair" && retried.attempt).toBe(1)
    expect(reasoningOf(events).some((text) => text.includes("Asking the model once more"))).toBe(true)
    expect(ofType(events, "error")).toEqual([])
    expect(finished).toMatchObject({ verdict: "proven", metrics: { repairAttempts: 1 } })
  })

  it("an edit that never matches: an honest error, the file unchanged, the run failed", async () => {
    const { events, outcome, repairCalls, finished } = await runWithRepairs([misses, misses], 1)
    expect(repairCalls).toHaveLength(2)
    expect(ofType(events, "error")).toEqual([
      expect.objectContaining({
        code: "model_output_invalid",
        message: `the edits of ${PATH} were not applied (the edit: its search text was not found) after asking again; ${PATH} keeps its current content.`,
      }),
    ])
    // No file_closed for the component after the scaffold wrote it.
    expect(ofType(events, "file_closed").filter((event) => event.path === PATH)).toHaveLength(1)
    expect(outcome.files[PATH]).toContain("setCount(count + 2)")
    expect(finished).toMatchObject({ verdict: "failed", success: false, metrics: { repairAttempts: 1 } })
  })
})
