import {
  evaluateRequirements,
  StudioError,
  toStudioError,
  type AgentStage,
  type Contract,
  type Diagnostic,
  type EmitStudioEvent,
  type StudioEvent,
  type VerdictOutcome,
} from "@studio/protocol"
import { executeProject, EXECUTE_STAGE_PLUGINS, type ExecuteProjectResult } from "../execute"
import type { SandboxBackend } from "../sandbox"
import { IMPORT_CHECK_SOURCE } from "../toolchain/module-resolver"
import type { PluginId, ToolchainRegistry } from "../toolchain"

export interface ExecuteStageContext {
  toolchain: ToolchainRegistry
  sandbox: SandboxBackend
  signal?: AbortSignal
  /** Toolchain steps to run (default: all of them). */
  plugins?: readonly PluginId[]
  emit: EmitStudioEvent
  /** The run's durations per stage; execute's time is added to it. */
  durations: Partial<Record<AgentStage, number>>
  /** The contract's requirements, for the execution's verdict. */
  requirements?: readonly { id: string }[]
}

/**
 * The execute stage with its progress as events: build_progress and build_ok / build_error per plugin, test_result
 * per test as it finishes, then stage_complete. Shared by generation runs and test runs of edited code, so both
 * tell the same story. Throws `cancelled` when the run's signal fired while it worked.
 */
export async function* executeStage(
  files: Record<string, string>,
  context: ExecuteStageContext,
): AsyncGenerator<StudioEvent, ExecuteProjectResult> {
  const { emit } = context
  const started = performance.now()
  const plugins = context.plugins ?? EXECUTE_STAGE_PLUGINS
  const queue: StudioEvent[] = []
  let wake: (() => void) | undefined
  let finished = false
  let done = 0
  const push = (event: StudioEvent) => {
    queue.push(event)
    wake?.()
  }
  const execution = executeProject(files, {
    toolchain: context.toolchain,
    sandbox: context.sandbox,
    plugins,
    signal: context.signal,
    ...(context.requirements ? { requirements: context.requirements } : {}),
    onProgress(progress) {
      if (progress.type === "plugin_start") {
        push(
          emit({
            type: "build_progress",
            plugin: progress.plugin,
            status: "start",
            percent: Math.round((done / plugins.length) * 100),
          }),
        )
      } else if (progress.type === "plugin_done") {
        done++
        push(
          emit({
            type: "build_progress",
            plugin: progress.plugin,
            status: "done",
            percent: Math.round((done / plugins.length) * 100),
          }),
        )
        const errors = progress.diagnostics.filter(
          (diagnostic: Diagnostic) => diagnostic.severity === "error",
        )
        push(
          emit({
            type: errors.length > 0 ? "build_error" : "build_ok",
            plugin: progress.plugin,
            diagnostics: progress.diagnostics,
          }),
        )
      } else if (progress.type === "imports_checked") {
        // Refused imports are a build_error of their own; a clean check is news only after a pass that had some
        // (a repair pass), so their diagnostics are replaced.
        if (progress.diagnostics.length > 0 || context.durations.execute !== undefined) {
          push(
            emit({
              type: progress.diagnostics.length > 0 ? "build_error" : "build_ok",
              plugin: IMPORT_CHECK_SOURCE,
              diagnostics: progress.diagnostics,
            }),
          )
        }
      } else {
        const result = progress.result
        push(
          emit({
            type: "test_result",
            name: result.name,
            status: result.status,
            durationMs: result.durationMs,
            ...(result.requirementId ? { requirementId: result.requirementId } : {}),
            ...(result.error ? { error: result.error } : {}),
          }),
        )
      }
    },
  }).finally(() => {
    finished = true
    wake?.()
  })
  while (!finished || queue.length > 0) {
    const next = queue.shift()
    if (next) {
      yield next
      continue
    }
    await new Promise<void>((resolve) => {
      wake = resolve
    })
    wake = undefined
  }
  const result = await execution
  // Results of a cancelled execution are partial (killed workers): they must not read as the code's verdict.
  if (context.signal?.aborted) throw new StudioError("cancelled")
  const durationMs = Math.round(performance.now() - started)
  context.durations.execute = (context.durations.execute ?? 0) + durationMs
  const passed = result.tests.filter((test) => test.status === "pass").length
  yield emit({
    type: "stage_complete",
    stage: "execute",
    durationMs,
    summary: `${passed}/${result.tests.length} tests pass`,
  })
  return result
}

/** The report's one-line summary: requirements met, tests passing, and the verdict with its reasons. */
export function summarizeExecution(contract: Contract, result: ExecuteProjectResult): string {
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

/** What ended a run that threw: the signal's reason (or `cancelled`) when it was aborted, else the error itself. */
export function runFailure(thrown: unknown, signal: AbortSignal | undefined): StudioError {
  if (!signal?.aborted) return toStudioError(thrown)
  const reason: unknown = signal.reason
  return StudioError.isInstance(reason) ? reason : new StudioError("cancelled")
}
