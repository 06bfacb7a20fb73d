import { pluginManifestSchema, parseOrThrow, type PluginManifestInfo } from "@studio/protocol"
import { and, asc, eq, notInArray, sql } from "drizzle-orm"
import { z } from "zod"
import type { StudioDb } from "../database"
import { pluginManifests } from "../schema"

export type PluginSource = "builtin"

const storedManifests = z.array(pluginManifestSchema)

/** The plugin registry: what GET /api/plugins lists and what a run may choose from. */
export function createPluginRepository(db: StudioDb) {
  const repository = {
    /** Inserts or replaces manifests by name; for a repeated name the last one wins. */
    async upsert(manifests: readonly PluginManifestInfo[], source: PluginSource = "builtin"): Promise<void> {
      // One statement may not update a row twice, so repeated names are collapsed first.
      const byName = new Map(manifests.map((manifest) => [manifest.name, manifest]))
      if (byName.size === 0) return
      const rows = [...byName.values()].map((manifest) => ({
        name: manifest.name,
        version: manifest.version,
        packageName: manifest.packageName,
        description: manifest.description,
        inputs: manifest.inputs,
        outputs: manifest.outputs,
        command: manifest.command,
        costEstimate: Math.round(manifest.costEstimate),
        compatibility: manifest.compatibility,
        source,
      }))
      const excluded = (column: string) => sql.raw(`excluded.${column}`)
      await db
        .insert(pluginManifests)
        .values(rows)
        .onConflictDoUpdate({
          target: pluginManifests.name,
          set: {
            version: excluded("version"),
            packageName: excluded("package_name"),
            description: excluded("description"),
            inputs: excluded("inputs"),
            outputs: excluded("outputs"),
            command: excluded("command"),
            costEstimate: excluded("cost_estimate"),
            compatibility: excluded("compatibility"),
            source: excluded("source"),
            updatedAt: sql`now()`,
          },
        })
    },

    /**
     * At start: the built-ins are exactly `manifests`; a built-in an earlier installation had and this one does not
     * is removed, so nothing is listed that no run can use.
     */
    async replaceBuiltins(manifests: readonly PluginManifestInfo[]): Promise<void> {
      await repository.upsert(manifests, "builtin")
      const names = manifests.map((manifest) => manifest.name)
      await db
        .delete(pluginManifests)
        .where(
          names.length > 0
            ? and(eq(pluginManifests.source, "builtin"), notInArray(pluginManifests.name, names))
            : eq(pluginManifests.source, "builtin"),
        )
    },

    /** Every registered plugin, by name, checked against the protocol's manifest schema as it is read. */
    async list(): Promise<PluginManifestInfo[]> {
      const rows = await db
        .select({
          name: pluginManifests.name,
          packageName: pluginManifests.packageName,
          version: pluginManifests.version,
          description: pluginManifests.description,
          inputs: pluginManifests.inputs,
          outputs: pluginManifests.outputs,
          command: pluginManifests.command,
          costEstimate: pluginManifests.costEstimate,
          compatibility: pluginManifests.compatibility,
        })
        .from(pluginManifests)
        .orderBy(asc(pluginManifests.name))
      return parseOrThrow(storedManifests, rows, { code: "internal", subject: "stored plugin manifests" })
    },
  }
  return repository
}
