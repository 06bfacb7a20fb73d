import { createRequire } from "node:module"
import path from "node:path"
import {
  createEngine,
  publicIsolation,
  resolveGenerator,
  type Engine,
  type Generator,
  type IsolationReport,
} from "@studio/engine"
import { computeVerdict } from "@studio/protocol"
import type { FastifyInstance } from "fastify"
import { Redis } from "ioredis"
import pino, { type Logger } from "pino"
import { buildApp } from "./app"
import type { PasswordHasher } from "./auth/passwords"
import { loadJwtSecret } from "./auth/secret"
import { createTokenService } from "./auth/tokens"
import type { ServerConfig } from "./config"
import { openDatabase } from "./db/database"
import type { StoredEvent } from "./db/schema"
import { createStore, type Store } from "./db/store"
import { createPromptLimiter } from "./limits/rate-limit"
import { createRequestLimits } from "./limits/request-limits"
import { createSocketLimiter } from "./limits/socket-limit"
import { createMetrics } from "./metrics"
import { createMemoryPreviewStore, type PreviewPageStore } from "./previews/preview-store"
import { RunManager } from "./runs/run-manager"
import type { Connection } from "./ws/connection"

// Found through the package (not import.meta.dirname), so the bundled `studio serve` finds them too.
const MIGRATIONS = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@studio/server/package.json")),
  "src/db/migrations",
)

export const TOKEN_ISSUER = "ai-studio"
export const TOKEN_AUDIENCE = "ai-studio-web"

export interface StartedServer {
  app: FastifyInstance
  /** The address it listens on, e.g. http://127.0.0.1:8000. */
  url: string
  store: Store
  runs: RunManager
  generator: Generator
  /** Graceful shutdown: stop accepting, let running runs finish (up to `graceMs`), close everything. */
  close(graceMs?: number): Promise<void>
}

export interface StartOptions {
  logger?: Logger
  /** A generator to use instead of the configured one (tests use a scripted one to hold a run open). */
  generator?: Generator
  heartbeatSeconds?: number
  /** Where built preview pages are kept (tests give a short-lived one); in this process's memory by default. */
  previews?: PreviewPageStore
  /** How passwords are hashed (tests count the hashes); argon2id by default. */
  passwords?: PasswordHasher
  /** Namespaces every limit's keys (default `studio`); tests give each server its own, as they share one Redis. */
  limitKeyPrefix?: string
  /** For tests: the sandbox's isolation, as if this machine gave only that (e.g. the `process` level). */
  isolation?: IsolationReport
  /**
   * An engine to run on instead of assembling one (tests share one warm engine across servers). It stays the
   * caller's: the server does not close it. With `generator`, runs use that generator on this engine's sandbox.
   */
  engine?: Engine
}

