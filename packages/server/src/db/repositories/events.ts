import {
  parseOrThrow,
  storedRunFinishedEventSchema,
  studioEventSchema,
  type StoredRunFinishedEvent,
  type StudioEvent,
} from "@studio/protocol"
import { and, asc, eq, gt, inArray, max } from "drizzle-orm"
import { z } from "zod"
import type { StudioDb } from "../database"
import { runEvents, testRuns, type StoredEvent } from "../schema"

/** An event as read back: today's events, or a `run_finished` from before verdicts (runs/run-verdicts upgrades it). */
export type ReadEvent = StudioEvent | StoredRunFinishedEvent

const readEventSchema = z.union([studioEventSchema, storedRunFinishedEventSchema])

export type RunEvent = Omit<typeof runEvents.$inferSelect, "event"> & { event: ReadEvent }

/** Parses a stored event: one that does not parse was never written by this studio, an internal error. */
function readEvent(runId: string, seq: number, event: StoredEvent): ReadEvent {
  return parseOrThrow(readEventSchema, event, {
    code: "internal",
    subject: `stored event ${seq} of run ${runId}`,
  })
}

/** A run's events. No ownership check here: callers look the run up with runs.get(userId, runId) first. */
export function createEventRepository(db: StudioDb) {
  /**
   * appendWhileQueued for many runs in one transaction of four statements, whatever their number: a queue's places
   * change for every waiting run at once. Runs no longer queued are left out of the answer (and get nothing).
   */
  async function appendEachWhileQueued(
    entries: readonly { runId: string; make: (seq: number) => StoredEvent }[],
  ): Promise<Map<string, StoredEvent>> {
    const makers = new Map(entries.map((entry) => [entry.runId, entry.make]))
    if (makers.size === 0) return new Map()
    return db.transaction(async (tx) => {
      // Locked in one order, so two batches over the same runs cannot deadlock.
      const queued = await tx
        .select({ id: testRuns.id })
        .from(testRuns)
        .where(and(inArray(testRuns.id, [...makers.keys()]), eq(testRuns.status, "queued")))
        .orderBy(asc(testRuns.id))
        .for("update")
      if (queued.length === 0) return new Map()
      const ids = queued.map((run) => run.id)
      const last = await tx
        .select({ runId: runEvents.runId, seq: max(runEvents.seq) })
        .from(runEvents)
        .where(inArray(runEvents.runId, ids))
        .groupBy(runEvents.runId)
      const lastSeq = new Map(last.map((row) => [row.runId, row.seq ?? -1]))
      const stored = new Map<string, StoredEvent>()
      const rows = ids.map((runId) => {
        const seq = (lastSeq.get(runId) ?? -1) + 1
        const event = makers.get(runId)!(seq)
        stored.set(runId, event)
        return { runId, seq, type: event.type, event }
      })
      await tx.insert(runEvents).values(rows)
      return stored
    })
  }

  return {
    /** Stores one event (one insert); a repeated (runId, seq) is rejected by the primary key. */
    async append(runId: string, seq: number, event: StoredEvent): Promise<void> {
      await db.insert(runEvents).values({ runId, seq, type: event.type, event })
    },

    /**
     * Appends the event `make` builds with the run's next seq, only while the run is still queued; undefined (nothing
     * stored) once a worker took it or it ended. It locks the run's row, as runs.markStarted does, so the two never
     * pick the same seq.
     */
    async appendWhileQueued(
      runId: string,
      make: (seq: number) => StoredEvent,
    ): Promise<StoredEvent | undefined> {
      return (await appendEachWhileQueued([{ runId, make }])).get(runId)
    },

    appendEachWhileQueued,

    /** The events with seq > afterSeq, in order, at most `limit` (page on with the last seq returned). */
    async list(runId: string, afterSeq: number, limit = 1000): Promise<RunEvent[]> {
      const rows = await db
        .select()
        .from(runEvents)
        .where(and(eq(runEvents.runId, runId), gt(runEvents.seq, afterSeq)))
        .orderBy(asc(runEvents.seq))
        .limit(limit)
      return rows.map((row) => ({ ...row, event: readEvent(row.runId, row.seq, row.event) }))
    },

    /** The stored run_finished event of each of the runs that has one (the last, should there be several). */
    async runFinished(runIds: readonly string[]): Promise<Map<string, ReadEvent>> {
      if (runIds.length === 0) return new Map()
      const rows = await db
        .select({ runId: runEvents.runId, seq: runEvents.seq, event: runEvents.event })
        .from(runEvents)
        .where(and(inArray(runEvents.runId, [...runIds]), eq(runEvents.type, "run_finished")))
        .orderBy(asc(runEvents.seq))
      return new Map(rows.map((row) => [row.runId, readEvent(row.runId, row.seq, row.event)]))
    },

    /** The highest stored seq of the run; undefined when it has no events. */
    async lastSeq(runId: string): Promise<number | undefined> {
      const [row] = await db
        .select({ seq: max(runEvents.seq) })
        .from(runEvents)
        .where(eq(runEvents.runId, runId))
      return row?.seq ?? undefined
    },
  }
}
