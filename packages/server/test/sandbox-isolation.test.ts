import { Writable } from "node:stream"
import { BACKEND_PROTECTION, detectIsolation, type IsolationReport } from "@studio/engine"
import { sandboxIsolationResponseSchema } from "@studio/protocol"
import pino from "pino"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { readServerConfig } from "../src/config"
import {
  api,
  register,
  sharedEngineReporting,
  startTestServer,
  StudioSocket,
  type TestServer,
} from "./support/test-server"
import { helloFiles, refusingModel, userWithHelloVersion } from "./support/hello-project"

/**
 * What a machine without namespaces gives (macOS, a container without user namespaces). The servers below run on the
 * shared engine reporting it: what is tested is how the server acts on the level it is given, not a sandbox.
 */
const processLevel: IsolationReport = {
  level: "process",
  backend: "process",
  layers: ["separate process tree, killed as a whole at the wall-clock limit"],
  warnings: ["no namespaces (bubblewrap is not installed; util-linux unshare cannot build the sandbox here)"],
  bubblewrap: null,
  unshare: null,
  cgroup: null,
  ...BACKEND_PROTECTION.process,
}

describe("STUDIO_ALLOW_UNISOLATED", () => {
  it("is off unless set to 1 or true, and a bad value is a clear start-up error", () => {
    expect(readServerConfig({ STUDIO_PROVIDER: "offline" }).allowUnisolated).toBe(false)
    expect(readServerConfig({ STUDIO_ALLOW_UNISOLATED: "1" }).allowUnisolated).toBe(true)
    expect(readServerConfig({ STUDIO_ALLOW_UNISOLATED: "true" }).allowUnisolated).toBe(true)
    expect(readServerConfig({ STUDIO_ALLOW_UNISOLATED: "0" }).allowUnisolated).toBe(false)
    expect(() => readServerConfig({ STUDIO_ALLOW_UNISOLATED: "sure" })).toThrow(
      /STUDIO_ALLOW_UNISOLATED: must be 1 or 0/,
    )
  })
})

describe("at the process level (no namespaces), without STUDIO_ALLOW_UNISOLATED", () => {
  let server: TestServer
  const logs: Record<string, unknown>[] = []
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split("\n").filter(Boolean)) logs.push(JSON.parse(line))
        done()
      },
    })
    server = await startTestServer(
      {},
      {
        generator: refusingModel,
        engine: await sharedEngineReporting(processLevel),
        logger: pino({ level: "info" }, stream),
      },
    )
  }, 120_000)
  afterAll(() => server?.stop())

  it("logs the isolation level at start, with what is missing", () => {
    const line = logs.find((entry) => entry.msg === "sandbox isolation is reduced")
    // a warning (pino's 40), with the level, the backend and whether model-written code runs
    expect(line).toMatchObject({
      level: 40,
      isolation: "process",
      backend: "process",
      runsUntrustedCode: false,
    })
    expect(JSON.stringify(line?.warnings)).toMatch(/bubblewrap is not installed/)
  })

  it("refuses a model's run over REST with sandbox_unavailable (503), before spending a prompt", async () => {
    const { call, projectId } = await userWithHelloVersion(server)
    const refused = await call("POST", "/api/runs", { projectId, prompt: "a hello" })
    expect(refused.status).toBe(503)
    expect(refused.body.error.code).toBe("sandbox_unavailable")
    expect(refused.body.error.message).toMatch(/model-written code is not run/)
    expect(refused.body.error.message).toMatch(/apt-get install bubblewrap/)
    expect(refused.body.error.message).toMatch(/STUDIO_ALLOW_UNISOLATED=1/)
    expect((await call("GET", `/api/projects/${projectId}/runs`)).body.runs).toEqual([])
  })

  it("refuses it over the WebSocket too", async () => {
    const { token, projectId } = await userWithHelloVersion(server)
    const socket = new StudioSocket(server.url, { token })
    await socket.opened
    try {
      socket.send({ type: "generate", projectId, prompt: "a hello" })
      const error = await socket.next((message) => message.type === "error", 20_000)
      expect(error).toMatchObject({ code: "sandbox_unavailable" })
    } finally {
      socket.socket.close()
    }
  })

  it("refuses a test run of edited code", async () => {
    const { call, v1 } = await userWithHelloVersion(server)
    const refused = await call("POST", `/api/versions/${v1.id}/test-runs`, { files: helloFiles })
    expect(refused.status).toBe(503)
    expect(refused.body.error.code).toBe("sandbox_unavailable")
    expect(refused.body.error.message).toMatch(/edited code is not run/)
  })

  it("reports the level in /readyz and GET /api/sandbox", async () => {
    const ready = await api(server)("GET", "/readyz")
    expect(ready.status).toBe(200)
    expect(ready.body).toEqual({
      ok: true,
      sandbox: { level: "process", backend: "process", runsUntrustedCode: false },
    })
    expect((await api(server)("GET", "/api/sandbox")).status).toBe(401)
    const { token } = await register(server)
    const answer = sandboxIsolationResponseSchema.parse(
      (await api(server, token)("GET", "/api/sandbox")).body,
    )
    expect(answer.isolation).toMatchObject({
      backend: "process",
      runsUntrustedCode: false,
      allowUnisolated: false,
    })
    expect(answer.isolation.doesNotProtectAgainst.join(" ")).toMatch(/network/)
  })
})

describe("at the process level with STUDIO_ALLOW_UNISOLATED=1", () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(
      { STUDIO_ALLOW_UNISOLATED: "1" },
      { generator: refusingModel, engine: await sharedEngineReporting(processLevel) },
    )
  }, 120_000)
  // The run it starts only has to be accepted: stopping interrupts it rather than waiting for it.
  afterAll(() => server?.stop(0))

  it("runs the model's code, and says it does", async () => {
    const { call, projectId } = await userWithHelloVersion(server)
    expect((await call("POST", "/api/runs", { projectId, prompt: "a hello" })).status).toBe(202)
    expect((await api(server)("GET", "/readyz")).body.sandbox).toEqual({
      level: "process",
      backend: "process",
      runsUntrustedCode: true,
    })
  })
})

describe("at the process level, the offline generator", () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({}, { engine: await sharedEngineReporting(processLevel) })
  }, 120_000)
  // The run it starts only has to be accepted: stopping interrupts it rather than waiting for it.
  afterAll(() => server?.stop(0))

  it("still runs: its components are the studio's own code", async () => {
    const { call, projectId } = await userWithHelloVersion(server)
    expect((await call("POST", "/api/runs", { projectId, prompt: "a counter" })).status).toBe(202)
  })
})

describe("on this machine", () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({}, { generator: refusingModel })
  }, 120_000)
  afterAll(() => server?.stop())

  it("reports the backend it detected", async () => {
    const detected = detectIsolation()
    const ready = await api(server)("GET", "/readyz")
    expect(ready.body.sandbox).toEqual({
      level: detected.level,
      backend: detected.backend,
      runsUntrustedCode: detected.backend !== "process",
    })
  })
})
