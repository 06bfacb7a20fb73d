import { unzipSync } from "fflate"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Generator } from "@studio/engine"
import type { StudioEvent } from "@studio/protocol"
import {
  api,
  register,
  startTestServer,
  StudioSocket,
  type Incoming,
  type TestServer,
} from "./support/test-server"

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
}, 120_000)
afterAll(() => server?.stop())

const finishedRun = (runId: string) => (message: Incoming) =>
  message.type === "run_finished" && "runId" in message && message.runId === runId

async function projectFor(token: string): Promise<string> {
  return (await api(server, token)("POST", "/api/projects", { name: "Components" })).body.project.id as string
}

describe("a run over the WebSocket", () => {
  it(
    "streams a whole offline run, stores it as v1, and a follow-up from it as v2",
    { timeout: 300_000 },
    async () => {
      const { token } = await register(server)
      const projectId = await projectFor(token)
      const socket = new StudioSocket(server.url, { token })
      await socket.opened
      await socket.next((message) => message.type === "ready")
      socket.send({
        type: "generate",
        requestId: "r1",
        projectId,
        prompt: "tabs for Overview, Settings and Billing",
      })
      const accepted = await socket.next((message) => message.type === "run_accepted")
      expect(accepted).toMatchObject({ requestId: "r1" })
      const runId = (accepted as { runId: string }).runId
      const finished = (await socket.next(finishedRun(runId))) as Extract<
        StudioEvent,
        { type: "run_finished" }
      >
      const problems = socket
        .events(runId)
        .filter(
          (event) => event.type === "error" || (event.type === "test_result" && event.status !== "pass"),
        )
      expect({ success: finished.success, problems }).toEqual({ success: true, problems: [] })
      expect(finished.versionId).toMatch(/^[0-9a-f-]{36}$/)
      const events = socket.events(runId)
      expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index))
      expect(events[0]).toMatchObject({ type: "run_started", provider: "offline" })
      expect(events.some((event) => event.type === "test_result" && event.status === "pass")).toBe(true)

      const call = api(server, token)
      const stored = await call("GET", `/api/runs/${runId}/events?after=-1`)
      expect(stored.body.events).toEqual(events)
      const version = (await call("GET", `/api/versions/${finished.versionId}`)).body.version
      expect(version).toMatchObject({
        number: 1,
        prompt: "tabs for Overview, Settings and Billing",
        success: true,
      })
      expect(version.files["src/components/SettingsTabs.tsx"]).toContain("Overview")
      expect(version.report.requirements.every((requirement: { met: boolean }) => requirement.met)).toBe(true)

      socket.send({
        type: "generate",
        projectId,
        prompt: "make it blue",
        parentVersionId: finished.versionId,
      })
      const second = (await socket.upcoming((message) => message.type === "run_accepted")) as {
        runId: string
      }
      const followUp = (await socket.next(finishedRun(second.runId))) as Extract<
        StudioEvent,
        { type: "run_finished" }
      >
      expect(followUp.success).toBe(true)
      const versions = (await call("GET", `/api/projects/${projectId}/versions`)).body.versions
      expect(versions.map((entry: { number: number }) => entry.number)).toEqual([1, 2])
      expect(versions[1].parentVersionId).toBe(finished.versionId)
      const v2 = (await call("GET", `/api/versions/${followUp.versionId}`)).body.version
      expect(v2.contract.props.find((prop: { name: string }) => prop.name === "accent").default).toBe(
        '"#2563eb"',
      )

      const zip = await fetch(`${server.url}/api/versions/${followUp.versionId}/export`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(zip.headers.get("content-type")).toBe("application/zip")
      const entries = unzipSync(new Uint8Array(await zip.arrayBuffer()))
      const names = Object.keys(entries).map((name) => name.split("/").slice(1).join("/"))
      expect(names).toEqual(expect.arrayContaining(["package.json", "src/components/SettingsTabs.tsx"]))

      const observations = (await call("GET", "/api/observations")).body.observations
      expect(observations).toHaveLength(2)
      expect(
        (await call("POST", `/api/observations/${observations[0].id}/feedback`, { satisfaction: 1 })).body,
      ).toEqual({ ok: true })
      const other = await register(server)
      expect(
        (
          await api(server, other.token)("POST", `/api/observations/${observations[0].id}/feedback`, {
            satisfaction: -1,
          })
        ).status,
      ).toBe(404)
      expect((await api(server, other.token)("GET", `/api/versions/${followUp.versionId}`)).status).toBe(404)
      expect((await api(server, other.token)("GET", `/api/runs/${runId}/events`)).status).toBe(404)
      socket.close()
    },
  )

  it(
    "resumes after a disconnect mid-run: every later event once, in order",
    { timeout: 300_000 },
    async () => {
      const { token } = await register(server)
      const projectId = await projectFor(token)
      const first = new StudioSocket(server.url, { token })
      await first.opened
      first.send({ type: "generate", projectId, prompt: "a login form with email and password" })
      const { runId } = (await first.next((message) => message.type === "run_accepted")) as { runId: string }
      await first.next((message) => message.type === "file_closed")
      first.socket.terminate()
      const seen = first.events(runId)
      const lastSeq = seen.at(-1)!.seq

      const second = new StudioSocket(server.url, { token })
      await second.opened
      second.send({ type: "subscribe", runId, afterSeq: lastSeq })
      await second.next(finishedRun(runId))
      const resumed = second.events(runId)
      const all = [...seen, ...resumed].map((event) => event.seq)
      expect(all).toEqual(all.map((_, index) => index))
      expect(resumed[0]!.seq).toBe(lastSeq + 1)
      const stored = (await api(server, token)("GET", `/api/runs/${runId}/events`)).body
        .events as StudioEvent[]
      expect([...seen, ...resumed]).toEqual(stored)
      second.close()
    },
  )

  it("keeps the connection open after a malformed, unknown or oversized message", async () => {
    const { token } = await register(server)
    const socket = new StudioSocket(server.url, { token })
    await socket.opened
    const errorAfter = async (message: string) => {
      const reply = socket.upcoming((incoming) => incoming.type === "error" && !("seq" in incoming))
      socket.send(message)
      return (await reply) as { code: string; message: string }
    }
    expect((await errorAfter("{ not json")).code).toBe("bad_request")
    expect((await errorAfter(JSON.stringify({ type: "launch_missiles" }))).code).toBe("validation_failed")
    expect((await errorAfter(JSON.stringify({ type: "ping", pad: "x".repeat(100_000) }))).code).toBe(
      "payload_too_large",
    )
    expect((await errorAfter(JSON.stringify({ type: "subscribe", runId: "nope" }))).code).toBe(
      "validation_failed",
    )
    expect(
      (await errorAfter(JSON.stringify({ type: "subscribe", runId: "00000000-0000-4000-8000-000000000000" })))
        .code,
    ).toBe("not_found")
    const longPrompt = JSON.stringify({
      type: "generate",
      projectId: "00000000-0000-4000-8000-000000000000",
      prompt: "x".repeat(9000),
    })
    expect((await errorAfter(longPrompt)).code).toBe("validation_failed")
    const pong = socket.upcoming((incoming) => incoming.type === "pong")
    socket.send({ type: "ping", ts: 42 })
    expect(await pong).toEqual({ type: "pong", ts: 42 })
    socket.close()
  })
})

