// The run queue through a real server: a user's third run waits (run_queued, its place) until one of the first two
// ends, its seqs run on with no gap; a queued run cancelled ends with its closing events; /metrics shows the queue.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
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

/** A generator that holds each prompt's interpret stage until the test lets it go, then answers with no contract. */
function gatedGenerator() {
  const gates = new Map<string, { opened: Promise<void>; open(): void }>()
  const gate = (prompt: string) => {
    let entry = gates.get(prompt)
    if (!entry) {
      let open!: () => void
      const opened = new Promise<void>((resolve) => (open = resolve))
      entry = { opened, open }
      gates.set(prompt, entry)
    }
    return entry
  }
  const generator: Generator = {
    provider: "test",
    model: "gated",
    async *generate(input, context) {
      if (input.stage === "interpret") {
        const { opened } = gate(input.prompt)
        await new Promise<void>((resolve, reject) => {
          void opened.then(resolve)
          context.signal?.addEventListener("abort", () => reject(context.signal?.reason), { once: true })
        })
      }
      yield { type: "text", delta: "no contract here" }
    },
  }
  return {
    generator,
    release: (prompt: string) => gate(prompt).open(),
    releaseAll: () => {
      for (const entry of gates.values()) entry.open()
    },
  }
}

const gated = gatedGenerator()
let server: TestServer
beforeAll(async () => {
  server = await startTestServer({}, { generator: gated.generator })
}, 120_000)
afterEach(() => gated.releaseAll())
afterAll(() => server?.stop())

const finishedRun = (runId: string) => (message: Incoming) =>
  message.type === "run_finished" && "runId" in message && message.runId === runId
const queuedRun = (runId: string, position: number) => (message: Incoming) =>
  message.type === "run_queued" && message.runId === runId && message.position === position

async function userWithProject() {
  const { token } = await register(server)
  const call = api(server, token)
  const projectId = (await call("POST", "/api/projects", { name: "p" })).body.project.id as string
  const start = async (prompt: string) =>
    (await call("POST", "/api/runs", { projectId, prompt })).body.runId as string
  const socket = new StudioSocket(server.url, { token })
  await socket.opened
  return { token, call, start, socket }
}

describe("the run queue", () => {
  it(
    "holds a user's third run with its place until one of the first two ends; its seqs have no gap",
    { timeout: 120_000 },
    async () => {
      const { call, start, socket } = await userWithProject()
      const first = await start("hold first")
      await start("hold second")
      const third = await start("hold third")
      socket.send({ type: "subscribe", runId: third, afterSeq: -1 })
      await socket.next(queuedRun(third, 1))
      const waiting = (await call("GET", `/api/runs/${third}`)).body.run
      expect(waiting).toMatchObject({ status: "queued", workerId: null, startedAt: null })
      expect(Date.parse(waiting.queuedAt)).not.toBeNaN()
      await expect
        .poll(async () => (await call("GET", `/api/runs/${first}`)).body.run)
        .toMatchObject({ status: "running", workerId: expect.stringContaining(`:${process.pid}:`) })

      const metrics = await (await fetch(`${server.url}/metrics`)).text()
      expect(metrics).toMatch(/^studio_queue_waiting 1$/m)
      expect(metrics).toMatch(/^studio_worker_active_runs\{worker="[^"]+"\} 2$/m)
      expect(metrics).toMatch(/^studio_queue_wait_seconds_count \d+$/m)

      gated.release("hold first")
      socket.send({ type: "subscribe", runId: first, afterSeq: -1 })
      await socket.next(finishedRun(first))
      await socket.next((message) => message.type === "run_started" && message.runId === third)
      gated.release("hold third")
      await socket.next(finishedRun(third))
      const events = socket.events(third)
      expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index))
      expect(events.slice(0, 2)).toMatchObject([
        { type: "run_queued", position: 1 },
        { type: "run_started", provider: "test" },
      ])
      const stored = (await call("GET", `/api/runs/${third}/events`)).body.events as StudioEvent[]
      expect(stored).toEqual(events)
      const ran = (await call("GET", `/api/runs/${third}`)).body.run
      expect(Date.parse(ran.startedAt)).toBeGreaterThanOrEqual(Date.parse(ran.queuedAt))
      expect(ran.workerId).toEqual(expect.any(String))
      gated.release("hold second")
      socket.close()
    },
  )

  it(
    "ends a run cancelled while queued as cancelled, with closing events; the one behind it moves up",
    { timeout: 120_000 },
    async () => {
      const { call, start, socket } = await userWithProject()
      await start("hold a")
      await start("hold b")
      const third = await start("hold c")
      const fourth = await start("hold d")
      socket.send({ type: "subscribe", runId: third, afterSeq: -1 })
      socket.send({ type: "subscribe", runId: fourth, afterSeq: -1 })
      await socket.next(queuedRun(fourth, 2))

      // Only its owner may cancel it.
      const stranger = new StudioSocket(server.url, { token: (await register(server)).token })
      await stranger.opened
      const refused = stranger.upcoming((message) => message.type === "error")
      stranger.send({ type: "cancel", runId: third })
      expect(await refused).toMatchObject({ code: "not_found" })
      stranger.close()

      socket.send({ type: "cancel", runId: third })
      await socket.next(finishedRun(third))
      expect(socket.events(third)).toMatchObject([
        { type: "run_queued", seq: 0, position: 1 },
        { type: "error", seq: 1, code: "cancelled" },
        { type: "run_finished", seq: 2, success: false },
      ])
      expect((await call("GET", `/api/runs/${third}`)).body.run).toMatchObject({
        status: "cancelled",
        startedAt: null,
      })
      await socket.next(queuedRun(fourth, 1))
      expect(socket.events(fourth).map((event) => event.seq)).toEqual([0, 1])
      // Nothing is left to cancel.
      const gone = socket.upcoming((message) => message.type === "error")
      socket.send({ type: "cancel", runId: third })
      expect(await gone).toMatchObject({ code: "not_found" })
      socket.close()
    },
  )
})

describe("a graceful stop with runs queued", () => {
  it(
    "interrupts the runs going when the grace is over, and ends the waiting ones interrupted too",
    { timeout: 120_000 },
    async () => {
      const held = gatedGenerator()
      const stopping = await startTestServer({}, { generator: held.generator })
      try {
        const { token } = await register(stopping)
        const call = api(stopping, token)
        const projectId = (await call("POST", "/api/projects", { name: "p" })).body.project.id as string
        const runIds: string[] = []
        for (const prompt of ["hold 1", "hold 2", "hold 3"])
          runIds.push((await call("POST", "/api/runs", { projectId, prompt })).body.runId as string)
        await expect
          .poll(async () => (await call("GET", `/api/runs/${runIds[1]}`)).body.run.status)
          .toBe("running")
        const socket = new StudioSocket(stopping.url, { token })
        await socket.opened
        for (const runId of runIds) socket.send({ type: "subscribe", runId, afterSeq: -1 })
        await socket.next(queuedRun(runIds[2]!, 1))
        // The stop flushes every event of the ended runs to the sockets before it closes them.
        await stopping.close(0)
        await socket.closed
        for (const runId of runIds) {
          const events = socket.events(runId)
          expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index))
          expect(events.slice(-2)).toMatchObject([
            { type: "error", code: "interrupted" },
            { type: "run_finished", success: false },
          ])
        }
        expect(socket.events(runIds[2]!).map((event) => event.type)).toEqual([
          "run_queued",
          "error",
          "run_finished",
        ])
      } finally {
        held.releaseAll()
        await stopping.stop(0)
      }
    },
  )
})
