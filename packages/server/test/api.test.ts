import { SignJWT, generateKeyPair } from "jose"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from "../src/server"
import { api, register, startTestServer, type TestServer } from "./support/test-server"

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
}, 120_000)
afterAll(() => server?.stop())

describe("accounts", () => {
  it("registers, signs in and says who is signed in", async () => {
    const call = api(server)
    const email = `Ada.${Date.now()}@Example.com`
    const registered = await call("POST", "/api/auth/register", { email, password: "correct horse battery" })
    expect(registered.status).toBe(201)
    expect(registered.body.user.email).toBe(email.toLowerCase())
    expect(registered.body.user).not.toHaveProperty("passwordHash")
    const login = await call("POST", "/api/auth/login", {
      email: email.toLowerCase(),
      password: "correct horse battery",
    })
    expect(login.status).toBe(200)
    const me = await api(server, login.body.token)("GET", "/api/me")
    expect(me.body.user).toEqual(registered.body.user)
    expect(me.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/)
  })

  it("refuses a taken email, a wrong password, a short password and a bad email, each with a clear code", async () => {
    const call = api(server)
    const { email } = await register(server)
    expect((await call("POST", "/api/auth/register", { email, password: "another password" })).body).toEqual({
      error: { code: "conflict", message: "That email is already registered." },
    })
    const wrong = await call("POST", "/api/auth/login", { email, password: "not the password" })
    const unknown = await call("POST", "/api/auth/login", {
      email: "nobody@example.com",
      password: "whatever123",
    })
    expect([wrong.status, unknown.status]).toEqual([401, 401])
    expect(wrong.body).toEqual(unknown.body)
    const short = await call("POST", "/api/auth/register", { email: "short@example.com", password: "abc" })
    expect(short.status).toBe(422)
    expect(short.body.error.code).toBe("validation_failed")
    expect(
      (await call("POST", "/api/auth/register", { email: "not-an-email", password: "long enough pw" }))
        .status,
    ).toBe(422)
  })

  it("answers malformed JSON, a wrong content type and an oversized body with JSON errors", async () => {
    const malformed = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{ not json",
    })
    expect(malformed.status).toBe(400)
    expect(await malformed.json()).toMatchObject({ error: { code: "bad_request" } })
    const big = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "a@b.co", password: "x".repeat(2 * 1024 * 1024) }),
    })
    expect(big.status).toBe(413)
    expect(await big.json()).toMatchObject({ error: { code: "payload_too_large" } })
    const unknownRoute = await api(server)("GET", "/api/nothing-here")
    expect(unknownRoute.status).toBe(404)
    expect(unknownRoute.body.error.code).toBe("not_found")
  })
})

describe("tokens", () => {
  const secretOf = async () => (await import("../src/auth/secret")).loadJwtSecret({ dataDir: server.dataDir })
  const claims = (userId: string) => ({ sub: userId, email: "x@example.com" })

  it("rejects alg none, other algorithms, a wrong key, a tampered payload and an expired token", async () => {
    const { token, userId } = await register(server)
    const me = (bearer: string) => api(server, bearer)("GET", "/api/me")
    expect((await me(token)).status).toBe(200)

    const [header, payload, signature] = token.split(".") as [string, string, string]
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url")
    const decoded = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>
    const none = `${b64({ alg: "none", typ: "JWT" })}.${payload}.`
    const tampered = `${header}.${b64({ ...decoded, sub: "00000000-0000-4000-8000-000000000000" })}.${signature}`
    const { secret } = await secretOf()
    const sign = (alg: string, key: Parameters<SignJWT["sign"]>[0], expires = "1h") =>
      new SignJWT(claims(userId))
        .setProtectedHeader({ alg })
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(expires)
        .sign(key)
    const hs512 = await sign("HS512", secret)
    const { privateKey } = await generateKeyPair("RS256")
    const rs256 = await sign("RS256", privateKey)
    const wrongKey = await sign(
      "HS256",
      new TextEncoder().encode("a-different-secret-that-is-long-enough-1234"),
    )
    const expired = await new SignJWT(claims(userId))
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(secret)
    const good = await sign("HS256", secret)
    expect((await me(good)).status).toBe(200)
    for (const bad of [none, tampered, hs512, rs256, wrongKey, expired, "garbage", `${header}.${payload}`]) {
      const response = await me(bad)
      expect(response.status, bad.slice(0, 40)).toBe(401)
      expect(response.body.error.code).toBe("unauthorized")
    }
  })
})

