import { randomUUID } from "node:crypto"
import {
  computeVerdict,
  createEventSequencer,
  sanitizeMessage,
  StudioError,
  type AgentStage,
  type Contract,
  type StudioEvent,
  type VerdictOutcome,
} from "@studio/protocol"
import { validateGeneratedPath } from "../generators/parsing"
import type { PluginId } from "../toolchain"
import { executeStage, runFailure, summarizeExecution } from "./execute-stage"
import type { RunDependencies, RunOutcome } from "./run"

/** Who wrote the code of a test run, as `run_started` names it: the person, in the studio's editor. */
export const EDITOR_PROVIDER = "editor"
export const EDITOR_MODEL = "your edits"

export interface RunTestsRequest {
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

/** A test run needs no model. */
export type RunTestsDependencies = Omit<RunDependencies, "generator">

/**
 * Runs the execute stage on code a person edited: run_started, the same build and test events as a generation run,
 * then report and run_finished. Edited code is never repaired: the verdict is on the person's code as written.
 * `outcome` ends with the contract and the files as tested (formatted by prettier when it ran).
 */
export async function* runTests(
  request: RunTestsRequest,
  deps: RunTestsDependencies,
  outcome: RunOutcome = { files: {}, tests: [] },
): AsyncGenerator<StudioEvent> {
  const runId = request.runId ?? randomUUID()
  const emit = createEventSequencer(runId, deps.now)
  const durations: Partial<Record<AgentStage, number>> = {}
  const finish = ({ verdict, reasons }: VerdictOutcome) =>
    emit({
      type: "run_finished",
      verdict,
      reasons,
      success: verdict === "proven",
      metrics: { durations, tokens: { prompt: 0, completion: 0 }, repairAttempts: 0 },
    })
  Object.assign(outcome, { contract: request.contract, files: {}, tests: [] })

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
      yield finish(computeVerdict({ tests: [], errors }))
      return
    }
    outcome.files = { ...request.files }
    if (deps.signal?.aborted) throw new StudioError("cancelled")

    const result = yield* executeStage(request.files, {
      toolchain: deps.toolchain,
      sandbox: deps.sandbox,
      signal: deps.signal,
      plugins: request.plugins,
      emit,
      durations,
      requirements: request.contract.requirements,
    })
    Object.assign(outcome, { files: result.files, css: result.css, tests: result.tests })

    const started = performance.now()
    const summary = summarizeExecution(request.contract, result)
    yield emit({ type: "reasoning_step", stage: "report", text: summary })
    const durationMs = Math.round(performance.now() - started)
    durations.report = durationMs
    yield emit({ type: "stage_complete", stage: "report", durationMs, summary })
    yield finish(result)
  } catch (thrown) {
    const visible = runFailure(thrown, deps.signal).toPublic()
    const error = { code: visible.code, message: sanitizeMessage(visible.message) }
    yield emit({ type: "error", ...error })
    yield finish(computeVerdict({ tests: [], errors: [error] }))
  }
}
