import { axeManifest } from "./axe"
import { isAbortError, pluginFailureDiagnostic, runDiagnostic } from "./diagnostic"
import { createEsbuildPlugin, esbuildManifest } from "./esbuild"
import { createEslintPlugin, eslintManifest } from "./eslint"
import { defineManifest } from "./manifest"
import { createPrettierPlugin, prettierManifest } from "./prettier"
import { createTailwindPlugin, tailwindManifest } from "./tailwind"
import { StudioError } from "@studio/protocol"
import { isPluginId, PLUGIN_IDS } from "./types"
import type {
  Diagnostic,
  PluginId,
  PluginName,
  PluginInput,
  PluginManifest,
  PluginResult,
  ToolchainPlugin,
} from "./types"
import { createTypeScriptPlugin, typescriptManifest } from "./typescript"

/** The vitest plugin runs tests in the sandbox and is registered by the engine; its manifest is known here. */
export const vitestManifest = defineManifest({
  name: "vitest",
  packageName: "vitest",
  description: "Runs the generated Vitest + Testing Library tests in the isolated sandbox.",
  inputs: [".test.ts", ".test.tsx"],
  outputs: ["test results", "diagnostics"],
  command: "vitest run",
  costEstimate: 1500,
  compatibility: ["node>=20.19", "vitest@4", "happy-dom", "sandbox"],
})

const KNOWN_MANIFESTS: Record<PluginId, PluginManifest> = {
  prettier: prettierManifest,
  eslint: eslintManifest,
  typescript: typescriptManifest,
  tailwind: tailwindManifest,
  esbuild: esbuildManifest,
  vitest: vitestManifest,
  axe: axeManifest,
}

export interface ToolchainRegistry {
  /**
   * Every known plugin's manifest in execute-stage order, whether or not it is registered, then the custom plugins
   * (`source: "custom"`) in the order they were given.
   */
  listManifests(): PluginManifest[]
  get(id: PluginName): ToolchainPlugin | undefined
  has(id: PluginName): boolean
  /** Runs a plugin; never throws: a missing package, a crash or a cancellation becomes a diagnostic. */
  runPlugin(id: PluginName, input: PluginInput): Promise<PluginResult>
  /** Warms the given plugins (all by default) before the first job; failures come back as diagnostics. */
  warmUp(ids?: readonly PluginName[]): Promise<Diagnostic[]>
  dispose(): Promise<void>
}

/**
 * The built-in plugins (prettier, eslint, typescript, tailwind, esbuild) plus `extra`, which adds vitest or
 * replaces a built-in, plus `custom` plugins (STUDIO_PLUGINS_DIR), whose names may be no built-in id (a clash is
 * `config_invalid`). Each registry keeps its own warm tools, so create one per process.
 *
 * @example
 * const toolchain = createToolchainRegistry({ vitest: sandboxVitestPlugin })
 * const { diagnostics, files } = await toolchain.runPlugin("prettier", { files })
 */
export function createToolchainRegistry(
  extra: Partial<Record<PluginId, ToolchainPlugin>> = {},
  custom: readonly ToolchainPlugin[] = [],
): ToolchainRegistry {
  const plugins: Partial<Record<PluginId, ToolchainPlugin>> = {
    prettier: createPrettierPlugin(),
    eslint: createEslintPlugin(),
    typescript: createTypeScriptPlugin(),
    tailwind: createTailwindPlugin(),
    esbuild: createEsbuildPlugin(),
  }
  for (const id of PLUGIN_IDS) {
    const plugin = extra[id]
    if (plugin !== undefined) plugins[id] = plugin
  }
  const manifestOf = (id: PluginId): PluginManifest => plugins[id]?.manifest ?? KNOWN_MANIFESTS[id]
  const customs = new Map<string, ToolchainPlugin>()
  for (const plugin of custom) {
    const { name } = plugin.manifest
    if (isPluginId(name) || customs.has(name))
      throw new StudioError(
        "config_invalid",
        `custom plugin "${name}": ${isPluginId(name) ? "the name of a built-in plugin" : "given twice"}; choose another name`,
      )
    customs.set(name, plugin)
  }
  const pluginOf = (id: PluginName) => (isPluginId(id) ? plugins[id] : customs.get(id))

  return {
    listManifests: () => [
      ...PLUGIN_IDS.map(manifestOf),
      ...[...customs.values()].map((plugin) => plugin.manifest),
    ],
    get: pluginOf,
    has: (id) => pluginOf(id) !== undefined,
    async runPlugin(id, input) {
      const started = performance.now()
      const failed = (diagnostic: Diagnostic): PluginResult => ({
        diagnostics: [diagnostic],
        durationMs: performance.now() - started,
      })
      // A function, not a narrowed property: the signal may fire while the plugin runs.
      const cancelled = (): boolean => input.signal?.aborted === true
      const plugin = pluginOf(id)
      if (plugin === undefined)
        return failed(runDiagnostic(id, `The ${id} plugin is not registered in this toolchain.`))
      if (cancelled()) return failed(runDiagnostic(id, `${id} was cancelled.`, "info"))
      try {
        return await plugin.run(input)
      } catch (error) {
        if (isAbortError(error) || cancelled()) {
          return failed(runDiagnostic(id, `${id} was cancelled.`, "info"))
        }
        return failed(pluginFailureDiagnostic(id, error, plugin.manifest.packageName))
      }
    },
    async warmUp(ids = PLUGIN_IDS) {
      const results = await Promise.all(
        ids.map(async (id) => {
          const plugin = pluginOf(id)
          try {
            await plugin?.warmUp?.()
            return []
          } catch (error) {
            return [pluginFailureDiagnostic(id, error, plugin?.manifest.packageName ?? id)]
          }
        }),
      )
      return results.flat()
    },
    async dispose() {
      await Promise.allSettled(
        [...Object.values(plugins), ...customs.values()].map((plugin) => plugin.dispose?.()),
      )
    },
  }
}
