import { Queue, QueueEvents, Worker } from "bullmq"
import { settlesWithin } from "../../settles-within"
import { runJobSchema, type QueueHooks, type QueueStats, type RunJob, type RunQueue } from "../run-queue"
import { createRunAdmission } from "./run-admission"
import { createRunGate } from "./run-gate"
import {
  closeClient,
  createBullConnections,
  createRedisClient,
  DEFAULT_COMMAND_TIMEOUT_MS,
  DEFAULT_REDIS_PREFIX,
  DEFAULT_STALLED_INTERVAL_MS,
  QUEUE_NAME,
  redisKeys,
  reportErrorsOnce,
  silentLog,
  whenConnected,
  withinDeadline,
  type RedisPartOptions,
} from "./redis-connection"
import { safeParse } from "@studio/protocol"

export const DEFAULT_USER_CONCURRENCY = 2
/** A run held back by its user's cap is parked as a BullMQ delayed job this far out, until the gate promotes it. */
const HELD_DELAY_MS = 365 * 24 * 60 * 60 * 1000
/** How often the queue repairs what a process that died mid-step left (an admitted run still parked, a run ended unreleased). */
const SWEEP_INTERVAL_MS = 30_000
/** Position updates are batched: many jobs start at once under load. */
const POSITION_DEBOUNCE_MS = 200

export type RedisRunQueueOptions = RedisPartOptions & {
  /** Runs of one user running at once (default 2); the rest wait, in order. */
  userConcurrency?: number
  hooks: QueueHooks
  /** How long enqueue and cancel wait for Redis before throwing "unavailable" (default 2 s). */
  commandTimeoutMs?: number
  stalledIntervalMs?: number
}

/**
 * The API side of the run queue on BullMQ: a job per run (jobId = runId), a per-user cap in Redis, cancel that reaches
 * the worker holding a run in any process, and a stall check of its own, so a run whose worker was killed is found
 * even when no worker is left.
 */
