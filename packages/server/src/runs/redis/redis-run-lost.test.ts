import { spawn, type ChildProcess } from "node:child_process"
import { randomUUID } from "node:crypto"
import path from "node:path"
import { afterEach, describe, expect, it, vi } from "vitest"
import { createTestRedis, REDIS_URL } from "../../../test/support/test-redis"
import { createHeldHandler, createRecordingHooks, generationJob } from "./fixtures/queue-test-kit"
import { redisKeys } from "./redis-connection"
import { createRedisRunQueue } from "./redis-run-queue"
import { createRedisRunWorker } from "./redis-run-worker"

const redis = createTestRedis()
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A worker in its own process (fixtures/run-worker-process.ts), with its stdout lines. */
function startWorkerProcess(prefix: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "fixtures", "run-worker-process.ts")],
    {
      env: { ...process.env, REDIS_URL, STUDIO_TEST_PREFIX: prefix },
      stdio: ["ignore", "pipe", "inherit"],
    },
  )
  cleanups.push(() => void child.kill("SIGKILL"))
  const lines: string[] = []
  let buffered = ""
  child.stdout?.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8")
    const parts = buffered.split("\n")
    buffered = parts.pop() ?? ""
    lines.push(...parts)
  })
  return { child, lines }
}

describe.skipIf(REDIS_URL === undefined)("a worker killed mid-run (Redis run queue)", () => {
  it("is found stalled by an API instance alone within 30 s, reported once, never rerun; other runs go on", async () => {
    const prefix = redis.prefix()
    const url = REDIS_URL ?? ""
    const user = randomUUID()
    const api = createRecordingHooks()
    const queue = createRedisRunQueue({ redisUrl: url, prefix, userConcurrency: 1, hooks: api.hooks })
    cleanups.push(() => queue.close())

    const doomed = startWorkerProcess(prefix)
    const job = generationJob(user)
    const next = generationJob(user) // held by the cap until the lost run is settled
    await queue.enqueue(job)
    await queue.enqueue(next)
    await vi.waitFor(() => expect(doomed.lines).toContain(`started ${job.runId}`), { timeout: 20_000 })
    expect((await queue.stats()).activeByWorker).toEqual({ "doomed-worker": 1 })

    doomed.child.kill("SIGKILL")
    // Only the API instance is left: its own stall check must find the run (a deadline, not a speed claim).
    await vi.waitFor(() => expect(api.lost.map((lost) => lost.job)).toEqual([job]), {
      timeout: 30_000,
      interval: 200,
    })
    expect(api.lost[0]?.reason).toMatch(/worker/)
    expect(await redis.client(url).exists(`${prefix}:runs:${job.runId}`)).toBe(0)

    // The user's slot is free again, and a new worker runs the next run, not the lost one again.
    const survivor = createHeldHandler()
    const worker = createRedisRunWorker({
      redisUrl: url,
      prefix,
      handler: survivor.handler,
      hooks: api.hooks,
    })
    cleanups.push(() => worker.close(0))
    await vi.waitFor(() => expect(survivor.started).toEqual([next.runId]), { timeout: 15_000 })
    survivor.finish(next.runId)
    await vi.waitFor(async () => expect(await redis.client(url).hlen(redisKeys(prefix).gateRuns)).toBe(0), {
      timeout: 10_000,
    })
    expect(survivor.started).toEqual([next.runId])
    expect(api.lost).toHaveLength(1)
  }, 90_000)

  it("is found by a surviving worker when no API instance is left, and that worker never runs it", async () => {
    const prefix = redis.prefix()
    const url = REDIS_URL ?? ""
    const user = randomUUID()
    const queue = createRedisRunQueue({ redisUrl: url, prefix, hooks: createRecordingHooks().hooks })
    const doomed = startWorkerProcess(prefix)
    const job = generationJob(user)
    await queue.enqueue(job)
    await vi.waitFor(() => expect(doomed.lines).toContain(`started ${job.runId}`), { timeout: 20_000 })
    await queue.close()

    // An idle worker: the stall check puts the job back where it would take it at once (BullMQ then fails it
    // without running it, because it stalled).
    const survivor = createHeldHandler()
    const recorded = createRecordingHooks()
    const worker = createRedisRunWorker({
      redisUrl: url,
      prefix,
      handler: survivor.handler,
      hooks: recorded.hooks,
    })
    cleanups.push(() => worker.close(0))
    doomed.child.kill("SIGKILL")
    await vi.waitFor(() => expect(recorded.lost.map((lost) => lost.job)).toEqual([job]), {
      timeout: 30_000,
      interval: 200,
    })
    expect(survivor.started).toEqual([])
    expect(await redis.client(url).exists(`${prefix}:runs:${job.runId}`)).toBe(0)
    expect(await redis.client(url).hlen(redisKeys(prefix).gateRuns)).toBe(0)
  }, 90_000)
})
