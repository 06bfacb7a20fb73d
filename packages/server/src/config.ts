import { createRequire } from "node:module"
import path from "node:path"
import { z } from "zod"
import { readModelEnvironment, type ModelEnvironment } from "@studio/engine"

/** A bad setting at start-up: one clear line per problem, no stack trace. */
export class ConfigError extends Error {}

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional()

const serverEnvironmentSchema = z.object({
  PORT: z.coerce.number().int("must be a whole number").min(0).max(65_535).default(8000),
  HOST: optionalText.default("127.0.0.1"),
  /** Where PGlite's data, the generated JWT secret and sandbox jobs live. */
  STUDIO_DATA_DIR: optionalText.default(".studio"),
  DATABASE_URL: optionalText.pipe(
    z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" }).optional(),
  ),
  REDIS_URL: optionalText.pipe(z.url({ protocol: /^rediss?$/, error: "must be a redis:// URL" }).optional()),
  STUDIO_JWT_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  STUDIO_RATE_LIMIT: z.coerce.number().int("must be a whole number").min(1).max(100_000).default(60),
  /** Extra origins allowed to open the WebSocket and call the API (comma-separated), besides the studio's own. */
  STUDIO_ORIGINS: optionalText,
  STUDIO_MAX_SOCKETS_PER_USER: z.coerce.number().int().min(1).max(1000).default(8),
  STUDIO_PROVIDER: optionalText.pipe(z.enum(["offline", "openai", "ollama"]).optional()),
  /** How long a graceful stop waits for running runs before it interrupts them. */
  STUDIO_SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(3600).default(30),
  /** The built web app to serve (default: packages/web/dist of this installation). */
  STUDIO_WEB_DIR: optionalText,
  LOG_LEVEL: optionalText.pipe(
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  ),
})

export interface ServerConfig {
  port: number
  host: string
  dataDir: string
  databaseUrl?: string
  redisUrl?: string
  jwtSecret?: string
  promptsPerHour: number
  allowedOrigins: string[]
  maxSocketsPerUser: number
  provider?: "offline" | "openai" | "ollama"
  logLevel: string
  shutdownGraceMs: number
  webDir: string
  model: ModelEnvironment
}

/** The server's settings from the environment, validated once at start-up. */
export function readServerConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const parsed = serverEnvironmentSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`)
    throw new ConfigError(`invalid environment: ${problems.join("; ")}`)
  }
  let model: ModelEnvironment
  try {
    model = readModelEnvironment(env)
  } catch (error) {
    throw new ConfigError((error as Error).message)
  }
  const value = parsed.data
  const origins = (value.STUDIO_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean)
  for (const origin of origins) {
    if (!/^https?:\/\/[^/]+$/.test(origin))
      throw new ConfigError(
        `invalid environment: STUDIO_ORIGINS entry "${origin}" must look like https://host[:port]`,
      )
  }
  return {
    port: value.PORT,
    host: value.HOST,
    dataDir: path.resolve(cwd, value.STUDIO_DATA_DIR),
    databaseUrl: value.DATABASE_URL,
    redisUrl: value.REDIS_URL,
    jwtSecret: value.STUDIO_JWT_SECRET,
    promptsPerHour: value.STUDIO_RATE_LIMIT,
    allowedOrigins: origins,
    maxSocketsPerUser: value.STUDIO_MAX_SOCKETS_PER_USER,
    provider: value.STUDIO_PROVIDER,
    logLevel: value.LOG_LEVEL ?? "info",
    shutdownGraceMs: value.STUDIO_SHUTDOWN_GRACE_SECONDS * 1000,
    webDir: value.STUDIO_WEB_DIR ? path.resolve(cwd, value.STUDIO_WEB_DIR) : defaultWebDir(),
    model,
  }
}

/**
 * packages/web/dist, found through the packages rather than this file's location: `studio serve` runs a bundle in
 * packages/cli/dist, where `import.meta.url` says nothing about where the web app is.
 */
function defaultWebDir(): string {
  const require = createRequire(import.meta.url)
  try {
    return path.join(path.dirname(require.resolve("@studio/web/package.json")), "dist")
  } catch {
    // The web package is not linked (a trimmed install): it would sit beside the server's package.
    return path.resolve(path.dirname(require.resolve("@studio/server/package.json")), "../web/dist")
  }
}
