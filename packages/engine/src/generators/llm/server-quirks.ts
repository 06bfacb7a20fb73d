import { z } from "zod"
import { safeParse } from "@studio/protocol"

/**
 * What OpenAI-compatible servers do differently from OpenAI, recognised from their answers: a server that refuses
 * JSON mode, a request longer than the model's context, and error bodies in shapes the official client does not read.
 */

/** The fields of an error answer the official client keeps (`APIError.error`, `.code`, `.type`, `.param`). */
export interface ServerErrorFacts {
  status: number | undefined
  message: string
  /** The parsed `error` object of the answer, when it was one. */
  error: unknown
  code: unknown
  type: unknown
  param: unknown
}

// Base URL + model pairs whose server refused `response_format` (per process, as the brief asks: a restart retries).
const responseFormatRefusals = new Set<string>()

function quirkKey(baseURL: string, model: string): string {
  return `${baseURL.replace(/\/+$/, "")}\n${model}`
}

/** Whether the server at `baseURL` refused `response_format` for `model` earlier in this process. */
export function refusesResponseFormat(baseURL: string, model: string): boolean {
  return responseFormatRefusals.has(quirkKey(baseURL, model))
}

/** Remembers, for this process, that the server at `baseURL` refuses `response_format` for `model`. */
export function rememberResponseFormatRefusal(baseURL: string, model: string): void {
  responseFormatRefusals.add(quirkKey(baseURL, model))
}

/**
 * A 400/422 that names JSON mode: LM Studio's `'response_format.type' must be 'json_schema' or 'text'`, llama.cpp's
 * `response_format type must be one of "text" or "json_object"`, vLLM and older Ollama builds that say
 * `response_format` / `json_object` is not supported. Any other 400 (a bad model name, a context error) is not this.
 */
export function isResponseFormatRefusal(facts: ServerErrorFacts): boolean {
  if (facts.status !== 400 && facts.status !== 422) return false
  if (facts.param === "response_format") return true
  return /response_format|json_object|json[ _-]?mode/i.test(facts.message)
}

export interface ContextOverflow {
  /** The model's context in tokens, when the server says it. */
  limit?: number
  /** How many tokens the request needed, when the server says it. */
  requested?: number
}

// Phrases of real context-length errors: OpenAI and vLLM ("This model's maximum context length is 8192 tokens"),
// vLLM V1 ("longer than the maximum model length of 4096"), llama.cpp ("exceeds the available context size"),
// LM Studio ("loaded with context length of only 4096 tokens"), llama-cpp-python ("exceed context window of 512").
const CONTEXT_PHRASES =
  /maximum context length|maximum model length|context length of only|available context size|exceeds? (the )?context (window|length|size)|context_length_exceeded|context window of/i

const LIMIT_PATTERNS = [
  /maximum context length is (\d+)/i,
  /maximum model length of (\d+)/i,
  /context length of only (\d+)/i,
  /context window of (\d+)/i,
]
const REQUESTED_PATTERNS = [
  /resulted in (\d+) tokens/i,
  /you requested (\d+) tokens/i,
  /request has (\d+) input tokens/i,
  /prompt \(length (\d+)\)/i,
  /requested tokens \((\d+)\)/i,
  /keep the first (\d+) tokens/i,
]

/** The facts of a context-length error, or null when the answer is about something else. */
export function contextOverflowOf(facts: ServerErrorFacts): ContextOverflow | null {
  const known =
    facts.code === "context_length_exceeded" ||
    facts.type === "exceed_context_size_error" ||
    CONTEXT_PHRASES.test(facts.message)
  if (!known) return null
  const overflow: ContextOverflow = {}
  // llama.cpp puts the numbers beside the message: { n_prompt_tokens, n_ctx }.
  const limit = numberField(facts.error, "n_ctx") ?? firstNumber(facts.message, LIMIT_PATTERNS)
  const requested =
    numberField(facts.error, "n_prompt_tokens") ?? firstNumber(facts.message, REQUESTED_PATTERNS)
  if (limit !== undefined) overflow.limit = limit
  if (requested !== undefined) overflow.requested = requested
  return overflow
}

function firstNumber(text: string, patterns: RegExp[]): number | undefined {
  for (const pattern of patterns) {
    const value = Number(pattern.exec(text)?.[1])
    if (Number.isSafeInteger(value) && value > 0) return value
  }
  return undefined
}

function numberField(value: unknown, field: string): number | undefined {
  if (typeof value !== "object" || value === null) return undefined
  const number: unknown = (value as Record<string, unknown>)[field]
  return typeof number === "number" && Number.isSafeInteger(number) && number > 0 ? number : undefined
}

// The shapes servers answer errors in; anything else passes through untouched.
const errorBodySchema = z.looseObject({
  error: z.union([z.string(), z.looseObject({})]).optional(),
  message: z.string().optional(),
  detail: z.string().optional(),
})

/**
 * An error body the official client reads, which only looks at `{ error: { message, ... } }`: vLLM answers
 * `{ object: "error", message, type, code }`, FastAPI servers `{ detail }`, LM Studio `{ error: "text" }`, and the
 * client would report those as "status code (no body)" or a quoted string. Other bodies are returned as they came.
 */
export function normaliseErrorBody(text: string): { text: string; body: unknown } {
  let raw: unknown
  try {
    raw = JSON.parse(text) as unknown
  } catch {
    return { text, body: undefined }
  }
  const parsed = safeParse(errorBodySchema, raw)
  if (!parsed.success) return { text, body: raw }
  const fields = parsed.data
  const wrapped = (error: Record<string, unknown>) => {
    const normalised = { error }
    return { text: JSON.stringify(normalised), body: normalised }
  }
  if (typeof fields.error === "string") return wrapped({ message: fields.error })
  if (fields.error !== undefined) return { text, body: raw }
  if (fields.message !== undefined) {
    const { object: _object, ...rest } = fields
    return wrapped(rest)
  }
  if (fields.detail !== undefined) return wrapped({ message: fields.detail })
  return { text, body: raw }
}

/** Whether a (normalised) error body is a context-length error: such an answer is never worth retrying. */
export function isContextOverflowBody(status: number, body: unknown): boolean {
  const error: unknown =
    typeof body === "object" && body !== null ? (body as Record<string, unknown>).error : undefined
  if (typeof error !== "object" || error === null) return false
  const fields = error as Record<string, unknown>
  const message = typeof fields.message === "string" ? fields.message : ""
  return (
    contextOverflowOf({
      status,
      message,
      error,
      code: fields.code,
      type: fields.type,
      param: fields.param,
    }) !== null
  )
}
