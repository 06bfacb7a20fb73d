import { and, desc, eq } from "drizzle-orm"
import type { StudioDb } from "../database"
import { studioObservations } from "../schema"
import { isUuid } from "./uuid"

/** What one run taught us (table `studioobservation`), with the user's vote once given. */
export type Observation = typeof studioObservations.$inferSelect

export type NewObservation = {
  runId: string
  userId: string
  projectId: string
  promptHash: string
  /** Unified diff of the new version against its parent. */
  diffPatch: string
  testMetrics: Record<string, number>
  latencyMs: number
}

export function createObservationRepository(db: StudioDb) {
  return {
    /** Stores an observation and returns its id. */
    async create(input: NewObservation): Promise<string> {
      const [row] = await db.insert(studioObservations).values(input).returning({ id: studioObservations.id })
      return row!.id
    },

    /** Records the user's vote; false when the observation does not exist or is another user's. */
    async setSatisfaction(userId: string, id: string, satisfaction: 1 | -1): Promise<boolean> {
      if (!isUuid(id)) return false
      const rows = await db
        .update(studioObservations)
        .set({ userSatisfaction: satisfaction })
        .where(and(eq(studioObservations.id, id), eq(studioObservations.userId, userId)))
        .returning({ id: studioObservations.id })
      return rows.length > 0
    },

    /** The user's observations, newest first. */
    list(userId: string, limit = 100): Promise<Observation[]> {
      return db
        .select()
        .from(studioObservations)
        .where(eq(studioObservations.userId, userId))
        .orderBy(desc(studioObservations.createdAt))
        .limit(limit)
    },
  }
}