export function createRedisRunQueue(options: RedisRunQueueOptions): RunQueue {
  const prefix = options.prefix ?? DEFAULT_REDIS_PREFIX
  const userConcurrency = options.userConcurrency ?? DEFAULT_USER_CONCURRENCY
  if (!Number.isInteger(userConcurrency) || userConcurrency < 1) {
    throw new Error(`The per-user run cap must be a positive whole number (got ${userConcurrency}).`)
  }
  const timeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS
  const log = options.log ?? silentLog
  const { hooks } = options
  const keys = redisKeys(prefix)

  const commands = createRedisClient(options, true, log, "run queue")
  const gate = createRunGate(commands, keys)
  const queue = new Queue(QUEUE_NAME, { connection: commands, prefix })
  reportErrorsOnce(queue, log, "run queue")
  const admission = createRunAdmission(queue, gate, log)
  const waitKey = queue.toKey("wait")

  // A worker that takes no jobs (no processor): it only runs BullMQ's stall check. The check is throttled in Redis
  // to once per interval across all processes, and the process whose check finds a job is the one told about it.
  const bullConnections = createBullConnections(options, log, "run queue")
  const stallChecker = new Worker(QUEUE_NAME, undefined, {
    connection: bullConnections.connection,
    prefix,
    autorun: false,
    maxStalledCount: 0,
    stalledInterval: options.stalledIntervalMs ?? DEFAULT_STALLED_INTERVAL_MS,
  })
  reportErrorsOnce(stallChecker, log, "run queue stall check")
  stallChecker.on("stalled", (runId) => {
    admission.settleLost(runId, hooks).catch((error: unknown) => {
      log.error({ err: error, runId }, "run queue: a lost run could not be settled")
    })
  })
  void stallChecker.startStalledCheckTimer()

  // Places of the runs this process queued, updated when a job starts or leaves (not by polling each job).
  const tracked = new Map<string, { job: RunJob; position: number }>()
  const queueEvents = new QueueEvents(QUEUE_NAME, { connection: bullConnections.connection, prefix })
  reportErrorsOnce(queueEvents, log, "run queue events")
  let positionTimer: NodeJS.Timeout | undefined
  const positionsChanged = () => {
    if (positionTimer || tracked.size === 0 || !hooks.onPosition) return
    positionTimer = setTimeout(() => {
      positionTimer = undefined
      updatePositions().catch((error: unknown) =>
        log.warn({ err: error }, "run queue: positions not updated"),
      )
    }, POSITION_DEBOUNCE_MS)
  }
  queueEvents.on("active", ({ jobId }) => {
    tracked.delete(jobId)
    positionsChanged()
  })
  queueEvents.on("removed", ({ jobId }) => {
    tracked.delete(jobId)
    positionsChanged()
  })
  queueEvents.on("waiting", positionsChanged)

  async function waitingAhead(runId: string): Promise<number> {
    const [length, index] = await Promise.all([commands.llen(waitKey), commands.lpos(waitKey, runId)])
    // BullMQ pushes on the left and workers take from the right: the jobs to its right start first.
    return index === null ? 0 : length - 1 - index
  }

  async function positionOf(job: RunJob): Promise<number | undefined> {
    const held = await gate.heldAhead(job.runId, job.userId)
    if (held !== undefined) return held + (await commands.llen(waitKey))
    const index = await commands.lpos(waitKey, job.runId)
    if (index === null) return undefined
    return (await commands.llen(waitKey)) - 1 - index
  }

  async function updatePositions() {
    for (const [runId, entry] of tracked) {
      const position = await positionOf(entry.job)
      if (position === undefined || position === entry.position || !tracked.has(runId)) continue
      entry.position = position
      hooks.onPosition?.(entry.job, position)
    }
  }

  // Repairs after a process died between two steps: an admitted run still parked is promoted; a recorded run whose
  // job is gone ended without its release (a worker that lost Redis at the end), so its user's slot is freed. Gone
  // in two sweeps in a row, not one: a cancel removes the job a moment before it releases the run.
  let goneLastSweep = new Set<string>()
  async function sweep() {
    const gone = new Set<string>()
    for (const runId of await commands.hkeys(keys.gateRuns)) {
      const state = await queue.getJobState(runId)
      if (state === "unknown") {
        if (goneLastSweep.has(runId)) await admission.settle(runId)
        else gone.add(runId)
      } else if (state === "delayed") {
        const job = await queue.getJob(runId)
        const parsed = safeParse(runJobSchema, job?.data)
        if (parsed.success && (await commands.sismember(keys.userActive(parsed.data.userId), runId)) === 1) {
          await admission.promote([runId])
        }
      }
    }
    goneLastSweep = gone
  }
  const sweepTimer = setInterval(() => {
    sweep().catch((error: unknown) => log.warn({ err: error }, "run queue: sweep failed"))
  }, SWEEP_INTERVAL_MS)
  sweepTimer.unref()

  return {
    async enqueue(input) {
      const job = runJobSchema.parse(input)
      const position = await withinDeadline(async () => {
        await whenConnected(commands, timeoutMs)
        // The job exists before the gate knows the run, so the gate never admits a run BullMQ does not have.
        await queue.add(job.kind, job, {
          jobId: job.runId,
          delay: HELD_DELAY_MS,
          attempts: 1,
          removeOnComplete: true,
          removeOnFail: true,
        })
        const admitted = await gate.admit(job.runId, job.userId, JSON.stringify(job), userConcurrency)
        if (!admitted.admitted) return admitted.heldAhead + (await commands.llen(waitKey))
        await admission.promote([job.runId])
        return waitingAhead(job.runId)
      }, timeoutMs)
      tracked.set(job.runId, { job, position })
      return { position }
    },

    async cancel(runId) {
      return withinDeadline(async () => {
        await whenConnected(commands, timeoutMs)
        const state = await queue.getJobState(runId)
        if (state === "delayed" || state === "waiting" || state === "prioritized") {
          // 1: removed; 0: a worker took it meanwhile (it is active now, so it is cancelled there).
          if ((await queue.remove(runId)) === 1) {
            tracked.delete(runId)
            const job = await admission.settle(runId)
            if (job) await hooks.onCancelledWhileQueued(job)
            return true
          }
        } else if (state !== "active") return false
        // The marker covers a worker that has the job but has not yet started listening for its cancel.
        await commands.set(keys.cancelled(runId), "1", "EX", 3600)
        await commands.publish(keys.cancelChannel, runId)
        return true
      }, timeoutMs)
    },

    async stats(): Promise<QueueStats> {
      return withinDeadline(async () => {
        await whenConnected(commands, timeoutMs)
        const [waiting, delayed, active, drained] = await Promise.all([
          queue.getWaitingCount(),
          queue.getDelayedCount(),
          queue.getActive(),
          commands.multi().lrange(keys.waits, 0, -1).del(keys.waits).exec(),
        ])
        const activeByWorker: Record<string, number> = {}
        for (const job of active) {
          const workerId = job.processedBy ?? "unknown"
          activeByWorker[workerId] = (activeByWorker[workerId] ?? 0) + 1
        }
        const waits = drained?.[0]?.[1]
        return {
          // Delayed jobs are only ever the runs held back by the cap.
          waiting: waiting + delayed,
          activeByWorker,
          waitSeconds: Array.isArray(waits) ? waits.map(Number).filter(Number.isFinite) : [],
        }
      }, timeoutMs)
    },

    async close() {
      clearInterval(sweepTimer)
      clearTimeout(positionTimer)
      await settlesWithin(
        Promise.allSettled([queueEvents.close(), stallChecker.close(), queue.close()]),
        timeoutMs,
      )
      bullConnections.disconnectAll()
      await closeClient(commands)
    },
  }
}
