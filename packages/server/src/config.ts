import { createRequire } from "node:module"
import { isIP } from "node:net"
import path from "node:path"
import { z } from "zod"
import {
  allowUnisolatedSchema,
  readBudgetEnvironment,
  readModelEnvironment,
  type ModelEnvironment,
  type RunBudget,
} from "@studio/engine"
import { parseOrThrow, StudioError } from "@studio/protocol"
import { DEFAULT_REQUEST_LIMITS, type RequestLimitSettings } from "./limits/request-limits"

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional()

const limit = (fallback: number) =>
  z.coerce.number().int("must be a whole number").min(1).max(1_000_000).default(fallback)

const TRUST_PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"])
const trustProxySchema = z
  .string()
  .optional()
  .transform((value, context): string[] => {
    if (value === undefined || ["off", "false", "0", "no"].includes(value.toLowerCase())) return []
    const entries = value
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean)
    for (const entry of entries) {
      if (!isTrustedProxyEntry(entry)) {
        context.addIssue({
          code: "custom",
          message: `entry "${entry}" must be an IP address, a CIDR range (10.0.0.0/8) or loopback, linklocal, uniquelocal`,
        })
        return z.NEVER
      }
    }
    return entries
  })

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
  /** Sign-in attempts per email from one address per 15 minutes, and from one address per hour. */
  STUDIO_LOGIN_RATE_LIMIT: limit(DEFAULT_REQUEST_LIMITS.loginPerAccount),
  STUDIO_LOGIN_IP_RATE_LIMIT: limit(DEFAULT_REQUEST_LIMITS.loginPerAddress),
  /** Accounts made from one address per hour. */
  STUDIO_REGISTER_RATE_LIMIT: limit(DEFAULT_REQUEST_LIMITS.registerPerAddress),
  /** Preview builds and test runs per user per hour. */
  STUDIO_PREVIEW_RATE_LIMIT: limit(DEFAULT_REQUEST_LIMITS.previewsPerHour),
  STUDIO_TEST_RUN_RATE_LIMIT: limit(DEFAULT_REQUEST_LIMITS.testRunsPerHour),
  /**
   * The reverse proxies whose X-Forwarded-For names the client (IPs, CIDR ranges, or loopback / linklocal /
   * uniquelocal), comma-separated; off by default, so the address limits key on the connection's own address.
   */
  STUDIO_TRUST_PROXY: optionalText.pipe(trustProxySchema),
  /** Extra origins allowed to open the WebSocket and call the API (comma-separated), besides the studio's own. */
  STUDIO_ORIGINS: optionalText,
  STUDIO_MAX_SOCKETS_PER_USER: z.coerce.number().int().min(1).max(1000).default(8),
  /** Runs of one user running at once; more wait in the queue (and are told their place). */
  STUDIO_USER_CONCURRENCY: z.coerce.number().int("must be a whole number").min(1).max(100).default(2),
  STUDIO_PROVIDER: optionalText.pipe(z.enum(["offline", "openai", "ollama"]).optional()),
  /** How long a graceful stop waits for running runs before it interrupts them. */
  STUDIO_SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(3600).default(30),
  /**
   * 1: run model-written and edited code even where the sandbox has no namespaces (the `process` level), at the
   * operator's risk; by default only the offline generator's own code runs there.
   */
  STUDIO_ALLOW_UNISOLATED: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().toLowerCase() : value),
    allowUnisolatedSchema,
  ),
  /** The built web app to serve (default: packages/web/dist of this installation). */
  STUDIO_WEB_DIR: optionalText,
  /** Custom toolchain plugins: one folder per plugin, each with a plugin.json (loaded and checked at start). */
  STUDIO_PLUGINS_DIR: optionalText,
  LOG_LEVEL: optionalText.pipe(
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  ),
  /**
   * Where runs wait and run: `local` (the embedded default: in this process, no Redis) or `redis` (BullMQ, shared
   * by any number of `studio serve` and `studio worker` processes).
   */
  STUDIO_QUEUE: optionalText.pipe(z.enum(["local", "redis"]).default("local")),
  /** Namespaces the run queue's and the event bus's keys in Redis; every process of one studio uses the same. */
  STUDIO_REDIS_PREFIX: optionalText.pipe(
    z
      .string()
      .regex(/^[\w:.-]{1,100}$/, "must be letters, digits and _ : . - (at most 100)")
      .default("studio"),
  ),
})

/** A shared queue needs what every process shares: Redis for the jobs, PostgreSQL for the runs (PGlite is one process's). */
const serverEnvironment = serverEnvironmentSchema.superRefine((value, context) => {
  if (value.STUDIO_QUEUE !== "redis") return
  if (!value.REDIS_URL)
    context.addIssue({ code: "custom", path: ["REDIS_URL"], message: "is required with STUDIO_QUEUE=redis" })
  if (!value.DATABASE_URL)
    context.addIssue({
      code: "custom",
      path: ["DATABASE_URL"],
      message:
        "is required with STUDIO_QUEUE=redis (the embedded database cannot be shared between processes)",
    })
})

