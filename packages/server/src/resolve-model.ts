import { resolveGenerator, type Generator } from "@studio/engine"
import type { Logger } from "pino"
import type { ServerConfig } from "./config"

/** The configured generator; what the model server's check found but does not stop start-up is logged as a warning. */
export async function resolveConfiguredGenerator(
  config: Pick<ServerConfig, "provider" | "model">,
  logger: Logger,
): Promise<Generator> {
  const resolved = await resolveGenerator({ provider: config.provider }, config.model)
  for (const warning of resolved.warnings) logger.warn({ provider: resolved.provider }, warning)
  return resolved
}
