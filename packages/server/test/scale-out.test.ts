// Scale-out on Redis with the real binary: two `studio serve --workers 0` (API and WebSocket only) and two
// `studio worker`, sharing one PostgreSQL database and one Redis (a private one, so it can be restarted). Clients
// resume on another instance, cancel from another instance, workers are killed and stopped, Redis goes away.
import { randomBytes, randomUUID } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import type { StudioEvent } from "@studio/protocol"
import { api, freshDatabase, register, StudioSocket } from "./support/test-server"
import {
  buildStudioOnce,
  startPrivateRedis,
  startServe,
  startWorkerProcess,
  type StudioProcess,
} from "./support/studio-processes"

const services = Boolean(process.env.REDIS_URL && process.env.DATABASE_URL)
/** Each worker's slots: the tests that need both workers busy fill all of them. */
const CONCURRENCY = 3
const GRACE_SECONDS = 5

type Instance = Awaited<ReturnType<typeof startServe>>
type WorkerProcess = Awaited<ReturnType<typeof startWorkerProcess>>
type RunInfo = { status: string; workerId: string | null; queuedAt: string; startedAt: string | null }

describe.skipIf(!services)("scale-out: API instances and workers on Redis", { timeout: 300_000 }, () => {
  const children: StudioProcess[] = []
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "studio-scale-out-"))
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>
  let database: Awaited<ReturnType<typeof freshDatabase>>
  let env: NodeJS.ProcessEnv
  let a: Instance
  let b: Instance
  const workers: WorkerProcess[] = []

  const startWorker = async () => {
    const worker = await startWorkerProcess(
      // The offline generator at a model's pace, so a run is still going when something is killed.
      { ...env, STUDIO_OFFLINE_CHUNK_DELAY_MS: "250" },
      CONCURRENCY,
    )
    children.push(worker)
    workers.push(worker)
    return worker
  }

  beforeAll(async () => {
    buildStudioOnce()
    redis = await startPrivateRedis()
    database = await freshDatabase(process.env.DATABASE_URL ?? "")
    env = {
      ...process.env,
      STUDIO_QUEUE: "redis",
      REDIS_URL: redis.url,
      DATABASE_URL: database.url,
      STUDIO_REDIS_PREFIX: `studio:test:${randomUUID()}`,
      STUDIO_JWT_SECRET: randomBytes(32).toString("hex"),
      STUDIO_DATA_DIR: dataDir,
      STUDIO_PROVIDER: "offline",
      PORT: "0",
      LOG_LEVEL: "info",
      STUDIO_SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
      STUDIO_USER_CONCURRENCY: "2",
      STUDIO_REGISTER_RATE_LIMIT: "100000",
      STUDIO_RATE_LIMIT: "100000",
    }
    // The first to start migrates the database; the others wait on its lock.
    ;[a, b] = await Promise.all([startServe(env, 0), startServe(env, 0)])
    children.push(a, b)
    await Promise.all([startWorker(), startWorker()])
  }, 300_000)

  afterAll(async () => {
    for (const child of children) child.child.kill("SIGKILL")
    await Promise.all(children.map((child) => child.exited))
    redis?.remove()
    await database?.drop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  async function signUp(instance: Instance = a) {
    const { token } = await register(instance)
    const projectId = (await api(instance, token)("POST", "/api/projects", { name: "p" })).body.project
      .id as string
    return { token, projectId }
  }

  async function startRun(instance: Instance, user: { token: string; projectId: string }, prompt: string) {
    const answer = await api(instance, user.token)("POST", "/api/runs", { projectId: user.projectId, prompt })
    expect(answer.status).toBe(202)
    return answer.body.runId as string
  }

  async function getRun(instance: Instance, token: string, runId: string): Promise<RunInfo> {
    return (await api(instance, token)("GET", `/api/runs/${runId}`)).body.run as RunInfo
  }

  async function storedEvents(instance: Instance, token: string, runId: string): Promise<StudioEvent[]> {
    return (await api(instance, token)("GET", `/api/runs/${runId}/events`)).body.events as StudioEvent[]
  }

  /** Polls until the run has ended; resolves with its record. A deadline, not a speed claim. */
  async function ended(
    instance: Instance,
    token: string,
    runId: string,
    timeout = 150_000,
  ): Promise<RunInfo> {
    return vi.waitFor(
      async () => {
        const run = await getRun(instance, token, runId)
        if (run.status === "queued" || run.status === "running") throw new Error(`still ${run.status}`)
        return run
      },
      { timeout, interval: 250 },
    )
  }

  const workerOf = (workerId: string | null) => workers.find((worker) => worker.workerId === workerId)

  /** Sends a prompt over a socket on `instance` and waits until its first token arrives there. */
  async function generateLive(
    instance: Instance,
    user: { token: string; projectId: string },
    prompt: string,
  ) {
    const socket = new StudioSocket(instance.url, { token: user.token })
    await socket.opened
    socket.send({ type: "generate", projectId: user.projectId, prompt })
    const { runId } = (await socket.next((message) => message.type === "run_accepted")) as { runId: string }
    await socket.next((message) => message.type === "token" && message.runId === runId)
    return { socket, runId }
  }

  /**
   * Subscribes on `instance` after the last event `seen` and waits for run_finished: what was seen plus what came
   * there is the stored log exactly (no gap, no duplicate, in order).
   */
  async function resumeOn(instance: Instance, token: string, runId: string, seen: StudioEvent[]) {
    const socket = new StudioSocket(instance.url, { token })
    await socket.opened
    socket.send({ type: "subscribe", runId, afterSeq: seen.at(-1)!.seq })
    await socket.next((message) => message.type === "run_finished" && message.runId === runId)
    const stored = await storedEvents(instance, token, runId)
    expect([...seen, ...socket.events(runId)]).toEqual(stored)
    expect(stored.map((event) => event.seq)).toEqual(stored.map((_, index) => index))
    socket.close()
  }

  it("a client resumes on another instance with no gap and no duplicate; the run names its worker and times", async () => {
    const user = await signUp()
    const { socket: first, runId } = await generateLive(a, user, "a star rating with 5 stars")
    first.socket.terminate()
    await first.closed
    const seen = first.events(runId)
    expect(seen.length).toBeGreaterThan(0)
    await resumeOn(b, user.token, runId, seen)

    const run = await getRun(a, user.token, runId)
    expect(run.status).toBe("succeeded")
    expect(workers.map((worker) => worker.workerId)).toContain(run.workerId)
    expect(Date.parse(run.startedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(run.queuedAt))
  })

  it("an instance killed mid-run (SIGKILL): its client resumes on another instance, no gap and no duplicate", async () => {
    const doomed = await startServe(env, 0)
    children.push(doomed)
    const user = await signUp(doomed)
    const { socket: first, runId } = await generateLive(doomed, user, "tabs for Home and Away")
    doomed.child.kill("SIGKILL")
    await doomed.exited
    await first.closed

    // The run was never the killed instance's to lose: a worker holds it, and it goes on.
    await resumeOn(b, user.token, runId, first.events(runId))
    expect((await getRun(b, user.token, runId)).status).toBe("succeeded")
  })

  it("cancels a run from the instance that did not start it", async () => {
    const user = await signUp()
    const { socket: starter, runId } = await generateLive(a, user, "tabs for Home and Away")

    const other = new StudioSocket(b.url, { token: user.token })
    await other.opened
    other.send({ type: "cancel", runId })
    const finished = await starter.next(
      (message) => message.type === "run_finished" && message.runId === runId,
    )
    expect(finished).toMatchObject({ success: false })
    expect((await ended(b, user.token, runId)).status).toBe("cancelled")
    expect(other.received.filter((message) => message.type === "error")).toEqual([])
    starter.close()
    other.close()
  })

  it("runs 30 runs at once from several users over both workers; all finish", async () => {
    const users = await Promise.all(Array.from({ length: 6 }, (_, index) => signUp(index % 2 ? b : a)))
    const prompts = [
      "a counter",
      "a toggle switch",
      "a star rating with 5 stars",
      "tabs for Home and Away",
      "an accordion",
    ]
    const started = await Promise.all(
      users.flatMap((user, userIndex) =>
        prompts.map(async (prompt, index) => {
          const instance = (userIndex + index) % 2 ? b : a
          return { user, runId: await startRun(instance, user, prompt) }
        }),
      ),
    )
    expect(started).toHaveLength(30)
    const runs = await Promise.all(started.map(({ user, runId }) => ended(a, user.token, runId, 280_000)))
    expect(runs.map((run) => run.status)).toEqual(runs.map(() => "succeeded"))
    expect(new Set(runs.map((run) => run.workerId))).toEqual(
      new Set(workers.map((worker) => worker.workerId)),
    )
  }, 300_000)

  it("a worker killed mid-run: its run ends interrupted within 30 s, what it stored is kept; the others go on", async () => {
    // As many runs as both workers have slots, from users of their own (the per-user cap): each worker holds some.
    const users = await Promise.all(Array.from({ length: 2 * CONCURRENCY }, () => signUp()))
    const runIds = await Promise.all(users.map((user) => startRun(a, user, "a star rating with 5 stars")))
    const token = (runId: string) => users[runIds.indexOf(runId)]!.token
    await vi.waitFor(
      async () => {
        for (const runId of runIds) expect((await getRun(a, token(runId), runId)).status).toBe("running")
      },
      { timeout: 60_000, interval: 250 },
    )
    const before = new Map(
      await Promise.all(runIds.map(async (runId) => [runId, await getRun(a, token(runId), runId)] as const)),
    )
    // The victim: a run still streaming its code, so it is surely cut off mid-way.
    const stored = await storedEvents(a, token(runIds[0]!), runIds[0]!)
    expect(stored.some((event) => event.type === "run_finished")).toBe(false)
    const victimRun = runIds[0]!
    const victim = workerOf(before.get(victimRun)!.workerId)!
    const survivor = workers.find((worker) => worker !== victim && worker.child.exitCode === null)!
    victim.child.kill("SIGKILL")
    await victim.exited
    workers.splice(workers.indexOf(victim), 1)

    const run = await ended(b, token(victimRun), victimRun, 30_000)
    expect(run.status).toBe("interrupted")
    const after = await storedEvents(b, token(victimRun), victimRun)
    expect(after.slice(0, stored.length)).toEqual(stored)
    expect(after.map((event) => event.seq)).toEqual(after.map((_, index) => index))
    expect(after.at(-2)).toMatchObject({ type: "error", code: "interrupted" })
    expect(after.at(-1)).toMatchObject({ type: "run_finished", success: false })

    for (const runId of runIds) {
      const end = await ended(b, token(runId), runId)
      if (before.get(runId)!.workerId === survivor.workerId) expect(end.status).toBe("succeeded")
      else expect(["interrupted", "succeeded"]).toContain(end.status)
    }
    // Back to two workers for what follows.
    await startWorker()
  }, 300_000)

  it("while Redis is down new runs are refused as unavailable and the rest answers; it recovers with no restart", async () => {
    const user = await signUp()
    const going = await startRun(a, user, "a toggle switch")
    await vi.waitFor(async () => expect((await getRun(a, user.token, going)).status).toBe("running"), {
      timeout: 60_000,
      interval: 200,
    })

    redis.stop()
    await vi.waitFor(
      async () => {
        const refused = await api(a, user.token)("POST", "/api/runs", {
          projectId: user.projectId,
          prompt: "a counter",
        })
        expect(refused.status).toBe(503)
        expect(refused.body.error.code).toBe("unavailable")
      },
      { timeout: 20_000, interval: 500 },
    )
    for (const instance of [a, b])
      expect((await api(instance, user.token)("GET", "/api/projects")).status).toBe(200)

    // It comes back empty (no persistence), as a lost Redis would.
    await redis.start()
    const runId = await vi.waitFor(
      async () => {
        const answer = await api(b, user.token)("POST", "/api/runs", {
          projectId: user.projectId,
          prompt: "a counter",
        })
        expect(answer.status).toBe(202)
        return answer.body.runId as string
      },
      { timeout: 60_000, interval: 1_000 },
    )
    expect((await ended(a, user.token, runId)).status).toBe("succeeded")
    // The run that was going when Redis went away does not stay "running" for ever.
    expect(["succeeded", "interrupted", "failed"]).toContain(
      (await ended(a, user.token, going, 90_000)).status,
    )
    const going2 = await storedEvents(a, user.token, going)
    expect(going2.map((event) => event.seq)).toEqual(going2.map((_, index) => index))
    for (const worker of workers) expect(worker.child.exitCode).toBeNull()
    for (const instance of [a, b]) expect(instance.child.exitCode).toBeNull()
  }, 300_000)

  it("SIGTERM to a worker mid-run: the run finishes or is interrupted within the grace period; exit 0", async () => {
    const user = await signUp()
    const runId = await startRun(a, user, "an accordion")
    const running = await vi.waitFor(
      async () => {
        const run = await getRun(a, user.token, runId)
        expect(run.status).toBe("running")
        return run
      },
      { timeout: 60_000, interval: 200 },
    )
    const worker = workerOf(running.workerId)!
    worker.child.kill("SIGTERM")
    expect(await worker.exited).toBe(0)
    const end = await getRun(b, user.token, runId)
    expect(["succeeded", "interrupted"]).toContain(end.status)
    const events = await storedEvents(b, user.token, runId)
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index))
    expect(events.at(-1)).toMatchObject({ type: "run_finished", success: end.status === "succeeded" })
  })
})
