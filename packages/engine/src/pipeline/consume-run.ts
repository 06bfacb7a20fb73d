import type { StudioEvent } from "@studio/protocol"
import type { RunOutcome } from "./run-context"

/** A run as `run()` and `testEditedCode()` return it: its events, then its outcome as the return value. */
export type RunEvents = AsyncGenerator<StudioEvent, RunOutcome>

/**
 * Drives a run to its end, handing each event to `onEvent` in order. The closing run_finished comes with the run's
 * outcome: the run is resumed once more for its return value before run_finished is handed on, so whoever stores
 * versions can save one before anyone hears the run finished. Returns the outcome; stopping early (`onEvent`
 * throws) closes the run.
 */
export async function consumeRun(
  events: RunEvents,
  onEvent: (event: StudioEvent, outcome?: RunOutcome) => unknown,
): Promise<RunOutcome> {
  let ended = false
  try {
    for (;;) {
      const next = await events.next()
      if (next.done) {
        ended = true
        return next.value
      }
      if (next.value.type !== "run_finished") {
        await onEvent(next.value)
        continue
      }
      const after = await events.next()
      ended = after.done === true
      if (!after.done) throw new Error("a run yielded an event after run_finished")
      await onEvent(next.value, after.value)
      return after.value
    }
  } finally {
    if (!ended) await events.return({ files: {}, tests: [] })
  }
}

/** Every event of a run and its outcome (tests, scripts, the CLI). */
export async function collectRun(events: RunEvents): Promise<{ events: StudioEvent[]; outcome: RunOutcome }> {
  const seen: StudioEvent[] = []
  const outcome = await consumeRun(events, (event) => seen.push(event))
  return { events: seen, outcome }
}
