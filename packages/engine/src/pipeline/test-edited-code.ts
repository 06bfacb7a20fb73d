import { randomUUID } from "node:crypto"
import { computeVerdict, sanitizeMessage, type Contract, type StudioEvent } from "@studio/protocol"
import { validateGeneratedPath } from "../generators/parsing"
import type { PluginId } from "../toolchain"
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
  plugins?: readonly PluginId[]
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
    // The same paths a model may write: the files are about to be written into a sandbox job.
    const refused = Object.keys(request.files).flatMap((path) => {
      const checked = validateGeneratedPath(path)
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
    throwIfCancelled(context)

    const result = yield* executeStage(request.files, {
      ...context,
      plugins: request.plugins,
      requirements: request.contract.requirements,
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
