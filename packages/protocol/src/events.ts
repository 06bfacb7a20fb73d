import { z } from "zod"
import { agentStageSchema, contractSchema } from "./contract"
import { diagnosticSchema } from "./diagnostics"
import { errorCodeSchema } from "./errors"
import { testStatusSchema } from "./exec-result"
import { verdictSchema } from "./verdict"

/** Fields every event carries; `seq` strictly increases within a run. */
export const eventEnvelopeSchema = z.object({
  runId: z.string().min(1),
  seq: z.int().nonnegative(),
  /** Epoch milliseconds. */
  ts: z.number().nonnegative(),
})
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>

const durationMs = z.number().nonnegative()

export const runStartedEventSchema = eventEnvelopeSchema.extend({
  type: z.literal("run_started"),
  prompt: z.string(),
  provider: z.string(),
  model: z.string(),
})

/**
 * The run waits for a place (at most a few runs of one user run at once): `position` runs start before it. Sent when
 * it has to wait and again as its place changes; `run_started` follows when a worker takes it.
 */
export const runQueuedEventSchema = eventEnvelopeSchema.extend({
  type: z.literal("run_queued"),
  position: z.int().nonnegative(),
})

/** A chunk of a file the model is writing. */
export const tokenEventSchema = eventEnvelopeSchema.extend({
  type: z.literal("token"),
  path: z.string(),
  delta: z.string(),
})

/** A file the model finished writing, with its whole content. */
export const fileClosedEventSchema = eventEnvelopeSchema.extend({
  type: z.literal("file_closed"),
  path: z.string(),
  content: z.string(),
})

export const buildProgressEventSchema = eventEnvelopeSchema.extend({
  type: z.literal("build_progress"),
  plugin: z.string(),
  status: z.enum(["start", "done"]),
  percent: z.number().min(0).max(100),
  message: z.string().optional(),
})

export const buildOkEventSchema = eventEnvelopeSchema.extend({
  type: z.literal("build_ok"),
  plugin: z.string().optional(),
  diagnostics: z.array(diagnosticSchema),
})

export const buildErrorEventSchema = eventEnvelopeSchema.extend({
  type: z.literal("build_error"),
  plugin: z.string().optional(),
  diagnostics: z.array(diagnosticSchema),
})

export const stageCompleteEventSchema = eventEnvelopeSchema.extend({
  type: z.literal("stage_complete"),
  stage: agentStageSchema,
  durationMs,
  summary: z.string().optional(),
  /** The contract, on `interpret`'s completion: what the requirements checklist shows while the run goes on. */
  contract: contractSchema.optional(),
})

export const testResultEventSchema = eventEnvelopeSchema.extend({
  type: z.literal("test_result"),
  name: z.string(),
  requirementId: z.string().optional(),
  status: testStatusSchema,
  durationMs,
  error: z.string().optional(),
})

export const reasoningStepEventSchema = eventEnvelopeSchema.extend({
  type: z.literal("reasoning_step"),
  stage: agentStageSchema,
  text: z.string(),
})

/**
 * The files the preview shows changed during the run (after scaffold, after a repair that changed them): `paths` are
 * the changed ones; `files` (when present) are all the files the preview is built from as they are now, tests left
 * out, so a client can show the run's preview before its tests finish (`POST /api/preview`); `entry` is the
 * component it renders; `givenTests` (tests as the spec) are the given tests' paths, sent among `files`, so the
 * preview builds in that mode.
 */
export const hotReloadEventSchema = eventEnvelopeSchema.extend({
  type: z.literal("hot_reload"),
  versionId: z.string().optional(),
  paths: z.array(z.string()),
  files: z.record(z.string(), z.string()).optional(),
  entry: z.string().optional(),
  givenTests: z.array(z.string()).optional(),
})

/** An error as part of the stream; `message` is already sanitized. */
export const errorEventSchema = eventEnvelopeSchema.extend({
  type: z.literal("error"),
  code: errorCodeSchema,
  message: z.string(),
})

export const tokenCountSchema = z.object({ prompt: z.int().nonnegative(), completion: z.int().nonnegative() })
export type TokenCount = z.infer<typeof tokenCountSchema>

/**
 * Where a run's `costUsd` comes from: `price` (the price table's rates for its model), `local` (a model on the
 * operator's own machine: no charge) or `offline` (the offline generator: no model, no tokens).
 */
export const COST_BASES = ["price", "local", "offline"] as const
export const costBasisSchema = z.enum(COST_BASES)
export type CostBasis = z.infer<typeof costBasisSchema>

export const runMetricsSchema = z.object({
  /** Milliseconds per stage that ran. */
  durations: z.partialRecord(agentStageSchema, durationMs),
  /** The whole run's tokens (the sum of `tokensByStage`). */
  tokens: tokenCountSchema,
  /** Tokens per stage that asked the model; a stage that runs again (repair) adds to its total. Absent in old runs. */
  tokensByStage: z.partialRecord(agentStageSchema, tokenCountSchema).optional(),
  /** Dollars the run's tokens cost; absent when the model's price is not known (and in old runs). */
  costUsd: z.number().nonnegative().optional(),
  costBasis: costBasisSchema.optional(),
  repairAttempts: z.int().nonnegative(),
})
export type RunMetrics = z.infer<typeof runMetricsSchema>

export const runFinishedEventSchema = eventEnvelopeSchema.extend({
  type: z.literal("run_finished"),
  /** What the run proved (`computeVerdict`); only `proven` is "Passed". */
  verdict: verdictSchema,
  /** Why the verdict is not `proven`, e.g. "tests were turned off"; empty when it is. */
  reasons: z.array(z.string()),
  /** `verdict === "proven"`, kept for clients that read only this. */
  success: z.boolean(),
  versionId: z.string().optional(),
  metrics: runMetricsSchema,
})

/** Every event a run emits: printed as NDJSON by the CLI, sent over WebSocket and stored by the server. */
export const studioEventSchema = z.discriminatedUnion("type", [
  runQueuedEventSchema,
  runStartedEventSchema,
  tokenEventSchema,
  fileClosedEventSchema,
  buildProgressEventSchema,
  buildOkEventSchema,
  buildErrorEventSchema,
  stageCompleteEventSchema,
  testResultEventSchema,
  reasoningStepEventSchema,
  hotReloadEventSchema,
  errorEventSchema,
  runFinishedEventSchema,
])
export type StudioEvent = z.infer<typeof studioEventSchema>
export type StudioEventType = StudioEvent["type"]
export type StudioEventOf<T extends StudioEventType> = Extract<StudioEvent, { type: T }>

export const STUDIO_EVENT_TYPES = [
  "run_queued",
  "run_started",
  "token",
  "file_closed",
  "build_progress",
  "build_ok",
  "build_error",
  "stage_complete",
  "test_result",
  "reasoning_step",
  "hot_reload",
  "error",
  "run_finished",
] as const satisfies readonly StudioEventType[]

export type StudioEventParseResult = { ok: true; event: StudioEvent } | { ok: false; message: string }

/** Parses one received event (e.g. an NDJSON line already JSON-decoded), with a readable message on failure. */
export function parseStudioEvent(data: unknown): StudioEventParseResult {
  const result = studioEventSchema.safeParse(data)
  return result.success
    ? { ok: true, event: result.data }
    : { ok: false, message: z.prettifyError(result.error) }
}
