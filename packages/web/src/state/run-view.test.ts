import type { Contract, StudioEvent } from "@studio/protocol"
import { describe, expect, it } from "vitest"
import { applyRunEvent, createRunView, progressOf, requirementsOf, type RunView } from "./run-view"

const contract: Contract = {
  name: "StarRating",
  summary: "Five stars.",
  props: [],
  requirements: [
    { id: "R1", text: "Shows five stars" },
    { id: "R2", text: "Clicking a star sets the rating" },
  ],
}

type Input = StudioEvent extends infer E
  ? E extends StudioEvent
    ? Omit<E, "runId" | "seq" | "ts">
    : never
  : never

function log(inputs: Input[], runId = "run-1"): StudioEvent[] {
  return inputs.map((input, seq) => ({ ...input, runId, seq, ts: 1000 + seq * 10 }) as StudioEvent)
}

const fold = (events: StudioEvent[], view: RunView = createRunView("run-1", "", 0)) =>
  events.reduce(applyRunEvent, view)

const metrics = { durations: {}, tokens: { prompt: 10, completion: 20 }, repairAttempts: 1 }

/** A run whose first execute fails R2, is repaired, and passes. */
const repairedRun = log([
  { type: "run_started", prompt: "five stars", provider: "offline", model: "recipes-v1" },
  { type: "reasoning_step", stage: "interpret", text: "A star rating." },
  { type: "stage_complete", stage: "interpret", durationMs: 5, contract },
  { type: "token", path: "src/components/StarRating.tsx", delta: "export default " },
  { type: "token", path: "src/components/StarRating.tsx", delta: "function StarRating() {}" },
  {
    type: "file_closed",
    path: "src/components/StarRating.tsx",
    content: "export default function StarRating() {}\n",
  },
  { type: "stage_complete", stage: "scaffold", durationMs: 3 },
  { type: "file_closed", path: "src/components/StarRating.test.tsx", content: "it()" },
  { type: "stage_complete", stage: "unit_test", durationMs: 2 },
  { type: "build_progress", plugin: "typescript", status: "start", percent: 10 },
  { type: "build_error", plugin: "typescript", diagnostics: [diagnostic("Type 'x' is wrong")] },
  { type: "test_result", name: "R1: shows five stars", requirementId: "R1", status: "pass", durationMs: 4 },
  {
    type: "test_result",
    name: "R2: clicking sets",
    requirementId: "R2",
    status: "fail",
    durationMs: 6,
    error: "no",
  },
  { type: "stage_complete", stage: "execute", durationMs: 900 },
  { type: "reasoning_step", stage: "repair", text: "R2 failed; fixing the click handler." },
  { type: "token", path: "src/components/StarRating.tsx", delta: "fixed" },
  { type: "stage_complete", stage: "repair", durationMs: 50 },
  { type: "build_ok", plugin: "typescript", diagnostics: [] },
  { type: "test_result", name: "R2: clicking sets", requirementId: "R2", status: "pass", durationMs: 5 },
  { type: "stage_complete", stage: "execute", durationMs: 800 },
  { type: "stage_complete", stage: "report", durationMs: 1, summary: "2/2 requirements met" },
  {
    type: "run_finished",
    verdict: "proven",
    reasons: [],
    success: true,
    versionId: "00000000-0000-4000-8000-000000000001",
    metrics,
  },
])

function diagnostic(message: string) {
  return {
    source: "typescript",
    path: "src/components/StarRating.tsx",
    line: 1,
    column: 1,
    severity: "error" as const,
    message,
  }
}

