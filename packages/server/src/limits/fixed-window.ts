import type { Redis } from "ioredis"
import { RLWrapperTimeouts, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible"
import type { RateLimiterAbstract, RateLimiterInsuredAbstract } from "rate-limiter-flexible"

const DEFAULT_STORE_TIMEOUT_MS = 1000

export type LimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number }

/** A count per key in fixed windows: `points` per `durationSeconds`, the window starting at the key's first use. */
export interface FixedWindowLimiter {
  /** Where the counts live: this process only, or Redis (shared by every server process). */
  readonly kind: "memory" | "redis"
  /** Spends one point of the key's budget, or says how long until the window ends. */
  consume(key: string): Promise<LimitDecision>
  /** Forgets the key's count (a sign-in that succeeds clears its failures). Never throws for a store failure. */
  reset(key: string): Promise<void>
}

export interface FixedWindowOptions {
  points: number
  durationSeconds: number
  /** Namespaces the keys, in Redis and in memory. */
  keyPrefix: string
  /** Counts in Redis when given (an ioredis client), so every server process shares one count per key. */
  redis?: Redis
  /** How long a Redis call may take before the point is counted in memory instead (default 1 s). */
  storeTimeoutMs?: number
  /**
   * Called when Redis fails or times out. The point is then counted by a per-process memory limiter with the same
   * budget: limits stay on during an outage, though each process counts on its own until Redis is back.
   */
  onStoreError?: (error: unknown) => void
}

/**
 * rate-limiter-flexible's memory or Redis limiter. With Redis, a failing or hanging store falls back to memory rather
 * than letting everything through (or refusing everyone); `insuranceLimiter` would do the same but silently, and an
 * outage should be reported.
 */
export function createFixedWindowLimiter(options: FixedWindowOptions): FixedWindowLimiter {
  const { points, durationSeconds, keyPrefix } = options
  if (!Number.isInteger(points) || points < 1)
    throw new Error(`A limit must be a positive whole number (got ${points}).`)
  if (!Number.isInteger(durationSeconds) || durationSeconds < 1)
    throw new Error(`A limit's window must be a positive whole number of seconds (got ${durationSeconds}).`)
  const limits = { points, duration: durationSeconds, keyPrefix }
  const memory = new RateLimiterMemory(limits)
  if (options.redis === undefined) {
    return {
      kind: "memory",
      consume: async (key) => consumeOne(memory, checkedKey(key)),
      reset: async (key) => {
        await memory.delete(checkedKey(key))
      },
    }
  }

  // A call made while ioredis is still connecting waits in its offline queue; the timeout bounds that wait, so an
  // outage slows a request by at most storeTimeoutMs.
  const redis = new RLWrapperTimeouts({
    limiter: new RateLimiterRedis({ ...limits, storeClient: options.redis }),
    timeoutMs: options.storeTimeoutMs ?? DEFAULT_STORE_TIMEOUT_MS,
  })
  const onStoreError = options.onStoreError ?? (() => {})
  return {
    kind: "redis",
    async consume(key) {
      checkedKey(key)
      try {
        return await consumeOne(redis, key)
      } catch (error) {
        onStoreError(error)
        return consumeOne(memory, key)
      }
    },
    async reset(key) {
      checkedKey(key)
      // The memory copy holds what was counted during an outage.
      await memory.delete(key)
      try {
        await redis.delete(key)
      } catch (error) {
        onStoreError(error)
      }
    },
  }
}

function checkedKey(key: string): string {
  // An empty key would put every such caller in one shared budget.
  if (key === "") throw new Error("A limit needs a key.")
  return key
}

async function consumeOne(
  limiter: RateLimiterAbstract | RateLimiterInsuredAbstract,
  key: string,
): Promise<LimitDecision> {
  try {
    const result = await limiter.consume(key, 1)
    return { allowed: true, remaining: result.remainingPoints }
  } catch (rejection) {
    // rate-limiter-flexible rejects with a RateLimiterRes when the budget is spent, with an Error when its store fails.
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterMs: Math.max(1, rejection.msBeforeNext) }
    }
    throw rejection
  }
}

/** "1 minute", "15 minutes": how long a refused caller waits, rounded up to whole minutes. */
export function minutesToWait(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000))
  return `${minutes} minute${minutes === 1 ? "" : "s"}`
}
