import { randomUUID } from "node:crypto"
import { StudioError } from "@studio/protocol"
import { describe, expect, it } from "vitest"
import {
  DEFAULT_REQUEST_LIMITS,
  REQUEST_LIMIT_WINDOWS,
  createRequestLimits,
  type RequestLimitName,
  type RequestLimitsOptions,
} from "./request-limits"
import { createTestRedis, REDIS_URL, rethrow } from "../../test/support/test-redis"

const redis = createTestRedis()

type Backend = { name: "memory" | "redis"; extra(): RequestLimitsOptions }
const backends: Backend[] = [
  { name: "memory", extra: () => ({}) },
  ...(REDIS_URL === undefined
    ? []
    : [{ name: "redis" as const, extra: () => ({ redis: redis.client(), onStoreError: rethrow }) }]),
]

/** The StudioError a refused call throws, or undefined when it was allowed. */
async function refusal(call: Promise<void>): Promise<StudioError | undefined> {
  try {
    await call
    return undefined
  } catch (error) {
    if (StudioError.isInstance(error)) return error
    throw error
  }
}

async function times(count: number, call: () => Promise<void>): Promise<(StudioError | undefined)[]> {
  const results: (StudioError | undefined)[] = []
  for (let index = 0; index < count; index++) results.push(await refusal(call()))
  return results
}

describe("the defaults", () => {
  it("are 10 sign-ins per email and address per 15 minutes, 100 per address an hour, 5 sign-ups, 600 previews, 120 test runs", () => {
    expect(DEFAULT_REQUEST_LIMITS).toEqual({
      loginPerAccount: 10,
      loginPerAddress: 100,
      registerPerAddress: 5,
      previewsPerHour: 600,
      testRunsPerHour: 120,
    })
    expect(REQUEST_LIMIT_WINDOWS).toEqual({
      loginPerAccount: 900,
      loginPerAddress: 3600,
      registerPerAddress: 3600,
      previewsPerHour: 3600,
      testRunsPerHour: 3600,
    })
  })

  it("refuse the 11th sign-in for one email from one address, with a wait under 15 minutes", async () => {
    const limits = createRequestLimits({ keyPrefix: redis.prefix() })
    const results = await times(11, () => limits.takeLoginAttempt("203.0.113.7", "ada@example.com"))
    expect(results.slice(0, 10)).toEqual(Array(10).fill(undefined))
    expect(results[10]).toMatchObject({ code: "rate_limited", httpStatus: 429 })
    expect(results[10]?.retryAfterMs).toBeLessThanOrEqual(15 * 60_000)
    expect(results[10]?.retryAfterMs).toBeGreaterThan(14 * 60_000)
    expect(results[10]?.toPublic().message).toBe("Too many sign-in attempts; try again in 15 minutes.")
  })
})

