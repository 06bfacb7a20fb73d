import { randomUUID } from "node:crypto"
import pino from "pino"
import { describe, expect, it, vi } from "vitest"
import { StudioError } from "@studio/protocol"
import { createLocalQueue } from "./local-queue"
import type { JobContext, QueueHooks, RunJob } from "./run-queue"

const ALICE = randomUUID()
const BOB = randomUUID()

function job(userId: string): RunJob {
  return { kind: "generate", runId: randomUUID(), userId, projectId: randomUUID(), prompt: "a counter" }
}

/** A queue whose handler holds every job until the test ends it, recording what it and the hooks were told. */
function harness(userConcurrency = 2) {
  const started: { job: RunJob; context: JobContext; end(): void }[] = []
  const positions: [string, number][] = []
  const cancelledWhileQueued: string[] = []
  const lost: [string, string][] = []
  const hooks: QueueHooks = {
    onPosition: (queued, position) => positions.push([queued.runId, position]),
    async onCancelledWhileQueued(queued) {
      cancelledWhileQueued.push(queued.runId)
    },
    async onLost(queued, reason) {
      lost.push([queued.runId, reason])
    },
  }
  const { queue, worker } = createLocalQueue({
    userConcurrency,
    hooks,
    log: pino({ level: "silent" }),
    workerId: "test-worker",
    handler: (queued, context) =>
      new Promise<void>((resolve) => {
        const entry = { job: queued, context, end: resolve }
        started.push(entry)
        // A run stops when it is aborted, as the executor's does.
        context.signal.addEventListener("abort", () => resolve(), { once: true })
      }),
  })
  const startedIds = () => started.map((entry) => entry.job.runId)
  const end = async (runId: string) => {
    started.find((entry) => entry.job.runId === runId)!.end()
    // Let the queue's bookkeeping (a promise's finally) run.
    await new Promise((resolve) => setImmediate(resolve))
  }
  return { queue, worker, started, startedIds, end, positions, cancelledWhileQueued, lost }
}

