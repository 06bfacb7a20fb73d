import { and, desc, eq, sql } from "drizzle-orm"
import type { StudioDb } from "../database"
import { projects } from "../schema"
import { isUuid } from "./uuid"

export type Project = typeof projects.$inferSelect

export function createProjectRepository(db: StudioDb) {
  const owned = (userId: string, id: string) => and(eq(projects.id, id), eq(projects.userId, userId))

  return {
    /** The user's projects, most recently updated first (a new version or a rename counts as an update). */
    list(userId: string): Promise<Project[]> {
      return db
        .select()
        .from(projects)
        .where(eq(projects.userId, userId))
        .orderBy(desc(projects.updatedAt), desc(projects.createdAt))
    },

    async create(userId: string, name: string): Promise<Project> {
      const [project] = await db.insert(projects).values({ userId, name }).returning()
      return project!
    },

    async get(userId: string, id: string): Promise<Project | undefined> {
      if (!isUuid(id)) return undefined
      const [project] = await db.select().from(projects).where(owned(userId, id))
      return project
    },

    async rename(userId: string, id: string, name: string): Promise<Project | undefined> {
      if (!isUuid(id)) return undefined
      const [project] = await db
        .update(projects)
        .set({ name, updatedAt: sql`now()` })
        .where(owned(userId, id))
        .returning()
      return project
    },
  }
}