describe("applyRunEvent", () => {
  it("follows the stages as they start and finish, with the contract from interpret", () => {
    const afterInterpret = fold(repairedRun.slice(0, 3))
    expect(afterInterpret.stages.interpret).toMatchObject({ status: "done", durationMs: 5, passes: 1 })
    expect(afterInterpret.currentStage).toBe("scaffold")
    expect(afterInterpret.contract?.name).toBe("StarRating")
    expect(requirementsOf(afterInterpret).map((entry) => entry.state)).toEqual(["pending", "pending"])

    const streaming = fold(repairedRun.slice(0, 5))
    expect(streaming.files["src/components/StarRating.tsx"]).toBe("export default function StarRating() {}")
    expect(streaming.streamingPath).toBe("src/components/StarRating.tsx")
    const closed = fold(repairedRun.slice(0, 6))
    expect(closed.streamingPath).toBeNull()
    expect(closed.closedAt["src/components/StarRating.tsx"]).toBe(1050)
  })

  it("turns requirements met and unmet as their tests report, and repair shows up only when it runs", () => {
    const failing = fold(repairedRun.slice(0, 14))
    expect(requirementsOf(failing).map((entry) => [entry.id, entry.state])).toEqual([
      ["R1", "met"],
      ["R2", "unmet"],
    ])
    expect(failing.diagnostics).toHaveLength(1)
    expect(failing.stages.repair.status).toBe("pending")

    const repairing = fold(repairedRun.slice(0, 16))
    expect(repairing.currentStage).toBe("repair")
    expect(repairing.reasoning.at(-1)?.stage).toBe("repair")

    const done = fold(repairedRun)
    expect(requirementsOf(done).every((entry) => entry.state === "met")).toBe(true)
    // The typescript step reported again: its old diagnostics are replaced, not kept.
    expect(done.diagnostics).toEqual([])
    expect(done.stages.execute).toMatchObject({ status: "done", passes: 2, durationMs: 1700 })
    expect(done.stages.repair.status).toBe("done")
    expect(done).toMatchObject({ status: "succeeded", versionId: "00000000-0000-4000-8000-000000000001" })
    expect(done.testOrder).toEqual(["R1: shows five stars", "R2: clicking sets"])
    expect(progressOf(done)).toBe(100)
  })

  it("keeps the latest hot_reload's files as the run's preview; one without files (an older server) changes nothing", () => {
    const path = "src/components/StarRating.tsx"
    const events = log([
      { type: "run_started", prompt: "five stars", provider: "offline", model: "recipes-v1" },
      { type: "hot_reload", paths: [path] },
      { type: "hot_reload", paths: [path], files: { [path]: "one" }, entry: path },
      { type: "stage_complete", stage: "scaffold", durationMs: 3 },
      {
        type: "hot_reload",
        paths: [path],
        files: { [path]: "two", "src/components/StarRating.test.js": "given" },
        givenTests: ["src/components/StarRating.test.js"],
      },
    ])
    expect(fold(events.slice(0, 2)).preview).toBeUndefined()
    expect(fold(events.slice(0, 3)).preview).toEqual({
      seq: 2,
      files: { [path]: "one" },
      paths: [path],
      entry: path,
    })
    const last = fold(events)
    expect(last.preview).toEqual({
      seq: 4,
      files: { [path]: "two", "src/components/StarRating.test.js": "given" },
      paths: [path],
      givenTests: ["src/components/StarRating.test.js"],
    })
    // The stages go on as before: hot_reload moves none of them.
    expect(last.stages.scaffold.status).toBe("done")
    expect(fold(events, last)).toBe(last)
  })

  it("ignores events it has already applied, so replay after a reconnect changes nothing", () => {
    const once = fold(repairedRun)
    const overlapping = fold([...repairedRun.slice(0, 12), ...repairedRun.slice(5)])
    expect(overlapping).toEqual(once)
    expect(fold(repairedRun, once)).toBe(once)
  })

  it("shows a queued run's place until it starts, and still replays exactly once", () => {
    const events = log([
      { type: "run_queued", position: 3 },
      { type: "run_queued", position: 1 },
      { type: "run_started", prompt: "stars", provider: "offline", model: "recipes" },
    ])
    expect(fold(events.slice(0, 1))).toMatchObject({ status: "running", queuedAhead: 3, currentStage: null })
    expect(fold(events.slice(0, 2)).queuedAhead).toBe(1)
    const started = fold(events)
    expect(started).not.toHaveProperty("queuedAhead")
    expect(started).toMatchObject({ status: "running", currentStage: "interpret", lastSeq: 2 })
    expect(fold(events, started)).toBe(started)
  })

  it("a run cancelled while queued ends cancelled without its place", () => {
    const cancelled = fold(
      log([
        { type: "run_queued", position: 2 },
        { type: "error", code: "cancelled", message: "The run was cancelled before it started." },
        { type: "run_finished", verdict: "unverified", reasons: ["cancelled"], success: false, metrics },
      ]),
    )
    expect(cancelled.status).toBe("cancelled")
    expect(cancelled).not.toHaveProperty("queuedAhead")
  })

  it("ignores another run's events", () => {
    const other = log([{ type: "run_started", prompt: "x", provider: "p", model: "m" }], "run-2")
    const view = createRunView("run-1", "", 0)
    expect(applyRunEvent(view, other[0]!)).toBe(view)
  })

  it("marks a cancelled run cancelled, with stages that never ran skipped", () => {
    const cancelled = fold(
      log([
        { type: "run_started", prompt: "five stars", provider: "offline", model: "recipes-v1" },
        { type: "error", code: "cancelled", message: "Cancelled." },
        {
          type: "run_finished",
          verdict: "unverified",
          reasons: ["Cancelled."],
          success: false,
          metrics: { ...metrics, repairAttempts: 0 },
        },
      ]),
    )
    expect(cancelled.status).toBe("cancelled")
    expect(cancelled.stages.interpret.status).toBe("skipped")
    expect(requirementsOf(cancelled)).toEqual([])
  })

  it("a run that is not proven is never succeeded: unverified keeps its own status and reasons", () => {
    const finished = (verdict: "proven" | "failed" | "unverified", reasons: string[]) =>
      fold(
        log([
          { type: "run_started", prompt: "five stars", provider: "offline", model: "recipes-v1" },
          { type: "run_finished", verdict, reasons, success: verdict === "proven", metrics },
        ]),
      )
    expect(finished("unverified", ["tests were turned off"])).toMatchObject({
      status: "unverified",
      verdict: "unverified",
      reasons: ["tests were turned off"],
    })
    expect(finished("failed", ["lint reported 1 error"]).status).toBe("failed")
    expect(finished("proven", []).status).toBe("succeeded")
  })

  it("starts an editor test run at execute", () => {
    const view = fold(
      log([
        { type: "run_started", prompt: "Run tests on edited v1", provider: "editor", model: "your edits" },
      ]),
    )
    expect(view.currentStage).toBe("execute")
    expect(progressOf(view)).toBeLessThan(100)
  })
})
