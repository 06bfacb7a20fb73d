import { z } from "zod"

/** A setting that cannot work (a bad URL, a missing key or model): the message names what to fix. */
export class GeneratorSetupError extends Error {}
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional()

const environmentSchema = z.object({
  OPENAI_BASE_URL: optionalText.pipe(
    z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  ),
  OPENAI_API_KEY: optionalText,
  STUDIO_MODEL: optionalText,
  OLLAMA_HOST: optionalText.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional()),
  /** Pause between the offline generator's streamed chunks, to stream at a model's pace (demos, UI tests). */
  STUDIO_OFFLINE_CHUNK_DELAY_MS: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,4}$/, "must be a whole number of milliseconds")
      .transform(Number)
      .refine((ms) => ms <= 1000, "must be at most 1000")
      .optional(),
  ),
})

export type ModelEnvironment = z.infer<typeof environmentSchema>

/** The model settings from the environment, validated once; a bad value is a usage error naming the variable. */
export function readModelEnvironment(env: NodeJS.ProcessEnv = process.env): ModelEnvironment {
  const parsed = environmentSchema.safeParse(env)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`)
  throw new GeneratorSetupError(`invalid environment: ${problems.join("; ")}`)
}
