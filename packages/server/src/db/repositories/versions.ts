import {
  contractSchema,
  parseOrThrow,
  StudioError,
  type storedVersionReportSchema,
  upgradeVersionReport,
  type Contract,
  type VersionReport,
} from "@studio/protocol"
import { and, asc, desc, eq, getTableColumns, sql } from "drizzle-orm"
import type { z } from "zod"
import type { StudioDb } from "../database"
import { projects, versions, type FileMap } from "../schema"
import { isUuid } from "./uuid"

type VersionRow = typeof versions.$inferSelect

/** A stored version as read: its contract and report parsed (a report from before verdicts gets one). */
export type Version = Omit<VersionRow, "contract" | "report"> & {
  contract: Contract | null
  report: VersionReport | null
}

export type NewVersion = {
  projectId: string
  parentVersionId?: string | null
  prompt: string
  files: FileMap
  contract?: Contract | null
  /** Today's report, or one in an earlier stored shape (tests of the upgrade store those). */
  report?: z.input<typeof storedVersionReportSchema> | null
  runId?: string | null
  /** Tests as the spec: the given tests' job paths (absent or null: generated tests). */
  givenTests?: string[] | null
}

/** Parses the jsonb columns of a stored version: a contract that no longer parses is an internal error. */
function readVersion(row: VersionRow): Version {
  const contract =
    row.contract === null
      ? null
      : parseOrThrow(contractSchema, row.contract, {
          code: "internal",
          subject: `stored contract of version ${row.id}`,
        })
  // A report that is not one (never written by this studio) reads as no report, as it always has.
  const report = row.report === null ? null : (upgradeVersionReport(row.report) ?? null)
  return { ...row, contract, report }
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
        return readVersion(version!)
      })
    },

    /** The project's versions by number; empty when the project is not the user's. */
    async list(userId: string, projectId: string): Promise<Version[]> {
      if (!isUuid(projectId)) return []
      const rows = await selectOwned(userId)
        .where(eq(versions.projectId, projectId))
        .orderBy(asc(versions.number))
      return rows.map(readVersion)
    },

    async get(userId: string, id: string): Promise<Version | undefined> {
      if (!isUuid(id)) return undefined
      const [version] = await selectOwned(userId).where(eq(versions.id, id))
      return version && readVersion(version)
    },

    async latest(userId: string, projectId: string): Promise<Version | undefined> {
      if (!isUuid(projectId)) return undefined
      const [version] = await selectOwned(userId)
        .where(eq(versions.projectId, projectId))
        .orderBy(desc(versions.number))
        .limit(1)
      return version && readVersion(version)
    },
  }
}
