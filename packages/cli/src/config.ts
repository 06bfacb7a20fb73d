import { z } from "zod"
import { UsageError } from "./usage-error"

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
})

export type StudioEnvironment = z.infer<typeof environmentSchema>

/** The model settings from the environment, validated once; a bad value is a usage error naming the variable. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env): StudioEnvironment {
  const parsed = environmentSchema.safeParse(env)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`)
  throw new UsageError(`invalid environment: ${problems.join("; ")}`)
}
