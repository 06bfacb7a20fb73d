import { StudioError } from "@studio/protocol"
import { createOpenAiGenerator, detectOllama } from "./llm"
import type { ModelEnvironment } from "./model-environment"
import { createOfflineGenerator } from "./offline"
import type { Generator } from "./types"
export const PROVIDERS = ["offline", "openai", "ollama"] as const
export type Provider = (typeof PROVIDERS)[number]

const OPENAI_API = "https://api.openai.com/v1"
const OLLAMA_DEFAULT = "http://127.0.0.1:11434"

/**
 * The generator for `--provider` (or, without it: an OpenAI-compatible server when one is configured, else Ollama
 * when it answers on its default port, else the offline generator). The base URL and key come only from the
 * environment, never from a flag a request could set. A setting that cannot work (an unknown provider, a missing key
 * or model, an Ollama that was asked for and does not answer) is a StudioError `config_invalid` naming what to fix.
 */
export async function resolveGenerator(
  options: { provider?: string; model?: string },
  env: ModelEnvironment,
): Promise<Generator> {
  const provider = options.provider
  if (provider !== undefined && !(PROVIDERS as readonly string[]).includes(provider)) {
    throw new StudioError(
      "config_invalid",
      `unknown provider: ${provider} (expected ${PROVIDERS.join(", ")})`,
    )
  }
  const offline = () => createOfflineGenerator({ chunkDelayMs: env.STUDIO_OFFLINE_CHUNK_DELAY_MS ?? 0 })
  if (provider === "offline") return offline()
  const model = options.model ?? env.STUDIO_MODEL
  if (provider === "openai" || (provider === undefined && (env.OPENAI_BASE_URL || env.OPENAI_API_KEY))) {
    const baseURL = env.OPENAI_BASE_URL ?? OPENAI_API
    if (baseURL === OPENAI_API && !env.OPENAI_API_KEY)
      throw new StudioError(
        "config_invalid",
        "--provider openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for another server)",
      )
    if (!model) throw new StudioError("config_invalid", "no model: pass --model or set STUDIO_MODEL")
    return createOpenAiGenerator({ baseURL, apiKey: env.OPENAI_API_KEY, model, provider: "openai" })
  }
  if (provider === "ollama" || provider === undefined) {
    const host = env.OLLAMA_HOST ?? OLLAMA_DEFAULT
    const detected = await detectOllama({ baseURL: host })
    if (detected !== null || provider === "ollama") {
      const ollamaModel = model ?? detected
      if (!ollamaModel)
        throw new StudioError("config_invalid", `Ollama does not answer on ${host}, or has no model pulled`)
      return createOpenAiGenerator({
        baseURL: `${host.replace(/\/$/, "")}/v1`,
        model: ollamaModel,
        provider: "ollama",
      })
    }
  }
  return offline()
}