describe("projects", () => {
  it("creates, lists, renames and reads projects; another user's project is 404 everywhere", async () => {
    const alice = await register(server)
    const bob = await register(server)
    const asAlice = api(server, alice.token)
    const asBob = api(server, bob.token)
    const created = await asAlice("POST", "/api/projects", { name: "Landing page" })
    expect(created.status).toBe(201)
    const id = created.body.project.id as string
    expect((await asAlice("GET", "/api/projects")).body.projects.map((p: { id: string }) => p.id)).toEqual([
      id,
    ])
    expect(
      (await asAlice("PATCH", `/api/projects/${id}`, { name: "Marketing site" })).body.project.name,
    ).toBe("Marketing site")
    expect((await asBob("GET", "/api/projects")).body.projects).toEqual([])
    for (const route of [`/api/projects/${id}`, `/api/projects/${id}/versions`]) {
      const response = await asBob("GET", route)
      expect(response.status, route).toBe(404)
      expect(response.body.error.code).toBe("not_found")
    }
    expect((await asBob("PATCH", `/api/projects/${id}`, { name: "mine now" })).status).toBe(404)
    expect((await asAlice("GET", "/api/projects/not-a-uuid")).status).toBe(404)
    expect((await asAlice("POST", "/api/projects", { name: "" })).status).toBe(422)
    expect((await api(server)("GET", "/api/projects")).status).toBe(401)
  })

  it("lists the toolchain plugins with their manifests", async () => {
    const { token } = await register(server)
    const { body } = await api(server, token)("GET", "/api/plugins")
    expect(body.plugins.map((plugin: { name: string }) => plugin.name)).toEqual(
      expect.arrayContaining(["prettier", "eslint", "typescript", "tailwind", "vitest", "axe"]),
    )
    expect(body.plugins[0]).toHaveProperty("description")
    expect(body.plugins[0]).toHaveProperty("costEstimate")
  })

  it("lists what the plugin table holds, and lets a run choose only a registered built-in", async () => {
    const { token } = await register(server)
    const call = api(server, token)
    const started = (await call("GET", "/api/plugins")).body.plugins as { name: string; version: string }[]
    const eslint = started.find((plugin) => plugin.name === "eslint")!
    // The route reads the registry: a row changed there is what it lists.
    const [stored] = (await server.store.plugins.list()).filter((plugin) => plugin.name === "eslint")
    await server.store.plugins.upsert([{ ...stored!, version: "0.0.0-registry" }])
    try {
      const listed = (await call("GET", "/api/plugins")).body.plugins as { name: string; version: string }[]
      expect(listed.find((plugin) => plugin.name === "eslint")?.version).toBe("0.0.0-registry")
      // Not a built-in of this installation: refused by name, with the ones a run may choose.
      const projectId = (await call("POST", "/api/projects", { name: "plugins" })).body.project.id as string
      const refused = await call("POST", "/api/runs", {
        projectId,
        prompt: "a counter",
        plugins: ["stylelint"],
      })
      expect(refused.status).toBe(422)
      expect(refused.body.error.message).toMatch(/Unknown plugin "stylelint"; known: .*eslint/)
    } finally {
      await server.store.plugins.upsert([{ ...stored!, version: eslint.version }])
    }
  })
})

describe("operations", () => {
  it("serves health, readiness and Prometheus metrics", async () => {
    expect((await api(server)("GET", "/healthz")).body).toEqual({ ok: true })
    // Readiness also says how isolated generated code is on this machine (what detectIsolation found).
    const { detectIsolation, mayRunUntrustedCode } = await import("@studio/engine")
    const isolation = detectIsolation()
    expect((await api(server)("GET", "/readyz")).body).toEqual({
      ok: true,
      sandbox: {
        level: isolation.level,
        backend: isolation.backend,
        runsUntrustedCode: mayRunUntrustedCode(isolation, false),
      },
    })
    const metrics = await fetch(`${server.url}/metrics`)
    const text = await metrics.text()
    expect(text).toContain("studio_websockets")
    expect(text).toContain("studio_http_requests_total")
    expect(text).toContain("studio_stage_duration_seconds")
  })
})
