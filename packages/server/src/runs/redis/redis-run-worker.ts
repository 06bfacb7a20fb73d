import { randomBytes } from "node:crypto"
import { hostname } from "node:os"
import { Queue, Worker, type Job } from "bullmq"
import { StudioError, safeParse } from "@studio/protocol"
import { settlesWithin } from "../../settles-within"
import { runJobSchema, type JobHandler, type QueueHooks, type RunWorker } from "../run-queue"
import { createRunAdmission, STALLED_REASON } from "./run-admission"
import { createRunGate } from "./run-gate"
import {
  closeClient,
  createBullConnections,
  createRedisClient,
  DEFAULT_LOCK_DURATION_MS,
  DEFAULT_REDIS_PREFIX,
  DEFAULT_STALLED_INTERVAL_MS,
  QUEUE_NAME,
  redisKeys,
  reportErrorsOnce,
  silentLog,
  type RedisPartOptions,
} from "./redis-connection"

const SETTLE_ATTEMPTS = 5
const SETTLE_RETRY_MS = 1_000
/** After its handlers returned, how long a closing worker waits for BullMQ to record their ends and close. */
const CLOSE_AFTER_HANDLERS_MS = 5_000

export type RedisRunWorkerOptions = RedisPartOptions & {
  /** Jobs run at once by this worker (default 1). */
  concurrency?: number
  handler: JobHandler
  /** onLost is called here for lost runs this worker's stall check finds; the other hooks are the queue's. */
  hooks: Pick<QueueHooks, "onLost">
  workerId?: string
  lockDurationMs?: number
  stalledIntervalMs?: number
}

/**
 * The worker side of the run queue on BullMQ. A job is never retried: a stalled one (its worker was killed or lost
 * Redis) fails once and is reported through `hooks.onLost` by whichever process finds it (the gate lets one through,
 * and the run store only finishes an unfinished run, so a late or repeated report changes nothing).
 */
export function createRedisRunWorker(options: RedisRunWorkerOptions): RunWorker {
  const prefix = options.prefix ?? DEFAULT_REDIS_PREFIX
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`
  const log = options.log ?? silentLog
  const keys = redisKeys(prefix)

  const commands = createRedisClient(options, true, log, "run worker")
  const gate = createRunGate(commands, keys)
  const queue = new Queue(QUEUE_NAME, { connection: commands, prefix })
  reportErrorsOnce(queue, log, "run worker queue")
  const admission = createRunAdmission(queue, gate, log)
  /** This worker's runs: how to stop each, and when its handler (and the run's release) is done. */
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>()
  const allDone = () => Promise.all([...running.values()].map((entry) => entry.done))
  const abortAll = (reason: StudioError) => {
    for (const { controller } of running.values()) controller.abort(reason)
  }

  // One subscriber connection: cancels from any API instance, for whichever of this worker's runs they name.
  const cancels = createRedisClient(options, false, log, "run worker cancels")
  cancels.on("message", (_channel: string, runId: string) =>
    running.get(runId)?.controller.abort(cancelledReason()),
  )
  const listening = cancels.subscribe(keys.cancelChannel).catch((error: unknown) => {
    log.error({ err: error }, "run worker: not listening for cancels")
  })

  async function settleWithRetries(runId: string) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await admission.settle(runId)
        return
      } catch (error) {
        // Redis is down: the user's next run waits for it. Past the retries, the queue's sweep frees the slot.
        if (attempt === SETTLE_ATTEMPTS) {
          log.error({ err: error, runId }, "run worker: a finished run could not be released")
          return
        }
        await new Promise((resolve) => setTimeout(resolve, SETTLE_RETRY_MS))
      }
    }
  }

  async function processJob(bullJob: Job) {
    const runId = bullJob.id ?? ""
    const controller = new AbortController()
    let markDone = () => {}
    running.set(runId, { controller, done: new Promise((resolve) => (markDone = resolve)) })
    try {
      const parsed = safeParse(runJobSchema, bullJob.data)
      if (!parsed.success) {
        log.error({ runId }, "run worker: a job could not be read; dropped")
        return
      }
      await recordStart(bullJob, controller)
      await options.handler(parsed.data, { signal: controller.signal, workerId })
    } finally {
      await settleWithRetries(runId)
      running.delete(runId)
      markDone()
    }
  }

  async function recordStart(bullJob: Job, controller: AbortController) {
    try {
      await listening
      if ((await commands.exists(keys.cancelled(bullJob.id ?? ""))) === 1) controller.abort(cancelledReason())
      const waited = Math.max(0, (Date.now() - bullJob.timestamp) / 1000)
      await commands.multi().rpush(keys.waits, waited.toFixed(3)).ltrim(keys.waits, -1000, -1).exec()
    } catch (error) {
      // Bookkeeping only: the run goes on (a cancel still reaches it by message).
      log.warn({ err: error, runId: bullJob.id }, "run worker: start not recorded")
    }
  }

  const bullConnections = createBullConnections(options, log, "run worker")
  const worker = new Worker(QUEUE_NAME, processJob, {
    connection: bullConnections.connection,
    prefix,
    name: workerId,
    concurrency: options.concurrency ?? 1,
    maxStalledCount: 0,
    lockDuration: options.lockDurationMs ?? DEFAULT_LOCK_DURATION_MS,
    stalledInterval: options.stalledIntervalMs ?? DEFAULT_STALLED_INTERVAL_MS,
  })
  reportErrorsOnce(worker, log, "run worker")
  const settleLost = (runId: string) => {
    admission.settleLost(runId, options.hooks).catch((error: unknown) => {
      log.error({ err: error, runId }, "run worker: a lost run could not be settled")
    })
  }
  worker.on("stalled", settleLost)
  worker.on("failed", (job, error) => {
    if (job?.id && error.message === STALLED_REASON) settleLost(job.id)
  })
  // Cut off from Redis longer than the lock: the job will be found stalled and its run ended, so stop running it.
  worker.on("lockRenewalFailed", (runIds) => {
    for (const runId of runIds) {
      running
        .get(runId)
        ?.controller.abort(new StudioError("interrupted", "The worker lost its hold on the run."))
    }
  })

  return {
    workerId,
    get active() {
      return running.size
    },
    async close(graceMs) {
      const interrupted = new StudioError("interrupted", "The worker stopped during this run.")
      const closed = worker.close() // takes no more jobs
      let graceTimer: NodeJS.Timeout | undefined
      await Promise.race([allDone(), new Promise((resolve) => (graceTimer = setTimeout(resolve, graceMs)))])
      clearTimeout(graceTimer)
      abortAll(interrupted)
      await allDone()
      // BullMQ records the jobs' ends, then closes. Past the deadline (Redis down) the connections are ended here; a
      // job whose end was not recorded is found stalled later, and its run, finished already, stays as it is.
      await settlesWithin(closed, CLOSE_AFTER_HANDLERS_MS)
      abortAll(interrupted) // one fetched while closing began
      await allDone()
      bullConnections.disconnectAll()
      await settlesWithin(queue.close(), CLOSE_AFTER_HANDLERS_MS)
      await Promise.all([closeClient(cancels), closeClient(commands)])
    },
  }
}

function cancelledReason(): StudioError {
  return new StudioError("cancelled", "The run was cancelled.")
}
