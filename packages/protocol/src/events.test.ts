import { describe, it, expect } from "vitest"
import { STUDIO_EVENT_TYPES, parseStudioEvent, studioEventSchema } from "./events"
import type { StudioEvent } from "./events"

const envelope = { runId: "run-1", seq: 0, ts: 1_700_000_000_000 }
const diagnostic = {
  source: "typescript",
  path: "src/components/Counter.tsx",
  line: 3,
  column: 7,
  message: "Cannot find name 'count'.",
  severity: "error",
} as const

/** One valid example of every event type. */
const examples: StudioEvent[] = [
  { ...envelope, type: "run_queued", position: 3 },
  { ...envelope, type: "run_started", prompt: "a counter", provider: "offline", model: "recipes" },
  { ...envelope, type: "token", path: "src/components/Counter.tsx", delta: "export default" },
  { ...envelope, type: "file_closed", path: "src/components/Counter.tsx", content: "export default 1\n" },
  { ...envelope, type: "build_progress", plugin: "eslint", status: "start", percent: 40, message: "linting" },
  { ...envelope, type: "build_ok", plugin: "typescript", diagnostics: [] },
  { ...envelope, type: "build_error", diagnostics: [diagnostic] },
  { ...envelope, type: "stage_complete", stage: "execute", durationMs: 812, summary: "3 of 3 tests pass" },
  {
    ...envelope,
    type: "test_result",
    name: "R1: shows 0",
    requirementId: "R1",
    status: "fail",
    durationMs: 4,
    error: "x",
  },
  { ...envelope, type: "reasoning_step", stage: "interpret", text: "The user wants a counter." },
  { ...envelope, type: "hot_reload", versionId: "v2", paths: ["src/components/Counter.tsx"] },
  { ...envelope, type: "error", code: "model_unavailable", message: "The model server is not reachable." },
  {
    ...envelope,
    type: "run_finished",
    verdict: "proven",
    reasons: [],
    success: true,
    versionId: "v2",
    metrics: {
      durations: { interpret: 10, execute: 812 },
      tokens: { prompt: 1200, completion: 800 },
      repairAttempts: 0,
    },
  },
]

describe("studioEventSchema", () => {
  it("accepts an example of every event type", () => {
    expect(examples.map((event) => event.type)).toEqual([...STUDIO_EVENT_TYPES])
    for (const event of examples) expect(studioEventSchema.parse(event)).toEqual(event)
  })

  it("reads a hot_reload with the preview's files, entry and given tests, and one with paths alone", () => {
    const path = "src/components/Counter.tsx"
    const given = "src/components/Counter.test.js"
    const full = {
      ...envelope,
      type: "hot_reload",
      paths: [path],
      files: { [path]: "export default function Counter() {}", [given]: "test('x', () => {})" },
      entry: path,
      givenTests: [given],
    }
    expect(studioEventSchema.parse(full)).toEqual(full)
    expect(studioEventSchema.parse({ ...envelope, type: "hot_reload", paths: [path] })).toEqual({
      ...envelope,
      type: "hot_reload",
      paths: [path],
    })
    expect(studioEventSchema.safeParse({ ...full, files: { [path]: 1 } }).success).toBe(false)
    expect(studioEventSchema.safeParse({ ...full, givenTests: given }).success).toBe(false)
  })

  it("lists every member of the union in STUDIO_EVENT_TYPES", () => {
    const unionTypes = studioEventSchema.options.map((option) => option.shape.type.value)
    expect(unionTypes).toEqual([...STUDIO_EVENT_TYPES])
  })

  it("survives a JSON round trip, as over NDJSON or WebSocket", () => {
    for (const event of examples)
      expect(parseStudioEvent(JSON.parse(JSON.stringify(event)))).toEqual({ ok: true, event })
  })

  it("tolerates unknown extra fields", () => {
    const result = parseStudioEvent({ ...envelope, type: "token", path: "src/a.tsx", delta: "x", attempt: 2 })
    expect(result.ok).toBe(true)
  })

  it.each([
    ["a missing envelope field", { type: "token", runId: "run-1", ts: 1, path: "a", delta: "b" }, "seq"],
    ["a negative seq", { ...envelope, seq: -1, type: "token", path: "a", delta: "b" }, "seq"],
    ["a fractional seq", { ...envelope, seq: 1.5, type: "token", path: "a", delta: "b" }, "seq"],
    ["a missing field", { ...envelope, type: "file_closed", path: "a" }, "content"],
    ["an unknown type", { ...envelope, type: "deploy" }, "type"],
    ["an unknown stage", { ...envelope, type: "stage_complete", stage: "deploy", durationMs: 1 }, "stage"],
    [
      "a percent over 100",
      { ...envelope, type: "build_progress", plugin: "x", status: "start", percent: 101 },
      "percent",
    ],
    ["a negative queue position", { ...envelope, type: "run_queued", position: -1 }, "position"],
    ["a queued run without its position", { ...envelope, type: "run_queued" }, "position"],
    ["an unknown error code", { ...envelope, type: "error", code: "teapot", message: "x" }, "code"],
    [
      "a run_finished without its verdict (success alone no longer says what was proven)",
      { ...envelope, type: "run_finished", success: true, metrics: metricsWith({}) },
      "verdict",
    ],
    [
      "an unknown stage in durations",
      {
        ...examples.find((event) => event.type === "run_finished"),
        metrics: { ...metricsWith({ deploy: 1 }) },
      },
      "durations",
    ],
  ])("rejects %s with a readable message", (_label, data, mentions) => {
    const result = parseStudioEvent(data)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toContain(mentions)
  })

  it("reads run metrics with tokens per stage and a cost, and old metrics without them", () => {
    const finished = examples.find((event) => event.type === "run_finished")
    const costed = {
      ...finished,
      metrics: {
        ...metricsWith({ scaffold: 5 }),
        tokens: { prompt: 300, completion: 120 },
        tokensByStage: {
          interpret: { prompt: 100, completion: 20 },
          scaffold: { prompt: 200, completion: 100 },
        },
        costUsd: 0.00195,
        costBasis: "price",
      },
    }
    expect(parseStudioEvent(costed)).toEqual({ ok: true, event: costed })
    const old = parseStudioEvent({ ...finished, metrics: metricsWith({}) })
    expect(old.ok).toBe(true)
    if (old.ok && old.event.type === "run_finished") {
      expect(old.event.metrics.tokensByStage).toBeUndefined()
      expect(old.event.metrics.costUsd).toBeUndefined()
    }
  })

  it.each([
    ["a negative cost", { costUsd: -1 }, "costUsd"],
    ["an unknown cost basis", { costBasis: "free" }, "costBasis"],
    [
      "an unknown stage in tokensByStage",
      { tokensByStage: { deploy: { prompt: 1, completion: 1 } } },
      "tokensByStage",
    ],
    [
      "fractional stage tokens",
      { tokensByStage: { scaffold: { prompt: 1.5, completion: 1 } } },
      "tokensByStage",
    ],
  ])("rejects run metrics with %s", (_label, extra, mentions) => {
    const finished = examples.find((event) => event.type === "run_finished")
    const result = parseStudioEvent({ ...finished, metrics: { ...metricsWith({}), ...extra } })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toContain(mentions)
  })

  it("rejects things that are not events", () => {
    for (const data of [null, "token", 42, [], {}]) expect(parseStudioEvent(data).ok).toBe(false)
  })
})

function metricsWith(durations: Record<string, number>) {
  return { durations, tokens: { prompt: 0, completion: 0 }, repairAttempts: 0 }
}
