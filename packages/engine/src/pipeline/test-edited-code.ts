import { randomUUID } from "node:crypto"
import {
  computeVerdict,
  sanitizeMessage,
  type Contract,
  type StudioEvent,
  type TestCaseResult,
} from "@studio/protocol"
import { validateGeneratedPath, type PathValidation } from "../generators/parsing"
import type { PluginName } from "../toolchain"
import {
  createRunContext,
  endedOn,
  runFailure,
  runFinished,
  throwIfCancelled,
  type RunDependencies,
  type RunOutcome,
} from "./run-context"
import { executeStage } from "./stages/execute"
import { isGivenTestPath, traceGivenTest } from "./stages/given-tests"
import { reportStage } from "./stages/report"

/** Who wrote the code of a test run, as `run_started` names it: the person, in the studio's editor. */
export const EDITOR_PROVIDER = "editor"
export const EDITOR_MODEL = "your edits"

export interface EditedCodeRequest {
  runId?: string
  /** What the run is called in the history, e.g. "Run tests on edited v3". */
  prompt: string
  /** The contract the tests prove: the edited version's. */
  contract: Contract
  /** The edited files, tests included. */
  files: Record<string, string>
  /** Toolchain steps of the execute stage (default: all of them). */
  plugins?: readonly PluginName[]
  /**
   * Tests as the spec: the given tests of the version the edits start from (its `givenTests`), so they run in the
   * mode they were given in (Jest-style, read as the spec, never linted) and trace to the requirements by name.
   * Absent for a version of generated tests, which never runs in that mode.
   */
  givenTests?: readonly string[]
}

/** A test run of edited code needs no model. */
export type EditedCodeDependencies = Omit<RunDependencies, "generator">

/**
 * Runs the execute stage on code a person edited: run_started, the same build and test events as a generation run,
 * then report and run_finished. Edited code is never repaired: the verdict is on the person's code as written.
 * Returns the contract and the files as tested (formatted by prettier when it ran).
 */
export async function* testEditedCode(
  request: EditedCodeRequest,
  deps: EditedCodeDependencies,
): AsyncGenerator<StudioEvent, RunOutcome> {
  const context = createRunContext(request.runId ?? randomUUID(), deps)
  const { emit } = context
  const outcome: RunOutcome = { contract: request.contract, files: {}, tests: [] }

  yield emit({ type: "run_started", prompt: request.prompt, provider: EDITOR_PROVIDER, model: EDITOR_MODEL })
  try {
    // The same paths a model may write (and a given test's): the files are about to be written into a sandbox job.
    const refused = Object.keys(request.files).flatMap((path) => {
      const checked = validateEditedPath(path, request.givenTests)
      return checked.ok ? [] : [checked.message]
    })
    if (refused.length > 0) {
      const errors = refused.map(
        (message) => ({ code: "unsafe_path", message: sanitizeMessage(message) }) as const,
      )
      for (const error of errors) yield emit({ type: "error", ...error })
      yield runFinished(context, computeVerdict({ tests: [], errors }))
      return outcome
    }
    outcome.files = { ...request.files }
    const givenTests = (request.givenTests ?? []).filter((path) => Object.hasOwn(request.files, path))
    if (givenTests.length > 0) outcome.givenTests = givenTests
    throwIfCancelled(context)

    const { contract } = request
    const result = yield* executeStage(request.files, {
      ...context,
      plugins: request.plugins,
      requirements: contract.requirements,
      ...(givenTests.length > 0
        ? { givenTests, traceTest: (test: TestCaseResult) => traceGivenTest(contract, test) }
        : {}),
    })
    Object.assign(outcome, { files: result.files, css: result.css, tests: result.tests })
    yield* reportStage(context, request.contract, result)
    yield runFinished(context, result)
  } catch (thrown) {
    const visible = runFailure(thrown, deps.signal).toPublic()
    const error = { code: visible.code, message: sanitizeMessage(visible.message) }
    yield emit({ type: "error", ...error })
    yield runFinished(context, endedOn(error))
  }
  return outcome
}

/**
 * Checks a path of edited files: the rules of a model-written path, except that a given test of the version (tests as
 * the spec) may also keep its `.js` or `.jsx` name.
 */
export function validateEditedPath(path: string, givenTests: readonly string[] = []): PathValidation {
  if (givenTests.includes(path) && isGivenTestPath(path)) return { ok: true, path }
  return validateGeneratedPath(path)
}
