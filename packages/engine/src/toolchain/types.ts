import type { Diagnostic } from "@studio/protocol"

export type { Diagnostic }

/** Every toolchain plugin the engine knows, in the order the execute stage runs them. */
export const PLUGIN_IDS = [
  "prettier",
  "eslint",
  "typescript",
  "tailwind",
  "esbuild",
  "vitest",
  "axe",
] as const
export type PluginId = (typeof PLUGIN_IDS)[number]
/**
 * A plugin as a run names it: a built-in id, or the name of a custom plugin from STUDIO_PLUGINS_DIR (a slug that is
 * no built-in id). Open, so checked against a registry (`listManifests`), never by `isPluginId` alone.
 */
export type PluginName = string

/** What a plugin declares about itself (the seed's `PluginManifest`), shown by `GET /plugins`. */
export interface PluginManifest {
  name: PluginName
  /** "custom": loaded from STUDIO_PLUGINS_DIR; absent: one of the built-ins. */
  source?: "custom"
  /** The npm package whose installed version is reported. */
  packageName: string
  /** Read from the installed package.json; "not installed" when it cannot be found. */
  version: string
  description: string
  /** File extensions the plugin reads, e.g. [".ts", ".tsx"]. */
  inputs: string[]
  /** What a result carries besides diagnostics: "files", "css", "bundle", "test results". */
  outputs: string[]
  /** The command-line equivalent of what the plugin does in memory. */
  command: string
  /** Estimated milliseconds of a warm run on a small component (relative cost, for scheduling and display). */
  costEstimate: number
  /** Runtimes and conventions the plugin works with. */
  compatibility: string[]
}

export interface PluginInput {
  /** The job's files keyed by job-relative path, e.g. "src/components/Counter.tsx". */
  files: Record<string, string>
  /** Job-relative path of the component to preview (esbuild); found from the files when omitted. */
  entry?: string
  /**
   * Tests as the spec: the job paths of the tests a person gave (the run's `tests`, or those of the version it tests),
   * never guessed from the files. Non-empty: the job is in that mode, and its components may also import
   * react-router-dom and its tests fetch-mock (allowed-imports.ts). The given files themselves need not be among
   * `files` (the execute stage does not lint or type-check them). Absent or empty: generated tests.
   */
  givenTests?: readonly string[]
  signal?: AbortSignal
}

/** Whether a plugin's input is a job of tests as the spec (its `givenTests` name any file). */
export function isTestsAsSpec(input: Pick<PluginInput, "givenTests">): boolean {
  return (input.givenTests?.length ?? 0) > 0
}

export interface PluginResult {
  diagnostics: Diagnostic[]
  /** The complete file set after the plugin ran (e.g. formatted), when the plugin rewrites files. */
  files?: Record<string, string>
  artifacts?: { css?: string; bundle?: string }
  durationMs: number
}

export interface ToolchainPlugin {
  manifest: PluginManifest
  run(input: PluginInput): Promise<PluginResult>
  /** Loads the tool and fills its caches before the first job arrives. */
  warmUp?(): Promise<void>
  /** Releases long-lived resources (esbuild service, language service). */
  dispose?(): Promise<void>
}

/** Narrows a string (a URL parameter, a CLI flag) to a known plugin id. */
export function isPluginId(value: string): value is PluginId {
  return (PLUGIN_IDS as readonly string[]).includes(value)
}