describe("the handshake", () => {
  it("checks Origin against the studio's own", async () => {
    const { token } = await register(server)
    const evil = new StudioSocket(server.url, { token, origin: "https://evil.example" })
    await expect(evil.opened).rejects.toThrow(/403/)
    const own = new StudioSocket(server.url, { token, origin: server.url })
    await expect(own.opened).resolves.toBeUndefined()
    own.close()
  })

  it("refuses a bad token in the subprotocol, and accepts a first auth message instead", async () => {
    const { token, userId } = await register(server)
    const bad = new StudioSocket(server.url, { token: `${token}x` })
    await expect(bad.opened).rejects.toThrow(/401/)
    const later = new StudioSocket(server.url)
    await later.opened
    const refused = later.upcoming((message) => message.type === "error")
    later.send({ type: "generate", projectId: "00000000-0000-4000-8000-000000000000", prompt: "hi" })
    expect(await refused).toMatchObject({ code: "unauthorized" })
    later.send({ type: "auth", token })
    expect(await later.next((message) => message.type === "ready")).toEqual({ type: "ready", userId })
    later.close()
  })

  it(
    "never takes a token from the query string, and closes a socket that does not authenticate in 5 s",
    { timeout: 15_000 },
    async () => {
      const { token } = await register(server)
      const socket = new StudioSocket(server.url, { query: `?token=${token}&access_token=${token}` })
      await socket.opened
      const closed = await socket.closed
      expect(closed.code).toBe(4401)
      expect(socket.received.some((message) => message.type === "ready")).toBe(false)
    },
  )
})

/** A generator whose every answer is refused at once: runs end in milliseconds, so limits can be tested in bulk. */
const refusing: Generator = {
  provider: "test",
  model: "refuses",
  async *generate() {
    yield { type: "text", delta: "no contract here" }
  },
}

describe("heartbeats", () => {
  // A server of its own: with a one-second heartbeat, a busy test worker (server and client share its event loop)
  // can miss a pong and close a socket mid-way, as the burst test below (on the default heartbeat) must not see.
  let beating: TestServer
  beforeAll(async () => {
    beating = await startTestServer({}, { generator: refusing, heartbeatSeconds: 1 })
  }, 120_000)
  afterAll(() => beating?.stop())

  it("closes a socket that stops answering heartbeats, and keeps one that answers", async () => {
    const { token } = await register(beating)
    const dead = new StudioSocket(beating.url, { token, autoPong: false })
    const alive = new StudioSocket(beating.url, { token })
    await Promise.all([dead.opened, alive.opened])
    const closed = await dead.closed
    expect(closed.code).toBe(1006)
    expect(alive.socket.readyState).toBe(alive.socket.OPEN)
    alive.close()
  })
})

