import { sanitizeMessage, type Contract, type StudioEvent, type TestCaseResult } from "@studio/protocol"
import {
  askAgainForEdits,
  describeRefusedEdits,
  refusedEditErrors,
  streamFiles,
  TEST_FILE,
} from "../model-stream"
import { componentPathOf, hotReload, stageComplete, type GenerationContext } from "../run-context"
import type { ExecuteResult } from "./execute"

/**
 * repair: failing tests and error diagnostics become changed implementation files (one attempt), written whole or as
 * search/replace edits. Edits that do not apply are asked for again once, with the reasons, against the files as
 * they are then; what still does not apply is an error and its file is left as it was. The tests are the proof: a
 * repair changes the implementation, never the tests it must pass.
 */
export async function* repairStage(
  context: GenerationContext,
  contract: Contract,
  current: ExecuteResult,
  maxRepairs: number,
  /** Tests as the spec: the given tests, which the preview builds beside (see hot_reload). */
  given?: { files: Record<string, string>; componentPath: string },
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
  const refusedTests = new Set<string>()
  const refuses = (path: string) => {
    if (TEST_FILE.test(path)) refusedTests.add(path)
    return TEST_FILE.test(path)
  }
  const edits = { read: (path: string) => repaired[path], refuses }
  let retryReason: string | undefined
  for (let retried = false; ; retried = true) {
    const input = {
      stage: "repair" as const,
      contract,
      files: { ...repaired },
      failingTests,
      diagnostics: errors,
      attempt,
    }
    const answer = yield* streamFiles(
      context,
      input,
      (path, content) => {
        if (!refuses(path)) repaired[path] = content
      },
      { edits, ...(retryReason === undefined ? {} : { retryReason }) },
    )
    if (answer.refusedEdits.length === 0) break
    if (retried) {
      yield* refusedEditErrors(context, answer.refusedEdits)
      break
    }
    retryReason = askAgainForEdits(answer.refusedEdits)
    yield emit({
      type: "reasoning_step",
      stage: "repair",
      text: sanitizeMessage(
        `Some edits could not be applied: ${describeRefusedEdits(answer.refusedEdits)}. Asking the model once more.`,
      ),
    })
  }
  if (refusedTests.size > 0) {
    yield emit({
      type: "reasoning_step",
      stage: "repair",
      text: `Ignored changes to test files (${[...refusedTests].join(", ")}): a repair may only change the implementation.`,
    })
  }
  yield stageComplete(context, "repair", started)
  // The preview shows the repaired component at once; the next execute tells whether it passes.
  const reload = await hotReload(context, current.files, repaired, {
    entry: componentPathOf(contract, given),
    ...(given ? { givenTests: given.files } : {}),
  })
  if (reload) yield reload
  return repaired
}

/** Tests that passed before and do not pass now (a repair that breaks them is discarded). */
export function brokenTests(before: readonly TestCaseResult[], after: readonly TestCaseResult[]): string[] {
  const status = new Map(after.map((test) => [test.fullName ?? test.name, test.status]))
  return before
    .filter((test) => test.status === "pass" && status.get(test.fullName ?? test.name) !== "pass")
    .map((test) => test.name)
}

/**
 * Whether a repair changed nothing that matters: the same tests fail with the same errors, and the same error
 * diagnostics remain (compared after normalising what differs between two runs of one failure: colours, stack
 * frames, timings, spacing, line and column). Nothing failing is never "the same": there is nothing to give up on.
 */
export function sameFailures(
  before: Pick<ExecuteResult, "tests" | "diagnostics">,
  after: Pick<ExecuteResult, "tests" | "diagnostics">,
): boolean {
  const previous = failureSignature(before)
  const now = failureSignature(after)
  return (
    previous.length > 0 &&
    previous.length === now.length &&
    previous.every((entry, index) => entry === now[index])
  )
}

/** The reasoning step of a repair loop that stops early, naming the tests that still fail. */
export function gaveUpStep(result: Pick<ExecuteResult, "tests" | "diagnostics">): string {
  const failing = result.tests.filter((test) => test.status === "fail").map((test) => test.name)
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error").length
  const what = [
    failing.length > 0 ? `${failing.length} test(s) still fail (${failing.join(", ")})` : "",
    errors > 0 ? `${errors} error(s) remain` : "",
  ]
    .filter(Boolean)
    .join(" and ")
  return `Gave up: the same tests still fail with the same errors after a change; ${what}. Another attempt would most likely repeat it.`
}

/** Failing tests (name + error) and error diagnostics (source, file, message), normalised and sorted. */
function failureSignature({ tests, diagnostics }: Pick<ExecuteResult, "tests" | "diagnostics">): string[] {
  const failing = tests
    .filter((test) => test.status === "fail")
    .map(
      (test) =>
        `test\u0000${test.file ?? ""}\u0000${test.fullName ?? test.name}\u0000${normaliseFailure(test.error ?? "")}`,
    )
  const errors = diagnostics
    .filter((diagnostic) => diagnostic.severity === "error")
    .map(
      (diagnostic) =>
        `${diagnostic.source}\u0000${diagnostic.path}\u0000${normaliseFailure(diagnostic.message)}`,
    )
  return [...new Set([...failing, ...errors])].sort()
}

// eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
const ANSI = /\u001b\[[0-9;]*m/g
/** Stack frames ("    at render (src/components/Counter.tsx:12:5)") move with every change to the file. */
const STACK_FRAME = /^\s*at\s.*$/gm
const TIMING = /\b\d+(\.\d+)?\s?m?s\b/g
const POSITION = /:\d+:\d+\b/g

function normaliseFailure(text: string): string {
  return text
    .replace(ANSI, "")
    .replace(STACK_FRAME, "")
    .replace(POSITION, ":_")
    .replace(TIMING, "_ms")
    .replace(/\s+/g, " ")
    .trim()
}
