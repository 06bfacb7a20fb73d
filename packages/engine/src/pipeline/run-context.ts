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
  type TokenCount,
  type VerdictOutcome,
} from "@studio/protocol"
import type { Generator as CodeGenerator, GeneratorChunk } from "../generators/types"
import { preparePreview } from "../preview"
import { BUILT_IN_MODEL_PRICES, priceRun, type ModelPriceTable } from "../pricing"
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
  /** What the scaffold stage wrote (the implementation before execute formatted it and repair changed it). */
  scaffoldFiles?: Record<string, string>
  /**
   * Tests as the spec: the job paths of the given tests among `files`. A version keeps them, so a later test run of
   * it runs in the same mode (`EditedCodeRequest.givenTests`); absent for generated tests.
   */
  givenTests?: string[]
}

/** What every stage of one run shares: how its events are stamped, its tools, its signal and its tallies. */
export interface RunContext {
  emit: EmitStudioEvent
  toolchain: ToolchainRegistry
  sandbox: SandboxBackend
  signal?: AbortSignal
  /** Milliseconds per stage; a stage that runs again (execute, repair) adds to its total. */
  durations: Partial<Record<AgentStage, number>>
  /** The run's tokens; `tokensByStage` holds the same by the stage that used them. */
  tokens: TokenCount
  tokensByStage: Partial<Record<AgentStage, TokenCount>>
  /** Tokens the run may use (RunRequest.maxTokens); the first usage over it stops the run with `token_limit`. */
  maxTokens?: number
  /** How run_finished prices the tokens; without it (a test run of edits: no model) no cost is given. */
  pricing?: RunPricing
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
    tokensByStage: {},
    repairAttempts: 0,
  }
}

/**
 * Adds a usage chunk to the run's and the stage's tokens, then holds the run to its token limit: the first usage
 * that takes it over the limit throws `token_limit` (the run ends there, its tokens counted).
 */
export function countUsage(
  context: RunContext,
  stage: AgentStage,
  usage: Extract<GeneratorChunk, { type: "usage" }>,
): void {
  const prompt = wholeTokens(usage.promptTokens)
  const completion = wholeTokens(usage.completionTokens)
  context.tokens.prompt += prompt
  context.tokens.completion += completion
  const byStage = (context.tokensByStage[stage] ??= { prompt: 0, completion: 0 })
  byStage.prompt += prompt
  byStage.completion += completion
  const used = context.tokens.prompt + context.tokens.completion
  if (context.maxTokens !== undefined && used > context.maxTokens) {
    throw new StudioError(
      "token_limit",
      `The run was stopped at its token limit: it used ${formatTokens(used)} tokens, over the limit of ${formatTokens(context.maxTokens)} per run.`,
      { details: { used, limit: context.maxTokens, stage } },
    )
  }
}

/** A server's usage figure as a count: a missing, negative or fractional one must not corrupt the metrics. */
function wholeTokens(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.round(value) : 0
}

const TOKEN_FORMAT = new Intl.NumberFormat("en-US")

function formatTokens(count: number): string {
  return TOKEN_FORMAT.format(count)
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

/** How a run prices its tokens: who generated them and the price table (default: the built-in list prices). */
export interface RunPricing {
  generator: { provider: string; model: string }
  prices?: ModelPriceTable
}

/** The run's last event: its verdict and metrics (tokens per stage, and their cost when the price is known). */
export function runFinished(context: RunContext, { verdict, reasons }: VerdictOutcome): StudioEvent {
  const { pricing } = context
  const tokens = { ...context.tokens }
  return context.emit({
    type: "run_finished",
    verdict,
    reasons,
    success: verdict === "proven",
    metrics: {
      durations: context.durations,
      tokens,
      tokensByStage: context.tokensByStage,
      ...(pricing ? priceRun(pricing.generator, tokens, pricing.prices ?? BUILT_IN_MODEL_PRICES) : {}),
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

/** Test files (generated or given): never what the preview shows. */
const PREVIEW_EXCLUDED = /\.test\.[jt]sx?$/

/** The files the preview is built from: the implementation, tests left out. */
export function previewFilesOf(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([path]) => !PREVIEW_EXCLUDED.test(path)))
}

/** The component the preview mounts: the given tests' component (tests as the spec), else the contract's. */
export function componentPathOf(contract: { name: string }, given?: { componentPath: string }): string {
  return given?.componentPath ?? `src/components/${contract.name}.tsx`
}

/**
 * hot_reload when the files the preview shows changed from `before` to `after` (paths added, changed or gone), with
 * the whole set as it is now, so the studio shows the run's preview while its tests still run; undefined when none
 * changed. Tests as the spec: the given tests go along, so the preview builds in that mode. The preview's bundle and
 * CSS are built first (for a moment at most, before the tests take the machine), so the page the studio asks for
 * next is ready at once.
 */
export async function hotReload(
  context: Pick<RunContext, "emit" | "toolchain">,
  before: Record<string, string>,
  after: Record<string, string>,
  options: { entry?: string; givenTests?: Record<string, string> } = {},
): Promise<StudioEvent | undefined> {
  const previous = previewFilesOf(before)
  const files = previewFilesOf(after)
  const paths = [...new Set([...Object.keys(previous), ...Object.keys(files)])]
    .filter((path) => previous[path] !== files[path])
    .sort()
  if (paths.length === 0) return undefined
  const given = options.givenTests ?? {}
  const givenTests = Object.keys(given).sort()
  const entry = options.entry && Object.hasOwn(files, options.entry) ? options.entry : undefined
  const shown = { ...files, ...given }
  await preparePreview(shown, { toolchain: context.toolchain, givenTests, ...(entry ? { entry } : {}) })
  return context.emit({
    type: "hot_reload",
    paths,
    files: shown,
    ...(entry ? { entry } : {}),
    ...(givenTests.length > 0 ? { givenTests } : {}),
  })
}
