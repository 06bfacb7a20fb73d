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
 * of runs that never reach a worker or whose worker lost them. Every start moves each waiting run up, so places are
 * written in batches, one transaction for all the runs whose place changed, and places that change faster than
 * they can be stored are coalesced: a watcher is told the newest, not every one in between. (One write per run made
 * a queue of n runs cost n² writes, which starved the rest of the database under load.)
 */
export function createQueueHooks(deps: { store: Store; bus: RunEventBus; log: Logger }): RunQueueHooks {
  const { store, bus, log } = deps
  const places = new Map<string, Place>()
  /** Runs whose latest place is not told yet. */
  let pending = new Set<string>()
  let flushing: Promise<void> | undefined

  const writeBatch = async (): Promise<void> => {
    const batch = [...pending].flatMap((runId) => {
      const place = places.get(runId)
      return place && place.told !== place.latest ? [{ runId, place, position: place.latest }] : []
    })
    pending = new Set()
    // Only while it waits: once a worker took a run, its seqs are the worker's.
    const stored = await store.events.appendEachWhileQueued(
      batch.map(({ runId, position }) => ({
        runId,
        make: (seq: number): StudioEvent => ({ type: "run_queued", runId, seq, ts: Date.now(), position }),
      })),
    )
    await Promise.all(
      batch.map(async ({ runId, place, position }) => {
        const event = stored.get(runId)
        if (!event) {
          places.delete(runId)
          return
        }
        place.told = position
        await bus.publish(event as StudioEvent)
      }),
    )
  }

  /** Settles once every place reported so far is told (or could not be). */
  const flush = (): Promise<void> => {
    flushing ??= (async () => {
      while (pending.size > 0) {
        await writeBatch().catch((error: unknown) =>
          log.warn({ err: error }, "could not tell waiting runs their place in the queue"),
        )
      }
    })().finally(() => (flushing = undefined))
    return flushing
  }

  const announce = (job: RunJob, position: number): Promise<void> => {
    let place = places.get(job.runId)
    if (!place) {
      place = { latest: position }
      places.set(job.runId, place)
      for (const runId of places.keys()) {
        if (places.size <= REMEMBERED_RUNS) break
        if (!pending.has(runId)) places.delete(runId)
      }
    }
    place.latest = position
    if (place.told !== position) pending.add(job.runId)
    return flush()
  }

  /** Lets a write in flight end before the run's closing events take the next seqs. */
  const forget = async (runId: string) => {
    places.delete(runId)
    pending.delete(runId)
    await flushing
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
