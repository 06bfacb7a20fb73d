import type { Engine, IsolationReport, RunEvents } from "@studio/engine"
import pino from "pino"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createStore, type Store } from "../db/store"
import { createTestDatabase, INITDB_TIMEOUT_MS, type TestDatabase } from "../db/test-databases"
import { createMetrics } from "../metrics"
import { createMemoryEventBus } from "./memory-event-bus"
import { createRunExecutor } from "./run-executor"
import { recordTestRun } from "./test-runs"
import type { RunJob } from "./run-queue"

// With a shared queue the worker may sit on another machine than the API instance that checked the request: the
// worker checks its own sandbox before it runs code that is not the offline generator's.
const processLevel = {
  level: "process",
  backend: "process",
  layers: [],
  warnings: [],
} as unknown as IsolationReport

let database: TestDatabase
let store: Store
beforeAll(async () => {
  database = await createTestDatabase("pglite")
  store = createStore(await database.open())
}, INITDB_TIMEOUT_MS)
afterAll(() => database?.dispose())

/** A run that ends at once with nothing made. */
async function* emptyRun(): RunEvents {
  yield* []
  return { files: {}, tests: [] }
}

/** An engine on a machine without namespaces, with a generator of `provider`; it records whether it was asked to run. */
function unisolatedEngine(provider: string) {
  const asked: string[] = []
  const engine = {
    generator: { provider, model: "m", generate: () => (async function* () {})() },
    isolation: processLevel,
    run: () => {
      asked.push("run")
      return emptyRun()
    },
    testEditedCode: () => {
      asked.push("testEditedCode")
      return emptyRun()
    },
  } as unknown as Pick<Engine, "generator" | "isolation" | "run" | "testEditedCode">
  return { engine, asked }
}

async function queuedRun(): Promise<RunJob> {
  const { userId, projectId, runId } = await recordTestRun(store, { prompt: "a counter", provider: "openai" })
  return { kind: "generate", runId, userId, projectId, prompt: "a counter" }
}

async function execute(provider: string, allowUnisolated: boolean) {
  const { engine, asked } = unisolatedEngine(provider)
  const handler = createRunExecutor({
    store,
    engine,
    bus: createMemoryEventBus(),
    metrics: createMetrics(),
    log: pino({ level: "silent" }),
    policy: { allowUnisolated },
  })
  const job = await queuedRun()
  await handler(job, { signal: new AbortController().signal, workerId: "w1" })
  const record = await store.runs.get(job.userId, job.runId)
  const events = (await store.events.list(job.runId, -1)).map((row) => row.event)
  return { asked, record, events }
}

describe("the run executor on a worker without namespaces", () => {
  it("refuses a model's run: it ends failed with sandbox_unavailable, and the engine is never asked", async () => {
    const { asked, record, events } = await execute("openai", false)
    expect(asked).toEqual([])
    expect(record?.status).toBe("failed")
    expect(events.map((event) => event.type)).toEqual(["error", "run_finished"])
    expect(events[0]).toMatchObject({ code: "sandbox_unavailable" })
  })

  it("runs it when the operator opted in (STUDIO_ALLOW_UNISOLATED=1), and always runs the offline generator", async () => {
    expect((await execute("openai", true)).asked).toEqual(["run"])
    expect((await execute("offline", false)).asked).toEqual(["run"])
  })
})
