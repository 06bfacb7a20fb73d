import type { Redis } from "ioredis"
import { RLWrapperTimeouts, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible"
import type { RateLimiterAbstract, RateLimiterInsuredAbstract } from "rate-limiter-flexible"
import { StudioError } from "@studio/protocol"

export const DEFAULT_PROMPTS_PER_HOUR = 60
export const PROMPT_LIMIT_KEY_PREFIX = "studio:prompts"
const ONE_HOUR_SECONDS = 60 * 60
const DEFAULT_STORE_TIMEOUT_MS = 1000

export type PromptLimitDecision =
  { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number }

export interface PromptLimiter {
  /** Where the counts live: this process only, or Redis (shared by every server process). */
  readonly kind: "memory" | "redis"
  /** Spends one prompt of the user's hourly budget, or says how long until the budget refills. */
  consume(userId: string): Promise<PromptLimitDecision>
}

export interface PromptLimiterOptions {
  pointsPerHour?: number
  /** Counts in Redis when given (an ioredis client), so every server process shares one budget per user. */
  redis?: Redis
  keyPrefix?: string
  /** How long a Redis call may take before the prompt is counted in memory instead (default 1 s). */
  storeTimeoutMs?: number
  /**
   * Called when Redis fails or times out. The prompt is then counted by a per-process memory limiter with the same
   * budget: limits stay on during an outage, though each process counts on its own until Redis is back.
   */
  onStoreError?: (error: unknown) => void
}

/**
 * The per-user prompt budget (60 an hour by default), keyed on the authenticated user's id only, never on anything
 * a client sends. Fixed one-hour windows starting at a user's first prompt.
 */
export function createPromptLimiter(options: PromptLimiterOptions = {}): PromptLimiter {
  const points = options.pointsPerHour ?? DEFAULT_PROMPTS_PER_HOUR
  if (!Number.isInteger(points) || points < 1) {
    throw new Error(`The prompt limit must be a positive whole number per hour (got ${points}).`)
  }
  const limits = {
    points,
    duration: ONE_HOUR_SECONDS,
    keyPrefix: options.keyPrefix ?? PROMPT_LIMIT_KEY_PREFIX,
  }
  const memory = new RateLimiterMemory(limits)
  if (options.redis === undefined) {
    return { kind: "memory", consume: async (userId) => consumeOne(memory, checkedUserId(userId)) }
  }

  // A call made while ioredis is still connecting waits in its offline queue; the timeout bounds that wait, so an
  // outage slows a prompt by at most storeTimeoutMs.
  const redis = new RLWrapperTimeouts({
    limiter: new RateLimiterRedis({ ...limits, storeClient: options.redis }),
    timeoutMs: options.storeTimeoutMs ?? DEFAULT_STORE_TIMEOUT_MS,
  })
  const onStoreError = options.onStoreError ?? (() => {})
  return {
    kind: "redis",
    async consume(userId) {
      checkedUserId(userId)
      try {
        return await consumeOne(redis, userId)
      } catch (error) {
        onStoreError(error)
        return consumeOne(memory, userId)
      }
    },
  }
}

function checkedUserId(userId: string): string {
  // An empty id would put every such caller in one shared budget.
  if (userId === "") throw new Error("The prompt limit needs a user id.")
  return userId
}

async function consumeOne(
  limiter: RateLimiterAbstract | RateLimiterInsuredAbstract,
  userId: string,
): Promise<PromptLimitDecision> {
  try {
    const result = await limiter.consume(userId, 1)
    return { allowed: true, remaining: result.remainingPoints }
  } catch (rejection) {
    // rate-limiter-flexible rejects with a RateLimiterRes when the budget is spent, with an Error when its store fails.
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterMs: Math.max(1, rejection.msBeforeNext) }
    }
    throw rejection
  }
}

/** The error to send when a prompt is refused: 429 over REST (`Retry-After`), `rate_limited` over WebSocket. */
/**
 * Counts one prompt for the user, or throws `promptLimitError` (after `onRefused`, e.g. a metric) when the hour's
 * budget is spent. The REST and WebSocket ways to start a run both go through here.
 */
export async function takePrompt(
  limiter: PromptLimiter,
  userId: string,
  onRefused?: () => void,
): Promise<void> {
  const verdict = await limiter.consume(userId)
  if (verdict.allowed) return
  onRefused?.()
  throw promptLimitError(verdict.retryAfterMs)
}

export function promptLimitError(retryAfterMs: number): StudioError {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000))
  return new StudioError(
    "rate_limited",
    `You have used this hour's prompts; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    { retryAfterMs },
  )
}
