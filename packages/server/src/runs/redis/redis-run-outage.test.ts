import { randomUUID } from "node:crypto"
import { StudioError } from "@studio/protocol"
import { afterAll, describe, expect, it, vi } from "vitest"
import { startPrivateRedis } from "../../../test/support/studio-processes"
import { REDIS_URL } from "../../../test/support/test-redis"
import { createHeldHandler, createRecordingHooks, generationJob } from "./fixtures/queue-test-kit"
import { createRedisRunQueue } from "./redis-run-queue"
import { createRedisRunWorker } from "./redis-run-worker"

describe.skipIf(REDIS_URL === undefined)("the Redis run queue when Redis goes down", () => {
  const closing: (() => Promise<void> | void)[] = []
  afterAll(async () => {
    for (const close of closing.reverse()) await close()
  })

  it("refuses runs as unavailable while Redis is down, and works again when it is back, with no restart", async () => {
    // A Redis of this test's own (the shared one must never be stopped), started here.
    const redis = await startPrivateRedis()
    closing.push(() => redis.remove())
    const prefix = `studio:test:${randomUUID()}`
    const user = randomUUID()
    const queue = createRedisRunQueue({
      redisUrl: redis.url,
      prefix,
      hooks: createRecordingHooks().hooks,
      commandTimeoutMs: 1_000,
    })
    const held = createHeldHandler()
    const worker = createRedisRunWorker({
      redisUrl: redis.url,
      prefix,
      handler: held.handler,
      hooks: {
        onLost: async () => {},
      },
    })
    closing.push(
      () => queue.close(),
      () => worker.close(0),
    )

    const before = generationJob(user)
    await queue.enqueue(before)
    await vi.waitFor(() => expect(held.started).toEqual([before.runId]), { timeout: 10_000 })
    held.finish(before.runId)

    redis.stop()
    const refused = await queue.enqueue(generationJob(user)).catch((error: unknown) => error)
    expect(StudioError.isInstance(refused) && refused.code).toBe("unavailable")
    const cancelRefused = await queue.cancel(before.runId).catch((error: unknown) => error)
    expect(StudioError.isInstance(cancelRefused) && cancelRefused.code).toBe("unavailable")

    await redis.start()
    const after = generationJob(user)
    // The same run retried until Redis answers (an enqueue is idempotent); the worker takes it without a restart.
    await vi.waitFor(() => queue.enqueue(after), { timeout: 30_000, interval: 500 })
    await vi.waitFor(() => expect(held.started).toEqual([before.runId, after.runId]), { timeout: 30_000 })
    held.finish(after.runId)
    await vi.waitFor(() => expect(held.ended.has(after.runId)).toBe(true))

    // Redis gone again: closing the queue and the worker must not hang waiting for it.
    redis.stop()
    closing.splice(-2)
    await queue.close()
    await worker.close(0)
  }, 90_000)
})