export interface ServerConfig {
  port: number
  host: string
  dataDir: string
  databaseUrl?: string
  redisUrl?: string
  jwtSecret?: string
  promptsPerHour: number
  /** Sign-in, sign-up, preview and test-run limits (windows in limits/request-limits.ts). */
  requestLimits: RequestLimitSettings
  /** Proxy addresses Fastify trusts for X-Forwarded-For; empty: none, request.ip is the connection's address. */
  trustProxy: string[]
  allowedOrigins: string[]
  maxSocketsPerUser: number
  /** Runs of one user running at once (STUDIO_USER_CONCURRENCY). */
  userConcurrency: number
  provider?: "offline" | "openai" | "ollama"
  logLevel: string
  shutdownGraceMs: number
  /** STUDIO_ALLOW_UNISOLATED=1: untrusted code runs even without namespaces. */
  allowUnisolated: boolean
  webDir: string
  /** STUDIO_PLUGINS_DIR: the folder of custom plugins, loaded at start (loadCustomPlugins); none when unset. */
  pluginsDir?: string
  model: ModelEnvironment
  /** STUDIO_MODEL_PRICES over the built-in list prices, and STUDIO_MAX_TOKENS_PER_RUN: what prices and bounds a run. */
  budget: RunBudget
  /** STUDIO_QUEUE: `local` (in-process) or `redis` (then redisUrl and databaseUrl are set). */
  queue: "local" | "redis"
  /** STUDIO_REDIS_PREFIX: the run queue's and event bus's key prefix in Redis. */
  redisPrefix: string
}

/**
 * The server's settings from the environment, validated once at start-up. A bad setting is a StudioError
 * `config_invalid` naming every variable to fix.
 */
export function readServerConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const value = parseOrThrow(serverEnvironment, env, {
    code: "config_invalid",
    subject: "invalid environment",
    allIssues: true,
  })
  const model = readModelEnvironment(env)
  const budget = readBudgetEnvironment(env)
  const origins = (value.STUDIO_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean)
  for (const origin of origins) {
    if (!/^https?:\/\/[^/]+$/.test(origin))
      throw new StudioError(
        "config_invalid",
        `invalid environment: STUDIO_ORIGINS: entry "${origin}" must look like https://host[:port]`,
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
    requestLimits: {
      loginPerAccount: value.STUDIO_LOGIN_RATE_LIMIT,
      loginPerAddress: value.STUDIO_LOGIN_IP_RATE_LIMIT,
      registerPerAddress: value.STUDIO_REGISTER_RATE_LIMIT,
      previewsPerHour: value.STUDIO_PREVIEW_RATE_LIMIT,
      testRunsPerHour: value.STUDIO_TEST_RUN_RATE_LIMIT,
    },
    trustProxy: value.STUDIO_TRUST_PROXY,
    allowedOrigins: origins,
    maxSocketsPerUser: value.STUDIO_MAX_SOCKETS_PER_USER,
    userConcurrency: value.STUDIO_USER_CONCURRENCY,
    provider: value.STUDIO_PROVIDER,
    logLevel: value.LOG_LEVEL ?? "info",
    shutdownGraceMs: value.STUDIO_SHUTDOWN_GRACE_SECONDS * 1000,
    allowUnisolated: value.STUDIO_ALLOW_UNISOLATED,
    webDir: value.STUDIO_WEB_DIR ? path.resolve(cwd, value.STUDIO_WEB_DIR) : defaultWebDir(),
    ...(value.STUDIO_PLUGINS_DIR ? { pluginsDir: path.resolve(cwd, value.STUDIO_PLUGINS_DIR) } : {}),
    model,
    budget,
    queue: value.STUDIO_QUEUE,
    redisPrefix: value.STUDIO_REDIS_PREFIX,
  }
}

/** What proxy-addr (Fastify's trustProxy) accepts: an address, address/prefix, or one of its named ranges. */
function isTrustedProxyEntry(entry: string): boolean {
  if (TRUST_PROXY_NAMES.has(entry)) return true
  const [address = "", prefix, ...rest] = entry.split("/")
  const family = isIP(address)
  if (family === 0 || rest.length > 0) return false
  if (prefix === undefined) return true
  if (!/^\d{1,3}$/.test(prefix)) return false
  return Number(prefix) <= (family === 4 ? 32 : 128)
}

/**
 * The SQL migrations, found through the package (not import.meta.dirname), so the bundled `studio serve` and
 * `studio worker` find them too.
 */
export function migrationsFolder(): string {
  const require = createRequire(import.meta.url)
  return path.join(path.dirname(require.resolve("@studio/server/package.json")), "src/db/migrations")
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
