import { describe, it, expect, expectTypeOf } from "vitest"
import { createEventSequencer } from "./event-sequencer"
import { studioEventSchema } from "./events"
import type { StudioEvent, StudioEventOf } from "./events"

describe("createEventSequencer", () => {
  it("stamps run id, a sequence counting up from 0, and the clock's time", () => {
    let clock = 1_000
    const emit = createEventSequencer("run-1", () => clock++)
    const events: StudioEvent[] = [
      emit({ type: "run_started", prompt: "a counter", provider: "offline", model: "recipes" }),
      emit({ type: "token", path: "src/components/Counter.tsx", delta: "export" }),
      emit({ type: "stage_complete", stage: "scaffold", durationMs: 12 }),
    ]
    expect(events.map(({ runId, seq, ts }) => ({ runId, seq, ts }))).toEqual([
      { runId: "run-1", seq: 0, ts: 1_000 },
      { runId: "run-1", seq: 1, ts: 1_001 },
      { runId: "run-1", seq: 2, ts: 1_002 },
    ])
    expect(events[1]).toEqual({
      type: "token",
      path: "src/components/Counter.tsx",
      delta: "export",
      runId: "run-1",
      seq: 1,
      ts: 1_001,
    })
    for (const event of events) expect(studioEventSchema.parse(event)).toEqual(event)
  })

  it("keeps separate counts per sequencer and uses Date.now by default", () => {
    const first = createEventSequencer("a")
    const second = createEventSequencer("b")
    first({ type: "hot_reload", paths: [] })
    const event = second({ type: "hot_reload", paths: ["src/components/Counter.tsx"] })
    expect(event.seq).toBe(0)
    expect(Math.abs(event.ts - Date.now())).toBeLessThan(1_000)
  })

  it("returns the precise event type", () => {
    const emit = createEventSequencer("run-1", () => 0)
    const event = emit({ type: "test_result", name: "R1: renders", status: "pass", durationMs: 3 })
    expectTypeOf(event).toExtend<StudioEventOf<"test_result">>()
    // @ts-expect-error a token event needs a delta
    emit({ type: "token", path: "src/a.tsx" })
  })
})
