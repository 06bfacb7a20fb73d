import { evaluateRequirements, type Contract, type StudioEvent, type VerdictOutcome } from "@studio/protocol"
import { stageComplete, type RunContext } from "../run-context"
import type { ExecuteResult } from "./execute"

/** report: what the run proved in one line, as a reasoning step and the stage's summary (run_finished follows). */
export async function* reportStage(
  context: RunContext,
  contract: Contract,
  result: ExecuteResult,
): AsyncGenerator<StudioEvent, void> {
  const started = performance.now()
  const summary = summarizeExecution(contract, result)
  yield context.emit({ type: "reasoning_step", stage: "report", text: summary })
  yield stageComplete(context, "report", started, { summary })
}

/** The report's one-line summary: requirements met, tests passing, and the verdict with its reasons. */
export function summarizeExecution(contract: Contract, result: ExecuteResult): string {
  const met = evaluateRequirements(contract.requirements, result.tests).filter((status) => status.met)
  const passed = result.tests.filter((test) => test.status === "pass").length
  return (
    `${met.length}/${contract.requirements.length} requirements met; ${passed}/${result.tests.length} tests pass. ` +
    describeVerdict(result)
  )
}

/** "Proven.", "Not verified: tests were turned off." or "Failed: 1 test failed: ...". */
export function describeVerdict(outcome: VerdictOutcome): string {
  const reasons = outcome.reasons.map((reason) => reason.replace(/\.$/, "")).join("; ")
  switch (outcome.verdict) {
    case "proven":
      return "Proven."
    case "unverified":
      return `Not verified: ${reasons}.`
    case "failed":
      return `Failed: ${reasons}.`
  }
}
