import type { Contract, StudioEvent, TestCaseResult } from "@studio/protocol"
import { streamFiles, TEST_FILE } from "../model-stream"
import { stageComplete, type GenerationContext } from "../run-context"
import type { ExecuteResult } from "./execute"

/**
 * repair: failing tests and error diagnostics become changed implementation files (one attempt). The tests are the
 * proof: a repair changes the implementation, never the tests it must pass.
 */
export async function* repairStage(
  context: GenerationContext,
  contract: Contract,
  current: ExecuteResult,
  maxRepairs: number,
): AsyncGenerator<StudioEvent, Record<string, string>> {
  const { emit } = context
  const attempt = ++context.repairAttempts
  const started = performance.now()
  const failingTests = current.tests.filter((test) => test.status === "fail")
  const errors = current.diagnostics.filter((diagnostic) => diagnostic.severity === "error")
  yield emit({
    type: "reasoning_step",
    stage: "repair",
    text: `Attempt ${attempt} of ${maxRepairs}: ${failingTests.length} failing test(s), ${errors.length} error(s) to fix.`,
  })
  const repaired = { ...current.files }
  const refusedTests: string[] = []
  yield* streamFiles(
    context,
    { stage: "repair", contract, files: current.files, failingTests, diagnostics: errors, attempt },
    (path, content) => {
      if (TEST_FILE.test(path)) refusedTests.push(path)
      else repaired[path] = content
    },
  )
  if (refusedTests.length > 0) {
    yield emit({
      type: "reasoning_step",
      stage: "repair",
      text: `Ignored changes to test files (${refusedTests.join(", ")}): a repair may only change the implementation.`,
    })
  }
  yield stageComplete(context, "repair", started)
  return repaired
}

/** Tests that passed before and do not pass now (a repair that breaks them is discarded). */
export function brokenTests(before: readonly TestCaseResult[], after: readonly TestCaseResult[]): string[] {
  const status = new Map(after.map((test) => [test.fullName ?? test.name, test.status]))
  return before
    .filter((test) => test.status === "pass" && status.get(test.fullName ?? test.name) !== "pass")
    .map((test) => test.name)
}
