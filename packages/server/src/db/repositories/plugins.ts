import {
  pluginManifestSchema,
  parseOrThrow,
  type PluginManifestInfo,
  type PluginSource,
} from "@studio/protocol"
import { and, asc, eq, getTableColumns, notInArray, sql } from "drizzle-orm"
import { z } from "zod"
import type { StudioDb } from "../database"
import { pluginManifests } from "../schema"

const storedManifests = z.array(pluginManifestSchema)

/** A manifest to store; without a source it is a built-in. */
type ManifestToStore = Omit<PluginManifestInfo, "source"> & { source?: PluginSource }

/** On a repeated name, every column but the key takes the new row's value (`excluded.<column>`). */
const REPLACED_COLUMNS = Object.fromEntries(
  Object.entries(getTableColumns(pluginManifests))
    .filter(([, column]) => !column.primary && column.name !== "updated_at")
    .map(([key, column]) => [key, sql.raw(`excluded.${column.name}`)]),
)

/** The plugin registry: what GET /api/plugins lists and what a run may choose from. */
export function createPluginRepository(db: StudioDb) {
  const repository = {
    /** Inserts or replaces manifests by name; for a repeated name the last one wins. */
    async upsert(manifests: readonly ManifestToStore[]): Promise<void> {
      // One statement may not update a row twice, so repeated names are collapsed first.
      const byName = new Map(manifests.map((manifest) => [manifest.name, manifest]))
      if (byName.size === 0) return
      const rows = [...byName.values()].map((manifest) => ({
        ...manifest,
        costEstimate: Math.round(manifest.costEstimate),
        source: manifest.source ?? "builtin",
      }))
      await db
        .insert(pluginManifests)
        .values(rows)
        .onConflictDoUpdate({
          target: pluginManifests.name,
          set: { ...REPLACED_COLUMNS, updatedAt: sql`now()` },
        })
    },

    /**
     * At start: the built-ins are exactly `manifests`; a built-in an earlier installation had and this one does not
     * is removed, so nothing is listed that no run can use.
     */
    async replaceBuiltins(manifests: readonly ManifestToStore[]): Promise<void> {
      await repository.replaceSource(
        "builtin",
        manifests.map((manifest) => ({ ...manifest, source: "builtin" })),
      )
    },

    /** At start: the custom plugins (STUDIO_PLUGINS_DIR) are exactly `manifests`; one taken out of the folder goes. */
    async replaceCustom(manifests: readonly ManifestToStore[]): Promise<void> {
      await repository.replaceSource(
        "custom",
        manifests.map((manifest) => ({ ...manifest, source: "custom" })),
      )
    },

    /** The rows of one source are exactly `manifests` (upserted; the others of that source removed). */
    async replaceSource(source: PluginSource, manifests: readonly ManifestToStore[]): Promise<void> {
      await repository.upsert(manifests)
      const names = manifests.map((manifest) => manifest.name)
      await db
        .delete(pluginManifests)
        .where(
          names.length > 0
            ? and(eq(pluginManifests.source, source), notInArray(pluginManifests.name, names))
            : eq(pluginManifests.source, source),
        )
    },

    /** Every registered plugin, by name, checked against the protocol's manifest schema as it is read. */
    async list(): Promise<PluginManifestInfo[]> {
      // The schema keeps the manifest's fields and drops the table's own (source, updated_at).
      const rows = await db.select().from(pluginManifests).orderBy(asc(pluginManifests.name))
      return parseOrThrow(storedManifests, rows, { code: "internal", subject: "stored plugin manifests" })
    },
  }
  return repository
}
