import { readdir, readFile, realpath, stat } from "node:fs/promises"
import path from "node:path"
import { parseOrThrow, pluginFileSchema, StudioError, type PluginFile } from "@studio/protocol"
import { IMPORT_CHECK_SOURCE } from "./module-resolver"
import { isPluginId } from "./types"
import type { PluginManifest } from "./types"

/** A custom plugin as loaded from its folder: what is listed, and what runs. */
export interface CustomPluginDefinition {
  manifest: PluginManifest
  /** The plugin's folder (real path): read-only in the sandbox, `PLUGIN_DIR` in its environment. */
  dir: string
  /** The command with `node` and `$PLUGIN_DIR` resolved: the studio's Node or a file in `dir`, then its arguments. */
  argv: string[]
  /** Its own wall-clock limit, when plugin.json sets one (else the sandbox's). */
  timeoutMs?: number
}

/** Diagnostic sources of the studio's own that a plugin may not take as its name. */
const RESERVED_NAMES = new Set([IMPORT_CHECK_SOURCE, "sandbox"])
const MANIFEST_FILE = "plugin.json"
const MAX_MANIFEST_BYTES = 64 * 1024

/**
 * Loads every custom plugin of a folder (STUDIO_PLUGINS_DIR): one sub-folder per plugin, each with a `plugin.json`
 * (`pluginFileSchema`). Throws `config_invalid` naming the file and the field for the first one that is wrong, so
 * a server or a CLI stops at start rather than run without it. Folders starting with "." are ignored.
 *
 * @example
 * const custom = await loadCustomPlugins(env.STUDIO_PLUGINS_DIR) // [{ manifest: { name: "flags-console-log", ... }, ... }]
 */
export async function loadCustomPlugins(folder: string): Promise<CustomPluginDefinition[]> {
  const root = await realpath(folder).catch(() => undefined)
  if (root === undefined || !(await stat(root)).isDirectory())
    throw new StudioError(
      "config_invalid",
      `STUDIO_PLUGINS_DIR: ${folder} is not a folder (it holds one folder per plugin, each with a ${MANIFEST_FILE})`,
    )
  const names = (await readdir(root)).filter((name) => !name.startsWith(".")).sort()
  // A folder or a link to one (an operator may link a plugin in); files beside them are ignored.
  const isFolder = (name: string) =>
    stat(path.join(root, name)).then(
      (found) => found.isDirectory(),
      () => false,
    )
  const entries: string[] = []
  for (const name of names) if (await isFolder(name)) entries.push(name)
  const loaded: CustomPluginDefinition[] = []
  const fileOf = new Map<string, string>()
  for (const entry of entries) {
    const file = `${entry}/${MANIFEST_FILE}`
    const definition = await loadCustomPlugin(path.join(root, entry), file)
    const earlier = fileOf.get(definition.manifest.name)
    if (earlier !== undefined)
      throw invalid(
        file,
        `name: "${definition.manifest.name}" is already the name of the plugin in ${earlier}`,
      )
    fileOf.set(definition.manifest.name, file)
    loaded.push(definition)
  }
  return loaded
}

/** One plugin's folder; `file` names its plugin.json in errors (relative to STUDIO_PLUGINS_DIR). */
export async function loadCustomPlugin(dir: string, file = MANIFEST_FILE): Promise<CustomPluginDefinition> {
  const pluginDir = await realpath(dir)
  const manifestPath = path.join(pluginDir, MANIFEST_FILE)
  const size = await stat(manifestPath).then(
    (found) => (found.isFile() ? found.size : -1),
    () => -1,
  )
  if (size < 0)
    throw invalid(file, `missing: every folder of STUDIO_PLUGINS_DIR is a plugin with a ${MANIFEST_FILE}`)
  if (size > MAX_MANIFEST_BYTES) throw invalid(file, `larger than ${MAX_MANIFEST_BYTES / 1024} KiB`)
  let json: unknown
  try {
    json = JSON.parse(await readFile(manifestPath, "utf8"))
  } catch (error) {
    throw invalid(file, `not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  const parsed: PluginFile = parseOrThrow(pluginFileSchema, json, {
    code: "config_invalid",
    subject: `invalid plugin manifest ${file}`,
    allIssues: true,
  })
  if (isPluginId(parsed.name) || RESERVED_NAMES.has(parsed.name))
    throw invalid(file, `name: "${parsed.name}" is the name of a built-in plugin; choose another`)
  const argv = parsed.command.map((arg, index) => resolveArgument(arg, index, pluginDir, file))
  return {
    manifest: {
      name: parsed.name,
      source: "custom",
      packageName: parsed.packageName ?? parsed.name,
      version: parsed.version,
      description: parsed.description,
      inputs: parsed.inputs,
      outputs: parsed.outputs,
      command: parsed.command.map((arg) => (/[\s"']/.test(arg) ? JSON.stringify(arg) : arg)).join(" "),
      costEstimate: parsed.costEstimate,
      compatibility: parsed.compatibility,
    },
    dir: pluginDir,
    argv,
    ...(parsed.timeoutMs !== undefined ? { timeoutMs: parsed.timeoutMs } : {}),
  }
}

/** `$PLUGIN_DIR` at the start of an entry becomes the folder; the program is `node` or a file inside the folder. */
function resolveArgument(arg: string, index: number, pluginDir: string, file: string): string {
  const expanded = arg.replace(/^\$(?:PLUGIN_DIR|\{PLUGIN_DIR\})(?=\/|$)/, pluginDir)
  if (index > 0) return expanded
  if (expanded === "node") return process.execPath
  const program = path.resolve(pluginDir, expanded)
  if (!program.startsWith(pluginDir + path.sep))
    throw invalid(
      file,
      `command.0: must be "node" or a file inside the plugin's folder (e.g. "./bin/check"), not ${JSON.stringify(arg)}`,
    )
  return program
}

function invalid(file: string, problem: string): StudioError {
  return new StudioError("config_invalid", `invalid plugin manifest ${file}: ${problem}`)
}
