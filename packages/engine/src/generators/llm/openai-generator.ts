import OpenAI from "openai"
import type { ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions"
import { StudioError, sanitizeMessage } from "@studio/protocol"
import type { GenerateContext, Generator, GeneratorChunk, StageInput } from "../types"
import { renderStageMessages } from "./prompts"

export interface OpenAiGeneratorOptions {
  /** An OpenAI-compatible base URL including `/v1`, e.g. `https://api.openai.com/v1` or `http://127.0.0.1:11434/v1`. */
  baseURL: string
  /** Sent as `Authorization: Bearer <key>`; without one no Authorization header is sent (Ollama, local servers). */
  apiKey?: string
  model: string
  /** Shown to the user as the run's provider. */
  provider?: "openai" | "ollama" | (string & {})
  /** Per attempt: the longest wait for the response headers, and the longest silence between stream chunks. */
  timeoutMs?: number
  /** How often the client retries a 408/409/429/5xx answer or a failed connection, with backoff. */
  maxRetries?: number
  /** Ask for `response_format: json_object` in the interpret stage (OpenAI, Ollama and vLLM support it). */
  jsonMode?: boolean
  /** A Retry-After longer than this is not waited for: the request fails at once with `rate_limited`. */
  maxRetryAfterMs?: number
  temperature?: number
}

const DEFAULT_TIMEOUT_MS = 120_000
const DEFAULT_MAX_RETRIES = 2
const DEFAULT_MAX_RETRY_AFTER_MS = 60_000
/** A stream that drops before any text is sent again this many times; after text it is the pipeline's call. */
const DROPPED_STREAM_RETRIES = 1

/** A `Generator` backed by any OpenAI-compatible Chat Completions server, streaming through the official client. */
export function createOpenAiGenerator(options: OpenAiGeneratorOptions): Generator {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const jsonMode = options.jsonMode ?? true
  const secrets = options.apiKey === undefined || options.apiKey === "" ? [] : [options.apiKey]
  const client = new OpenAI({
    baseURL: options.baseURL,
    // The client insists on a key; without one, the placeholder is sent nowhere because the header is removed below.
    apiKey: secrets[0] ?? "no-key",
    // Explicit nulls stop the client from reading OPENAI_* variables behind the studio's validated configuration.
    organization: null,
    project: null,
    adminAPIKey: null,
    defaultHeaders: secrets.length === 0 ? { Authorization: null } : undefined,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    timeout: timeoutMs,
    fetch: fetchRefusingLongRetryAfter(options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS),
  })
  const serverName = describeServer(options.baseURL)

  async function* streamOnce(
    input: StageInput,
    context: GenerateContext,
  ): AsyncGenerator<GeneratorChunk, void, undefined> {
    const body: ChatCompletionCreateParamsStreaming = {
      model: options.model,
      messages: renderStageMessages(
        input,
        context.retryReason === undefined ? {} : { retryReason: context.retryReason },
      ),
      stream: true,
      stream_options: { include_usage: true },
      ...(input.stage === "interpret" && jsonMode
        ? { response_format: { type: "json_object" as const } }
        : {}),
      ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    }
    const attempt = new AbortController()
    const cancel = (): void => attempt.abort()
    context.signal?.addEventListener("abort", cancel, { once: true })
    let timedOut = false
    let idleTimer: NodeJS.Timeout | undefined
    const restartIdleTimer = (): void => {
      clearTimeout(idleTimer)
      idleTimer = setTimeout(() => {
        timedOut = true
        attempt.abort()
      }, timeoutMs)
    }
    try {
      const request = client.chat.completions.create(body, {
        signal: attempt.signal,
        headers: { "x-studio-stage": input.stage },
      })
      // The client's wait between retries does not listen to the signal, so cancellation races it here.
      const stream = await settleOrAbort(request, attempt.signal)
      restartIdleTimer()
      let finished = false
      let usage: GeneratorChunk | undefined
      try {
        for await (const chunk of stream) {
          restartIdleTimer()
          for (const choice of chunk.choices) {
            const delta = choice.delta?.content
            if (typeof delta === "string" && delta !== "") yield { type: "text", delta }
            if (choice.finish_reason !== null && choice.finish_reason !== undefined) finished = true
          }
          if (chunk.usage) {
            usage = {
              type: "usage",
              promptTokens: chunk.usage.prompt_tokens,
              completionTokens: chunk.usage.completion_tokens,
            }
          }
        }
      } catch (error) {
        if (timedOut) throw silentServerError(serverName, timeoutMs)
        if (attempt.signal.aborted || error instanceof OpenAI.APIError || error instanceof SyntaxError)
          throw error
        throw new DroppedStreamError(error)
      }
      // The client ends the iteration quietly when its signal aborts, so an abort is recognised here.
      if (context.signal?.aborted) throw new StudioError("cancelled")
      if (timedOut) throw silentServerError(serverName, timeoutMs)
      if (!finished) throw new DroppedStreamError(undefined)
      if (usage !== undefined) yield usage
    } finally {
      clearTimeout(idleTimer)
      context.signal?.removeEventListener("abort", cancel)
      attempt.abort()
    }
  }

  return {
    provider: options.provider ?? "openai",
    model: options.model,
    async *generate(input: StageInput, context: GenerateContext): AsyncIterable<GeneratorChunk> {
      let textYielded = false
      for (let attempt = 0; ; attempt++) {
        if (context.signal?.aborted) throw new StudioError("cancelled")
        try {
          for await (const chunk of streamOnce(input, context)) {
            if (chunk.type === "text") textYielded = true
            yield chunk
          }
          return
        } catch (error) {
          if (error instanceof DroppedStreamError && !textYielded && attempt < DROPPED_STREAM_RETRIES)
            continue
          throw toGeneratorError(error, { signal: context.signal, serverName, timeoutMs, secrets })
        }
      }
    },
  }
}

/** The connection ended before the model said it had finished. */
class DroppedStreamError extends Error {
  constructor(cause: unknown) {
    super("the model server's stream ended before the answer was complete", { cause })
    this.name = "DroppedStreamError"
  }
}

function silentServerError(serverName: string, timeoutMs: number): StudioError {
  return new StudioError(
    "model_unavailable",
    `The model server at ${serverName} sent nothing for ${timeoutMs} ms.`,
  )
}

/** Turns whatever a request threw into a StudioError whose message names no secret. */
function toGeneratorError(
  error: unknown,
  facts: { signal: AbortSignal | undefined; serverName: string; timeoutMs: number; secrets: string[] },
): StudioError {
  const clean = (text: string): string =>
    sanitizeMessage(facts.secrets.reduce((message, secret) => message.split(secret).join("[redacted]"), text))
  if (facts.signal?.aborted || error instanceof OpenAI.APIUserAbortError) return new StudioError("cancelled")
  if (StudioError.isInstance(error)) return error
  if (error instanceof DroppedStreamError) {
    return new StudioError(
      "model_error",
      `The stream from ${facts.serverName} ended before the answer was complete.`,
    )
  }
  if (error instanceof OpenAI.APIConnectionTimeoutError)
    return silentServerError(facts.serverName, facts.timeoutMs)
  if (error instanceof OpenAI.APIConnectionError) {
    return new StudioError("model_unavailable", `The model server at ${facts.serverName} is not reachable.`)
  }
  if (error instanceof OpenAI.APIError) {
    // No `cause`: the server's answer may echo the request, key included, and causes end up in logs.
    const status = error.status
    const details = { status, requestId: error.requestID ?? undefined }
    const message = clean(
      `The model server at ${facts.serverName} answered ${status ?? "with an error"}: ${error.message}`,
    )
    if (status === 429) {
      const retryAfterMs = error.headers === undefined ? undefined : retryAfterMsOf(error.headers)
      return new StudioError(
        "rate_limited",
        message,
        retryAfterMs === undefined ? { details } : { details, retryAfterMs },
      )
    }
    if (status === 502 || status === 503 || status === 504)
      return new StudioError("model_unavailable", message, { details })
    return new StudioError("model_error", message, { details })
  }
  if (error instanceof SyntaxError) {
    return new StudioError(
      "model_error",
      `The model server at ${facts.serverName} sent a stream that is not valid JSON.`,
    )
  }
  const text = error instanceof Error ? error.message : String(error)
  return new StudioError("model_error", clean(`The request to ${facts.serverName} failed: ${text}`))
}

/**
 * The client waits as long as any Retry-After says (it has no cap); a longer wait than `maxRetryAfterMs` is marked
 * `x-should-retry: false`, so the request fails at once with the server's answer and its Retry-After.
 */
function fetchRefusingLongRetryAfter(maxRetryAfterMs: number): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init)
    if (response.ok) return response
    const waitMs = retryAfterMsOf(response.headers)
    if (waitMs === undefined || waitMs <= maxRetryAfterMs) return response
    const headers = new Headers(response.headers)
    headers.set("x-should-retry", "false")
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
  }
}

