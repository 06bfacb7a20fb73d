import { z } from "zod"
import { versionReportSchema, type VersionReport } from "./api"
import { runFinishedEventSchema, type StudioEventOf } from "./events"
import type { TracedTest } from "./requirement-trace"
import { computeVerdict, isStoppingError, verdictSchema, type VerdictOutcome } from "./verdict"

/** What a run stored before verdicts existed: enough to read it again with today's rule. */
export interface EarlierRun {
  /** What it stored as `success` (null: it never finished). Only ever taken as a "no". */
  success: boolean | null
  /** The contract's requirements, when it had one. */
  requirements?: readonly { id: string }[]
  tests: readonly TracedTest[]
  /** The errors it reported (or, for a stopped run, the stop). */
  errors?: readonly { code: string; message: string }[]
}

/**
 * The verdict of a run stored before verdicts, read with `computeVerdict` from what it stored (requirements and
 * tests; which checks ran was not stored, so it is not held against it). Its old `success` is never trusted as a
 * "yes": it only turns what would read as proven or unverified into failed, since it then meant a check reported
 * an error.
 */
export function verdictOfEarlierRun(run: EarlierRun): VerdictOutcome {
  const errors = run.errors ?? []
  const computed = computeVerdict({
    tests: run.tests,
    // A run that passed may have reported errors it recovered from (a refused file); they did not decide it.
    errors: run.success === true ? [] : errors,
    ...(run.requirements ? { requirements: run.requirements } : {}),
  })
  if (run.success === true || computed.verdict === "failed") return computed
  const stopped = errors.some((error) => isStoppingError(error.code))
  if (stopped) return { verdict: "unverified", reasons: computed.reasons }
  if (run.success === null)
    return { verdict: "unverified", reasons: ["the run did not finish", ...computed.reasons] }
  return { verdict: "failed", reasons: ["its checks reported errors when it ran", ...computed.reasons] }
}

/** A version report as stored: reports written before verdicts have none. */
export const storedVersionReportSchema = versionReportSchema.extend({
  verdict: verdictSchema.optional(),
  reasons: z.array(z.string()).optional(),
})

/**
 * A stored version report as the API sends it: with its verdict, computed from its requirements and tests when it
 * was stored before verdicts. Undefined when the stored value is not a report.
 */
export function upgradeVersionReport(stored: unknown): VersionReport | undefined {
  const parsed = storedVersionReportSchema.safeParse(stored)
  if (!parsed.success) return undefined
  const report = parsed.data
  const outcome: VerdictOutcome = report.verdict
    ? { verdict: report.verdict, reasons: report.reasons ?? [] }
    : verdictOfEarlierRun({
        success: report.success,
        requirements: report.requirements,
        tests: report.tests,
        errors: report.errors,
      })
  return { ...report, ...outcome, success: outcome.verdict === "proven" }
}

/** A `run_finished` event as stored: events stored before verdicts have `success` alone. */
export const storedRunFinishedEventSchema = runFinishedEventSchema.extend({
  verdict: verdictSchema.optional(),
  reasons: z.array(z.string()).optional(),
})
export type StoredRunFinishedEvent = z.infer<typeof storedRunFinishedEventSchema>

/**
 * A stored `run_finished` event as clients receive it: with its verdict, computed from the run's stored
 * requirements and tests (`run`) when it was stored before verdicts.
 */
export function upgradeRunFinishedEvent(
  event: StoredRunFinishedEvent,
  run: Omit<EarlierRun, "success">,
): StudioEventOf<"run_finished"> {
  const outcome: VerdictOutcome = event.verdict
    ? { verdict: event.verdict, reasons: event.reasons ?? [] }
    : verdictOfEarlierRun({ ...run, success: event.success })
  return { ...event, ...outcome, success: outcome.verdict === "proven" }
}
