import { readFile } from "node:fs/promises"
import path from "node:path"
import { extensionOf } from "./job-files"
import { collectImportedKitFiles } from "./kit-imports"
import { ENGINE_DIR, KIT_DIR } from "./kit-paths"
import { defineManifest } from "./manifest"
import {
  isTestsAsSpec,
  type Diagnostic,
  type PluginInput,
  type PluginResult,
  type ToolchainPlugin,
} from "./types"

export const FALLBACK_STYLESHEET = '@import "tailwindcss";\n'

export const tailwindManifest = defineManifest({
  name: "tailwind",
  packageName: "tailwindcss",
  description:
    "Compiles the CSS for the Tailwind classes the job's files and the kit components they use contain.",
  inputs: [".ts", ".tsx", ".js", ".jsx", ".html"],
  outputs: ["css"],
  command: "tailwindcss --input @studio/kit/styles.css",
  costEstimate: 25,
  compatibility: ["node>=20.19", "tailwindcss@4 (@tailwindcss/node + @tailwindcss/oxide)"],
})

export interface TailwindPluginOptions {
  kitDir?: string
}

/** Builds the preview CSS; each run uses a fresh compiler and scanner, since both accumulate candidates. */
export function createTailwindPlugin(options: TailwindPluginOptions = {}): ToolchainPlugin {
  const kitDir = options.kitDir ?? KIT_DIR
  return {
    manifest: tailwindManifest,
    async run(input: PluginInput): Promise<PluginResult> {
      const { files, signal } = input
      const started = performance.now()
      const { css, diagnostics } = await compileTailwindCss(files, kitDir, signal, {
        testsAsSpec: isTestsAsSpec(input),
      })
      return { diagnostics, artifacts: { css }, durationMs: performance.now() - started }
    },
  }
}

/**
 * The kit's stylesheet (or plain Tailwind when the kit has none) built for the candidates found in the files, and
 * the job's refused imports (never followed: the scan reads only kit files the module resolver accepts).
 */
export async function compileTailwindCss(
  files: Record<string, string>,
  kitDir: string = KIT_DIR,
  signal?: AbortSignal,
  mode: { testsAsSpec?: boolean } = {},
): Promise<{ css: string; diagnostics: Diagnostic[] }> {
  const [{ compile }, { Scanner }] = await Promise.all([
    import("@tailwindcss/node"),
    import("@tailwindcss/oxide"),
  ])
  const { stylesheet, base } = await readKitStylesheet(kitDir)
  const [compiler, { kitFiles, diagnostics }] = await Promise.all([
    compile(stylesheet, { base, onDependency: () => {} }),
    collectImportedKitFiles(files, kitDir, { source: "tailwind", testsAsSpec: mode.testsAsSpec }),
  ])
  signal?.throwIfAborted()
  // The job's own CSS is not compiled: an @import in it would read files from the server's disk.
  const sources = [
    ...Object.entries(files).filter(([filePath]) => extensionOf(filePath) !== ".css"),
    ...kitFiles.map((file): [string, string] => [file.path, file.content]),
  ].map(([filePath, content]) => ({ content, extension: extensionOf(filePath).slice(1) || "html" }))
  const candidates = new Scanner({ sources: [] }).scanFiles(sources)
  return { css: compiler.build(candidates), diagnostics }
}

/** `base` is where the stylesheet's imports (`tailwindcss`) are resolved from. */
async function readKitStylesheet(kitDir: string): Promise<{ stylesheet: string; base: string }> {
  const stylesheetPath = path.join(kitDir, "src", "styles.css")
  try {
    return { stylesheet: await readFile(stylesheetPath, "utf8"), base: path.dirname(stylesheetPath) }
  } catch {
    return { stylesheet: FALLBACK_STYLESHEET, base: ENGINE_DIR }
  }
}