/** Retry-After as the client reads it: `retry-after-ms`, or `retry-after` in seconds or as an HTTP date. */
function retryAfterMsOf(headers: Headers): number | undefined {
  const milliseconds = Number.parseFloat(headers.get("retry-after-ms") ?? "")
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds
  const value = headers.get("retry-after")
  if (value === null) return undefined
  const seconds = Number.parseFloat(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now())
}

/** Resolves with the promise, or rejects as soon as the signal aborts (the promise's own failure is then ignored). */
function settleOrAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new OpenAI.APIUserAbortError())
    if (signal.aborted) onAbort()
    else signal.addEventListener("abort", onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort)
        reject(error)
      },
    )
  })
}

/** Scheme, host and port only: enough to tell servers apart, never credentials or paths. */
function describeServer(baseURL: string): string {
  try {
    return new URL(baseURL).origin
  } catch {
    return "the configured address"
  }
}

export interface DetectOllamaOptions {
  baseURL?: string
  timeoutMs?: number
}

/** The first model an Ollama (or any OpenAI-compatible) server on `baseURL` offers, or null when none answers. */
export async function detectOllama(options: DetectOllamaOptions = {}): Promise<string | null> {
  const origin = (options.baseURL ?? "http://127.0.0.1:11434").replace(/\/+$/, "").replace(/\/v1$/, "")
  // Nothing listening is refused at once; the limit is for a host that never answers. 300 ms proved too short for
  // a busy machine's first fetch (undici loads on it), and a missed Ollama silently means the offline generator.
  const timeoutMs = options.timeoutMs ?? 1500
  const fromOpenAiList = await getJson(`${origin}/v1/models`, timeoutMs)
  const openAiModel = firstStringField(fieldOf(fromOpenAiList, "data"), "id")
  if (openAiModel !== null) return openAiModel
  const fromOllamaTags = await getJson(`${origin}/api/tags`, timeoutMs)
  return firstStringField(fieldOf(fromOllamaTags, "models"), "name")
}

async function getJson(url: string, timeoutMs: number): Promise<unknown> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })
    if (!response.ok) {
      await response.body?.cancel()
      return undefined
    }
    return (await response.json()) as unknown
  } catch {
    return undefined
  }
}

function fieldOf(value: unknown, field: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[field] : undefined
}

function firstStringField(list: unknown, field: string): string | null {
  if (!Array.isArray(list)) return null
  const value: unknown = fieldOf(list[0], field)
  return typeof value === "string" && value !== "" ? value : null
}