describe("the hourly prompt limit", () => {
  // A limit of 10 rather than the default 60 (config.test.ts): the same counting for a fifth of the runs to record.
  const LIMIT = 10
  let limited: TestServer
  beforeAll(async () => {
    limited = await startTestServer({ STUDIO_RATE_LIMIT: String(LIMIT) }, { generator: refusing })
  }, 120_000)
  afterAll(() => limited?.stop())

  it(
    "refuses the prompt after the limit over REST with 429 and Retry-After",
    { timeout: 60_000 },
    async () => {
      const { token } = await register(limited)
      const call = api(limited, token)
      const projectId = (await call("POST", "/api/projects", { name: "p" })).body.project.id as string
      for (let i = 0; i < LIMIT; i++)
        expect((await call("POST", "/api/runs", { projectId, prompt: `prompt ${i}` })).status).toBe(202)
      const refused = await call("POST", "/api/runs", { projectId, prompt: "one too many" })
      expect(refused.status).toBe(429)
      expect(refused.body.error.code).toBe("rate_limited")
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0)
      expect(refused.body.error.retryAfterMs).toBeGreaterThan(0)
    },
  )

  it(
    "allows exactly the limit of prompts sent at once over the WebSocket (10 of 25), keyed on the user",
    { timeout: 180_000 },
    async () => {
      const { token } = await register(limited)
      const projectId = (await api(limited, token)("POST", "/api/projects", { name: "p" })).body.project
        .id as string
      const socket = new StudioSocket(limited.url, { token })
      await socket.opened
      for (let i = 0; i < 25; i++) socket.send({ type: "generate", projectId, prompt: `burst ${i}` })
      const answered = () =>
        socket.received.filter(
          (message) => message.type === "run_accepted" || (message.type === "error" && !("seq" in message)),
        )
      // A wait for the answers, not a speed bound: on a busy machine the runs' records take a while to write.
      await expect.poll(() => answered().length, { timeout: 120_000 }).toBe(25)
      expect(socket.socket.readyState).toBe(socket.socket.OPEN)
      expect(answered().filter((message) => message.type === "run_accepted")).toHaveLength(LIMIT)
      const refusals = answered().filter((message) => message.type === "error") as {
        code: string
        retryAfterMs?: number
      }[]
      expect(refusals).toHaveLength(25 - LIMIT)
      expect(
        refusals.every((refusal) => refusal.code === "rate_limited" && (refusal.retryAfterMs ?? 0) > 0),
      ).toBe(true)
      // Another user has a budget of their own.
      const other = await register(limited)
      const otherProject = (await api(limited, other.token)("POST", "/api/projects", { name: "p" })).body
        .project.id
      expect(
        (await api(limited, other.token)("POST", "/api/runs", { projectId: otherProject, prompt: "mine" }))
          .status,
      ).toBe(202)
      socket.close()
    },
  )
})

describe("control", () => {
  it(
    "cancels a run in progress; the run ends with a cancelled error and is stored as cancelled",
    { timeout: 300_000 },
    async () => {
      const { token } = await register(server)
      const projectId = await projectFor(token)
      const socket = new StudioSocket(server.url, { token })
      await socket.opened
      socket.send({ type: "generate", projectId, prompt: "a kanban board with columns Todo, Doing and Done" })
      const { runId } = (await socket.next((message) => message.type === "run_accepted")) as { runId: string }
      await socket.next((message) => message.type === "file_closed")
      socket.send({ type: "cancel", runId })
      const finished = await socket.next(finishedRun(runId))
      expect(finished).toMatchObject({ success: false })
      expect(socket.events(runId).some((event) => event.type === "error" && event.code === "cancelled")).toBe(
        true,
      )
      await expect
        .poll(async () => (await api(server, token)("GET", `/api/runs/${runId}`)).body.run.status)
        .toBe("cancelled")
      // Another user cannot cancel it, nor see that it exists.
      const other = await register(server)
      const stranger = new StudioSocket(server.url, { token: other.token })
      await stranger.opened
      const refused = stranger.upcoming((message) => message.type === "error")
      stranger.send({ type: "cancel", runId })
      expect(await refused).toMatchObject({ code: "not_found" })
      socket.close()
      stranger.close()
    },
  )

  it("limits the sockets one user may hold open", async () => {
    const { token } = await register(server)
    const sockets = Array.from({ length: 8 }, () => new StudioSocket(server.url, { token }))
    await Promise.all(sockets.map((socket) => socket.next((message) => message.type === "ready")))
    const extra = new StudioSocket(server.url, { token })
    expect(await extra.next((message) => message.type === "error")).toMatchObject({ code: "rate_limited" })
    expect((await extra.closed).code).toBe(4429)
    for (const socket of sockets) socket.close()
  })
})
