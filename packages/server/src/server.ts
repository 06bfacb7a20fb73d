import {
  createEngine,
  createToolchainRegistry,
  detectIsolation,
  loadCustomPlugins,
  OFFLINE_PROVIDER,
  publicIsolation,
  type Engine,
  type Generator,
  type IsolationReport,
} from "@studio/engine"
import { StudioError, type GeneratorInfo } from "@studio/protocol"
import type { FastifyInstance } from "fastify"
import { Redis } from "ioredis"
import pino, { type Logger } from "pino"
import { buildApp } from "./app"
import type { PasswordHasher } from "./auth/passwords"
import { loadJwtSecret } from "./auth/secret"
import { createTokenService } from "./auth/tokens"
import { migrationsFolder, type ServerConfig } from "./config"
import { openDatabase } from "./db/database"
import type { StoredEvent } from "./db/schema"
import { createStore, type Store } from "./db/store"
import { createPromptLimiter } from "./limits/rate-limit"
import { createRequestLimits } from "./limits/request-limits"
import { createSocketLimiter } from "./limits/socket-limit"
import { resolveConfiguredGenerator } from "./resolve-model"
import { createMetrics, registerQueueMetrics } from "./metrics"
import { createMemoryPreviewStore, type PreviewPageStore } from "./previews/preview-store"
import { closingEvents } from "./runs/closing-events"
import { createLocalQueue } from "./runs/local-queue"
import { createMemoryEventBus } from "./runs/memory-event-bus"
import { createQueueHooks } from "./runs/queue-hooks"
import { createRedisEventBus, createRedisRunQueue } from "./runs/redis"
import { QUEUE_NAME } from "./runs/redis/redis-connection"
import { createRunExecutor } from "./runs/run-executor"
import { RunManager } from "./runs/run-manager"
import type { RunEventBus, RunQueue, RunWorker } from "./runs/run-queue"
import { startStaleRunCheck } from "./runs/stale-runs"
import { createQueueWorker, sharedQueueSettings } from "./worker"
import { settlesWithin } from "./settles-within"
import type { Connection } from "./ws/connection"

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
  /**
   * Runs this instance executes at once (default 1, `studio serve --workers N`). 0 (STUDIO_QUEUE=redis only): the API
   * and WebSocket alone; no engine is created, so the instance stays small, and `studio worker` processes run the jobs.
   */
  workers?: number
}

