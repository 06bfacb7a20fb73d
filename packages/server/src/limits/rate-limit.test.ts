import { randomUUID } from "node:crypto"
import { createServer, type Server } from "node:net"
import { Redis } from "ioredis"
import { StudioError } from "@studio/protocol"
import { afterAll, describe, expect, it } from "vitest"
import { createTestRedis, REDIS_URL, rethrow } from "../../test/support/test-redis"
import { createPromptLimiter, promptLimitError, type PromptLimiterOptions } from "./rate-limit"

const ONE_HOUR_MS = 60 * 60 * 1000
const redis = createTestRedis()

const blackholes: Server[] = []
afterAll(() => {
  for (const server of blackholes) server.close()
})

/** Limiter options for one test: its own key prefix, so runs never share counts (in Redis they would). */
type Backend = { name: "memory" | "redis"; options(prefix: string): PromptLimiterOptions }
const backends: Backend[] = [
  { name: "memory", options: (keyPrefix) => ({ keyPrefix }) },
  ...(REDIS_URL === undefined
    ? []
    : [
        {
          name: "redis" as const,
          // A fallback to memory would pass these tests too, so it fails them instead.
          options: (keyPrefix: string) => ({
            keyPrefix,
            redis: redis.client(),
            onStoreError: rethrow,
          }),
        },
      ]),
]

async function consumeMany(
  limiter: { consume(userId: string): Promise<{ allowed: boolean }> },
  count: number,
) {
  return Promise.all(Array.from({ length: count }, () => limiter.consume("ada")))
}

describe.each(backends)("createPromptLimiter ($name)", (backend) => {
  const prefix = () => redis.prefix()

  it(`reports that it counts in ${backend.name}`, () => {
    expect(createPromptLimiter(backend.options(prefix())).kind).toBe(backend.name)
  })

  it("allows 60 prompts an hour, counting down, and refuses the 61st with a positive retryAfterMs", async () => {
    const limiter = createPromptLimiter(backend.options(prefix()))
    const remaining: number[] = []
    for (let prompt = 1; prompt <= 60; prompt += 1) {
      const decision = await limiter.consume("ada")
      if (!decision.allowed) throw new Error(`prompt ${prompt} was refused`)
      remaining.push(decision.remaining)
    }
    expect(remaining[0]).toBe(59)
    expect(remaining.at(-1)).toBe(0)
    const refused = await limiter.consume("ada")
    expect(refused.allowed).toBe(false)
    if (refused.allowed) return
    expect(refused.retryAfterMs).toBeGreaterThan(0)
    expect(refused.retryAfterMs).toBeLessThanOrEqual(ONE_HOUR_MS)
    expect(refused.retryAfterMs).toBeGreaterThan(ONE_HOUR_MS - 60_000)
  })

  it("allows exactly 60 of 70 prompts that arrive at once", async () => {
    const limiter = createPromptLimiter(backend.options(prefix()))
    const decisions = await consumeMany(limiter, 70)
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(60)
    expect(decisions.filter((decision) => !decision.allowed)).toHaveLength(10)
  })

  it("keeps each user's budget apart", async () => {
    const limiter = createPromptLimiter(backend.options(prefix()))
    await consumeMany(limiter, 61)
    expect(await limiter.consume("ada")).toMatchObject({ allowed: false })
    expect(await limiter.consume("grace")).toEqual({ allowed: true, remaining: 59 })
  })

  it("takes its budget from pointsPerHour", async () => {
    const limiter = createPromptLimiter({ ...backend.options(prefix()), pointsPerHour: 3 })
    const decisions = await consumeMany(limiter, 5)
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false, false])
  })
})

describe.skipIf(REDIS_URL === undefined)("createPromptLimiter on shared Redis", () => {
  it("gives two limiters (two server processes) one budget per user", async () => {
    const keyPrefix = redis.prefix()
    const first = createPromptLimiter({
      keyPrefix,
      redis: redis.client(),
      onStoreError: rethrow,
    })
    const second = createPromptLimiter({
      keyPrefix,
      redis: redis.client(),
      onStoreError: rethrow,
    })
    const decisions = await Promise.all(
      Array.from({ length: 70 }, (_, index) => (index % 2 === 0 ? first : second).consume("ada")),
    )
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(60)
    expect(await second.consume("ada")).toMatchObject({ allowed: false })
  })

  it("stores its counts under studio:prompts by default, keyed by the user id", async () => {
    const client = redis.client()
    const userId = `test-user-${randomUUID()}`
    await createPromptLimiter({ redis: client, onStoreError: rethrow }).consume(userId)
    try {
      expect(await client.get(`studio:prompts:${userId}`)).toBe("1")
      expect(await client.pttl(`studio:prompts:${userId}`)).toBeGreaterThan(ONE_HOUR_MS - 60_000)
    } finally {
      await client.del(`studio:prompts:${userId}`)
    }
  })
})

describe("createPromptLimiter when Redis is down or hangs", () => {
  const unreachable = () => redis.unreachable()

  /** A client of a server that accepts the connection and never answers, as a stuck Redis would. */
  const hung = async () => {
    const server = createServer(() => {})
    blackholes.push(server)
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    const address = server.address()
    if (address === null || typeof address === "string") throw new Error("no port")
    const client = new Redis(address.port, "127.0.0.1", { maxRetriesPerRequest: null })
    redis.track(client)
    return client
  }

  it.each([
    ["fails at once", unreachable, /enableOfflineQueue/],
    ["never answers", hung, /timed out/],
  ])("keeps limiting in memory and reports the error when Redis %s", async (_case, makeClient, message) => {
    const storeErrors: unknown[] = []
    const limiter = createPromptLimiter({
      redis: await makeClient(),
      pointsPerHour: 2,
      keyPrefix: `studio:test:${randomUUID()}`,
      storeTimeoutMs: 100,
      onStoreError: (error) => storeErrors.push(error),
    })
    expect(limiter.kind).toBe("redis")
    const decisions = await consumeMany(limiter, 3)
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, false])
    expect(storeErrors).toHaveLength(3)
    expect(String(storeErrors[0])).toMatch(message)
  })
})

describe("createPromptLimiter options", () => {
  it.each([0, -1, 1.5, Number.NaN])("refuses pointsPerHour %s", (pointsPerHour) => {
    expect(() => createPromptLimiter({ pointsPerHour })).toThrow(/positive whole number/)
  })

  it("refuses an empty user id rather than sharing one budget among everyone", async () => {
    await expect(createPromptLimiter().consume("")).rejects.toThrow(/needs a user id/)
    const storeErrors: unknown[] = []
    const neverUsed = new Redis({ lazyConnect: true })
    redis.track(neverUsed)
    const withRedis = createPromptLimiter({
      redis: neverUsed,
      onStoreError: (error) => storeErrors.push(error),
    })
    await expect(withRedis.consume("")).rejects.toThrow(/needs a user id/)
    expect(storeErrors).toEqual([])
  })
})

describe("promptLimitError", () => {
  it("is a rate_limited StudioError carrying retryAfterMs", () => {
    const error = promptLimitError(90_000)
    expect(StudioError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ code: "rate_limited", retryAfterMs: 90_000, httpStatus: 429 })
    expect(error.toPublic().message).toBe("You have used this hour's prompts; try again in 2 minutes.")
    expect(promptLimitError(10).message).toMatch(/in 1 minute\.$/)
  })
})