/** Starts the studio: storage (migrated), the engine (warm), the API and the WebSocket. */
export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<StartedServer> {
  const logger = options.logger ?? pino({ level: config.logLevel })
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    migrationsFolder: MIGRATIONS,
  })
  const store = createStore(database)
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: false })
    : undefined
  redis?.on("error", (error: Error) => logger.warn({ err: error }, "redis connection error"))
  const cleanup: (() => Promise<unknown>)[] = [() => database.close()]
  try {
    if (redis) {
      await redis.connect()
      cleanup.push(() => redis.quit())
    }
    await finishInterruptedRuns(store, logger)

    const given = options.engine
    const generator =
      options.generator ??
      given?.generator ??
      (await resolveGenerator({ provider: config.provider }, config.model))
    // Jobs live under the installation's .studio/sandbox (not the data folder): generated code resolves its packages
    // from the studio's node_modules. The toolchain thread loads TypeScript and ESLint when the engine is warmed
    // (below), not at start.
    const engine = given
      ? given.withGenerator(generator)
      : await createEngine({
          generator,
          sandbox: options.isolation ? { isolation: options.isolation } : {},
          toolchain: { warm: false },
        })
    if (!given) cleanup.push(() => engine.close())
    const { toolchain } = engine
    const isolation = publicIsolation(engine.isolation, config.allowUnisolated)
    // `isolation`, not `level`: pino's own field is `level`.
    const sandboxLog = {
      isolation: isolation.level,
      backend: isolation.backend,
      runsUntrustedCode: isolation.runsUntrustedCode,
      layers: engine.isolation.layers,
    }
    if (isolation.warnings.length === 0) logger.info(sandboxLog, "sandbox isolation")
    else logger.warn({ ...sandboxLog, warnings: engine.isolation.warnings }, "sandbox isolation is reduced")
    // Warmed when someone signs in on a socket, not at start: an idle studio stays small (the warm type checker,
    // linter and Vitest host take several hundred MB), and a person opening the studio warms it before they type.
    // The engine warms once however often this is called; a failure is logged once.
    let warming: Promise<unknown> | undefined
    const warm = () => {
      warming ??= engine
        .warmUp()
        .catch((error: unknown) =>
          logger.warn({ err: error }, "warming the engine failed; the first run will be slower"),
        )
    }
    await store.plugins.upsert(
      toolchain.listManifests().map((manifest) => ({ id: manifest.name, ...manifest })),
    )

    const secret = await loadJwtSecret({ envSecret: config.jwtSecret, dataDir: config.dataDir })
    const tokens = createTokenService({
      secret: secret.secret,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
    })
    const metrics = createMetrics()
    const runs = new RunManager(store, engine, metrics, logger, {
      allowUnisolated: config.allowUnisolated,
    })
    const connections = new Set<Connection>()
    const limitKeyPrefix = options.limitKeyPrefix ?? "studio"
    // Redis down or slow: every limit holds per process, in memory, until it answers again.
    const onLimitStoreError = (error: unknown) =>
      logger.warn({ err: error }, "rate limits fell back to memory")
    const app = await buildApp({
      store,
      tokens,
      limiter: createPromptLimiter({
        pointsPerHour: config.promptsPerHour,
        redis,
        keyPrefix: `${limitKeyPrefix}:prompts`,
        onStoreError: onLimitStoreError,
      }),
      requestLimits: createRequestLimits({
        ...config.requestLimits,
        redis,
        keyPrefix: limitKeyPrefix,
        onStoreError: onLimitStoreError,
        onRefused: (limit) => metrics.requestsLimited.inc({ limit }),
      }),
      passwords: options.passwords,
      trustProxy: config.trustProxy,
      sockets: createSocketLimiter({ maxPerUser: config.maxSocketsPerUser }),
      runs,
      metrics,
      toolchain,
      previews: options.previews ?? createMemoryPreviewStore(),
      logger,
      allowedOrigins: config.allowedOrigins,
      heartbeatSeconds: options.heartbeatSeconds,
      webDir: config.webDir,
      isolation,
      warm,
      connections,
      ready: async () => {
        await database.ping()
        if (redis) await redis.ping()
      },
    })
    const address = await app.listen({ port: config.port, host: config.host })
    logger.info(
      {
        url: address,
        database: database.dialect,
        redis: Boolean(redis),
        trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
        provider: generator.provider,
        secret: secret.source,
        sandbox: isolation.backend,
      },
      "AI Studio is listening",
    )
    let closing: Promise<void> | undefined
    return {
      app,
      url: address,
      store,
      runs,
      generator,
      close(graceMs = config.shutdownGraceMs) {
        closing ??= (async () => {
          await runs.shutdown(graceMs)
          // Every event of the finished runs reaches the clients before their sockets close.
          await Promise.all([...connections].map((connection) => connection.shutdown()))
          await app.close()
          for (const step of cleanup.reverse()) await step().catch(() => undefined)
        })()
        return closing
      },
    }
  } catch (error) {
    for (const step of cleanup.reverse()) await step().catch(() => undefined)
    throw error
  }
}

/**
 * Runs that were going when the server last stopped (a crash, a kill) are marked interrupted, and their event log
 * gets a closing `error` + `run_finished`, so a client reading it sees how it ended.
 */
async function finishInterruptedRuns(store: Store, logger: Logger): Promise<void> {
  const stopped = "The studio restarted during this run."
  const interrupted = await store.runs.markInterrupted()
  for (const runId of interrupted) {
    const last = (await store.events.lastSeq(runId)) ?? -1
    const ts = Date.now()
    const closing: StoredEvent[] = [
      {
        type: "error",
        runId,
        seq: last + 1,
        ts,
        code: "interrupted",
        message: stopped,
      },
      {
        type: "run_finished",
        runId,
        seq: last + 2,
        ts,
        // A run cut off says nothing about its code: not verified.
        ...computeVerdict({ tests: [], errors: [{ code: "interrupted", message: stopped }] }),
        success: false,
        metrics: { durations: {}, tokens: { prompt: 0, completion: 0 }, repairAttempts: 0 },
      },
    ]
    for (const event of closing) await store.events.append(runId, event.seq as number, event)
  }
  if (interrupted.length > 0) logger.warn({ runs: interrupted }, "marked runs interrupted by the last stop")
}
