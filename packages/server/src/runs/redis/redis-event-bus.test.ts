import { randomUUID } from "node:crypto"
import type { StudioEvent } from "@studio/protocol"
import { afterEach, describe, expect, it, vi } from "vitest"
import { startPrivateRedis } from "../../../test/support/studio-processes"
import { createTestRedis, REDIS_URL } from "../../../test/support/test-redis"
import type { RunEventBus } from "../run-queue"
import { redisKeys } from "./redis-connection"
import { createRedisEventBus } from "./redis-event-bus"

const redis = createTestRedis()
const buses: RunEventBus[] = []
afterEach(async () => {
  await Promise.all(buses.splice(0).map((bus) => bus.close()))
})

function tokenEvent(runId: string, seq: number): StudioEvent {
  return {
    type: "token",
    runId,
    seq,
    ts: 1_700_000_000_000 + seq,
    path: "src/components/Counter.tsx",
    delta: `d${seq}`,
  }
}

describe.skipIf(REDIS_URL === undefined)("the Redis event bus (pub/sub)", () => {
  const url = REDIS_URL ?? ""
  /** A bus as another process would have it: its own connections. */
  const busOf = (
    prefix: string,
    log?: { warn: (...args: unknown[]) => void; error: (...args: unknown[]) => void },
  ) => {
    const bus = createRedisEventBus({ redisUrl: url, prefix, ...(log ? { log: log as never } : {}) })
    buses.push(bus)
    return bus
  }

  it("delivers a run's events from one process to another in order, exactly once, and only that run's", async () => {
    const prefix = redis.prefix()
    const [worker, api] = [busOf(prefix), busOf(prefix)]
    const [runId, otherRunId] = [randomUUID(), randomUUID()]
    const received: StudioEvent[] = []
    await api.subscribe(runId, (event) => received.push(event))

    for (let seq = 1; seq <= 200; seq += 1) {
      await worker.publish(tokenEvent(runId, seq))
      if (seq % 50 === 0) await worker.publish(tokenEvent(otherRunId, seq))
    }
    await vi.waitFor(() => expect(received).toHaveLength(200), { timeout: 10_000 })
    expect(received.map((event) => event.seq)).toEqual(Array.from({ length: 200 }, (_, index) => index + 1))
    expect(received[0]).toEqual(tokenEvent(runId, 1))
    // one more event flushes anything still on its way: no duplicate arrives behind it
    await worker.publish(tokenEvent(runId, 201))
    await vi.waitFor(() => expect(received.at(-1)?.seq).toBe(201), { timeout: 10_000 })
    expect(received).toHaveLength(201)
  })

  it("keeps each subscription apart: one listener's failure or unsubscribe does not touch the others", async () => {
    const prefix = redis.prefix()
    const errors: unknown[] = []
    const [worker, api] = [
      busOf(prefix),
      busOf(prefix, { warn: () => {}, error: (...args) => errors.push(args) }),
    ]
    const runId = randomUUID()
    const first: number[] = []
    const second: number[] = []
    await api.subscribe(runId, () => {
      throw new Error("a listener bug")
    })
    const unsubscribeFirst = await api.subscribe(runId, (event) => first.push(event.seq))
    const listener = (event: StudioEvent) => second.push(event.seq)
    await api.subscribe(runId, listener)
    const unsubscribeTwin = await api.subscribe(runId, listener) // the same function twice: two subscriptions

    await worker.publish(tokenEvent(runId, 1))
    await vi.waitFor(() => expect(second).toEqual([1, 1]), { timeout: 10_000 })
    expect(first).toEqual([1])
    expect(errors).toHaveLength(1)

    unsubscribeFirst()
    unsubscribeTwin()
    await worker.publish(tokenEvent(runId, 2))
    await vi.waitFor(() => expect(second).toEqual([1, 1, 2]), { timeout: 10_000 })
    expect(first).toEqual([1])
  })

  it("drops a malformed message instead of passing it on or throwing, and stops after the last unsubscribe", async () => {
    const prefix = redis.prefix()
    const warnings: unknown[] = []
    const [worker, api] = [
      busOf(prefix),
      busOf(prefix, { warn: (...args) => warnings.push(args), error: () => {} }),
    ]
    const runId = randomUUID()
    const received: number[] = []
    const unsubscribe = await api.subscribe(runId, (event) => received.push(event.seq))

    const raw = redis.client(url)
    await raw.publish(redisKeys(prefix).eventChannel(runId), "{not json")
    await raw.publish(redisKeys(prefix).eventChannel(runId), JSON.stringify({ type: "token", runId }))
    await worker.publish(tokenEvent(runId, 1))
    await vi.waitFor(() => expect(received).toEqual([1]), { timeout: 10_000 })
    expect(warnings).toHaveLength(2)

    unsubscribe()
    // Redis itself no longer sends this process the run's channel
    await vi.waitFor(async () => {
      const [, count] = (await raw.call("PUBSUB", "NUMSUB", redisKeys(prefix).eventChannel(runId))) as [
        string,
        number,
      ]
      expect(count).toBe(0)
    })
    await worker.publish(tokenEvent(runId, 2))
    const later = randomUUID()
    const laterEvents: number[] = []
    await api.subscribe(later, (event) => laterEvents.push(event.seq))
    await worker.publish(tokenEvent(later, 1))
    await vi.waitFor(() => expect(laterEvents).toEqual([1]), { timeout: 10_000 })
    expect(received).toEqual([1])
  })

  it("refuses to publish or subscribe as unavailable when Redis cannot be reached", async () => {
    const bus = createRedisEventBus({
      redisUrl: "redis://127.0.0.1:1",
      prefix: redis.prefix(),
      commandTimeoutMs: 300,
    })
    buses.push(bus)
    await expect(bus.publish(tokenEvent(randomUUID(), 1))).rejects.toMatchObject({ code: "unavailable" })
    await expect(bus.subscribe(randomUUID(), () => {})).rejects.toMatchObject({ code: "unavailable" })
  })

  it("says when it is back after losing Redis, and hears its runs again without subscribing anew", async () => {
    // A Redis of this test's own, stopped and started again (the shared one must never be stopped).
    const own = await startPrivateRedis()
    try {
      const prefix = redis.prefix()
      const worker = createRedisEventBus({ redisUrl: own.url, prefix })
      const api = createRedisEventBus({ redisUrl: own.url, prefix })
      buses.push(worker, api)
      const runId = randomUUID()
      const received: number[] = []
      let resumed = 0
      api.onResume?.(() => resumed++)
      await api.subscribe(runId, (event) => received.push(event.seq))
      await worker.publish(tokenEvent(runId, 1))
      await vi.waitFor(() => expect(received).toEqual([1]), { timeout: 10_000 })
      expect(resumed).toBe(0)

      own.stop()
      await own.start()
      // What was published while it was gone is the store's to give; the subscriber is told to read it.
      await vi.waitFor(() => expect(resumed).toBe(1), { timeout: 20_000 })
      await vi.waitFor(
        async () => {
          await worker.publish(tokenEvent(runId, 2))
          expect(received.at(-1)).toBe(2)
        },
        { timeout: 20_000, interval: 500 },
      )
    } finally {
      own.remove()
    }
  }, 60_000)
})
