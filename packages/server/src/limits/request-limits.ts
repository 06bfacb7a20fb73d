import type { Redis } from "ioredis"
import { StudioError } from "@studio/protocol"
import { clientAddressKey } from "./client-address"
import { createFixedWindowLimiter, minutesToWait, type FixedWindowLimiter } from "./fixed-window"

const MINUTE_SECONDS = 60
const HOUR_SECONDS = 60 * MINUTE_SECONDS

/** How many of each request are allowed; the windows are fixed (see REQUEST_LIMIT_WINDOWS). */
export interface RequestLimitSettings {
  /** Sign-in attempts for one email from one address, per 15 minutes. */
  loginPerAccount: number
  /** Sign-in attempts from one address (any email), per hour. */
  loginPerAddress: number
  /** Accounts made from one address, per hour. */
  registerPerAddress: number
  /** Preview builds per user, per hour. */
  previewsPerHour: number
  /** Test runs of edited code per user, per hour. */
  testRunsPerHour: number
}

export const DEFAULT_REQUEST_LIMITS: RequestLimitSettings = {
  loginPerAccount: 10,
  loginPerAddress: 100,
  registerPerAddress: 5,
  previewsPerHour: 600,
  testRunsPerHour: 120,
}

export const REQUEST_LIMIT_WINDOWS: Record<keyof RequestLimitSettings, number> = {
  loginPerAccount: 15 * MINUTE_SECONDS,
  loginPerAddress: HOUR_SECONDS,
  registerPerAddress: HOUR_SECONDS,
  previewsPerHour: HOUR_SECONDS,
  testRunsPerHour: HOUR_SECONDS,
}

/** Which limit refused a request (a metric label). */
export type RequestLimitName = "login" | "register" | "preview" | "test_run"

export interface RequestLimitsOptions extends Partial<RequestLimitSettings> {
  /** Counts in Redis when given, shared by every server process, like the prompt limit. */
  redis?: Redis
  /** Namespaces the keys (default `studio`): `studio:login:account:...`, `studio:previews:...`. */
  keyPrefix?: string
  storeTimeoutMs?: number
  /** Redis failed or hung: that request was counted in this process's memory instead. */
  onStoreError?: (error: unknown) => void
  /** A request was refused (e.g. a metric). */
  onRefused?: (limit: RequestLimitName) => void
}

/**
 * The abuse limits besides the prompt budget. Each `take...` counts one request, or throws a `rate_limited`
 * StudioError (429 with Retry-After over REST) when a budget is spent. Sign-in and sign-up are counted per client
 * address and are checked before any password is hashed; previews and test runs per authenticated user.
 */
export interface RequestLimits {
  readonly kind: "memory" | "redis"
  /** One sign-in attempt: counted per address first, then per email from that address. */
  takeLoginAttempt(address: string, email: string): Promise<void>
  /** The sign-in succeeded: that email's count from that address starts again (the address's count does not). */
  loginSucceeded(address: string, email: string): Promise<void>
  takeRegistration(address: string): Promise<void>
  takePreview(userId: string): Promise<void>
  takeTestRun(userId: string): Promise<void>
}

/** Builds the limits, in memory or in Redis (the same choice as the prompt limit). */
export function createRequestLimits(options: RequestLimitsOptions = {}): RequestLimits {
  const prefix = options.keyPrefix ?? "studio"
  const limiter = (setting: keyof RequestLimitSettings, name: string): FixedWindowLimiter => {
    const points = options[setting] ?? DEFAULT_REQUEST_LIMITS[setting]
    return createFixedWindowLimiter({
      points,
      durationSeconds: REQUEST_LIMIT_WINDOWS[setting],
      keyPrefix: `${prefix}:${name}`,
      redis: options.redis,
      storeTimeoutMs: options.storeTimeoutMs,
      onStoreError: options.onStoreError,
    })
  }
  const loginByAccount = limiter("loginPerAccount", "login:account")
  const loginByAddress = limiter("loginPerAddress", "login:address")
  const registerByAddress = limiter("registerPerAddress", "register:address")
  const previews = limiter("previewsPerHour", "previews")
  const testRuns = limiter("testRunsPerHour", "test-runs")

  const take = async (
    counter: FixedWindowLimiter,
    key: string,
    name: RequestLimitName,
    message: (wait: string) => string,
  ) => {
    const decision = await counter.consume(key)
    if (decision.allowed) return
    options.onRefused?.(name)
    throw new StudioError("rate_limited", message(minutesToWait(decision.retryAfterMs)), {
      retryAfterMs: decision.retryAfterMs,
    })
  }
  const accountKey = (address: string, email: string) =>
    `${email.trim().toLowerCase()}|${clientAddressKey(address)}`
  const tooManySignIns = (wait: string) => `Too many sign-in attempts; try again in ${wait}.`

  return {
    kind: previews.kind,
    async takeLoginAttempt(address, email) {
      // The address first: one address cannot make a fresh per-email count for every email it tries.
      await take(loginByAddress, clientAddressKey(address), "login", tooManySignIns)
      await take(loginByAccount, accountKey(address, email), "login", tooManySignIns)
    },
    async loginSucceeded(address, email) {
      await loginByAccount.reset(accountKey(address, email))
    },
    async takeRegistration(address) {
      await take(
        registerByAddress,
        clientAddressKey(address),
        "register",
        (wait) => `Too many accounts were made from this address; try again in ${wait}.`,
      )
    },
    async takePreview(userId) {
      await take(previews, userId, "preview", (wait) => `Too many previews this hour; try again in ${wait}.`)
    },
    async takeTestRun(userId) {
      await take(
        testRuns,
        userId,
        "test_run",
        (wait) => `You have used this hour's test runs; try again in ${wait}.`,
      )
    },
  }
}
