import { randomUUID } from "node:crypto"
import type { StudioEvent } from "@studio/protocol"
import pino from "pino"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createStore, type Store } from "../db/store"
import { INITDB_TIMEOUT_MS, createTestDatabase, type TestDatabase } from "../db/test-databases"
import { createMemoryEventBus } from "./memory-event-bus"
import { startStaleRunCheck } from "./stale-runs"

describe("the stale-run check of a shared queue", () => {
  let testDatabase: TestDatabase
  let store: Store
  beforeAll(async () => {
    testDatabase = await createTestDatabase("pglite")
    store = createStore(await testDatabase.open())
  }, INITDB_TIMEOUT_MS)
  afterAll(() => testDatabase.dispose())

  async function newRun(userId: string, projectId: string, status: "queued" | "running") {
    const id = randomUUID()
    await store.runs.create({ id, userId, projectId, prompt: "a counter", provider: "offline", model: "m" })
    if (status === "running") await store.runs.markStarted(id, "worker-1")
    return id
  }

  it("ends runs whose job is missing twice in a row, with closing events; leaves the others", async () => {
    const user = await store.users.create({ email: `${randomUUID()}@example.com`, passwordHash: "h" })
    const project = await store.projects.create(user.id, "p")
    const bus = createMemoryEventBus()
    const jobs = new Set<string>()
    let reachable = true
    const check = startStaleRunCheck({
      store,
      bus,
      log: pino({ level: "silent" }),
      intervalMs: 3_600_000, // passes are run by hand here
      jobExists: async (runId) => {
        if (!reachable) throw new Error("Redis is down")
        return jobs.has(runId)
      },
    })
    const earlier = await newRun(user.id, project.id, "running")
    const waiting = await newRun(user.id, project.id, "queued")
    const held = await newRun(user.id, project.id, "running")
    jobs.add(held)
    await store.events.append(earlier, 0, {
      type: "run_started",
      runId: earlier,
      seq: 0,
      ts: 1,
      prompt: "p",
      provider: "offline",
      model: "m",
    })
    const published: StudioEvent[] = []
    await bus.subscribe(earlier, (event) => published.push(event))

    // Recorded after the check began: too young to judge in its first pass.
    expect(await check.checkNow()).toEqual([])
    // Missing once: not yet.
    expect(await check.checkNow()).toEqual([])
    // Redis down: nothing is judged, and the count of misses is not lost.
    reachable = false
    await expect(check.checkNow()).rejects.toThrow(/down/)
    reachable = true
    // A job that shows up again (it was between two steps) is not lost.
    jobs.add(waiting)
    expect(await check.checkNow()).toEqual([earlier])
    expect(await check.checkNow()).toEqual([])
    check.stop()

    const run = await store.runs.get(user.id, earlier)
    expect(run?.status).toBe("interrupted")
    expect((await store.runs.get(user.id, waiting))?.status).toBe("queued")
    expect((await store.runs.get(user.id, held))?.status).toBe("running")
    const events = (await store.events.list(earlier, -1)).map((row) => row.event)
    expect(events.map((event) => [event.seq, event.type])).toEqual([
      [0, "run_started"],
      [1, "error"],
      [2, "run_finished"],
    ])
    expect(events[1]).toMatchObject({ code: "interrupted" })
    expect(published.map((event) => event.type)).toEqual(["error", "run_finished"])
  })
})
