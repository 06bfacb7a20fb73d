import type { Logger } from "pino"
import type { Store } from "../db/store"
import { endRunOutsidePipeline } from "./closing-events"
import type { RunEventBus } from "./run-queue"

export const STALE_RUN_CHECK_MS = 10_000
const LOST_MESSAGE = "The run queue lost this run (Redis was restarted or emptied)."

export interface StaleRunCheckOptions {
  store: Store
  bus: RunEventBus
  log: Logger
  /** Whether the shared queue still holds the run's job; throws when the queue cannot be reached. */
  jobExists(runId: string): Promise<boolean>
  intervalMs?: number
}

export interface StaleRunCheck {
  /** One pass (the timer runs them too); resolves with the runs it ended. */
  checkNow(): Promise<string[]>
  stop(): void
}

/**
 * With a shared queue, a run stays queued or running in PostgreSQL until its worker (or the queue's stall check) ends
 * it. When Redis loses the job itself (restarted without persistence, flushed), no one ever would: this ends such runs
 * interrupted. A run counts as lost when its job is missing in two passes in a row and it was queued before the first
 * of them, so a run recorded a moment before its job is added, or a job removed a moment before its run is ended, is
 * never taken for lost. While the queue cannot be reached, nothing is ended.
 */
export function startStaleRunCheck(options: StaleRunCheckOptions): StaleRunCheck {
  const { store, log } = options
  const intervalMs = options.intervalMs ?? STALE_RUN_CHECK_MS
  let missingLastPass = new Set<string>()
  let lastPassAt = Date.now()
  let checking: Promise<string[]> | undefined

  const pass = async (): Promise<string[]> => {
    const startedAt = Date.now()
    const missing = new Set<string>()
    const ended: string[] = []
    for (const run of await store.runs.listUnfinished()) {
      if (run.createdAt.getTime() >= lastPassAt) continue
      if (await options.jobExists(run.id)) continue
      if (!missingLastPass.has(run.id)) {
        missing.add(run.id)
        continue
      }
      if (await endRunOutsidePipeline(options, run.id, "interrupted", "interrupted", LOST_MESSAGE))
        ended.push(run.id)
    }
    missingLastPass = missing
    lastPassAt = startedAt
    if (ended.length > 0) log.warn({ runs: ended }, "ended runs the run queue no longer had")
    return ended
  }

  const checkNow = () => {
    checking ??= pass().finally(() => (checking = undefined))
    return checking
  }
  const timer = setInterval(() => {
    checkNow().catch((error: unknown) => log.warn({ err: error }, "the stale-run check could not run"))
  }, intervalMs)
  timer.unref()
  return { checkNow, stop: () => clearInterval(timer) }
}
