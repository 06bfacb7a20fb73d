import { describe, expect, it } from "vitest"
import { StudioError } from "@studio/protocol"
import { readServerConfig } from "./config"

const read = (env: Record<string, string> = {}) =>
  readServerConfig({ STUDIO_PROVIDER: "offline", ...env }, "/srv")

describe("readServerConfig: abuse limits", () => {
  it("defaults to 10 sign-ins per email and address, 100 per address, 5 sign-ups, 600 previews, 120 test runs", () => {
    expect(read().requestLimits).toEqual({
      loginPerAccount: 10,
      loginPerAddress: 100,
      registerPerAddress: 5,
      previewsPerHour: 600,
      testRunsPerHour: 120,
    })
  })

  it("defaults to 60 prompts per user per hour, and reads STUDIO_RATE_LIMIT", () => {
    expect(read().promptsPerHour).toBe(60)
    expect(read({ STUDIO_RATE_LIMIT: "10" }).promptsPerHour).toBe(10)
  })

  it("reads each limit from its variable", () => {
    expect(
      read({
        STUDIO_LOGIN_RATE_LIMIT: "3",
        STUDIO_LOGIN_IP_RATE_LIMIT: "30",
        STUDIO_REGISTER_RATE_LIMIT: "2",
        STUDIO_PREVIEW_RATE_LIMIT: "50",
        STUDIO_TEST_RUN_RATE_LIMIT: "7",
      }).requestLimits,
    ).toEqual({
      loginPerAccount: 3,
      loginPerAddress: 30,
      registerPerAddress: 2,
      previewsPerHour: 50,
      testRunsPerHour: 7,
    })
  })

  it.each(["0", "-1", "1.5", "many"])("refuses a limit of %s with the variable's name", (value) => {
    expect(() => read({ STUDIO_REGISTER_RATE_LIMIT: value })).toThrow(StudioError)
    expect(() => read({ STUDIO_REGISTER_RATE_LIMIT: value })).toThrow(
      expect.objectContaining({ code: "config_invalid" }),
    )
    expect(() => read({ STUDIO_PREVIEW_RATE_LIMIT: value })).toThrow(/STUDIO_PREVIEW_RATE_LIMIT/)
  })
})

describe("readServerConfig: STUDIO_TRUST_PROXY", () => {
  it("trusts no proxy by default, or when turned off", () => {
    expect(read().trustProxy).toEqual([])
    for (const off of ["", "off", "false", "0", "OFF"])
      expect(read({ STUDIO_TRUST_PROXY: off }).trustProxy).toEqual([])
  })

  it("takes addresses, CIDR ranges and proxy-addr's named ranges, comma-separated", () => {
    expect(
      read({ STUDIO_TRUST_PROXY: "loopback, 10.0.0.0/8,192.168.1.10, fd00::/8, ::1, uniquelocal" })
        .trustProxy,
    ).toEqual(["loopback", "10.0.0.0/8", "192.168.1.10", "fd00::/8", "::1", "uniquelocal"])
  })

  it.each(["true", "1", "*", "example.com", "10.0.0.0/33", "::/129", "10.0.0.0/8/1", "10.0.0.300"])(
    "refuses %s, naming the entry",
    (value) => {
      expect(() => read({ STUDIO_TRUST_PROXY: value })).toThrow(/STUDIO_TRUST_PROXY: .*must be an IP address/)
    },
  )
})

describe("readServerConfig: the run queue", () => {
  it("lets a user run 2 runs at once by default, or STUDIO_USER_CONCURRENCY", () => {
    expect(read().userConcurrency).toBe(2)
    expect(read({ STUDIO_USER_CONCURRENCY: "5" }).userConcurrency).toBe(5)
  })

  it.each(["0", "1.5", "many"])("refuses a per-user cap of %s, naming the variable", (value) => {
    expect(() => read({ STUDIO_USER_CONCURRENCY: value })).toThrow(/STUDIO_USER_CONCURRENCY/)
  })
})

