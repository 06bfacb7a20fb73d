import {
  upgradeRunFinishedEvent,
  type EarlierRun,
  type StudioEvent,
  type VerdictOutcome,
} from "@studio/protocol"
import type { ReadEvent } from "../db/repositories/events"
import type { RunRecord } from "../db/repositories/runs"
import type { Store } from "../db/store"

// Everything the server reads back that carries a verdict goes through here, so a version, event or run stored
// before verdicts reads with today's rule (protocol's computeVerdict) and never on its old `success` alone.

/** What an earlier run stored that its verdict can be read from: its contract, test results and how it ended. */
export function earlierRunOf(run: RunRecord): Omit<EarlierRun, "success"> {
  const stop =
    run.status === "cancelled"
      ? [{ code: "cancelled", message: "The run was cancelled." }]
      : run.status === "interrupted"
        ? [{ code: "interrupted", message: "The studio restarted during this run." }]
        : []
  return {
    tests: run.testResults ?? [],
    errors: stop,
    ...(run.contract ? { requirements: run.contract.requirements } : {}),
  }
}

/** A stored event as clients receive it: a `run_finished` stored before verdicts gets one from `run`. */
export function readStoredEvent(event: ReadEvent, run: RunRecord): StudioEvent {
  // One stored with its verdict keeps it; `success` follows the verdict either way.
  return event.type === "run_finished" ? upgradeRunFinishedEvent(event, earlierRunOf(run)) : event
}

/**
 * The verdict of each finished run: the one its record keeps, else (a run recorded before 0004) from its stored
 * run_finished (upgraded); a run still going has none.
 */
export async function readRunVerdicts(
  store: Store,
  runs: readonly RunRecord[],
): Promise<Map<string, VerdictOutcome>> {
  const verdicts = new Map<string, VerdictOutcome>()
  const unrecorded: RunRecord[] = []
  for (const run of runs) {
    if (run.verdict) verdicts.set(run.id, { verdict: run.verdict, reasons: run.verdictReasons ?? [] })
    else unrecorded.push(run)
  }
  if (unrecorded.length === 0) return verdicts
  const finished = await store.events.runFinished(unrecorded.map((run) => run.id))
  for (const run of unrecorded) {
    const event = finished.get(run.id)
    if (!event) continue
    const read = readStoredEvent(event, run)
    if (read.type === "run_finished") verdicts.set(run.id, { verdict: read.verdict, reasons: read.reasons })
  }
  return verdicts
}
