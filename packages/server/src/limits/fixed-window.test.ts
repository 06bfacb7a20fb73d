import { afterEach, describe, expect, it, vi } from "vitest"
import { createTestRedis, REDIS_URL, rethrow } from "../../test/support/test-redis"
import { createFixedWindowLimiter, minutesToWait, type FixedWindowOptions } from "./fixed-window"

const redis = createTestRedis()

afterEach(() => {
  vi.useRealTimers()
})

type Backend = { name: "memory" | "redis"; extra(): Partial<FixedWindowOptions> }
const backends: Backend[] = [
  { name: "memory", extra: () => ({}) },
  ...(REDIS_URL === undefined
    ? []
    : [{ name: "redis" as const, extra: () => ({ redis: redis.client(), onStoreError: rethrow }) }]),
]

function options(backend: Backend, points: number, durationSeconds = 60): FixedWindowOptions {
  return { points, durationSeconds, keyPrefix: redis.prefix(), ...backend.extra() }
}

describe.each(backends)("createFixedWindowLimiter ($name)", (backend) => {
  it(`counts in ${backend.name}, each key on its own, and refuses past the budget until the window ends`, async () => {
    const limiter = createFixedWindowLimiter(options(backend, 2, 900))
    expect(limiter.kind).toBe(backend.name)
    expect(await limiter.consume("a")).toEqual({ allowed: true, remaining: 1 })
    expect(await limiter.consume("a")).toEqual({ allowed: true, remaining: 0 })
    const refused = await limiter.consume("a")
    expect(refused.allowed).toBe(false)
    if (refused.allowed) return
    expect(refused.retryAfterMs).toBeGreaterThan(900_000 - 60_000)
    expect(refused.retryAfterMs).toBeLessThanOrEqual(900_000)
    expect(await limiter.consume("b")).toEqual({ allowed: true, remaining: 1 })
  })

  it("forgets a key's count on reset, and only that key's", async () => {
    const limiter = createFixedWindowLimiter(options(backend, 1))
    await limiter.consume("a")
    await limiter.consume("b")
    expect(await limiter.consume("a")).toMatchObject({ allowed: false })
    await limiter.reset("a")
    expect(await limiter.consume("a")).toEqual({ allowed: true, remaining: 0 })
    expect(await limiter.consume("b")).toMatchObject({ allowed: false })
  })

  it("refuses an empty key rather than sharing one budget among everyone", async () => {
    const limiter = createFixedWindowLimiter(options(backend, 1))
    await expect(limiter.consume("")).rejects.toThrow(/needs a key/)
    await expect(limiter.reset("")).rejects.toThrow(/needs a key/)
  })
})

describe("createFixedWindowLimiter in memory", () => {
  it("starts a fresh window once the old one has passed", async () => {
    vi.useFakeTimers()
    const limiter = createFixedWindowLimiter({ points: 1, durationSeconds: 60, keyPrefix: "t" })
    await limiter.consume("a")
    expect(await limiter.consume("a")).toMatchObject({ allowed: false })
    vi.advanceTimersByTime(61_000)
    expect(await limiter.consume("a")).toEqual({ allowed: true, remaining: 0 })
  })

  it.each([0, -1, 1.5, Number.NaN])("refuses %s points or seconds", (value) => {
    expect(() => createFixedWindowLimiter({ points: value, durationSeconds: 60, keyPrefix: "t" })).toThrow(
      /positive whole number/,
    )
    expect(() => createFixedWindowLimiter({ points: 1, durationSeconds: value, keyPrefix: "t" })).toThrow(
      /positive whole number of seconds/,
    )
  })
})

describe("createFixedWindowLimiter when Redis is down", () => {
  it("keeps counting in memory, resets there too, and reports every store error", async () => {
    const storeErrors: unknown[] = []
    const limiter = createFixedWindowLimiter({
      points: 1,
      durationSeconds: 60,
      keyPrefix: redis.prefix(),
      redis: redis.unreachable(),
      storeTimeoutMs: 100,
      onStoreError: (error) => storeErrors.push(error),
    })
    expect(limiter.kind).toBe("redis")
    expect(await limiter.consume("a")).toEqual({ allowed: true, remaining: 0 })
    expect(await limiter.consume("a")).toMatchObject({ allowed: false })
    await expect(limiter.reset("a")).resolves.toBeUndefined()
    expect(await limiter.consume("a")).toEqual({ allowed: true, remaining: 0 })
    expect(storeErrors).toHaveLength(4)
  })
})

describe("minutesToWait", () => {
  it("rounds up to whole minutes, at least one", () => {
    expect(minutesToWait(1)).toBe("1 minute")
    expect(minutesToWait(60_000)).toBe("1 minute")
    expect(minutesToWait(60_001)).toBe("2 minutes")
    expect(minutesToWait(15 * 60_000)).toBe("15 minutes")
  })
})
