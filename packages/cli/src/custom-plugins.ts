import path from "node:path"
import { loadCustomPlugins, type CustomPluginDefinition } from "@studio/engine"
import { StudioError } from "@studio/protocol"
import type { CliContext } from "./cli-context"

/**
 * The custom plugins of STUDIO_PLUGINS_DIR (relative to the command's folder), loaded and checked at the start of a
 * command that runs the toolchain; none when it is unset. A wrong manifest is `config_invalid` naming its file and
 * field (exit 2, main.ts).
 */
export async function loadConfiguredPlugins(
  context: Pick<CliContext, "env" | "cwd">,
): Promise<CustomPluginDefinition[]> {
  const folder = context.env.STUDIO_PLUGINS_DIR?.trim()
  if (!folder) return []
  return loadCustomPlugins(path.resolve(context.cwd, folder))
}

/** The custom plugins a command was asked to run (`--plugin NAME`), each of which must be loaded. */
export function chooseCustomPlugins(
  names: readonly string[],
  loaded: readonly CustomPluginDefinition[],
): string[] {
  const known = loaded.map((plugin) => plugin.manifest.name)
  const unknown = names.filter((name) => !known.includes(name))
  if (unknown.length > 0)
    throw new StudioError(
      "usage",
      `unknown plugin ${unknown.map((name) => JSON.stringify(name)).join(", ")}: ${
        known.length > 0
          ? `STUDIO_PLUGINS_DIR has ${known.join(", ")}`
          : "--plugin names a custom plugin of STUDIO_PLUGINS_DIR, and none is loaded"
      }`,
    )
  return [...new Set(names)]
}
