import { randomUUID } from "node:crypto"
import { StudioError } from "@studio/protocol"
import { afterEach, describe, expect, it, vi } from "vitest"
import { createTestRedis, REDIS_URL } from "../../../test/support/test-redis"
import type { RunWorker } from "../run-queue"
import { createHeldHandler, createRecordingHooks, generationJob } from "./fixtures/queue-test-kit"
import { redisKeys } from "./redis-connection"
import { createRedisRunQueue, type RedisRunQueueOptions } from "./redis-run-queue"
import { createRedisRunWorker, type RedisRunWorkerOptions } from "./redis-run-worker"

const redis = createTestRedis()
const open: { close(): Promise<void> }[] = []
const workers: RunWorker[] = []
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.close(0)))
  await Promise.all(open.splice(0).map((closable) => closable.close()))
})

describe.skipIf(REDIS_URL === undefined)("the Redis run queue (BullMQ)", () => {
  const url = REDIS_URL ?? ""
  const [ada, bob] = [randomUUID(), randomUUID()]

  function queueOf(prefix: string, options: Partial<RedisRunQueueOptions> = {}) {
    const recorded = createRecordingHooks()
    const queue = createRedisRunQueue({
      redisUrl: url,
      prefix,
      hooks: recorded.hooks,
      ...options,
    } as RedisRunQueueOptions)
    open.push(queue)
    return { queue, ...recorded }
  }
  function workerOf(prefix: string, options: Partial<RedisRunWorkerOptions> = {}) {
    const held = createHeldHandler()
    const recorded = createRecordingHooks()
    const worker = createRedisRunWorker({
      redisUrl: url,
      prefix,
      handler: held.handler,
      hooks: recorded.hooks,
      ...options,
    } as RedisRunWorkerOptions)
    workers.push(worker)
    return { worker, ...held, lost: recorded.lost }
  }
  const started = (list: string[], runId: string) => () => expect(list).toContain(runId)

  const client = redis.client(url)
  /** 1 while BullMQ has the job; 0 once it ended (removeOnComplete/removeOnFail leave nothing). */
  const jobExists = (prefix: string, runId: string) => client.exists(`${prefix}:runs:${runId}`)

  it("runs an enqueued job on a worker and leaves nothing behind in Redis", async () => {
    const prefix = redis.prefix()
    const { queue } = queueOf(prefix)
    const runner = workerOf(prefix, { workerId: "worker-1" })
    const job = generationJob(ada)
    await expect(queue.enqueue(job)).resolves.toEqual({ position: expect.any(Number) })
    await vi.waitFor(started(runner.started, job.runId), { timeout: 10_000 })
    expect(runner.jobs.get(job.runId)).toEqual(job)
    expect(runner.contexts.get(job.runId)?.workerId).toBe("worker-1")
    expect(runner.worker.active).toBe(1)
    const running = await queue.stats()
    expect(running).toMatchObject({ waiting: 0, activeByWorker: { "worker-1": 1 } })
    expect(running.waitSeconds).toHaveLength(1)
    // drained on read
    expect((await queue.stats()).waitSeconds).toHaveLength(0)

    runner.finish(job.runId)
    await vi.waitFor(async () => expect(await jobExists(prefix, job.runId)).toBe(0), { timeout: 10_000 })
    expect(runner.ended.get(job.runId)).toBeUndefined()
    expect(runner.worker.active).toBe(0)
    expect(await client.hlen(redisKeys(prefix).gateRuns)).toBe(0)
    expect(await queue.stats()).toEqual({ waiting: 0, activeByWorker: {}, waitSeconds: [] })
    // nothing left to cancel
    await expect(queue.cancel(job.runId)).resolves.toBe(false)
  })

  it("is idempotent: the same run enqueued twice runs once", async () => {
    const prefix = redis.prefix()
    const { queue } = queueOf(prefix)
    const job = generationJob(ada)
    await queue.enqueue(job)
    await queue.enqueue(job)
    const runner = workerOf(prefix)
    await vi.waitFor(started(runner.started, job.runId), { timeout: 10_000 })
    runner.finish(job.runId)
    await vi.waitFor(async () => expect(await jobExists(prefix, job.runId)).toBe(0), { timeout: 10_000 })
    expect(runner.started).toEqual([job.runId])
  })

  it("holds a user's third run until one of their two ends, and does not hold other users back", async () => {
    const prefix = redis.prefix()
    const { queue } = queueOf(prefix, { userConcurrency: 2 })
    const runner = workerOf(prefix, { concurrency: 5 })
    const [a1, a2, a3] = [generationJob(ada), generationJob(ada), generationJob(ada)]
    const b1 = generationJob(bob)
    for (const job of [a1, a2, a3, b1]) await queue.enqueue(job)

    await vi.waitFor(
      () => expect(runner.started).toEqual(expect.arrayContaining([a1.runId, a2.runId, b1.runId])),
      {
        timeout: 10_000,
      },
    )
    // bob started after ada's third was enqueued, with free worker slots: ada's third is held, not merely slow
    expect(runner.started).not.toContain(a3.runId)
    expect((await queue.stats()).waiting).toBe(1)

    runner.finish(a1.runId)
    await vi.waitFor(started(runner.started, a3.runId), { timeout: 10_000 })
    expect(runner.started.indexOf(a3.runId)).toBe(3)
    for (const job of [a2, a3, b1]) runner.finish(job.runId)
  })

  it("says how many runs start before each queued one, and tells when that changes", async () => {
    const prefix = redis.prefix()
    const { queue, positions } = queueOf(prefix, { userConcurrency: 1 })
    const [a1, a2, a3] = [generationJob(ada), generationJob(ada), generationJob(ada)]
    const b1 = generationJob(bob)
    // no worker yet: everything waits
    expect(await queue.enqueue(a1)).toEqual({ position: 0 })
    expect(await queue.enqueue(a2)).toEqual({ position: 1 }) // a1 first
    expect(await queue.enqueue(a3)).toEqual({ position: 2 }) // a1, then a2
    expect(await queue.enqueue(b1)).toEqual({ position: 1 }) // a1 is ahead in the queue
    expect((await queue.stats()).waiting).toBe(4)

    const runner = workerOf(prefix, { concurrency: 1 })
    await vi.waitFor(started(runner.started, a1.runId), { timeout: 10_000 })
    // a1 started: bob is next
    await vi.waitFor(() => expect(positions).toContainEqual({ runId: b1.runId, position: 0 }), {
      timeout: 10_000,
    })
    runner.finish(a1.runId)
    await vi.waitFor(started(runner.started, b1.runId), { timeout: 10_000 })
    runner.finish(b1.runId)
    await vi.waitFor(started(runner.started, a2.runId), { timeout: 10_000 })
    await vi.waitFor(() => expect(positions).toContainEqual({ runId: a3.runId, position: 0 }), {
      timeout: 10_000,
    })
    runner.finish(a2.runId)
    await vi.waitFor(started(runner.started, a3.runId), { timeout: 10_000 })
    runner.finish(a3.runId)
  })

  it("cancels a held run and a waiting run from another instance, and tells that instance's hooks", async () => {
    const prefix = redis.prefix()
    const api1 = queueOf(prefix, { userConcurrency: 1 })
    const api2 = queueOf(prefix, { userConcurrency: 1 })
    const [a1, a2, a3] = [generationJob(ada), generationJob(ada), generationJob(ada)]
    for (const job of [a1, a2, a3]) await api1.queue.enqueue(job)

    await expect(api2.queue.cancel(a2.runId)).resolves.toBe(true) // held by the cap
    await expect(api2.queue.cancel(a1.runId)).resolves.toBe(true) // admitted, waiting for a worker
    expect(api2.cancelled.map((job) => job.runId)).toEqual([a2.runId, a1.runId])
    expect(api1.cancelled).toEqual([])
    await expect(api2.queue.cancel(a1.runId)).resolves.toBe(false)

    // ada's slot was freed: a3 runs
    const runner = workerOf(prefix)
    await vi.waitFor(started(runner.started, a3.runId), { timeout: 10_000 })
    expect(runner.started).toEqual([a3.runId])
    runner.finish(a3.runId)
  })

  it("cancels an active run from another instance: the worker holding it aborts its signal", async () => {
    const prefix = redis.prefix()
    const api1 = queueOf(prefix)
    const api2 = queueOf(prefix)
    const runner = workerOf(prefix)
    const job = generationJob(ada)
    await api1.queue.enqueue(job)
    await vi.waitFor(started(runner.started, job.runId), { timeout: 10_000 })

    await expect(api2.queue.cancel(job.runId)).resolves.toBe(true)
    await vi.waitFor(() => expect(runner.ended.has(job.runId)).toBe(true), { timeout: 10_000 })
    const reason = runner.ended.get(job.runId)
    expect(StudioError.isInstance(reason) && reason.code).toBe("cancelled")
    expect(api2.cancelled).toEqual([]) // it had started: the run ends through its handler, not the hook
    await vi.waitFor(async () => expect(await jobExists(prefix, job.runId)).toBe(0), { timeout: 10_000 })
    await expect(api2.queue.cancel(job.runId)).resolves.toBe(false)
  })

  it("close(grace) lets a run that ends in time finish, then interrupts one that outlives the grace", async () => {
    const prefix = redis.prefix()
    const { queue } = queueOf(prefix)
    const runner = workerOf(prefix, { concurrency: 2 })
    const [quick, slow] = [generationJob(ada), generationJob(bob)]
    await queue.enqueue(quick)
    await queue.enqueue(slow)
    await vi.waitFor(() => expect(runner.started).toHaveLength(2), { timeout: 10_000 })

    workers.splice(workers.indexOf(runner.worker), 1)
    const closed = runner.worker.close(1_000)
    runner.finish(quick.runId)
    await closed
    expect(runner.ended.get(quick.runId)).toBeUndefined()
    const reason = runner.ended.get(slow.runId)
    expect(StudioError.isInstance(reason) && reason.code).toBe("interrupted")
    expect(runner.worker.active).toBe(0)
    // both ended normally in BullMQ and the gate: nothing is left to be found stalled later
    const client = redis.client(url)
    expect(await client.exists(`${prefix}:runs:${quick.runId}`, `${prefix}:runs:${slow.runId}`)).toBe(0)
    expect(await client.hlen(redisKeys(prefix).gateRuns)).toBe(0)
  })

  it("refuses a malformed job before it reaches Redis", async () => {
    const { queue } = queueOf(redis.prefix())
    await expect(queue.enqueue({ kind: "generate", runId: "not-a-uuid" } as never)).rejects.toThrow()
  })
})
