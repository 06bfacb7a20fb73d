import { createEngine, loadCustomPlugins, type Engine, type Generator } from "@studio/engine"
import { StudioError } from "@studio/protocol"
import pino, { type Logger } from "pino"
import { migrationsFolder, type ServerConfig } from "./config"
import { openDatabase } from "./db/database"
import { createStore, type Store } from "./db/store"
import { createMetrics, type Metrics } from "./metrics"
import { resolveConfiguredGenerator } from "./resolve-model"
import { createQueueHooks } from "./runs/queue-hooks"
import { createRedisEventBus, createRedisRunWorker } from "./runs/redis"
import { createRunExecutor } from "./runs/run-executor"
import { createWorkerId, type QueueHooks, type RunEventBus, type RunWorker } from "./runs/run-queue"

/** What a shared queue needs, checked: readServerConfig guarantees both with STUDIO_QUEUE=redis. */
export function sharedQueueSettings(config: ServerConfig): { redisUrl: string; databaseUrl: string } {
  if (config.queue !== "redis")
    throw new StudioError(
      "config_invalid",
      "a worker process needs STUDIO_QUEUE=redis (with REDIS_URL and DATABASE_URL)",
    )
  if (!config.redisUrl || !config.databaseUrl)
    throw new StudioError("config_invalid", "STUDIO_QUEUE=redis needs REDIS_URL and DATABASE_URL")
  return { redisUrl: config.redisUrl, databaseUrl: config.databaseUrl }
}

/**
 * A worker on the shared queue: takes jobs from Redis and runs them with the run executor on `engine`, `concurrency`
 * at a time. Used by `studio worker` and by a `studio serve` that runs workers beside its API.
 */
export function createQueueWorker(deps: {
  config: ServerConfig
  store: Store
  engine: Pick<Engine, "generator" | "isolation" | "run" | "testEditedCode">
  bus: RunEventBus
  hooks: Pick<QueueHooks, "onLost">
  metrics: Metrics
  logger: Logger
  concurrency: number
  workerId?: string
}): RunWorker {
  const { config, store, engine, bus, hooks, metrics, concurrency } = deps
  const workerId = deps.workerId ?? createWorkerId()
  const log = deps.logger.child({ workerId })
  return createRedisRunWorker({
    redisUrl: sharedQueueSettings(config).redisUrl,
    prefix: config.redisPrefix,
    concurrency,
    workerId,
    log,
    handler: createRunExecutor({
      store,
      engine,
      bus,
      metrics,
      log,
      policy: { allowUnisolated: config.allowUnisolated },
      budget: config.budget,
    }),
    hooks: { onLost: (job, reason) => hooks.onLost(job, reason) },
  })
}

export interface WorkerOptions {
  /** Jobs run at once (default 1): each uses the engine's sandbox and toolchain. */
  concurrency?: number
  logger?: Logger
  /** A generator to use instead of the configured one. */
  generator?: Generator
  /** An engine to run on instead of assembling one (it stays the caller's: not closed here). */
  engine?: Engine
}

export interface StartedWorker {
  workerId: string
  worker: RunWorker
  /** Takes no more jobs; running ones get `graceMs` (default STUDIO_SHUTDOWN_GRACE_SECONDS), then end interrupted. */
  close(graceMs?: number): Promise<void>
}

/**
 * `studio worker`: runs jobs of the shared queue and nothing else (no HTTP). PostgreSQL for the runs, one engine
 * (warmed at start, so the first job does not pay for it), Redis for the jobs and the live events.
 */
export async function startWorker(config: ServerConfig, options: WorkerOptions = {}): Promise<StartedWorker> {
  const { redisUrl, databaseUrl } = sharedQueueSettings(config)
  const concurrency = options.concurrency ?? 1
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new StudioError(
      "config_invalid",
      `--concurrency takes a whole number of at least 1 (got ${concurrency})`,
    )
  const workerId = createWorkerId()
  const baseLogger = options.logger ?? pino({ level: config.logLevel })
  const logger = baseLogger.child({ workerId })
  const database = await openDatabase({
    databaseUrl,
    dataDir: config.dataDir,
    migrationsFolder: migrationsFolder(),
  })
  const cleanup: (() => Promise<unknown>)[] = [() => database.close()]
  try {
    const store = createStore(database)
    // A worker runs the custom plugins the API instances list: the same STUDIO_PLUGINS_DIR, checked at start.
    const customPlugins = config.pluginsDir ? await loadCustomPlugins(config.pluginsDir) : []
    const generator =
      options.generator ?? options.engine?.generator ?? (await resolveConfiguredGenerator(config, logger))
    const engine = options.engine
      ? options.engine.withGenerator(generator)
      : // As many sandbox jobs at once as runs: else the runs' tests wait for each other.
        await createEngine({ generator, sandbox: { concurrency }, toolchain: { warm: false }, customPlugins })
    if (!options.engine) cleanup.push(() => engine.close())
    const problems = await engine.warmUp()
    if (problems.length > 0) logger.warn({ problems }, "warming the toolchain reported problems")
    const bus = createRedisEventBus({ redisUrl, prefix: config.redisPrefix, log: logger })
    cleanup.push(() => bus.close())
    const hooks = createQueueHooks({ store, bus, log: logger })
    const worker = createQueueWorker({
      config,
      store,
      engine,
      bus,
      hooks,
      metrics: createMetrics(),
      logger: baseLogger,
      concurrency,
      workerId,
    })
    logger.info(
      {
        concurrency,
        provider: generator.provider,
        sandbox: engine.isolation.backend,
        prefix: config.redisPrefix,
      },
      "AI Studio worker is taking runs",
    )
    let closing: Promise<void> | undefined
    return {
      workerId,
      worker,
      close(graceMs = config.shutdownGraceMs) {
        closing ??= (async () => {
          logger.info({ active: worker.active, graceMs }, "shutting down: finishing running runs")
          await worker.close(graceMs)
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
