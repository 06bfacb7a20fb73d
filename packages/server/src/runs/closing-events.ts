import { computeVerdict, type ErrorCode, type StudioEvent } from "@studio/protocol"
import type { RunStatus, StoredEvent } from "../db/schema"
import type { Store } from "../db/store"
import type { RunEventBus } from "./run-queue"

/**
 * The `error` + `run_finished` that close the log of a run no pipeline finished (cancelled while queued, lost by its
 * worker, cut off by a stop), so a client reading it sees how it ended.
 */
export function closingEvents(
  runId: string,
  firstSeq: number,
  code: ErrorCode,
  message: string,
): StudioEvent[] {
  const ts = Date.now()
  return [
    { type: "error", runId, seq: firstSeq, ts, code, message },
    {
      type: "run_finished",
      runId,
      seq: firstSeq + 1,
      ts,
      // A run cut off says nothing about its code: not verified.
      ...computeVerdict({ tests: [], errors: [{ code, message }] }),
      success: false,
      metrics: { durations: {}, tokens: { prompt: 0, completion: 0 }, repairAttempts: 0 },
    },
  ]
}

/**
 * Ends a run that no pipeline is driving: its record first (the first end wins, so a run that ended meanwhile is
 * left alone), then its closing events, each stored before it is published. False when it had already ended.
 */
export async function endRunOutsidePipeline(
  deps: { store: Store; bus: RunEventBus },
  runId: string,
  status: Exclude<RunStatus, "queued" | "running" | "succeeded">,
  code: ErrorCode,
  message: string,
): Promise<boolean> {
  const { verdict, reasons } = computeVerdict({ tests: [], errors: [{ code, message }] })
  if (!(await deps.store.runs.finish(runId, { status, success: false, verdict, verdictReasons: reasons })))
    return false
  const last = (await deps.store.events.lastSeq(runId)) ?? -1
  for (const event of closingEvents(runId, last + 1, code, message)) {
    await deps.store.events.append(runId, event.seq, event as StoredEvent)
    await deps.bus.publish(event)
  }
  return true
}
