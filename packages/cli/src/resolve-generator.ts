import { createOfflineGenerator, createOpenAiGenerator, detectOllama, type Generator } from "@studio/engine"
import type { StudioEnvironment } from "./config"
import { UsageError } from "./usage-error"

export const PROVIDERS = ["offline", "openai", "ollama"] as const
export type Provider = (typeof PROVIDERS)[number]

const OPENAI_API = "https://api.openai.com/v1"
const OLLAMA_DEFAULT = "http://127.0.0.1:11434"

/**
 * The generator for `--provider` (or, without it: an OpenAI-compatible server when one is configured, else Ollama
 * when it answers on its default port, else the offline generator). The base URL and key come only from the
 * environment, never from a flag a request could set.
 */
export async function resolveGenerator(
  options: { provider?: string; model?: string },
  env: StudioEnvironment,
): Promise<Generator> {
  const provider = options.provider
  if (provider !== undefined && !(PROVIDERS as readonly string[]).includes(provider)) {
    throw new UsageError(`unknown provider: ${provider} (expected ${PROVIDERS.join(", ")})`)
  }
  if (provider === "offline") return createOfflineGenerator()
  const model = options.model ?? env.STUDIO_MODEL
  if (provider === "openai" || (provider === undefined && (env.OPENAI_BASE_URL || env.OPENAI_API_KEY))) {
    const baseURL = env.OPENAI_BASE_URL ?? OPENAI_API
    if (baseURL === OPENAI_API && !env.OPENAI_API_KEY)
      throw new UsageError("--provider openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for another server)")
    if (!model) throw new UsageError("no model: pass --model or set STUDIO_MODEL")
    return createOpenAiGenerator({ baseURL, apiKey: env.OPENAI_API_KEY, model, provider: "openai" })
  }
  if (provider === "ollama" || provider === undefined) {
    const host = env.OLLAMA_HOST ?? OLLAMA_DEFAULT
    const detected = await detectOllama({ baseURL: host })
    if (detected !== null || provider === "ollama") {
      const ollamaModel = model ?? detected
      if (!ollamaModel) throw new UsageError(`Ollama does not answer on ${host}, or has no model pulled`)
      return createOpenAiGenerator({
        baseURL: `${host.replace(/\/$/, "")}/v1`,
        model: ollamaModel,
        provider: "ollama",
      })
    }
  }
  return createOfflineGenerator()
}
