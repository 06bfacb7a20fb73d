import { parseOrThrow } from "@studio/protocol"
import { z } from "zod"

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
  /**
   * `off`: never ask for `response_format` (JSON mode) in the interpret stage. The default, `on`, asks, and a server
   * that refuses it is asked again without it and remembered.
   */
  STUDIO_JSON_MODE: optionalText.pipe(
    z
      .string()
      .transform((value) => value.toLowerCase())
      .pipe(z.enum(["on", "off"], { error: "must be on or off" }))
      .optional(),
  ),
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

/** The model settings from the environment, validated once; a bad value is `config_invalid` naming the variable. */
export function readModelEnvironment(env: NodeJS.ProcessEnv = process.env): ModelEnvironment {
  return parseOrThrow(environmentSchema, env, {
    code: "config_invalid",
    subject: "invalid environment",
    allIssues: true,
  })
}
