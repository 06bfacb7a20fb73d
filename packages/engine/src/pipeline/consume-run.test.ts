import type { StudioEvent } from "@studio/protocol"
import { describe, expect, it } from "vitest"
import { collectRun, consumeRun } from "./consume-run"
import type { RunOutcome } from "./run-context"

const envelope = (seq: number) => ({ runId: "run", seq, ts: 0 })
const started: StudioEvent = { type: "run_started", prompt: "p", provider: "x", model: "m", ...envelope(0) }
const finished: StudioEvent = {
  type: "run_finished",
  verdict: "proven",
  reasons: [],
  success: true,
  metrics: { durations: {}, tokens: { prompt: 0, completion: 0 }, repairAttempts: 0 },
  ...envelope(1),
}
const outcome: RunOutcome = { files: { "src/a.ts": "export {}" }, tests: [] }

describe("consumeRun", () => {
  it("hands run_finished over with the outcome, which the run returned after it", async () => {
    const steps: string[] = []
    async function* fakeRun(): AsyncGenerator<StudioEvent, RunOutcome> {
      yield started
      yield finished
      steps.push("returned")
      return outcome
    }
    const handed: [string, RunOutcome | undefined][] = []
    const result = await consumeRun(fakeRun(), (event, withOutcome) => {
      steps.push(`handed ${event.type}`)
      handed.push([event.type, withOutcome])
    })
    expect(handed).toEqual([
      ["run_started", undefined],
      ["run_finished", outcome],
    ])
    // The run had returned before its run_finished was handed on.
    expect(steps).toEqual(["handed run_started", "returned", "handed run_finished"])
    expect(result).toBe(outcome)
  })

  it("waits for each handler, and closes the run when a handler throws", async () => {
    let closed = false
    async function* fakeRun(): AsyncGenerator<StudioEvent, RunOutcome> {
      try {
        yield started
        yield finished
        return outcome
      } finally {
        closed = true
      }
    }
    await expect(
      consumeRun(fakeRun(), async () => {
        await new Promise((resolve) => setTimeout(resolve, 1))
        throw new Error("storage is down")
      }),
    ).rejects.toThrow("storage is down")
    expect(closed).toBe(true)
  })

  it("collectRun gives every event and the outcome", async () => {
    async function* fakeRun(): AsyncGenerator<StudioEvent, RunOutcome> {
      yield started
      yield finished
      return outcome
    }
    expect(await collectRun(fakeRun())).toEqual({ events: [started, finished], outcome })
  })
})
