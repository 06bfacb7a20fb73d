import { Redis, type RedisOptions } from "ioredis"
import type { Logger } from "pino"
import pino from "pino"
import { StudioError } from "@studio/protocol"

/** Where the Redis of the queue and the bus is: a URL (`redis://host:port/db`) or ioredis options. */
export type RedisTarget = { redisUrl: string } | { connection: RedisOptions }

export type RedisLog = Pick<Logger, "warn" | "error">

/** What every Redis part of the run queue is given: where Redis is, the studio's key prefix, and a log. */
export type RedisPartOptions = RedisTarget & {
  /** Key prefix for everything kept in Redis (default "studio"); every process of a studio uses the same. */
  prefix?: string
  log?: RedisLog
}

export const DEFAULT_REDIS_PREFIX = "studio"
/** The BullMQ queue's name: its keys are `<prefix>:runs:*`, next to the gate's `<prefix>:gate:*`. */
export const QUEUE_NAME = "runs"
/** How long a call on the API side waits for Redis before the run is refused as unavailable. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 2_000
/** How often some process checks for jobs whose worker died; with the workers' 15 s lock, a lost run is found in ≤ 20 s. */
export const DEFAULT_STALLED_INTERVAL_MS = 5_000
/** A worker renews its jobs' locks every half of this; a job whose lock runs out is lost (never run twice). */
export const DEFAULT_LOCK_DURATION_MS = 15_000

/** Every key and channel the Redis adapters use, under one prefix (so tests and deployments can share a Redis). */
export function redisKeys(prefix: string) {
  return {
    /** runId -> the RunJob JSON of every run enqueued and not yet ended (the gate's record). */
    gateRuns: `${prefix}:gate:runs`,
    /** The per-user cap the API instances enqueue with (the gate reads it when a run ends). */
    gateCap: `${prefix}:gate:cap`,
    /** `<gateUser><userId>:active` (SET of admitted runs), `<gateUser><userId>:waiting` (LIST held back by the cap). */
    gateUser: `${prefix}:gate:user:`,
    userActive: (userId: string) => `${prefix}:gate:user:${userId}:active`,
    userWaiting: (userId: string) => `${prefix}:gate:user:${userId}:waiting`,
    /** Seconds that started jobs waited, drained by stats(). */
    waits: `${prefix}:stats:waits`,
    /** Set when an active run is cancelled, for a worker that starts it before the cancel message could reach it. */
    cancelled: (runId: string) => `${prefix}:cancelled:${runId}`,
    cancelChannel: `${prefix}:cancel`,
    eventChannel: (runId: string) => `${prefix}:events:${runId}`,
  }
}
export type RedisKeys = ReturnType<typeof redisKeys>

/**
 * ioredis options for the target. `failFast` is for connections that serve requests: while Redis is down a command
 * fails at once instead of queueing forever (ioredis's default), so a caller can answer "unavailable"; reconnection
 * goes on in the background, so everything works again when Redis is back.
 */
function redisOptions(target: RedisTarget, failFast: boolean): RedisOptions {
  const base: RedisOptions =
    "redisUrl" in target ? { ...parseRedisUrl(target.redisUrl) } : { ...target.connection }
  return failFast
    ? {
        ...base,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        retryStrategy: (times) => Math.min(times * 200, 1_000),
      }
    : { ...base, maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(times * 200, 1_000) }
}

/**
 * Connections for BullMQ's blocking classes (Worker, QueueEvents): a client (a Worker's main connection) that keeps
 * the copies BullMQ makes of it (the blocking ones), so that closing can always end them all. BullMQ's own close
 * waits forever while Redis is down, with its connections retrying in the background (taskforcesh/bullmq#4656).
 */
export function createBullConnections(target: RedisTarget, log: RedisLog, name: string) {
  // Connected by BullMQ when it is first used (QueueEvents only takes copies).
  const template = new Redis({ ...redisOptions(target, false), lazyConnect: true })
  reportErrorsOnce(template, log, name)
  const copies: Redis[] = [template]
  const duplicate = template.duplicate.bind(template)
  template.duplicate = (override?: Partial<RedisOptions>) => {
    const copy = duplicate({ ...override, lazyConnect: false })
    reportErrorsOnce(copy, log, name)
    copies.push(copy)
    return copy
  }
  return {
    connection: template,
    /** Ends every one of these connections, whatever state BullMQ left it in. */
    disconnectAll() {
      for (const copy of copies) copy.disconnect()
    },
  }
}

export function createRedisClient(
  target: RedisTarget,
  failFast: boolean,
  log: RedisLog,
  name: string,
): Redis {
  const client = new Redis(redisOptions(target, failFast))
  reportErrorsOnce(client, log, name)
  return client
}

/**
 * ioredis and BullMQ emit "error" on every failed reconnect; unlistened, that would crash the process. Logs one error
 * per outage-sized window (30 s), not every retry.
 */
export function reportErrorsOnce(
  emitter: { on(event: "error", listener: (error: Error) => void): unknown },
  log: RedisLog,
  name: string,
): void {
  let lastLoggedAt = 0
  emitter.on("error", (error) => {
    if (Date.now() - lastLoggedAt < 30_000) return
    lastLoggedAt = Date.now()
    log.warn({ err: error }, `${name}: Redis failed; retrying`)
  })
}

/** Closes a client gracefully when connected (pending replies arrive), at once when not (QUIT would wait forever). */
export async function closeClient(client: Redis): Promise<void> {
  if (client.status !== "ready") {
    client.disconnect()
    return
  }
  await withinDeadline(() => client.quit(), DEFAULT_COMMAND_TIMEOUT_MS).catch(() => client.disconnect())
}

/** Resolves once the client is connected, or throws "unavailable" after `timeoutMs` (no hanging while Redis is down). */
export async function whenConnected(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === "ready") return
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off("ready", onReady)
      reject(queueUnavailable())
    }, timeoutMs)
    const onReady = () => {
      clearTimeout(timer)
      resolve()
    }
    client.once("ready", onReady)
  })
}

/** Runs a Redis call with a deadline; any failure to reach Redis becomes StudioError "unavailable". */
export async function withinDeadline<T>(call: () => Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(queueUnavailable()), timeoutMs)
  })
  try {
    return await Promise.race([call(), deadline])
  } catch (error) {
    throw StudioError.isInstance(error) ? error : queueUnavailable(error)
  } finally {
    clearTimeout(timer)
  }
}

export function queueUnavailable(cause?: unknown): StudioError {
  return new StudioError("unavailable", "The run queue cannot be reached; try again in a moment.", { cause })
}

/** JSON from Redis, for a schema to check: undefined when it is not JSON at all. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

export const silentLog: RedisLog = pino({ level: "silent" })

function parseRedisUrl(url: string): RedisOptions {
  const parsed = new URL(url)
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new Error(`REDIS_URL must start with redis:// or rediss:// (got ${parsed.protocol}//).`)
  }
  const db = parsed.pathname.replace(/^\//, "")
  return {
    host: parsed.hostname || "127.0.0.1",
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(parsed.protocol === "rediss:" ? { tls: {} } : {}),
  }
}
