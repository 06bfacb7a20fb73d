import type { StudioEvent } from "@studio/protocol"
import pino from "pino"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import type { StoredEvent } from "../db/schema"
import { createStore, type Store } from "../db/store"
import { createTestDatabase, INITDB_TIMEOUT_MS, type TestDatabase } from "../db/test-databases"
import { createMemoryEventBus } from "./memory-event-bus"
import { RunManager, type RunManagerDeps } from "./run-manager"
import type { RunEventBus } from "./run-queue"
import { recordTestRun } from "./test-runs"

// A subscriber on another instance hears a run through the event bus, which keeps no history (Redis pub/sub): what
// it misses live, while its connection is down or because a publish failed, is read from the store, where every
// event is written before it is published. Each event still arrives once and in order.

let database: TestDatabase
let store: Store
beforeAll(async () => {
  database = await createTestDatabase("pglite")
  store = createStore(await database.open())
}, INITDB_TIMEOUT_MS)
afterAll(() => database?.dispose())

/** A memory bus whose connection can be "resumed" by the test. */
function resumableBus(): RunEventBus & { resume(): void } {
  const bus = createMemoryEventBus()
  const resumed = new Set<() => void>()
  return {
    ...bus,
    onResume(listener) {
      resumed.add(listener)
      return () => resumed.delete(listener)
    },
    resume: () => resumed.forEach((listener) => listener()),
  }
}

async function runningRun(): Promise<{ userId: string; runId: string }> {
  const { userId, runId } = await recordTestRun(store, { prompt: "p", provider: "offline" })
  await store.runs.markStarted(runId, "w1")
  return { userId, runId }
}

const token = (runId: string, seq: number): StudioEvent => ({
  type: "token",
  runId,
  seq,
  ts: Date.now(),
  path: "src/components/A.tsx",
  delta: `chunk ${seq}`,
})

function manager(bus: RunEventBus) {
  return new RunManager({
    store,
    bus,
    log: pino({ level: "silent" }),
    engine: {} as RunManagerDeps["engine"],
    queue: {} as RunManagerDeps["queue"],
    hooks: {} as RunManagerDeps["hooks"],
  })
}

describe("a subscription that misses live events", () => {
  it("reads a gap from the store when a later event arrives, and what it missed when the bus is back", async () => {
    const bus = resumableBus()
    const { userId, runId } = await runningRun()
    const store_ = (seq: number) => store.events.append(runId, seq, token(runId, seq) as StoredEvent)
    for (const seq of [0, 1]) await store_(seq)
    const seen: number[] = []
    const stop = await manager(bus).subscribe(userId, runId, -1, (event) => seen.push(event.seq))
    expect(seen).toEqual([0, 1])

    // 2 and 3 are stored but never heard live; 4 is.
    for (const seq of [2, 3, 4]) await store_(seq)
    await bus.publish(token(runId, 4))
    await vi.waitFor(() => expect(seen).toEqual([0, 1, 2, 3, 4]))

    // 5 and 6 are stored while the bus is down, and nothing follows them: the bus coming back brings them.
    for (const seq of [5, 6]) await store_(seq)
    bus.resume()
    await vi.waitFor(() => expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]))
    // Heard late, after the store had them: not twice.
    await bus.publish(token(runId, 6))
    await bus.publish(token(runId, 7))
    await vi.waitFor(() => expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7]))
    stop()
  })
})
