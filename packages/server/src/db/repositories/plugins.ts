import { asc, sql } from "drizzle-orm"
import type { StudioDb } from "../database"
import { pluginManifests, type PluginManifest } from "../schema"

export function createPluginRepository(db: StudioDb) {
  return {
    /** Inserts or replaces manifests by id; for a repeated id the last one wins. */
    async upsert(manifests: readonly PluginManifest[]): Promise<void> {
      // One statement may not update a row twice, so repeated ids are collapsed first.
      const byId = new Map(manifests.map((manifest) => [manifest.id, manifest]))
      if (byId.size === 0) return
      await db
        .insert(pluginManifests)
        .values([...byId.values()].map((manifest) => ({ id: manifest.id, manifest })))
        .onConflictDoUpdate({
          target: pluginManifests.id,
          set: { manifest: sql`excluded.manifest`, updatedAt: sql`now()` },
        })
    },

    /** Every stored manifest, by id. */
    async list(): Promise<PluginManifest[]> {
      const rows = await db
        .select({ manifest: pluginManifests.manifest })
        .from(pluginManifests)
        .orderBy(asc(pluginManifests.id))
      return rows.map((row) => row.manifest)
    },
  }
}
