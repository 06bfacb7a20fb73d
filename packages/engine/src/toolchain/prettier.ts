import type { Options } from "prettier"
import { extensionOf } from "./job-files"
import { defineManifest } from "./manifest"
import type { Diagnostic, PluginInput, PluginResult, ToolchainPlugin } from "./types"

/** One fixed style for generated code, the studio's own (no semicolons, double quotes). */
export const GENERATED_CODE_PRETTIER_OPTIONS: Options = {
  semi: false,
  singleQuote: false,
  trailingComma: "all",
  printWidth: 100,
}

const FORMATTED_EXTENSIONS = [".ts", ".tsx", ".css"]

export const prettierManifest = defineManifest({
  name: "prettier",
  packageName: "prettier",
  description: "Formats every .ts, .tsx and .css file with one fixed style.",
  inputs: FORMATTED_EXTENSIONS,
  outputs: ["files"],
  command: "prettier --write",
  costEstimate: 10,
  compatibility: ["node>=20.19", "prettier@3"],
})

/** Formats the job's files; a file prettier cannot parse is left as it was and reported with its position. */
export function createPrettierPlugin(): ToolchainPlugin {
  return { manifest: prettierManifest, run: formatJobFiles }
}

async function formatJobFiles({ files, signal }: PluginInput): Promise<PluginResult> {
  const started = performance.now()
  const prettier = await import("prettier")
  const formatted: Record<string, string> = {}
  const diagnostics: Diagnostic[] = []
  for (const [filePath, content] of Object.entries(files)) {
    signal?.throwIfAborted()
    formatted[filePath] = content
    if (!FORMATTED_EXTENSIONS.includes(extensionOf(filePath))) continue
    try {
      formatted[filePath] = await prettier.format(content, {
        ...GENERATED_CODE_PRETTIER_OPTIONS,
        filepath: filePath,
      })
    } catch (error) {
      diagnostics.push(prettierErrorToDiagnostic(filePath, error))
    }
  }
  return { diagnostics, files: formatted, durationMs: performance.now() - started }
}

/** Prettier's syntax errors carry a 1-based `loc` and a message ending in "(line:column)" plus a code frame. */
export function prettierErrorToDiagnostic(filePath: string, error: unknown): Diagnostic {
  const firstLine = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? ""
  const start = locationStart(error)
  return {
    source: "prettier",
    path: filePath,
    line: start?.line ?? 0,
    column: start?.column ?? 0,
    message: firstLine.replace(/\s*\(\d+:\d+\)$/, "") || "Prettier could not format this file",
    severity: "error",
  }
}

function locationStart(error: unknown): { line: number; column: number } | undefined {
  if (typeof error !== "object" || error === null || !("loc" in error)) return undefined
  const loc = error.loc
  if (typeof loc !== "object" || loc === null || !("start" in loc)) return undefined
  const start = loc.start
  if (typeof start !== "object" || start === null || !("line" in start) || !("column" in start))
    return undefined
  const { line, column } = start
  return typeof line === "number" && typeof column === "number" ? { line, column } : undefined
}
