import { StudioError } from "@studio/protocol"
import { createOpenAiGenerator, describeServer, inspectOllama, listServerModels } from "./llm"
import type { ModelEnvironment } from "./model-environment"
import { createOfflineGenerator } from "./offline"
import type { Generator } from "./types"
export const PROVIDERS = ["offline", "openai", "ollama"] as const
export type Provider = (typeof PROVIDERS)[number]

const OPENAI_API = "https://api.openai.com/v1"
const OLLAMA_DEFAULT = "http://127.0.0.1:11434"
/** The longest start-up waits for a server's model list; a server that does not answer in time is not checked. */
const MODEL_LIST_TIMEOUT_MS = 2500
/** How many of the server's models an unknown-model error names before "and N more". */
const MODELS_NAMED = 5

/** The generator, plus what the person starting the studio should know (e.g. the model could not be checked). */
export type ResolvedGenerator = Generator & { readonly warnings: readonly string[] }

/**
 * The generator for `--provider` (or, without it: an OpenAI-compatible server when one is configured, else Ollama
 * when it answers on its default port, else the offline generator). The base URL and key come only from the
 * environment, never from a flag a request could set. A setting that cannot work (an unknown provider, a missing key
 * or model, a model the server does not list, an Ollama that was asked for and does not answer) is a StudioError
 * `config_invalid` naming what to fix. A server that does not list its models is used unchecked, with a warning.
 */
export async function resolveGenerator(
  options: { provider?: string; model?: string },
  env: ModelEnvironment,
): Promise<ResolvedGenerator> {
  const provider = options.provider
  if (provider !== undefined && !(PROVIDERS as readonly string[]).includes(provider)) {
    throw new StudioError(
      "config_invalid",
      `unknown provider: ${provider} (expected ${PROVIDERS.join(", ")})`,
    )
  }
  const offline = (warnings: string[] = []) =>
    withWarnings(createOfflineGenerator({ chunkDelayMs: env.STUDIO_OFFLINE_CHUNK_DELAY_MS ?? 0 }), warnings)
  if (provider === "offline") return offline()
  const model = options.model ?? env.STUDIO_MODEL
  const modelSetting = options.model === undefined ? "STUDIO_MODEL" : "--model"
  const jsonMode = env.STUDIO_JSON_MODE !== "off"
  if (provider === "openai" || (provider === undefined && (env.OPENAI_BASE_URL || env.OPENAI_API_KEY))) {
    const baseURL = env.OPENAI_BASE_URL ?? OPENAI_API
    if (baseURL === OPENAI_API && !env.OPENAI_API_KEY)
      throw new StudioError(
        "config_invalid",
        "--provider openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for another server)",
      )
    if (!model) throw new StudioError("config_invalid", "no model: pass --model or set STUDIO_MODEL")
    const warnings = await checkModelIsListed({ baseURL, apiKey: env.OPENAI_API_KEY, model, modelSetting })
    return withWarnings(
      createOpenAiGenerator({ baseURL, apiKey: env.OPENAI_API_KEY, model, provider: "openai", jsonMode }),
      warnings,
    )
  }
  if (provider === "ollama" || provider === undefined) {
    const host = env.OLLAMA_HOST ?? OLLAMA_DEFAULT
    const ollama = await inspectOllama({ baseURL: host })
    if (!ollama.answered) {
      if (provider === "ollama")
        throw new StudioError(
          "config_invalid",
          `Ollama does not answer on ${host}: start it (ollama serve), or set OLLAMA_HOST to where it runs`,
        )
    } else if (model) {
      if (!ollama.models.some((listed) => sameOllamaModel(listed, model)))
        throw unknownModelError({
          model,
          modelSetting,
          server: `Ollama on ${describeServer(host)}`,
          listed: ollama.models,
          todo: `Pull it (ollama pull ${model}), or set ${modelSetting} to one it has.`,
        })
      return ollamaGenerator(host, model, jsonMode)
    } else if (ollama.chatModel !== null) {
      return ollamaGenerator(host, ollama.chatModel, jsonMode)
    } else {
      const problem =
        ollama.models.length === 0
          ? `Ollama on ${host} has no model pulled`
          : `Ollama on ${host} has only embedding models (${ollama.models.join(", ")}), which cannot write code`
      if (provider === "ollama")
        throw new StudioError(
          "config_invalid",
          `${problem}: pull a chat model, e.g. ollama pull qwen2.5-coder:7b`,
        )
      return offline([`${problem}; using the offline generator`])
    }
  }
  return offline()
}

