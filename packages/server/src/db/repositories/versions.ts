import type { Contract } from "@studio/protocol"
import { StudioError } from "@studio/protocol"
import { and, asc, desc, eq, getTableColumns, sql } from "drizzle-orm"
import type { StudioDb } from "../database"
import { projects, versions, type FileMap } from "../schema"
import { isUuid } from "./uuid"

export type Version = typeof versions.$inferSelect

export type NewVersion = {
  projectId: string
  parentVersionId?: string | null
  prompt: string
  files: FileMap
  contract?: Contract | null
  report?: Record<string, unknown> | null
  runId?: string | null
}

export function createVersionRepository(db: StudioDb) {
  // Versions belong to users through their project.
  const selectOwned = (userId: string) =>
    db
      .select(getTableColumns(versions))
      .from(versions)
      .innerJoin(projects, and(eq(projects.id, versions.projectId), eq(projects.userId, userId)))

  return {
    /**
     * Stores the project's next version (v1, v2, ...) and marks the project updated.
     * Throws StudioError "not_found" when the project does not exist.
     */
    create(input: NewVersion): Promise<Version> {
      return db.transaction(async (tx) => {
        // Updating the project row locks it, so concurrent creates for one project take turns and each
        // sees the others' numbers; the unique (project_id, number) constraint backs this up.
        const [project] = await tx
          .update(projects)
          .set({ updatedAt: sql`now()` })
          .where(eq(projects.id, input.projectId))
          .returning({ id: projects.id })
        if (project === undefined) throw new StudioError("not_found", "Project not found.")
        const [last] = await tx
          .select({ number: sql<number>`coalesce(max(${versions.number}), 0)`.mapWith(Number) })
          .from(versions)
          .where(eq(versions.projectId, input.projectId))
        const [version] = await tx
          .insert(versions)
          .values({ ...input, number: (last?.number ?? 0) + 1 })
          .returning()
        return version!
      })
    },

    /** The project's versions by number; empty when the project is not the user's. */
    async list(userId: string, projectId: string): Promise<Version[]> {
      if (!isUuid(projectId)) return []
      return selectOwned(userId).where(eq(versions.projectId, projectId)).orderBy(asc(versions.number))
    },

    async get(userId: string, id: string): Promise<Version | undefined> {
      if (!isUuid(id)) return undefined
      const [version] = await selectOwned(userId).where(eq(versions.id, id))
      return version
    },

    async latest(userId: string, projectId: string): Promise<Version | undefined> {
      if (!isUuid(projectId)) return undefined
      const [version] = await selectOwned(userId)
        .where(eq(versions.projectId, projectId))
        .orderBy(desc(versions.number))
        .limit(1)
      return version
    },
  }
}
