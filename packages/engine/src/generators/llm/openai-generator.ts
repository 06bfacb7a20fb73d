import OpenAI from "openai"
import type { ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions"
import { StudioError, sanitizeMessage } from "@studio/protocol"
import type { GenerateContext, Generator, GeneratorChunk, StageInput } from "../types"
import { describeServer } from "./model-server-probe"
import { renderStageMessages } from "./prompts"
import {
  contextOverflowOf,
  isContextOverflowBody,
  isResponseFormatRefusal,
  normaliseErrorBody,
  refusesResponseFormat,
  rememberResponseFormatRefusal,
  type ServerErrorFacts,
} from "./server-quirks"

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
  /**
   * Ask for `response_format: json_object` in the interpret stage (OpenAI, Ollama and vLLM support it). A server that
   * refuses it with a 400 is asked again without it, once, and is not sent it again in this process.
   */
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
    fetch: fetchForCompatibleServers(options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS),
  })
  const serverName = describeServer(options.baseURL)

  async function* streamOnce(
    input: StageInput,
    context: GenerateContext,
    askForJson: boolean,
  ): AsyncGenerator<GeneratorChunk, void, undefined> {
    const body: ChatCompletionCreateParamsStreaming = {
      model: options.model,
      messages: renderStageMessages(
        input,
        context.retryReason === undefined ? {} : { retryReason: context.retryReason },
      ),
      stream: true,
      stream_options: { include_usage: true },
      ...(askForJson ? { response_format: { type: "json_object" as const } } : {}),
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
      let droppedStreams = 0
      let jsonRefused = false
      for (;;) {
        if (context.signal?.aborted) throw new StudioError("cancelled")
        const askForJson =
          input.stage === "interpret" &&
          jsonMode &&
          !jsonRefused &&
          !refusesResponseFormat(options.baseURL, options.model)
        try {
          for await (const chunk of streamOnce(input, context, askForJson)) {
            if (chunk.type === "text") textYielded = true
            yield chunk
          }
          return
        } catch (error) {
          if (
            error instanceof DroppedStreamError &&
            !textYielded &&
            droppedStreams < DROPPED_STREAM_RETRIES
          ) {
            droppedStreams++
            continue
          }
          const facts = error instanceof OpenAI.APIError ? factsOf(error) : undefined
          if (
            askForJson &&
            facts !== undefined &&
            contextOverflowOf(facts) === null &&
            isResponseFormatRefusal(facts)
          ) {
            jsonRefused = true
            rememberResponseFormatRefusal(options.baseURL, options.model)
            yield {
              type: "reasoning",
              text:
                `The model server at ${serverName} does not accept JSON mode (response_format); asking again ` +
                "without it, and not sending it to this server and model again.",
            }
            continue
          }
          throw toGeneratorError(error, {
            signal: context.signal,
            serverName,
            timeoutMs,
            secrets,
            model: options.model,
            stage: input.stage,
          })
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
  facts: {
    signal: AbortSignal | undefined
    serverName: string
    timeoutMs: number
    secrets: string[]
    model: string
    stage: StageInput["stage"]
  },
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
    const overflow = contextOverflowOf(factsOf(error))
    if (overflow !== null) return contextOverflowError(overflow, facts, details)
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

/** What the client kept of an error answer, for recognising a server's quirks. */
function factsOf(error: InstanceType<typeof OpenAI.APIError>): ServerErrorFacts {
  const body: unknown = error.error
  const message =
    typeof body === "object" && body !== null && typeof (body as { message?: unknown }).message === "string"
      ? (body as { message: string }).message
      : error.message
  return {
    status: error.status,
    message,
    error: body,
    code: error.code,
    type: error.type,
    param: error.param,
  }
}

/** A request longer than the model's context: what the limit is (when the server says it) and what to do. */
function contextOverflowError(
  overflow: { limit?: number; requested?: number },
  facts: { serverName: string; model: string; stage: StageInput["stage"] },
  details: Record<string, unknown>,
): StudioError {
  const size =
    overflow.limit === undefined
      ? ""
      : ` (its context holds ${overflow.limit} tokens` +
        (overflow.requested === undefined ? ")" : `; this request needed ${overflow.requested})`)
  return new StudioError(
    "prompt_too_long",
    `The ${facts.stage} request is longer than the model ${facts.model} at ${facts.serverName} can read${size}. ` +
      "Try a shorter prompt, or a model with a longer context (for Ollama or llama.cpp, a larger context size: " +
      "num_ctx, --ctx-size).",
    { details: { ...details, contextLimit: overflow.limit, requestedTokens: overflow.requested } },
  )
}

/**
 * The client's fetch, adjusted for OpenAI-compatible servers. Error bodies in other shapes (vLLM's top-level
 * `message`, LM Studio's `error` string) are rewritten into OpenAI's, so the client keeps their message. A
 * context-length error is marked `x-should-retry: false` (llama.cpp answers it with a 500, which the client would
 * retry). The client waits as long as any Retry-After says (it has no cap); a longer wait than `maxRetryAfterMs` is
 * also marked, so the request fails at once with the server's answer and its Retry-After.
 */
function fetchForCompatibleServers(maxRetryAfterMs: number): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init)
    if (response.ok) return response
    const { text, body } = normaliseErrorBody(await response.text())
    const headers = new Headers(response.headers)
    headers.delete("content-length")
    headers.delete("content-encoding")
    const waitMs = retryAfterMsOf(response.headers)
    if ((waitMs !== undefined && waitMs > maxRetryAfterMs) || isContextOverflowBody(response.status, body))
      headers.set("x-should-retry", "false")
    return new Response(text, { status: response.status, statusText: response.statusText, headers })
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
