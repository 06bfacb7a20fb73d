import { evaluateRequirements, type StudioEvent, type VersionReport } from "@studio/protocol"
import type { RunOutcome } from "./run-context"

/**
 * What a run proved: its verdict (as its run_finished carried it), each requirement with its tests, plus timings,
 * tokens, repairs and the errors it reported.
 */
export function buildVersionReport(
  outcome: RunOutcome,
  events: readonly StudioEvent[],
  meta: { provider: string; model: string },
): VersionReport {
  const finished = events.findLast((event) => event.type === "run_finished")
  const requirements = evaluateRequirements(outcome.contract?.requirements ?? [], outcome.tests).map(
    (status) => ({
      id: status.id,
      text: status.text,
      met: status.met,
      tests: status.tests.map((test) => ({ name: test.name, status: test.status })),
    }),
  )
  // The verdict is the run's, computed once by the pipeline; a report of a run that never finished proves nothing.
  const { verdict, reasons } =
    finished?.type === "run_finished"
      ? finished
      : { verdict: "unverified" as const, reasons: ["the run did not finish"] }
  return {
    verdict,
    reasons,
    success: verdict === "proven",
    provider: meta.provider,
    model: meta.model,
    requirements,
    tests: outcome.tests,
    ...(finished?.type === "run_finished" ? { metrics: finished.metrics } : {}),
    errors: events.flatMap((event) =>
      event.type === "error" ? [{ code: event.code, message: event.message }] : [],
    ),
  }
}