function ollamaGenerator(host: string, model: string, jsonMode: boolean): ResolvedGenerator {
  return withWarnings(
    createOpenAiGenerator({ baseURL: `${host.replace(/\/$/, "")}/v1`, model, provider: "ollama", jsonMode }),
    [],
  )
}

function withWarnings(generator: Generator, warnings: readonly string[]): ResolvedGenerator {
  return Object.assign(generator, { warnings })
}

/** Ollama names a model `name:tag`, and `name` alone means `name:latest`. */
function sameOllamaModel(listed: string, wanted: string): boolean {
  const withTag = (name: string) => (name.includes(":") ? name : `${name}:latest`)
  return listed === wanted || withTag(listed) === withTag(wanted)
}

/**
 * The configured model, checked against the server's `GET /models` before anything starts, so a typo is one clear
 * error at start-up rather than a 404 in the middle of the first run. A server that does not list its models is not
 * checked (a warning says so), and llama.cpp's server with one model serves it whatever name a request gives.
 */
async function checkModelIsListed(facts: {
  baseURL: string
  apiKey: string | undefined
  model: string
  modelSetting: string
}): Promise<string[]> {
  const server = describeServer(facts.baseURL)
  const list = await listServerModels(facts.baseURL, {
    ...(facts.apiKey ? { apiKey: facts.apiKey } : {}),
    timeoutMs: MODEL_LIST_TIMEOUT_MS,
  })
  if (!list.answered)
    return [`could not check ${facts.modelSetting} against the model list of ${server} (${list.reason})`]
  const ids = list.models.map((listed) => listed.id)
  if (ids.includes(facts.model)) return []
  if (ids.length === 0) return [`${server} lists no models, so ${facts.modelSetting} is not checked`]
  const onlyModel = list.models.length === 1 ? list.models[0] : undefined
  if (onlyModel?.ownedBy === "llamacpp")
    return [
      `llama.cpp at ${server} serves its one model (${onlyModel.id}) whatever ${facts.modelSetting} says`,
    ]
  throw unknownModelError({ model: facts.model, modelSetting: facts.modelSetting, server, listed: ids })
}

function unknownModelError(facts: {
  model: string
  modelSetting: string
  server: string
  listed: string[]
  todo?: string
}): StudioError {
  // The closest names first (a typo shares a long prefix with what was meant), then the server's order.
  const shared = (name: string): number => {
    let length = 0
    while (length < name.length && name[length]?.toLowerCase() === facts.model[length]?.toLowerCase())
      length++
    return length
  }
  const named = facts.listed
    .map((name, index) => ({ name, index, shared: shared(name) }))
    .sort((a, b) => b.shared - a.shared || a.index - b.index)
    .slice(0, MODELS_NAMED)
    .map(({ name }) => name)
  const more = facts.listed.length - named.length
  const offered = named.join(", ") + (more > 0 ? ` and ${more} more` : "")
  const has = facts.listed.length === 0 ? "it has no models" : `it has: ${offered}`
  return new StudioError(
    "config_invalid",
    `${facts.modelSetting} is "${facts.model}", which ${facts.server} does not offer; ${has}. ` +
      (facts.todo ?? `Set ${facts.modelSetting} to one it has.`),
  )
}
