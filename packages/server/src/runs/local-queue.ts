import { StudioError } from "@studio/protocol"
import type { Logger } from "pino"
import { settlesWithin } from "../settles-within"
import {
  createWorkerId,
  type JobHandler,
  type QueueHooks,
  type QueueStats,
  type RunJob,
  type RunQueue,
  type RunWorker,
} from "./run-queue"

export interface LocalQueueOptions {
  handler: JobHandler
  hooks: QueueHooks
  /** Runs of one user running at once; the rest wait in the order they came. */
  userConcurrency: number
  log: Logger
  workerId?: string
  /** After the grace, how long close waits for interrupted runs to end (default 5 s). */
  abortWaitMs?: number
}

interface Waiting {
  job: RunJob
  queuedAt: number
  /** The place last reported to the hooks. */
  position: number
}

interface Running {
  job: RunJob
  controller: AbortController
  done: Promise<void>
}

/** Wait times older than this are dropped when nobody scrapes /metrics. */
const WAIT_WINDOW_MS = 60_000
const SHUTDOWN_MESSAGE = "The studio restarted during this run."
const POSITION_DELAY_MS = 250

/**
 * The embedded queue (no Redis): jobs run in this process with the handler as soon as their user has fewer than
 * `userConcurrency` runs going, with no cap over all users. A waiting job's position counts the runs that must start
 * or end before it may: 1 when it is its user's next, so a run that waits always has a position of at least 1.
 */
export function createLocalQueue(options: LocalQueueOptions): { queue: RunQueue; worker: RunWorker } {
  const { handler, hooks, userConcurrency, log } = options
  const abortWaitMs = options.abortWaitMs ?? 5_000
  const workerId = options.workerId ?? createWorkerId()
  const waiting: Waiting[] = []
  const running = new Map<string, Running>()
  const runningByUser = new Map<string, number>()
  let waits: { at: number; seconds: number }[] = []
  let closing = false

  const positionOf = (entry: Waiting) => {
    const ahead = waiting.filter((other) => other.job.userId === entry.job.userId)
    return (runningByUser.get(entry.job.userId) ?? 0) + ahead.indexOf(entry) - userConcurrency + 1
  }

  const start = (entry: Waiting) => {
    const { job } = entry
    const now = Date.now()
    waits = waits.filter((wait) => now - wait.at < WAIT_WINDOW_MS)
    waits.push({ at: now, seconds: (now - entry.queuedAt) / 1000 })
    runningByUser.set(job.userId, (runningByUser.get(job.userId) ?? 0) + 1)
    const controller = new AbortController()
    const done = handler(job, { signal: controller.signal, workerId })
      .catch((error: unknown) =>
        log.error({ err: error, runId: job.runId }, "run failed outside the pipeline"),
      )
      .finally(() => {
        running.delete(job.runId)
        const left = (runningByUser.get(job.userId) ?? 1) - 1
        if (left === 0) runningByUser.delete(job.userId)
        else runningByUser.set(job.userId, left)
        pump()
      })
    running.set(job.runId, { job, controller, done })
  }

  /** Starts every waiting job whose user has room, in order. */
  const startReady = () => {
    if (closing) return
    for (let index = 0; index < waiting.length;) {
      const entry = waiting[index]!
      if ((runningByUser.get(entry.job.userId) ?? 0) < userConcurrency) {
        waiting.splice(index, 1)
        start(entry)
      } else index++
    }
  }

  const reportPositions = () => {
    for (const entry of waiting) {
      const position = positionOf(entry)
      if (position !== entry.position) {
        entry.position = position
        hooks.onPosition?.(entry.job, position)
      }
    }
  }

  // Places are for people: reported at most every POSITION_DELAY_MS, so a burst of starts and ends (every one moves
  // each waiting run up) becomes one report per waiting run, not one per change.
  let reporting: NodeJS.Timeout | undefined
  const pump = () => {
    startReady()
    reporting ??= setTimeout(() => {
      reporting = undefined
      reportPositions()
    }, POSITION_DELAY_MS)
  }

  const queue: RunQueue = {
    async enqueue(job) {
      if (closing) throw new StudioError("interrupted", "The studio is shutting down; try again in a moment.")
      const entry: Waiting = { job, queuedAt: Date.now(), position: 0 }
      waiting.push(entry)
      startReady()
      if (!waiting.includes(entry)) return { position: 0 }
      // Its first place is the answer; only later changes go to onPosition.
      entry.position = positionOf(entry)
      return { position: entry.position }
    },
    async cancel(runId) {
      const index = waiting.findIndex((entry) => entry.job.runId === runId)
      if (index >= 0) {
        const [entry] = waiting.splice(index, 1)
        pump()
        await hooks.onCancelledWhileQueued(entry!.job)
        return true
      }
      const active = running.get(runId)
      if (!active) return false
      active.controller.abort(new StudioError("cancelled"))
      return true
    },
    async stats(): Promise<QueueStats> {
      const now = Date.now()
      const waitSeconds = waits.filter((wait) => now - wait.at < WAIT_WINDOW_MS).map((wait) => wait.seconds)
      waits = []
      return { waiting: waiting.length, activeByWorker: { [workerId]: running.size }, waitSeconds }
    },
    async close() {},
  }

  const worker: RunWorker = {
    workerId,
    get active() {
      return running.size
    },
    async close(graceMs) {
      closing = true
      clearTimeout(reporting)
      // Runs that never started end interrupted at once; running ones get the grace period.
      for (const entry of waiting.splice(0)) await hooks.onLost(entry.job, SHUTDOWN_MESSAGE)
      const all = Promise.allSettled([...running.values()].map((entry) => entry.done))
      await settlesWithin(all, graceMs)
      for (const entry of running.values())
        entry.controller.abort(new StudioError("interrupted", SHUTDOWN_MESSAGE))
      // An aborted run ends at its next await; one that ignores the abort is logged and not waited for (a run
      // leaves \`running\` when it ends, so what is left there is what did not stop).
      if (!(await settlesWithin(all, abortWaitMs)))
        log.warn({ runs: [...running.keys()] }, "runs did not stop when interrupted")
    },
  }
  return { queue, worker }
}
