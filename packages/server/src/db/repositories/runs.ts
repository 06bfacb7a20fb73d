import type { Contract, TestCaseResult } from "@studio/protocol"
import { and, desc, eq, inArray, sql } from "drizzle-orm"
import type { StudioDb } from "../database"
import { testRuns, type FileMap, type RunStatus } from "../schema"
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
  status: Exclude<RunStatus, "running">
  success: boolean | null
  contract?: Contract | null
  scaffoldFiles?: FileMap | null
  testFiles?: FileMap | null
  testResults?: TestCaseResult[] | null
  repairAttempts?: number
  versionId?: string | null
}

const isRunning = eq(testRuns.status, "running")

export function createRunRepository(db: StudioDb) {
  return {
    /** Records a run that has started (status "running"). */
    async create(input: NewRun): Promise<RunRecord> {
      const [run] = await db.insert(testRuns).values(input).returning()
      return run!
    },

    /** Records how a running run ended; undefined when it is not running (any more), so the first end wins. */
    async finish(id: string, outcome: RunOutcome): Promise<RunRecord | undefined> {
      const [run] = await db
        .update(testRuns)
        .set({ ...outcome, finishedAt: sql`now()` })
        .where(and(eq(testRuns.id, id), isRunning))
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

    /** At start-up: every run still "running" was cut off by a restart; marks them "interrupted", returns their ids. */
    async markInterrupted(): Promise<string[]> {
      const runs = await db
        .update(testRuns)
        .set({ status: "interrupted", finishedAt: sql`now()` })
        .where(isRunning)
        .returning({ id: testRuns.id })
      return runs.map((run) => run.id)
    },

    /** Ids of the runs with status "running". */
    async running(): Promise<string[]> {
      const runs = await db.select({ id: testRuns.id }).from(testRuns).where(isRunning)
      return runs.map((run) => run.id)
    },
  }
}
