import { API_ROUTES } from "@studio/protocol"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { checkAnswerAgainstContract, contractRoutes, registeredRoutes } from "./support/contract"
import { startTestServer, type TestServer } from "./support/test-server"

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server?.stop()
})

const key = (route: { method: string; path: string }) => `${route.method} ${route.path}`

describe("the REST contract (protocol's API_ROUTES)", () => {
  it("holds every route the server registers under /api, /preview and the operator routes, and no other", () => {
    const served = registeredRoutes(server.app)
      .filter(({ path }) => /^\/(api|preview)\/|^\/(healthz|readyz|metrics)$/.test(path))
      .map(key)
    expect(served.length).toBeGreaterThan(20)
    expect(new Set(served)).toEqual(new Set(contractRoutes().map(key)))
    for (const route of Object.values(API_ROUTES))
      expect(server.app.hasRoute({ method: route.method, url: route.path }), key(route)).toBe(true)
  })

  it("refuses an answer of another shape, an error that is not an apiError, and an unlisted /api route", () => {
    const json = "application/json; charset=utf-8"
    expect(() =>
      checkAnswerAgainstContract("GET", "/api/projects", {
        status: 200,
        contentType: json,
        body: { projects: [{}] },
      }),
    ).toThrow(/GET \/api\/projects answered 200, not as the contract says/)
    expect(() =>
      checkAnswerAgainstContract("POST", "/api/projects", { status: 200, contentType: json, body: {} }),
    ).toThrow(/the contract says 201/)
    expect(() =>
      checkAnswerAgainstContract("GET", "/api/me", {
        status: 401,
        contentType: json,
        body: { message: "no" },
      }),
    ).toThrow(/not as the contract says/)
    expect(() =>
      checkAnswerAgainstContract("GET", "/api/secret", { status: 200, contentType: json, body: {} }),
    ).toThrow(/no such route/)
    expect(() =>
      checkAnswerAgainstContract("GET", "/api/versions/x/export", {
        status: 200,
        contentType: json,
        body: {},
      }),
    ).toThrow(/the contract says application\/zip/)
    // The readiness route answers its own shape when not ready, not an apiError.
    checkAnswerAgainstContract("GET", "/readyz", {
      status: 503,
      contentType: json,
      body: { ok: false, sandbox: { level: "process", backend: "process", runsUntrustedCode: false } },
    })
  })
})
