import { GeneratorSetupError, resolveGenerator as resolve, type Generator } from "@studio/engine"
import type { StudioEnvironment } from "./config"
import { UsageError } from "./usage-error"

export { PROVIDERS, type Provider } from "@studio/engine"

/** The engine's choice of generator, with setup mistakes as usage errors (exit 2, one line). */
export async function resolveGenerator(
  options: { provider?: string; model?: string },
  env: StudioEnvironment,
): Promise<Generator> {
  try {
    return await resolve(options, env)
  } catch (error) {
    throw error instanceof GeneratorSetupError ? new UsageError(error.message) : error
  }
}
