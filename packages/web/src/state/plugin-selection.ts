import type { PluginManifestInfo } from "@studio/protocol"

type Listed = Pick<PluginManifestInfo, "name" | "source">

/** What is on before the person chooses: every built-in step; a custom plugin runs only when chosen for a run. */
export function defaultPluginSelection(available: readonly Listed[]): string[] {
  return available.filter((plugin) => plugin.source !== "custom").map((plugin) => plugin.name)
}

/**
 * The `plugins` a run is sent with: none when the choice is the default (every built-in on, no custom plugin), so
 * the server runs its full execute stage; otherwise the chosen names that are listed, in the listed order.
 */
export function pluginsForRun(
  available: readonly Listed[],
  selected: readonly string[],
): string[] | undefined {
  const chosen = available.map((plugin) => plugin.name).filter((name) => selected.includes(name))
  const defaults = defaultPluginSelection(available)
  const isDefault = chosen.length === defaults.length && defaults.every((name) => chosen.includes(name))
  return isDefault ? undefined : chosen
}
