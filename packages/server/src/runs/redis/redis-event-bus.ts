import { studioEventSchema, type StudioEvent, safeParse } from "@studio/protocol"
import type { RunEventBus } from "../run-queue"
import {
  closeClient,
  createRedisClient,
  DEFAULT_COMMAND_TIMEOUT_MS,
  DEFAULT_REDIS_PREFIX,
  parseJson,
  queueUnavailable,
  redisKeys,
  silentLog,
  whenConnected,
  withinDeadline,
  type RedisPartOptions,
} from "./redis-connection"

type Listener = (event: StudioEvent) => void

export type RedisEventBusOptions = RedisPartOptions & {
  /** How long subscribe waits for Redis to confirm before throwing "unavailable" (default 2 s). */
  commandTimeoutMs?: number
}

/**
 * Live run events between processes on Redis pub/sub: a channel per run, one subscriber connection per process
 * however many runs it watches. Pub/sub keeps no history (an event published while a listener's Redis connection is
 * down is not seen), which is why the store is read first: replay comes from PostgreSQL, only the live tail from here.
 */
export function createRedisEventBus(options: RedisEventBusOptions): RunEventBus {
  const log = options.log ?? silentLog
  const keys = redisKeys(options.prefix ?? DEFAULT_REDIS_PREFIX)
  const timeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS
  const publisher = createRedisClient(options, true, log, "event bus")
  let publisherConnected = false
  publisher.once("ready", () => (publisherConnected = true))
  // Not fail-fast: ioredis queues the SUBSCRIBEs of a reconnecting connection and subscribes again after a reconnect.
  const subscriber = createRedisClient(options, false, log, "event bus subscriber")
  const listeners = new Map<string, Set<Listener>>()
  /** The SUBSCRIBE of each channel that has listeners, so a second listener also waits for Redis to confirm it. */
  const subscribed = new Map<string, Promise<unknown>>()

  // Pub/sub keeps no history: after a reconnect (ioredis subscribes again by itself), whatever was published in
  // between is only in the store, and the subscribers are told to read it.
  const resumed = new Set<() => void>()
  let readyBefore = false
  subscriber.on("ready", () => {
    if (readyBefore)
      for (const listener of [...resumed]) {
        try {
          listener()
        } catch (error) {
          log.error({ err: error }, "event bus: a resume listener failed")
        }
      }
    readyBefore = true
  })

  subscriber.on("message", (channel: string, message: string) => {
    const forRun = listeners.get(channel)
    if (!forRun || forRun.size === 0) return
    const parsed = safeParse(studioEventSchema, parseJson(message))
    if (!parsed.success) {
      log.warn({ channel }, "event bus: a malformed event was dropped")
      return
    }
    // A copy: a listener that unsubscribes while it is called does not skip the next one.
    for (const listener of [...forRun]) {
      try {
        listener(parsed.data)
      } catch (error) {
        log.error({ err: error, channel }, "event bus: a listener failed")
      }
    }
  })

  return {
    async publish(event) {
      try {
        // Fail-fast commands are refused before the first connect too: a new bus waits for that one (within the
        // deadline); once it was connected, a lost connection fails at once (the run's events are in the store).
        if (!publisherConnected) await whenConnected(publisher, timeoutMs)
        await publisher.publish(keys.eventChannel(event.runId), JSON.stringify(event))
      } catch (error) {
        throw queueUnavailable(error)
      }
    },

    async subscribe(runId, listener) {
      const channel = keys.eventChannel(runId)
      const forRun = listeners.get(channel) ?? new Set<Listener>()
      listeners.set(channel, forRun)
      // Each subscription is its own entry, even when the same function subscribes twice.
      const entry: Listener = (event) => listener(event)
      forRun.add(entry)
      let confirmed = subscribed.get(channel)
      if (!confirmed) {
        confirmed = subscriber.subscribe(channel)
        subscribed.set(channel, confirmed)
      }
      const unsubscribe = () => {
        if (!forRun.delete(entry) || forRun.size > 0 || listeners.get(channel) !== forRun) return
        listeners.delete(channel)
        subscribed.delete(channel)
        // Commands on one connection run in order, so a later SUBSCRIBE of this channel still wins.
        subscriber.unsubscribe(channel).catch((error: unknown) => {
          log.warn({ err: error, channel }, "event bus: unsubscribe failed")
        })
      }
      try {
        await withinDeadline(() => confirmed, timeoutMs)
      } catch (error) {
        if (subscribed.get(channel) === confirmed) subscribed.delete(channel)
        unsubscribe()
        throw error
      }
      return unsubscribe
    },

    onResume(listener) {
      resumed.add(listener)
      return () => resumed.delete(listener)
    },

    async close() {
      resumed.clear()
      listeners.clear()
      subscribed.clear()
      await Promise.all([closeClient(publisher), closeClient(subscriber)])
    },
  }
}
