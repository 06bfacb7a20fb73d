import { computeVerdict, type Contract, type TestCaseResult, type Verdict } from "@studio/protocol"
import { and, desc, eq, inArray, max, sql } from "drizzle-orm"
import type { StudioDb } from "../database"
import { runEvents, testRuns, type FileMap, type RunStatus } from "../schema"
import { isUuid } from "./uuid"

/** The record of one generation run (table `testrun`). */
export type RunRecord = typeof testRuns.$inferSelect

export type NewRun = {
  /** The run id the events carry. */
  id: string
  userId: string
  projectId: string
  parentVersionId?: string | null
  prompt: string
  provider: string
  model: string
}

export type RunOutcome = {
  status: Exclude<RunStatus, "queued" | "running">
  success: boolean | null
  /** The run_finished verdict, and why it is not proven. */
  verdict?: Verdict | null
  verdictReasons?: string[] | null
  contract?: Contract | null
  /** What the scaffold stage wrote (not the files the run ended with: those are its version's). */
  scaffoldFiles?: FileMap | null
  /** The test files as they were last run. */
  testFiles?: FileMap | null
  testResults?: TestCaseResult[] | null
  repairAttempts?: number
  versionId?: string | null
}

const isRunning = eq(testRuns.status, "running")
const isUnfinished = inArray(testRuns.status, ["queued", "running"])

export function createRunRepository(db: StudioDb) {
  return {
    /** Records a run that waits for a worker (status "queued"; its `createdAt` is when it was queued). */
    async create(input: NewRun): Promise<RunRecord> {
      const [run] = await db.insert(testRuns).values(input).returning()
      return run!
    },

    /**
     * A worker takes a queued run: status "running", `startedAt`, `workerId`, and the seq its own events start at
     * (after any `run_queued` stored). One transaction that locks the run's row: a `run_queued` appended while it is
     * queued (events.appendWhileQueued takes the same lock) is either before it, and counted, or refused. Undefined
     * when the run is not queued (any more): it was cancelled or ended before a worker took it.
     */
    async markStarted(
      id: string,
      workerId: string,
    ): Promise<{ run: RunRecord; nextSeq: number } | undefined> {
      return db.transaction(async (tx) => {
        const [run] = await tx
          .update(testRuns)
          .set({ status: "running", startedAt: sql`now()`, workerId })
          .where(and(eq(testRuns.id, id), eq(testRuns.status, "queued")))
          .returning()
        if (!run) return undefined
        const [row] = await tx
          .select({ seq: max(runEvents.seq) })
          .from(runEvents)
          .where(eq(runEvents.runId, id))
        return { run, nextSeq: (row?.seq ?? -1) + 1 }
      })
    },

    /** Records how a run ended; undefined when it had already ended (queued or running only), so the first end wins. */
    async finish(id: string, outcome: RunOutcome): Promise<RunRecord | undefined> {
      const [run] = await db
        .update(testRuns)
        .set({ ...outcome, finishedAt: sql`now()` })
        .where(and(eq(testRuns.id, id), isUnfinished))
        .returning()
      return run
    },

    async get(userId: string, id: string): Promise<RunRecord | undefined> {
      if (!isUuid(id)) return undefined
      const [run] = await db
        .select()
        .from(testRuns)
        .where(and(eq(testRuns.id, id), eq(testRuns.userId, userId)))
      return run
    },

    /** The user's runs among `ids` (in no particular order); others' runs and unknown ids are left out. */
    async listByIds(userId: string, ids: readonly string[]): Promise<RunRecord[]> {
      const known = ids.filter(isUuid)
      if (known.length === 0) return []
      return db
        .select()
        .from(testRuns)
        .where(and(inArray(testRuns.id, known), eq(testRuns.userId, userId)))
    },

    /** The user's runs in a project, newest first; empty when the project is not the user's. */
    async listForProject(userId: string, projectId: string, limit: number): Promise<RunRecord[]> {
      if (!isUuid(projectId)) return []
      return db
        .select()
        .from(testRuns)
        .where(and(eq(testRuns.projectId, projectId), eq(testRuns.userId, userId)))
        .orderBy(desc(testRuns.createdAt))
        .limit(limit)
    },

    /**
     * At start-up of an in-process studio: every run still queued or running was cut off by the last stop; marks them
     * "interrupted" with the verdict of a run cut off (unverified, for `message`), returns their ids. (With a shared
     * queue, other processes' runs are theirs: not called there.)
     */
    async markInterrupted(message: string): Promise<string[]> {
      const { verdict, reasons } = computeVerdict({ tests: [], errors: [{ code: "interrupted", message }] })
      const runs = await db
        .update(testRuns)
        .set({ status: "interrupted", finishedAt: sql`now()`, verdict, verdictReasons: reasons })
        .where(isUnfinished)
        .returning({ id: testRuns.id })
      return runs.map((run) => run.id)
    },

    /** The runs still queued or running, and when each was queued (for the stale-run check of a shared queue). */
    async listUnfinished(): Promise<{ id: string; createdAt: Date }[]> {
      return db.select({ id: testRuns.id, createdAt: testRuns.createdAt }).from(testRuns).where(isUnfinished)
    },

    /** Ids of the runs with status "running". */
    async running(): Promise<string[]> {
      const runs = await db.select({ id: testRuns.id }).from(testRuns).where(isRunning)
      return runs.map((run) => run.id)
    },
  }
}
