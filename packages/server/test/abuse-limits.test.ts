import { Redis } from "ioredis"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { argon2Passwords, type PasswordHasher } from "../src/auth/passwords"
import {
  api,
  finishedRunEvents,
  register,
  startTestServer,
  StudioSocket,
  type TestServer,
} from "./support/test-server"
import { helloFiles, refusingModel, userWithHelloVersion } from "./support/hello-project"
import { checkAnswerAgainstContract } from "./support/contract"

const PASSWORD = "correct horse battery"
const STUDIO_ORIGIN = "http://localhost:5173"

/** The real argon2 hasher, counting every hash and verification it computes. */
function countingPasswords(): PasswordHasher & { readonly calls: number } {
  let calls = 0
  return {
    get calls() {
      return calls
    },
    hash: (password) => {
      calls++
      return argon2Passwords.hash(password)
    },
    verify: (passwordHash, password) => {
      calls++
      return argon2Passwords.verify(passwordHash, password)
    },
  }
}

/** A POST as a client at `address` would send it through a proxy (X-Forwarded-For). */
async function post(server: TestServer, route: string, body: unknown, address?: string) {
  const response = await fetch(`${server.url}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(address ? { "x-forwarded-for": address } : {}) },
    body: JSON.stringify(body),
  })
  const answer: unknown = await response.json()
  checkAnswerAgainstContract("POST", route, {
    status: response.status,
    contentType: response.headers.get("content-type"),
    body: answer,
  })
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body: answer as { error?: { code: string; message: string; retryAfterMs?: number } },
  }
}

const login = (server: TestServer, email: string, password: string, address?: string) =>
  post(server, "/api/auth/login", { email, password }, address)

describe("sign-in and sign-up limits, behind a trusted proxy", () => {
  let server: TestServer
  const passwords = countingPasswords()
  beforeAll(async () => {
    server = await startTestServer(
      {
        // The test talks to the server over loopback, as a reverse proxy on the same host would.
        STUDIO_TRUST_PROXY: "loopback",
        STUDIO_LOGIN_RATE_LIMIT: "3",
        STUDIO_LOGIN_IP_RATE_LIMIT: "6",
        STUDIO_REGISTER_RATE_LIMIT: "2",
      },
      { passwords },
    )
  }, 120_000)
  afterAll(() => server?.stop())

  async function account(address: string): Promise<string> {
    const email = `ada-${Math.random().toString(36).slice(2, 8)}@example.com`
    expect((await post(server, "/api/auth/register", { email, password: PASSWORD }, address)).status).toBe(
      201,
    )
    return email
  }

  it("answers the 4th sign-in for one email from one address with 429 and Retry-After, before any hash", async () => {
    const email = await account("10.1.0.1")
    for (let attempt = 1; attempt <= 3; attempt++) {
      const before = passwords.calls
      expect((await login(server, email, "not the password", "10.1.1.1")).status).toBe(401)
      expect(passwords.calls, `attempt ${attempt} checks the password`).toBe(before + 1)
    }
    const before = passwords.calls
    // Even the right password: the attempt is refused before it is checked.
    const refused = await login(server, email, PASSWORD, "10.1.1.1")
    expect(passwords.calls).toBe(before)
    expect(refused.status).toBe(429)
    expect(refused.body).toEqual({
      error: {
        code: "rate_limited",
        message: "Too many sign-in attempts; try again in 15 minutes.",
        retryAfterMs: expect.any(Number),
      },
    })
    const retryAfter = Number(refused.retryAfter)
    expect(retryAfter).toBeGreaterThan(14 * 60)
    expect(retryAfter).toBeLessThanOrEqual(15 * 60)
    expect(retryAfter).toBe(Math.ceil((refused.body.error?.retryAfterMs ?? 0) / 1000))
    // The owner, from their own address, is not locked out by someone guessing elsewhere.
    expect((await login(server, email, PASSWORD, "10.1.1.2")).status).toBe(200)
  })

  it("starts an email's count again after a successful sign-in", async () => {
    const email = await account("10.1.0.2")
    for (let attempt = 0; attempt < 2; attempt++)
      expect((await login(server, email, "wrong password", "10.2.1.1")).status).toBe(401)
    expect((await login(server, email, PASSWORD, "10.2.1.1")).status).toBe(200)
    for (let attempt = 0; attempt < 3; attempt++)
      expect((await login(server, email, "wrong password", "10.2.1.1")).status).toBe(401)
    expect((await login(server, email, "wrong password", "10.2.1.1")).status).toBe(429)
  })

  it("limits one address across emails, unknown ones included, and hashes nothing once refused", async () => {
    const emails = Array.from({ length: 7 }, (_, index) => `nobody-${index}-${Date.now()}@example.com`)
    for (const email of emails.slice(0, 6)) {
      const answer = await login(server, email, "a guess at it", "10.3.1.1")
      expect(answer.status, email).toBe(401)
    }
    const before = passwords.calls
    const refused = await login(server, emails[6] ?? "", "a guess at it", "10.3.1.1")
    expect(passwords.calls).toBe(before)
    expect(refused.status).toBe(429)
    expect(Number(refused.retryAfter)).toBeGreaterThan(59 * 60)
    // Another address is counted on its own.
    expect((await login(server, emails[6] ?? "", "a guess at it", "10.3.1.2")).status).toBe(401)
  })

  it("limits sign-ups per address, before the hash; invalid ones cost nothing", async () => {
    const email = () => `new-${Math.random().toString(36).slice(2, 8)}@example.com`
    expect(
      (await post(server, "/api/auth/register", { email: email(), password: "short" }, "10.4.1.1")).status,
    ).toBe(422)
    for (let index = 0; index < 2; index++)
      expect(
        (await post(server, "/api/auth/register", { email: email(), password: PASSWORD }, "10.4.1.1")).status,
      ).toBe(201)
    const before = passwords.calls
    const refused = await post(
      server,
      "/api/auth/register",
      { email: email(), password: PASSWORD },
      "10.4.1.1",
    )
    expect(passwords.calls).toBe(before)
    expect(refused.status).toBe(429)
    expect(refused.body.error?.code).toBe("rate_limited")
    expect(Number(refused.retryAfter)).toBeGreaterThan(0)
    expect(
      (await post(server, "/api/auth/register", { email: email(), password: PASSWORD }, "10.4.1.2")).status,
    ).toBe(201)
  })

  it.skipIf(process.env.REDIS_URL === undefined)("counts in Redis when REDIS_URL is set", async () => {
    const client = new Redis(process.env.REDIS_URL ?? "", { maxRetriesPerRequest: 1 })
    try {
      expect(await client.get(`${server.limitKeyPrefix}:register:address:10.4.1.1`)).toBe("3")
      expect(await client.exists(`${server.limitKeyPrefix}:login:address:10.3.1.1`)).toBe(1)
    } finally {
      client.disconnect()
    }
  })
})

/** A generator whose every answer is refused at once: a run ends in milliseconds. */

describe("limits without a trusted proxy, and per user", () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(
      {
        STUDIO_LOGIN_IP_RATE_LIMIT: "3",
        STUDIO_RATE_LIMIT: "2",
        STUDIO_PREVIEW_RATE_LIMIT: "2",
        STUDIO_TEST_RUN_RATE_LIMIT: "1",
      },
      { generator: refusingModel },
    )
  }, 120_000)
  afterAll(() => server?.stop())

  /** A user with a project whose v1 is stored as a generation would store it. */
  const userWithVersion = () =>
    userWithHelloVersion(server, {
      success: true,
      provider: "offline",
      model: "m",
      requirements: [],
      tests: [],
      errors: [],
    })

  it("ignores X-Forwarded-For: a client cannot take a fresh address budget by sending one", async () => {
    for (const address of ["10.9.0.1", "10.9.0.2", "10.9.0.3"])
      expect((await login(server, `x-${address}@example.com`, "a guess", address)).status).toBe(401)
    const refused = await login(server, "x-last@example.com", "a guess", "10.9.0.4")
    expect(refused.status).toBe(429)
    expect(refused.body.error?.code).toBe("rate_limited")
  })

  it("limits previews per user with 429 and Retry-After; another user has their own", async () => {
    const { call } = await userWithVersion()
    const body = { files: helloFiles, parentOrigin: STUDIO_ORIGIN }
    expect((await call("POST", "/api/preview", body)).status).toBe(200)
    expect((await call("POST", "/api/preview", { files: helloFiles })).status).toBe(422)
    const refused = await call("POST", "/api/preview", body)
    expect(refused.status).toBe(429)
    expect(refused.body.error).toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/^Too many previews this hour; try again in \d+ minutes\.$/),
    })
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(59 * 60)
    const other = await register(server)
    expect((await api(server, other.token)("POST", "/api/preview", body)).status).toBe(200)
  })

  it(
    "limits test runs per user on their own budget: refused requests do not spend it, and prompts are left alone",
    { timeout: 180_000 },
    async () => {
      const { call, v1, projectId } = await userWithVersion()
      const route = `/api/versions/${v1.id}/test-runs`
      expect((await call("POST", route, { files: { "../x.ts": "" } })).status).toBe(422)
      const accepted = await call("POST", route, { files: helloFiles })
      expect(accepted.status).toBe(202)
      const refused = await call("POST", route, { files: helloFiles })
      expect(refused.status).toBe(429)
      expect(refused.body.error.message).toMatch(/^You have used this hour's test runs; try again in/)
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0)
      // Both prompts of the hour are still there.
      for (const prompt of ["one", "two"])
        expect((await call("POST", "/api/runs", { projectId, prompt })).status).toBe(202)
      expect((await call("POST", "/api/runs", { projectId, prompt: "three" })).status).toBe(429)
      await finishedRunEvents(call, accepted.body.runId as string)
    },
  )

  it("spends no prompt on a REST generation for a project or parent version the user may not use", async () => {
    const { call, projectId } = await userWithVersion()
    const stranger = await userWithVersion()
    const invalid: [unknown, number, string][] = [
      [{ projectId: stranger.projectId, prompt: "theirs" }, 404, "No such project."],
      [{ projectId: "00000000-0000-4000-8000-000000000000", prompt: "none" }, 404, "No such project."],
      [{ projectId, parentVersionId: stranger.v1.id, prompt: "x" }, 404, "No such version in this project."],
      [
        { projectId, parentVersionId: "00000000-0000-4000-8000-000000000000", prompt: "x" },
        404,
        "No such version in this project.",
      ],
      [{ projectId, prompt: "x", plugins: ["nope"] }, 422, ""],
    ]
    for (const [body, status, message] of invalid) {
      const response = await call("POST", "/api/runs", body)
      expect(response.status, JSON.stringify(body)).toBe(status)
      if (message) expect(response.body.error.message).toBe(message)
    }
    for (const prompt of ["one", "two"])
      expect((await call("POST", "/api/runs", { projectId, prompt })).status).toBe(202)
    expect((await call("POST", "/api/runs", { projectId, prompt: "three" })).status).toBe(429)
  })

  it("spends no prompt on a WebSocket generation for a project or parent version the user may not use", async () => {
    const { token, projectId } = await userWithVersion()
    const stranger = await userWithVersion()
    const socket = new StudioSocket(server.url, { token })
    await socket.next((message) => message.type === "ready")
    const answer = async (message: Record<string, unknown>) => {
      // An answer to the message, not one of an accepted run's events (which carry a seq).
      const reply = socket.upcoming(
        (incoming) => !("seq" in incoming) && (incoming.type === "run_accepted" || incoming.type === "error"),
      )
      socket.send({ type: "generate", ...message })
      return (await reply) as { type: string; code?: string; message?: string }
    }
    expect(await answer({ projectId: stranger.projectId, prompt: "theirs" })).toMatchObject({
      type: "error",
      code: "not_found",
    })
    expect(await answer({ projectId, parentVersionId: stranger.v1.id, prompt: "x" })).toMatchObject({
      type: "error",
      code: "not_found",
      message: "No such version in this project.",
    })
    expect(await answer({ projectId, prompt: "x", plugins: ["nope"] })).toMatchObject({
      type: "error",
      code: "validation_failed",
    })
    expect(await answer({ projectId, prompt: "one" })).toMatchObject({ type: "run_accepted" })
    expect(await answer({ projectId, prompt: "two" })).toMatchObject({ type: "run_accepted" })
    expect(await answer({ projectId, prompt: "three" })).toMatchObject({
      type: "error",
      code: "rate_limited",
    })
    socket.close()
  })
})

/** Reads a run's stored events until it has finished. */
