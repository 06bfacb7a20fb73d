// What writes the code (`GET /api/studio`, the top bar's generator badge), and the engine warming at listen.
import type { Engine } from "@studio/engine"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { sharedTestEngine } from "../../engine/test/support/shared-engine"
import { refusingModel } from "./support/hello-project"
import { api, register, startTestServer, StudioSocket, type TestServer } from "./support/test-server"

/** The engine as given, counting the warm-ups asked of it (and of the engines it derives for another generator). */
function countingWarmUps(inner: Engine, counts = { warmUps: 0 }): { engine: Engine; counts: typeof counts } {
  const engine: Engine = {
    ...inner,
    warmUp() {
      counts.warmUps++
      return inner.warmUp()
    },
    withGenerator: (generator) => countingWarmUps(inner.withGenerator(generator), counts).engine,
  }
  return { engine, counts }
}

describe("a studio with no model configured", () => {
  let server: TestServer
  let counts: { warmUps: number }
  beforeAll(async () => {
    const counting = countingWarmUps(await sharedTestEngine())
    counts = counting.counts
    server = await startTestServer({}, { engine: counting.engine })
  })
  afterAll(() => server?.stop())

  it("starts warming the engine at listen, before anyone connects, and not again on a socket sign-in", async () => {
    expect(counts.warmUps).toBe(1)
    expect((await api(server)("GET", "/healthz")).status).toBe(200)
    const { token } = await register(server)
    const socket = new StudioSocket(server.url, { token })
    await socket.next((message) => message.type === "ready")
    socket.close()
    expect(counts.warmUps).toBe(1)
  })

  it("names the offline generator, for signed-in users only", async () => {
    expect((await api(server)("GET", "/api/studio")).status).toBe(401)
    const { token } = await register(server)
    const answer = await api(server, token)("GET", "/api/studio")
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({
      generator: { provider: "offline", model: "recipes-v1", offline: true, runsOn: "this-server" },
    })
  })
})

describe("a studio with a model", () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(
      {},
      { generator: { ...refusingModel, provider: "openai", model: "gpt-4o" } },
    )
  })
  afterAll(() => server?.stop())

  it("names the model and its provider", async () => {
    const { token } = await register(server)
    const answer = await api(server, token)("GET", "/api/studio")
    expect(answer.body.generator).toEqual({
      provider: "openai",
      model: "gpt-4o",
      offline: false,
      runsOn: "this-server",
    })
  })
})

const services = Boolean(process.env.REDIS_URL && process.env.DATABASE_URL)

describe.skipIf(!services)("an API-only instance (STUDIO_QUEUE=redis, --workers 0)", () => {
  let server: TestServer
  let counts: { warmUps: number }
  beforeAll(async () => {
    const counting = countingWarmUps(await sharedTestEngine())
    counts = counting.counts
    // It is given an engine and still builds none: it has nothing to warm.
    server = await startTestServer({ STUDIO_QUEUE: "redis" }, { workers: 0, engine: counting.engine })
  })
  afterAll(() => server?.stop())

  it("warms nothing, and names what its own settings say, as the workers'", async () => {
    expect(counts.warmUps).toBe(0)
    const { token } = await register(server)
    const answer = await api(server, token)("GET", "/api/studio")
    expect(answer.body.generator).toEqual({
      provider: "offline",
      model: "recipes-v1",
      offline: true,
      runsOn: "workers",
    })
  })
})
