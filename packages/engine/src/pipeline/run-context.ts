import {
  computeVerdict,
  createEventSequencer,
  StudioError,
  toStudioError,
  type AgentStage,
  type Contract,
  type EmitStudioEvent,
  type ErrorCode,
  type StudioEvent,
  type TestCaseResult,
  type VerdictOutcome,
} from "@studio/protocol"
import type { Generator as CodeGenerator } from "../generators/types"
import type { SandboxBackend } from "../sandbox"
import type { ToolchainRegistry } from "../toolchain"

/** What a run works with: where code comes from, the toolchain, the sandbox, and how it is stopped. */
export interface RunDependencies {
  generator: CodeGenerator
  toolchain: ToolchainRegistry
  sandbox: SandboxBackend
  signal?: AbortSignal
  now?: () => number
}

/** The files and contract a run ends with (its generator's return value), for whoever stores versions. */
export interface RunOutcome {
  contract?: Contract
  files: Record<string, string>
  css?: string
  tests: TestCaseResult[]
}

/** What every stage of one run shares: how its events are stamped, its tools, its signal and its tallies. */
export interface RunContext {
  emit: EmitStudioEvent
  toolchain: ToolchainRegistry
  sandbox: SandboxBackend
  signal?: AbortSignal
  /** Milliseconds per stage; a stage that runs again (execute, repair) adds to its total. */
  durations: Partial<Record<AgentStage, number>>
  tokens: { prompt: number; completion: number }
  repairAttempts: number
}

/** A run context with a generator: the stages that ask a model (or the offline generator) for text. */
export interface GenerationContext extends RunContext {
  generator: CodeGenerator
}

export function createRunContext(runId: string, deps: Omit<RunDependencies, "generator">): RunContext {
  return {
    emit: createEventSequencer(runId, deps.now),
    toolchain: deps.toolchain,
    sandbox: deps.sandbox,
    ...(deps.signal ? { signal: deps.signal } : {}),
    durations: {},
    tokens: { prompt: 0, completion: 0 },
    repairAttempts: 0,
  }
}

/** stage_complete with this occurrence's duration; the run's metrics add up every occurrence. */
export function stageComplete(
  context: RunContext,
  stage: AgentStage,
  started: number,
  details: { summary?: string; contract?: Contract } = {},
): StudioEvent {
  const durationMs = Math.round(performance.now() - started)
  context.durations[stage] = (context.durations[stage] ?? 0) + durationMs
  return context.emit({
    type: "stage_complete",
    stage,
    durationMs,
    ...(details.summary ? { summary: details.summary } : {}),
    ...(details.contract ? { contract: details.contract } : {}),
  })
}

/** The run's last event: its verdict and metrics. */
export function runFinished(context: RunContext, { verdict, reasons }: VerdictOutcome): StudioEvent {
  return context.emit({
    type: "run_finished",
    verdict,
    reasons,
    success: verdict === "proven",
    metrics: {
      durations: context.durations,
      tokens: context.tokens,
      repairAttempts: context.repairAttempts,
    },
  })
}

/** A run that ends before its tests decide is judged on the error it ended with (a cancel leaves it unverified). */
export function endedOn(error: { code: ErrorCode; message: string }): VerdictOutcome {
  return computeVerdict({ tests: [], errors: [error] })
}

/** Throws `cancelled` when the run's signal has fired. */
export function throwIfCancelled(context: Pick<RunContext, "signal">): void {
  if (context.signal?.aborted) throw new StudioError("cancelled")
}

/** What ended a run that threw: the signal's reason (or `cancelled`) when it was aborted, else the error itself. */
export function runFailure(thrown: unknown, signal: AbortSignal | undefined): StudioError {
  if (!signal?.aborted) return toStudioError(thrown)
  const reason: unknown = signal.reason
  return StudioError.isInstance(reason) ? reason : new StudioError("cancelled")
}