describe("readServerConfig: STUDIO_QUEUE", () => {
  const shared = {
    REDIS_URL: "redis://127.0.0.1:6379",
    DATABASE_URL: "postgres://postgres@127.0.0.1:5432/studio",
  }

  it("runs the queue in this process by default, with the default Redis prefix", () => {
    expect(read()).toMatchObject({ queue: "local", redisPrefix: "studio" })
    expect(read({ STUDIO_QUEUE: "" }).queue).toBe("local")
  })

  it("takes redis with REDIS_URL and DATABASE_URL, and a prefix of its own", () => {
    expect(read({ ...shared, STUDIO_QUEUE: "redis", STUDIO_REDIS_PREFIX: "team-a:studio" })).toMatchObject({
      queue: "redis",
      redisPrefix: "team-a:studio",
      redisUrl: shared.REDIS_URL,
      databaseUrl: shared.DATABASE_URL,
    })
  })

  it.each([
    ["REDIS_URL", { DATABASE_URL: shared.DATABASE_URL }],
    ["DATABASE_URL", { REDIS_URL: shared.REDIS_URL }],
  ])("refuses redis without %s, naming it", (missing, env) => {
    const attempt = () => read({ ...env, STUDIO_QUEUE: "redis" })
    expect(attempt).toThrow(expect.objectContaining({ code: "config_invalid" }))
    expect(attempt).toThrow(new RegExp(`${missing}: is required with STUDIO_QUEUE=redis`))
  })

  it("names both when neither is set", () => {
    expect(() => read({ STUDIO_QUEUE: "redis" })).toThrow(/REDIS_URL: .*; DATABASE_URL: /)
  })

  it.each(["bullmq", "REDIS"])("refuses a queue of %s", (value) => {
    expect(() => read({ ...shared, STUDIO_QUEUE: value })).toThrow(/STUDIO_QUEUE/)
  })

  it("refuses a prefix with spaces or wildcards", () => {
    expect(() => read({ STUDIO_REDIS_PREFIX: "a b" })).toThrow(/STUDIO_REDIS_PREFIX/)
    expect(() => read({ STUDIO_REDIS_PREFIX: "studio*" })).toThrow(/STUDIO_REDIS_PREFIX/)
  })
})

describe("readServerConfig: prices and the token limit", () => {
  it("prices runs at the built-in list prices, with no token limit, by default", () => {
    const { budget } = read()
    expect(budget.prices["gpt-4o"]).toEqual({ input: 2.5, output: 10 })
    expect(budget.maxTokensPerRun).toBeUndefined()
  })

  it("takes STUDIO_MODEL_PRICES over the built-ins and STUDIO_MAX_TOKENS_PER_RUN", () => {
    const { budget } = read({
      STUDIO_MODEL_PRICES: '{"gpt-4o":{"input":1,"output":4},"local-coder":{"input":0,"output":0}}',
      STUDIO_MAX_TOKENS_PER_RUN: "50000",
    })
    expect(budget.prices["gpt-4o"]).toEqual({ input: 1, output: 4 })
    expect(budget.prices["local-coder"]).toEqual({ input: 0, output: 0 })
    expect(budget.maxTokensPerRun).toBe(50_000)
  })

  it.each([
    ["STUDIO_MODEL_PRICES", "{not json"],
    ["STUDIO_MODEL_PRICES", '{"gpt-4o":{"input":"cheap","output":10}}'],
    ["STUDIO_MAX_TOKENS_PER_RUN", "-1"],
  ])("refuses a bad %s (%s) as config_invalid, naming the variable", (name, value) => {
    let thrown: unknown
    try {
      read({ [name]: value })
    } catch (error) {
      thrown = error
    }
    expect(StudioError.isInstance(thrown) && thrown.code).toBe("config_invalid")
    expect((thrown as Error).message).toContain(name)
  })
})
