import type { Queue } from "bullmq"
import { runJobSchema, type QueueHooks, type RunJob } from "../run-queue"
import { parseJson, type RedisLog } from "./redis-connection"
import type { RunGate } from "./run-gate"
import { safeParse } from "@studio/protocol"

/** BullMQ's reason for a job whose lock ran out more often than maxStalledCount allows (0 here: once). */
export const STALLED_REASON = "job stalled more than allowable limit"

/**
 * A run's end as the gate sees it, shared by the queue (cancel, lost runs its stall check finds) and the workers
 * (runs they finish, lost runs they find): forget the run, start its user's next held runs.
 */
export interface RunAdmission {
  /** Ends the run in the gate; its job, or undefined when another call (maybe in another process) ended it first. */
  settle(runId: string): Promise<RunJob | undefined>
  /** A job found stalled (its worker died or lost Redis): takes it out of BullMQ and tells the hooks, once. */
  settleLost(runId: string, hooks: Pick<QueueHooks, "onLost">): Promise<void>
  /** Moves admitted runs from their parking place (delayed) to the waiting list. */
  promote(runIds: string[]): Promise<void>
}

export function createRunAdmission(queue: Queue, gate: RunGate, log: RedisLog): RunAdmission {
  async function promote(runIds: string[]) {
    for (const runId of runIds) {
      try {
        const job = await queue.getJob(runId)
        if (job && (await job.getState()) === "delayed") await job.promote()
      } catch (error) {
        // Cancelled or started meanwhile; if Redis failed instead, the queue's sweep promotes it later.
        log.warn({ err: error, runId }, "run queue: an admitted run could not be promoted now")
      }
    }
  }

  async function settle(runId: string): Promise<RunJob | undefined> {
    const released = await gate.release(runId)
    if (!released) return undefined
    await promote(released.admittedRunIds)
    const parsed = safeParse(runJobSchema, parseJson(released.jobJson))
    if (!parsed.success) {
      log.error({ runId }, "run queue: a recorded run could not be read")
      return undefined
    }
    return parsed.data
  }

  return {
    settle,
    promote,
    async settleLost(runId, hooks) {
      // The stall check moved it back to waiting (with a deferred failure, so no worker runs it again): take it out.
      // A worker that grabbed it first fails it instead and comes here too; the gate lets only one through.
      await queue.remove(runId).catch(() => 0)
      const job = await settle(runId)
      if (job) await hooks.onLost(job, "Its worker stopped answering (killed, or cut off from Redis).")
    },
  }
}