/** Starts the studio: storage (migrated), the engine (warm), the API and the WebSocket. */
export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<StartedServer> {
  const workers = options.workers ?? 1
  if (!Number.isInteger(workers) || workers < 0)
    throw new StudioError("config_invalid", `--workers takes a whole number of at least 0 (got ${workers})`)
  // The embedded queue has nowhere else to run a run: it is this process's worker or nothing.
  if (config.queue === "local" && workers !== 1)
    throw new StudioError(
      "config_invalid",
      "--workers needs STUDIO_QUEUE=redis (with REDIS_URL and DATABASE_URL)",
    )
  const shared = config.queue === "redis" ? sharedQueueSettings(config) : undefined
  const logger = options.logger ?? pino({ level: config.logLevel })
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    migrationsFolder: migrationsFolder(),
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
    // The embedded queue holds every run of this database: whatever was unfinished at the last stop was cut off.
    // A shared queue's unfinished runs may be another worker's: the stale-run check (below) ends the lost ones.
    if (!shared) await finishInterruptedRuns(store, logger)

    // Custom plugins (STUDIO_PLUGINS_DIR): a manifest that is wrong stops the start here, naming its file and field.
    const customPlugins = config.pluginsDir ? await loadCustomPlugins(config.pluginsDir) : []
    const given = options.engine
    const generator =
      options.generator ?? given?.generator ?? (await resolveConfiguredGenerator(config, logger))
    // An API-only instance (or any on the shared queue) cannot know the workers' settings: it names its own, and each
    // run's run_started says what actually wrote it.
    const generatorInfo: GeneratorInfo = {
      provider: generator.provider,
      model: generator.model,
      offline: generator.provider === OFFLINE_PROVIDER,
      runsOn: shared ? "workers" : "this-server",
    }
    // Jobs live under the installation's .studio/sandbox (not the data folder): generated code resolves its packages
    // from the studio's node_modules. The toolchain thread loads TypeScript and ESLint when the engine is warmed
    // (below), not at start. An instance with no worker has no engine at all.
    const engine =
      workers === 0
        ? undefined
        : given
          ? given.withGenerator(generator)
          : await createEngine({
              generator,
              // As many sandbox jobs at once as runs this instance executes (--workers on the shared queue).
              sandbox: {
                concurrency: workers,
                ...(options.isolation ? { isolation: options.isolation } : {}),
              },
              toolchain: { warm: false },
              customPlugins,
            })
    if (engine && !given) cleanup.push(() => engine.close())
    // Without an engine: the plugins' manifests, and preview builds (esbuild and Tailwind load on the first one).
    const toolchain = engine?.toolchain ?? createToolchainRegistry()
    if (!engine) cleanup.push(() => toolchain.dispose())
    // An API-only instance checks runs against this machine's isolation: deploy workers on the same kind of host.
    const isolationReport = engine?.isolation ?? options.isolation ?? detectIsolation()
    const isolation = publicIsolation(isolationReport, config.allowUnisolated)
    // `isolation`, not `level`: pino's own field is `level`.
    const sandboxLog = {
      isolation: isolation.level,
      backend: isolation.backend,
      runsUntrustedCode: isolation.runsUntrustedCode,
      layers: isolationReport.layers,
    }
    if (isolation.warnings.length === 0) logger.info(sandboxLog, "sandbox isolation")
    else logger.warn({ ...sandboxLog, warnings: isolationReport.warnings }, "sandbox isolation is reduced")
    // Warmed in the background as soon as the server listens (below), so the first Send after `npm start` finds the
    // preview builder ready (it is warmed first: the scaffold's preview shows while the tests run), then the sandbox's
    // workers and the type checker and linter; a socket sign-in asks again, which does nothing more.
    // The warm toolchain costs resident memory while idle; an instance with no engine has nothing to warm.
    // The engine warms once however often this is called; a failure is logged once.
    let warming: Promise<unknown> | undefined
    const warm = engine
      ? () => {
          const startedAt = performance.now()
          warming ??= engine.warmUp().then(
            (problems) =>
              logger.info(
                { ms: Math.round(performance.now() - startedAt), problems: problems.length },
                "the engine is warm",
              ),
            (error: unknown) =>
              logger.warn({ err: error }, "warming the engine failed; the first run will be slower"),
          )
        }
      : undefined
    // The registry holds the built-ins and the custom plugins this installation has; GET /api/plugins and new runs
    // read it. (An engine given as is runs the custom plugins it was built with.)
    await store.plugins.replaceBuiltins(
      toolchain.listManifests().filter((manifest) => manifest.source !== "custom"),
    )
    await store.plugins.replaceCustom(customPlugins.map((plugin) => plugin.manifest))

    const secret = await loadJwtSecret({ envSecret: config.jwtSecret, dataDir: config.dataDir })
    const tokens = createTokenService({
      secret: secret.secret,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
    })
    const metrics = createMetrics()
    let bus: RunEventBus
    let queue: RunQueue
    let worker: RunWorker | undefined
    let hooks: ReturnType<typeof createQueueHooks>
    if (shared) {
      // Scale-out: the queue and the live events on Redis, shared with every other instance and `studio worker`.
      const target = { redisUrl: shared.redisUrl, prefix: config.redisPrefix, log: logger }
      bus = createRedisEventBus(target)
      cleanup.push(() => bus.close())
      hooks = createQueueHooks({ store, bus, log: logger })
      queue = createRedisRunQueue({ ...target, userConcurrency: config.userConcurrency, hooks })
      if (engine) {
        worker = createQueueWorker({
          config,
          store,
          engine,
          bus,
          hooks,
          metrics,
          logger,
          concurrency: workers,
        })
      }
      // Every API instance runs it (ending a run is idempotent): workers come and go, API instances are always there.
      // A job is BullMQ's hash `<prefix>:<queue>:<jobId>` (jobId = runId), kept until the job ends.
      const jobs = redis
      const staleRuns = startStaleRunCheck({
        store,
        bus,
        log: logger,
        async jobExists(runId) {
          if (!jobs) throw new Error("no Redis connection")
          return (await jobs.exists(`${config.redisPrefix}:${QUEUE_NAME}:${runId}`)) === 1
        },
      })
      cleanup.push(async () => staleRuns.stop())
    } else {
      // The embedded default: the queue, its worker and the event bus all in this process.
      const memoryBus = createMemoryEventBus()
      bus = memoryBus
      cleanup.push(() => memoryBus.close())
      hooks = createQueueHooks({ store, bus, log: logger })
      if (!engine) throw new Error("the embedded queue needs this process's engine")
      const local = createLocalQueue({
        handler: createRunExecutor({
          store,
          engine,
          bus,
          metrics,
          log: logger,
          policy: { allowUnisolated: config.allowUnisolated },
          budget: config.budget,
        }),
        hooks,
        userConcurrency: config.userConcurrency,
        log: logger,
      })
      queue = local.queue
      worker = local.worker
    }
    registerQueueMetrics(metrics.registry, () => queue.stats())
    const runs = new RunManager({
      store,
      engine: { generator, toolchain, sandbox: { describeIsolation: async () => isolationReport } },
      queue,
      bus,
      hooks,
      worker,
      log: logger,
      policy: { allowUnisolated: config.allowUnisolated },
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
      generator: generatorInfo,
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
        queue: config.queue,
        workers: worker ? workers : 0,
        ...(worker ? { workerId: worker.workerId } : {}),
      },
      "AI Studio is listening",
    )
    // Not awaited: neither listening nor /healthz waits for it.
    warm?.()
    let closing: Promise<void> | undefined
    return {
      app,
      url: address,
      store,
      runs,
      generator,
      close(graceMs = config.shutdownGraceMs) {
        // Every step is bounded: a run that ignores its abort, a request that never ends or a store that does not
        // close is logged and left behind, so a stop (SIGTERM, a test's teardown) always finishes.
        const bounded = async (step: string, work: Promise<unknown>, ms: number) => {
          if (!(await settlesWithin(work, ms)))
            logger.warn({ step, ms }, "a shutdown step did not finish in time; going on")
        }
        closing ??= (async () => {
          await bounded("runs", runs.shutdown(graceMs), graceMs + SHUTDOWN_STEP_MS)
          // Every event of the finished runs reaches the clients before their sockets close.
          await Promise.all([...connections].map((connection) => connection.shutdown()))
          await bounded("http", app.close(), SHUTDOWN_STEP_MS)
          const closeAll = async () => {
            for (const step of cleanup.reverse()) await step().catch(() => undefined)
          }
          await bounded("storage", closeAll(), SHUTDOWN_STEP_MS)
        })()
        return closing
      },
    }
  } catch (error) {
    for (const step of cleanup.reverse()) await step().catch(() => undefined)
    throw error
  }
}

/** How long each shutdown step after the runs' grace may take before the stop goes on without it. */
const SHUTDOWN_STEP_MS = 8_000

/**
 * Runs that were queued or going when the server last stopped (a crash, a kill) are marked interrupted, and their
 * event log gets a closing `error` + `run_finished`, so a client reading it sees how it ended. Only for a studio
 * whose queue is its own (in-process): with a shared queue, unfinished runs may be another worker's.
 */
async function finishInterruptedRuns(store: Store, logger: Logger): Promise<void> {
  const message = "The studio restarted during this run."
  const interrupted = await store.runs.markInterrupted(message)
  for (const runId of interrupted) {
    const last = (await store.events.lastSeq(runId)) ?? -1
    for (const event of closingEvents(runId, last + 1, "interrupted", message))
      await store.events.append(runId, event.seq, event as StoredEvent)
  }
  if (interrupted.length > 0) logger.warn({ runs: interrupted }, "marked runs interrupted by the last stop")
}
