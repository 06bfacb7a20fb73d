import type { Redis } from "ioredis"
import { StudioError } from "@studio/protocol"
import { createFixedWindowLimiter, minutesToWait, type LimitDecision } from "./fixed-window"

export const DEFAULT_PROMPTS_PER_HOUR = 60
export const PROMPT_LIMIT_KEY_PREFIX = "studio:prompts"
const ONE_HOUR_SECONDS = 60 * 60

export type PromptLimitDecision = LimitDecision

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
  const limiter = createFixedWindowLimiter({
    points,
    durationSeconds: ONE_HOUR_SECONDS,
    keyPrefix: options.keyPrefix ?? PROMPT_LIMIT_KEY_PREFIX,
    redis: options.redis,
    storeTimeoutMs: options.storeTimeoutMs,
    onStoreError: options.onStoreError,
  })
  return {
    kind: limiter.kind,
    consume: async (userId) => {
      // An empty id would put every such caller in one shared budget.
      if (userId === "") throw new Error("The prompt limit needs a user id.")
      return limiter.consume(userId)
    },
  }
}

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

/** The error to send when a prompt is refused: 429 over REST (`Retry-After`), `rate_limited` over WebSocket. */
export function promptLimitError(retryAfterMs: number): StudioError {
  return new StudioError(
    "rate_limited",
    `You have used this hour's prompts; try again in ${minutesToWait(retryAfterMs)}.`,
    { retryAfterMs },
  )
}
