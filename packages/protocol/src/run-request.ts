import { z } from "zod"
import { API_LIMITS, storableText } from "./api"
import { contractSchema } from "./contract"

/** How many repair attempts a run may make after its first execute, and how many it makes when not told. */
export const RUN_REPAIR_LIMITS = { max: 5, default: 2 } as const

const REPAIRS_MESSAGE = `must be a whole number from 0 to ${RUN_REPAIR_LIMITS.max}`

/**
 * What one run of the pipeline is asked to do: a prompt (and, for a follow-up, the version it starts from). The
 * engine parses every request with this, so the limits live here whoever calls it (server, CLI, bench).
 */
export const runRequestSchema = z.object({
  prompt: storableText()
    .trim()
    .min(1, "the prompt is empty")
    .max(API_LIMITS.promptChars, {
      error: (issue) =>
        `the prompt is ${typeof issue.input === "string" ? issue.input.length : "too many"} characters; at most ${API_LIMITS.promptChars}`,
    }),
  runId: z.string().min(1).max(200).optional(),
  /** A follow-up starts from a previous version's prompt, contract and files. */
  previous: z
    .object({
      prompt: z.string(),
      contract: contractSchema,
      files: z.record(z.string(), z.string()),
    })
    .optional(),
  /** Repair attempts after the first execute. */
  maxRepairs: z
    .number()
    .int(REPAIRS_MESSAGE)
    .min(0, REPAIRS_MESSAGE)
    .max(RUN_REPAIR_LIMITS.max, REPAIRS_MESSAGE)
    .default(RUN_REPAIR_LIMITS.default),
  /** Toolchain steps of the execute stage, by plugin id (default: all of them); the engine checks the ids. */
  plugins: z.array(z.string().max(40)).max(20).optional(),
})

/** A run request as a caller writes it (maxRepairs may be left out). */
export type RunRequestInput = z.input<typeof runRequestSchema>
/** A run request after parsing: trimmed prompt, maxRepairs filled in. */
export type ParsedRunRequest = z.output<typeof runRequestSchema>
