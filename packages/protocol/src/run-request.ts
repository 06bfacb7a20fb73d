import { z } from "zod"
import { API_LIMITS, givenTestsSchema, requirePromptOrTests, storableText } from "./api"
import { contractSchema } from "./contract"

/** How many repair attempts a run may make after its first execute, and how many it makes when not told. */
export const RUN_REPAIR_LIMITS = { max: 5, default: 2 } as const

/** Dollars per million input (prompt) and output (completion) tokens. */
export const modelPriceSchema = z.object({
  input: z.number().nonnegative().max(10_000),
  output: z.number().nonnegative().max(10_000),
})
export type ModelPrice = z.infer<typeof modelPriceSchema>

/** Prices by model name, e.g. `{ "gpt-4o": { input: 2.5, output: 10 } }`. */
export const modelPriceTableSchema = z.record(z.string().trim().min(1).max(200), modelPriceSchema)
export type ModelPriceTable = z.infer<typeof modelPriceTableSchema>

const REPAIRS_MESSAGE = `must be a whole number from 0 to ${RUN_REPAIR_LIMITS.max}`

/**
 * What one run of the pipeline is asked to do: a prompt (and, for a follow-up, the version it starts from). The
 * engine parses every request with this, so the limits live here whoever calls it (server, CLI, bench).
 */
export const runRequestSchema = z
  .object({
    /** May be empty when tests are given: they are the spec. */
    prompt: storableText()
      .trim()
      .max(API_LIMITS.promptChars, {
        error: (issue) =>
          `the prompt is ${typeof issue.input === "string" ? issue.input.length : "too many"} characters; at most ${API_LIMITS.promptChars}`,
      })
      .default(""),
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
    /** Tests as the spec (issue 14): the requirements come from their names; they are used verbatim, read-only. */
    tests: givenTestsSchema.optional(),
    /** Tokens the run may use (STUDIO_MAX_TOKENS_PER_RUN); the first usage over it stops it with `token_limit`. */
    maxTokens: z
      .number()
      .int("must be a whole number of at least 1")
      .min(1, "must be a whole number of at least 1")
      .optional(),
    /** Dollars per million tokens by model, for run_finished's costUsd (the engine adds its built-in list prices). */
    prices: modelPriceTableSchema.optional(),
  })
  .superRefine(requirePromptOrTests)

/** A run request as a caller writes it (maxRepairs may be left out). */
export type RunRequestInput = z.input<typeof runRequestSchema>
/** A run request after parsing: trimmed prompt, maxRepairs filled in. */
export type ParsedRunRequest = z.output<typeof runRequestSchema>
