import type { EventEnvelope, StudioEvent } from "./events"

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/** An event before it is stamped with the envelope (runId, seq, ts). */
export type StudioEventInput = DistributiveOmit<StudioEvent, keyof EventEnvelope>

/** Stamps one event with the envelope; the result is a complete StudioEvent of the same type. */
export type EmitStudioEvent = <E extends StudioEventInput>(event: E) => E & EventEnvelope

/** Returns `emit`, which stamps events with the run id, a sequence number counting up from 0, and `now()`. */
export function createEventSequencer(runId: string, now: () => number = Date.now): EmitStudioEvent {
  let nextSeq = 0
  return (event) => ({ ...event, runId, seq: nextSeq++, ts: now() })
}
