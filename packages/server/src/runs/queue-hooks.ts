import type { StudioEvent } from "@studio/protocol"
import type { Logger } from "pino"
import type { Store } from "../db/store"
import { endRunOutsidePipeline } from "./closing-events"
import type { QueueHooks, RunEventBus, RunJob } from "./run-queue"

/** Places are remembered to drop repeats; a run's stops changing once it starts, so the oldest can go. */
const REMEMBERED_RUNS = 1000

interface Place {
  /** The newest place the queue reported. */
  latest: number
  /** The place last stored and published. */
  told?: number
  /** The write going on, if any; it goes on until `latest` is told. */
  telling?: Promise<void>
}

export interface RunQueueHooks extends QueueHooks {
  /**
   * Tells a run's watchers its place as `enqueue` answered it; skipped when the queue has already reported a newer
   * one through onPosition (the queue's reports are never older than its answer).
   */
  announceQueued(job: RunJob, position: number): Promise<void>
}

/**
 * What the API side does for the queue: `run_queued` events for waiting runs (stored, then published), and the end
 * of runs that never reach a worker or whose worker lost them. Places that change faster than they can be stored
 * are coalesced: a watcher is told the newest, not every one in between (with many runs waiting, every start moves
 * each of them up).
 */
export function createQueueHooks(deps: { store: Store; bus: RunEventBus; log: Logger }): RunQueueHooks {
  const { store, bus, log } = deps
  const places = new Map<string, Place>()

  const tell = async (runId: string, place: Place): Promise<void> => {
    while (place.told !== place.latest) {
      const position = place.latest
      // Only while it waits: once a worker took it, its seqs are the worker's.
      const stored = await store.events.appendWhileQueued(runId, (seq): StudioEvent => ({
        type: "run_queued",
        runId,
        seq,
        ts: Date.now(),
        position,
      }))
      if (!stored) {
        places.delete(runId)
        return
      }
      place.told = position
      await bus.publish(stored as StudioEvent)
    }
  }

  const announce = (job: RunJob, position: number): Promise<void> => {
    let place = places.get(job.runId)
    if (!place) {
      place = { latest: position }
      places.set(job.runId, place)
      for (const [runId, old] of places) {
        if (places.size <= REMEMBERED_RUNS) break
        if (!old.telling) places.delete(runId)
      }
    }
    place.latest = position
    const current = place
    current.telling ??= tell(job.runId, current)
      .catch((error: unknown) =>
        log.warn({ err: error, runId: job.runId }, "could not tell a run's place in the queue"),
      )
      .finally(() => (current.telling = undefined))
    return current.telling
  }

  /** Lets a write in flight end before the run's closing events take the next seqs. */
  const forget = async (runId: string) => {
    const place = places.get(runId)
    places.delete(runId)
    await place?.telling
  }

  return {
    announceQueued: (job, position) => (places.has(job.runId) ? Promise.resolve() : announce(job, position)),
    onPosition: (job, position) => void announce(job, position),
    async onCancelledWhileQueued(job) {
      await forget(job.runId)
      await endRunOutsidePipeline(
        deps,
        job.runId,
        "cancelled",
        "cancelled",
        "The run was cancelled before it started.",
      )
    },
    async onLost(job, reason) {
      await forget(job.runId)
      await endRunOutsidePipeline(deps, job.runId, "interrupted", "interrupted", reason)
    },
  }
}
