import { z } from "zod"
import { contractSchema } from "./contract"
import { errorCodeSchema } from "./errors"
import { studioEventSchema } from "./events"
import { testCaseResultSchema } from "./exec-result"

/** Limits every side checks: the server refuses more, the web app stops the person before sending. */
export const API_LIMITS = {
  promptChars: 8_000,
  /** One WebSocket message from a client. */
  wsMessageBytes: 64 * 1024,
  /** One REST request body (edited files included). */
  bodyBytes: 1024 * 1024,
  projectNameChars: 120,
  emailChars: 254,
  passwordMinChars: 8,
  passwordMaxChars: 256,
} as const

const id = z.uuid()

// --- REST -------------------------------------------------------------------------------------------------------

export const credentialsSchema = z.object({
  email: z.email().max(API_LIMITS.emailChars),
  password: z.string().min(1).max(API_LIMITS.passwordMaxChars),
})
export type Credentials = z.infer<typeof credentialsSchema>

export const userSchema = z.object({ id, email: z.string(), createdAt: z.string() })
export type User = z.infer<typeof userSchema>

export const authResponseSchema = z.object({ token: z.string(), user: userSchema })
export type AuthResponse = z.infer<typeof authResponseSchema>

export const projectSchema = z.object({
  id,
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Project = z.infer<typeof projectSchema>

export const createProjectSchema = z.object({
  name: z.string().trim().min(1).max(API_LIMITS.projectNameChars),
})

/** A version as listed: no files. */
export const versionSummarySchema = z.object({
  id,
  projectId: id,
  number: z.number().int().positive(),
  parentVersionId: id.nullable(),
  prompt: z.string(),
  runId: id.nullable(),
  success: z.boolean().nullable(),
  createdAt: z.string(),
})
export type VersionSummary = z.infer<typeof versionSummarySchema>

export const requirementReportSchema = z.object({
  id: z.string(),
  text: z.string(),
  met: z.boolean(),
  tests: z.array(z.object({ name: z.string(), status: z.string() })),
})

/** What a run proved, stored with its version. */
export const versionReportSchema = z.object({
  success: z.boolean(),
  provider: z.string(),
  model: z.string(),
  requirements: z.array(requirementReportSchema),
  tests: z.array(testCaseResultSchema),
  metrics: z
    .object({
      durations: z.record(z.string(), z.number()),
      tokens: z.object({ prompt: z.number(), completion: z.number() }),
      repairAttempts: z.number(),
    })
    .optional(),
  errors: z.array(z.object({ code: z.string(), message: z.string() })),
})
export type VersionReport = z.infer<typeof versionReportSchema>

export const versionSchema = versionSummarySchema.extend({
  files: z.record(z.string(), z.string()),
  contract: contractSchema.nullable(),
  report: versionReportSchema.nullable(),
  css: z.string().optional(),
})
export type Version = z.infer<typeof versionSchema>

export const feedbackSchema = z.object({ satisfaction: z.union([z.literal(1), z.literal(-1)]) })

export const apiErrorSchema = z.object({
  error: z.object({ code: errorCodeSchema, message: z.string(), retryAfterMs: z.number().optional() }),
})
export type ApiError = z.infer<typeof apiErrorSchema>

// --- WebSocket ----------------------------------------------------------------------------------------------------

/** The subprotocol of the studio's WebSocket; a token may travel beside it as `bearer.<jwt>`. */
export const WS_PROTOCOL = "studio.v1"

export const generateMessageSchema = z.object({
  type: z.literal("generate"),
  /** Echoed back in `run_accepted`, so a client can match its request to the run. */
  requestId: z.string().max(100).optional(),
  projectId: id,
  prompt: z.string().trim().min(1, "the prompt is empty").max(API_LIMITS.promptChars),
  parentVersionId: id.optional(),
  plugins: z.array(z.string().max(40)).max(20).optional(),
})

export const clientMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("auth"), token: z.string().max(4096) }),
  generateMessageSchema,
  z.object({ type: z.literal("cancel"), runId: id }),
  z.object({ type: z.literal("subscribe"), runId: id, afterSeq: z.number().int().min(-1).default(-1) }),
  z.object({ type: z.literal("ping"), ts: z.number().optional() }),
])
export type ClientMessage = z.infer<typeof clientMessageSchema>
export type GenerateMessage = z.infer<typeof generateMessageSchema>

/**
 * Server messages besides the run events themselves (which carry runId and seq and are sent one per message, or
 * several in one `events` message when a client falls behind). An `error` without `seq` is about the connection or a
 * request, not an event of a run.
 */
export const serverControlMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("events"), events: z.array(studioEventSchema) }),
  z.object({ type: z.literal("ready"), userId: id }),
  z.object({ type: z.literal("run_accepted"), runId: id, requestId: z.string().optional() }),
  z.object({ type: z.literal("pong"), ts: z.number().optional() }),
  z.object({
    type: z.literal("error"),
    code: errorCodeSchema,
    message: z.string(),
    retryAfterMs: z.number().optional(),
    runId: id.optional(),
  }),
])
export type ServerControlMessage = z.infer<typeof serverControlMessageSchema>
