import { isAbortError, pluginFailureDiagnostic, runDiagnostic } from "./diagnostic"
import { createEsbuildPlugin, esbuildManifest } from "./esbuild"
import { createEslintPlugin, eslintManifest } from "./eslint"
import { defineManifest } from "./manifest"
import { createPrettierPlugin, prettierManifest } from "./prettier"
import { createTailwindPlugin, tailwindManifest } from "./tailwind"
import { PLUGIN_IDS } from "./types"
import type {
  Diagnostic,
  PluginId,
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
}

export interface ToolchainRegistry {
  /** Every known plugin's manifest in execute-stage order, whether or not it is registered. */
  listManifests(): PluginManifest[]
  get(id: PluginId): ToolchainPlugin | undefined
  has(id: PluginId): boolean
  /** Runs a plugin; never throws: a missing package, a crash or a cancellation becomes a diagnostic. */
  runPlugin(id: PluginId, input: PluginInput): Promise<PluginResult>
  /** Warms the given plugins (all by default) before the first job; failures come back as diagnostics. */
  warmUp(ids?: readonly PluginId[]): Promise<Diagnostic[]>
  dispose(): Promise<void>
}

/**
 * The built-in plugins (prettier, eslint, typescript, tailwind, esbuild) plus `extra`, which adds vitest or
 * replaces a built-in. Each registry keeps its own warm tools, so create one per process.
 *
 * @example
 * const toolchain = createToolchainRegistry({ vitest: sandboxVitestPlugin })
 * const { diagnostics, files } = await toolchain.runPlugin("prettier", { files })
 */
export function createToolchainRegistry(
  extra: Partial<Record<PluginId, ToolchainPlugin>> = {},
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

  return {
    listManifests: () => PLUGIN_IDS.map(manifestOf),
    get: (id) => plugins[id],
    has: (id) => plugins[id] !== undefined,
    async runPlugin(id, input) {
      const started = performance.now()
      const failed = (diagnostic: Diagnostic): PluginResult => ({
        diagnostics: [diagnostic],
        durationMs: performance.now() - started,
      })
      // A function, not a narrowed property: the signal may fire while the plugin runs.
      const cancelled = (): boolean => input.signal?.aborted === true
      const plugin = plugins[id]
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
          const plugin = plugins[id]
          try {
            await plugin?.warmUp?.()
            return []
          } catch (error) {
            return [pluginFailureDiagnostic(id, error, manifestOf(id).packageName)]
          }
        }),
      )
      return results.flat()
    },
    async dispose() {
      await Promise.allSettled(Object.values(plugins).map((plugin) => plugin.dispose?.()))
    },
  }
}