describe.each(backends)("createRequestLimits ($name)", (backend) => {
  const limitsWith = (settings: RequestLimitsOptions) => {
    const refused: RequestLimitName[] = []
    const limits = createRequestLimits({
      keyPrefix: redis.prefix(),
      onRefused: (name) => refused.push(name),
      ...backend.extra(),
      ...settings,
    })
    return { limits, refused }
  }

  it(`counts in ${backend.name}`, () => {
    expect(limitsWith({}).limits.kind).toBe(backend.name)
  })

  it("limits sign-ins per email from one address; other emails and other addresses go on", async () => {
    const { limits, refused } = limitsWith({ loginPerAccount: 3, loginPerAddress: 100 })
    const results = await times(4, () => limits.takeLoginAttempt("203.0.113.7", "ada@example.com"))
    expect(results.map((result) => result?.code)).toEqual([undefined, undefined, undefined, "rate_limited"])
    // The same email in another case is the same account.
    expect((await refusal(limits.takeLoginAttempt("203.0.113.7", " ADA@example.com")))?.code).toBe(
      "rate_limited",
    )
    expect(await refusal(limits.takeLoginAttempt("203.0.113.7", "grace@example.com"))).toBeUndefined()
    // Someone else guessing at Ada's password from elsewhere does not lock her out here, nor the other way round.
    expect(await refusal(limits.takeLoginAttempt("198.51.100.1", "ada@example.com"))).toBeUndefined()
    expect(refused).toEqual(["login", "login"])
  })

  it("limits sign-ins per address whatever the emails, and one IPv6 /64 is one address", async () => {
    const { limits } = limitsWith({ loginPerAccount: 100, loginPerAddress: 3 })
    const results = await times(3, () =>
      limits.takeLoginAttempt(
        `2001:db8:1:2::${Math.floor(Math.random() * 1000)}`,
        `${randomUUID()}@example.com`,
      ),
    )
    expect(results).toEqual([undefined, undefined, undefined])
    const fourth = await refusal(limits.takeLoginAttempt("2001:db8:1:2:abcd::1", "new@example.com"))
    expect(fourth).toMatchObject({ code: "rate_limited" })
    expect(fourth?.retryAfterMs).toBeGreaterThan(59 * 60_000)
    expect(await refusal(limits.takeLoginAttempt("2001:db8:1:3::1", "new@example.com"))).toBeUndefined()
  })

  it("a successful sign-in starts that email's count again, not the address's", async () => {
    const { limits } = limitsWith({ loginPerAccount: 2, loginPerAddress: 5 })
    await times(2, () => limits.takeLoginAttempt("203.0.113.7", "ada@example.com"))
    expect(await refusal(limits.takeLoginAttempt("203.0.113.7", "ada@example.com"))).toBeDefined()
    await limits.loginSucceeded("203.0.113.7", "Ada@Example.com")
    expect(await refusal(limits.takeLoginAttempt("203.0.113.7", "ada@example.com"))).toBeUndefined()
    // The refused attempt counted for the address too: 2 + 1 + 1 of its 5; the address has one left.
    expect(await refusal(limits.takeLoginAttempt("203.0.113.7", "grace@example.com"))).toBeUndefined()
    expect(await refusal(limits.takeLoginAttempt("203.0.113.7", "grace@example.com"))).toBeDefined()
  })

  it("limits sign-ups per address", async () => {
    const { limits, refused } = limitsWith({ registerPerAddress: 2 })
    const results = await times(3, () => limits.takeRegistration("203.0.113.7"))
    expect(results[2]).toMatchObject({ code: "rate_limited" })
    expect(results[2]?.toPublic().message).toMatch(
      /^Too many accounts were made from this address; try again in \d+ minutes\.$/,
    )
    expect(await refusal(limits.takeRegistration("::ffff:198.51.100.1"))).toBeUndefined()
    expect(refused).toEqual(["register"])
  })

  it("limits previews and test runs per user, each on its own budget", async () => {
    const { limits, refused } = limitsWith({ previewsPerHour: 2, testRunsPerHour: 1 })
    const previews = await times(3, () => limits.takePreview("ada"))
    expect(previews.map((result) => result?.code)).toEqual([undefined, undefined, "rate_limited"])
    expect(previews[2]?.toPublic().message).toMatch(
      /^Too many previews this hour; try again in 60 minutes\.$/,
    )
    expect(await refusal(limits.takeTestRun("ada"))).toBeUndefined()
    const testRun = await refusal(limits.takeTestRun("ada"))
    expect(testRun?.toPublic().message).toMatch(/^You have used this hour's test runs; try again in/)
    expect(await refusal(limits.takePreview("grace"))).toBeUndefined()
    expect(await refusal(limits.takeTestRun("grace"))).toBeUndefined()
    expect(refused).toEqual(["preview", "test_run"])
  })
})

describe.skipIf(REDIS_URL === undefined)("createRequestLimits on shared Redis", () => {
  it("gives two server processes one count per address, under the key prefix", async () => {
    const keyPrefix = redis.prefix()
    const shared = { keyPrefix, registerPerAddress: 3, onStoreError: rethrow }
    const first = createRequestLimits({ ...shared, redis: redis.client() })
    const second = createRequestLimits({ ...shared, redis: redis.client() })
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        refusal((index % 2 ? first : second).takeRegistration("203.0.113.9")),
      ),
    )
    expect(results.filter((result) => result === undefined)).toHaveLength(3)
    const client = redis.client()
    expect(await client.get(`${keyPrefix}:register:address:203.0.113.9`)).toBe("5")
  })
})

describe("createRequestLimits when Redis is down", () => {
  it("keeps limiting in this process's memory and reports the outage", async () => {
    const client = redis.unreachable()
    const storeErrors: unknown[] = []
    const limits = createRequestLimits({
      redis: client,
      keyPrefix: redis.prefix(),
      loginPerAccount: 1,
      storeTimeoutMs: 100,
      onStoreError: (error) => storeErrors.push(error),
    })
    expect(await refusal(limits.takeLoginAttempt("203.0.113.7", "ada@example.com"))).toBeUndefined()
    expect(await refusal(limits.takeLoginAttempt("203.0.113.7", "ada@example.com"))).toMatchObject({
      code: "rate_limited",
    })
    expect(storeErrors.length).toBeGreaterThanOrEqual(4)
  })
})
