import { z } from "zod"
import { rankChatModels, type ListedModel } from "./choose-chat-model"
import { safeParse } from "@studio/protocol"

/** Scheme, host and port only: enough to tell servers apart, never credentials or paths. */
export function describeServer(baseURL: string): string {
  try {
    return new URL(baseURL).origin
  } catch {
    return "the configured address"
  }
}

const openAiModelListSchema = z.object({
  data: z.array(z.looseObject({ id: z.string().min(1), owned_by: z.string().optional() })),
})

const ollamaTagsSchema = z.object({
  models: z.array(
    z.looseObject({
      name: z.string().min(1),
      details: z
        .looseObject({
          family: z.string().nullish(),
          families: z.array(z.string()).nullish(),
        })
        .nullish(),
    }),
  ),
})

const ollamaShowSchema = z.looseObject({ capabilities: z.array(z.string()).nullish() })

export type ServerModelList =
  { answered: true; models: { id: string; ownedBy?: string }[] } | { answered: false; reason: string }

/**
 * The models an OpenAI-compatible server lists at `GET <baseURL>/models`, or why it did not say (no such route, not
 * reachable, no answer in time, an answer that is not a model list). The key goes only to the configured server.
 */
export async function listServerModels(
  baseURL: string,
  options: { apiKey?: string; timeoutMs: number },
): Promise<ServerModelList> {
  const headers: Record<string, string> = { accept: "application/json" }
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`
  const answer = await requestJson(`${baseURL.replace(/\/+$/, "")}/models`, { headers }, options.timeoutMs)
  if (!answer.ok) return { answered: false, reason: answer.reason }
  const parsed = safeParse(openAiModelListSchema, answer.body)
  if (!parsed.success) return { answered: false, reason: "its answer is not a model list" }
  return {
    answered: true,
    models: parsed.data.data.map((model) =>
      model.owned_by === undefined ? { id: model.id } : { id: model.id, ownedBy: model.owned_by },
    ),
  }
}

export interface DetectOllamaOptions {
  baseURL?: string
  timeoutMs?: number
}

export interface OllamaInspection {
  /** Whether anything answered a model list on that address. */
  answered: boolean
  /** Every model it lists, in its order. */
  models: string[]
  /** The chat model to use (see `rankChatModels`), or null when it has none (nothing pulled, or only embeddings). */
  chatModel: string | null
}

/** How many `/api/show` look-ups confirm a candidate's capabilities before the next one is taken on trust. */
const MAX_CAPABILITY_PROBES = 5

/**
 * What an Ollama (or any OpenAI-compatible server) on `baseURL` offers. Ollama's `/api/tags` is asked first: it gives
 * each model's family, so embedding models are left out; `/api/show` then confirms the chosen one can chat (its
 * `capabilities` include "completion"; an Ollama too old to say is trusted). A server without those routes is asked
 * `/v1/models`, and its models are judged by name.
 */
export async function inspectOllama(options: DetectOllamaOptions = {}): Promise<OllamaInspection> {
  const origin = (options.baseURL ?? "http://127.0.0.1:11434").replace(/\/+$/, "").replace(/\/v1$/, "")
  // Nothing listening is refused at once; the limit is for a host that never answers. 300 ms proved too short for
  // a busy machine's first fetch (undici loads on it), and a missed Ollama silently means the offline generator.
  const timeoutMs = options.timeoutMs ?? 1500
  const tags = await requestJson(`${origin}/api/tags`, {}, timeoutMs)
  const parsedTags = tags.ok ? safeParse(ollamaTagsSchema, tags.body) : undefined
  if (parsedTags?.success) {
    const listed: ListedModel[] = parsedTags.data.models.map((model) => ({
      name: model.name,
      ...(model.details?.family ? { family: model.details.family } : {}),
      ...(model.details?.families ? { families: model.details.families } : {}),
    }))
    const chatModel = await firstModelThatChats(origin, rankChatModels(listed), timeoutMs)
    return { answered: true, models: listed.map((model) => model.name), chatModel }
  }
  const list = await listServerModels(`${origin}/v1`, { timeoutMs })
  if (!list.answered) return { answered: false, models: [], chatModel: null }
  const names = list.models.map((model) => model.id)
  const ranked = rankChatModels(names.map((name) => ({ name })))
  return { answered: true, models: names, chatModel: ranked[0]?.name ?? null }
}

/** The chat model an Ollama (or any OpenAI-compatible) server on `baseURL` offers, or null when none answers. */
export async function detectOllama(options: DetectOllamaOptions = {}): Promise<string | null> {
  return (await inspectOllama(options)).chatModel
}

async function firstModelThatChats(
  origin: string,
  ranked: ListedModel[],
  timeoutMs: number,
): Promise<string | null> {
  for (const [index, model] of ranked.entries()) {
    if (index >= MAX_CAPABILITY_PROBES) return model.name
    const show = await requestJson(
      `${origin}/api/show`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: model.name }),
      },
      timeoutMs,
    )
    const capabilities = show.ok ? safeParse(ollamaShowSchema, show.body).data?.capabilities : undefined
    if (!capabilities || capabilities.length === 0 || capabilities.includes("completion")) return model.name
  }
  return null
}

type JsonAnswer = { ok: true; body: unknown } | { ok: false; reason: string }

async function requestJson(url: string, init: RequestInit, timeoutMs: number): Promise<JsonAnswer> {
  let response: Response
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError"
    return { ok: false, reason: timedOut ? `no answer within ${timeoutMs} ms` : "not reachable" }
  }
  if (!response.ok) {
    await response.body?.cancel()
    return { ok: false, reason: `it answered ${response.status}` }
  }
  try {
    return { ok: true, body: (await response.json()) as unknown }
  } catch {
    return { ok: false, reason: "its answer is not JSON" }
  }
}