describe("the local run queue", () => {
  it("runs at most userConcurrency runs per user, the rest wait in order; other users are not held back", async () => {
    const { queue, startedIds, end, positions } = harness(2)
    const [a1, a2, a3, a4] = [job(ALICE), job(ALICE), job(ALICE), job(ALICE)]
    expect(await queue.enqueue(a1)).toEqual({ position: 0 })
    expect(await queue.enqueue(a2)).toEqual({ position: 0 })
    expect(await queue.enqueue(a3)).toEqual({ position: 1 })
    expect(await queue.enqueue(a4)).toEqual({ position: 2 })
    const b1 = job(BOB)
    expect(await queue.enqueue(b1)).toEqual({ position: 0 })
    expect(startedIds()).toEqual([a1.runId, a2.runId, b1.runId])
    expect(await queue.stats()).toMatchObject({ waiting: 2, activeByWorker: { "test-worker": 3 } })
    // enqueue answered the first places; only changes go to onPosition.
    expect(positions).toEqual([])

    await end(a1.runId)
    expect(startedIds()).toEqual([a1.runId, a2.runId, b1.runId, a3.runId])
    // Places are reported a moment later, batched.
    await vi.waitFor(() => expect(positions).toEqual([[a4.runId, 1]]))
    await end(a2.runId)
    expect(startedIds().at(-1)).toBe(a4.runId)
    expect(await queue.stats()).toMatchObject({ waiting: 0 })
  })

  it("reports how long started runs waited once, then drains them", async () => {
    const { queue, end } = harness(1)
    const first = job(ALICE)
    await queue.enqueue(first)
    await queue.enqueue(job(ALICE))
    await end(first.runId)
    const { waitSeconds } = await queue.stats()
    expect(waitSeconds).toHaveLength(2)
    for (const seconds of waitSeconds) expect(seconds).toBeGreaterThanOrEqual(0)
    expect((await queue.stats()).waitSeconds).toEqual([])
  })

  it("reports a burst of changes to a waiting run's place as its newest place, once", async () => {
    const { queue, end, positions } = harness(1)
    const runs = [job(ALICE), job(ALICE), job(ALICE), job(ALICE)]
    for (const queued of runs) await queue.enqueue(queued)
    // Two ends in a row move the last run from 3 to 1; it is told 1, not 2 and then 1.
    await end(runs[0]!.runId)
    await end(runs[1]!.runId)
    await vi.waitFor(() => expect(positions).toContainEqual([runs[3]!.runId, 1]))
    expect(positions.filter(([runId]) => runId === runs[3]!.runId)).toEqual([[runs[3]!.runId, 1]])
  })

  it("cancels a waiting run through the hook and moves the ones behind it up; a running one is aborted", async () => {
    const { queue, started, startedIds, positions, cancelledWhileQueued } = harness(1)
    const [running, second, third] = [job(ALICE), job(ALICE), job(ALICE)]
    for (const queued of [running, second, third]) await queue.enqueue(queued)
    expect(await queue.cancel(second.runId)).toBe(true)
    expect(cancelledWhileQueued).toEqual([second.runId])
    await vi.waitFor(() => expect(positions).toEqual([[third.runId, 1]]))
    expect(startedIds()).toEqual([running.runId])

    expect(await queue.cancel(running.runId)).toBe(true)
    const { signal } = started[0]!.context
    expect(signal.aborted).toBe(true)
    expect(signal.reason).toMatchObject({ code: "cancelled" })
    await new Promise((resolve) => setImmediate(resolve))
    expect(startedIds()).toEqual([running.runId, third.runId])
    expect(await queue.cancel(randomUUID())).toBe(false)
    expect(await queue.cancel(second.runId)).toBe(false)
  })

  it("on close lets running runs finish within the grace, ends waiting ones as lost, and refuses new ones", async () => {
    const { queue, worker, started, startedIds, end, lost } = harness(1)
    const [running, waiting] = [job(ALICE), job(ALICE)]
    await queue.enqueue(running)
    await queue.enqueue(waiting)
    expect(worker.active).toBe(1)
    const closed = worker.close(60_000)
    await new Promise((resolve) => setImmediate(resolve))
    expect(lost).toEqual([[waiting.runId, expect.stringContaining("restarted")]])
    expect(started[0]!.context.signal.aborted).toBe(false)
    await end(running.runId)
    await closed
    expect(startedIds()).toEqual([running.runId])
    expect(started[0]!.context.signal.aborted).toBe(false)
    await expect(queue.enqueue(job(BOB))).rejects.toSatisfy(
      (error) => StudioError.isInstance(error) && error.code === "interrupted",
    )
  })

  it("on close interrupts the runs still going when the grace is over", async () => {
    const { queue, worker, started } = harness(2)
    await queue.enqueue(job(ALICE))
    await queue.enqueue(job(BOB))
    await worker.close(0)
    expect(started.map((entry) => entry.context.signal.reason)).toEqual([
      expect.objectContaining({ code: "interrupted" }),
      expect.objectContaining({ code: "interrupted" }),
    ])
    expect(worker.active).toBe(0)
  })

  it("on close does not wait for ever on a run that ignores its abort, and says which run it left", async () => {
    const warnings: unknown[] = []
    const log = pino({ level: "warn" }, { write: (line: string) => warnings.push(JSON.parse(line)) })
    const stuck = job(ALICE)
    const { queue, worker } = createLocalQueue({
      userConcurrency: 1,
      hooks: { async onCancelledWhileQueued() {}, async onLost() {} },
      log,
      abortWaitMs: 50,
      // A run that never ends, whatever it is told.
      handler: () => new Promise<void>(() => undefined),
    })
    await queue.enqueue(stuck)
    await worker.close(0)
    expect(warnings).toEqual([
      expect.objectContaining({ runs: [stuck.runId], msg: "runs did not stop when interrupted" }),
    ])
  })
})
