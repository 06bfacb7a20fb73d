import { readFile, readdir } from "node:fs/promises"
import { createRequire } from "node:module"
import path from "node:path"
import { findImports, resolveJobSpecifier, resolveKitSpecifier, type SpecifierVerdict } from "@studio/engine"

/** The kit's sources (packages/kit/src), found through its package name so it is right wherever this code runs from. */
export const KIT_SOURCE_DIR = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@studio/kit/package.json")),
  "src",
)

/** Kit files every project gets, besides all of `src/lib`. */
const ALWAYS_INCLUDED = ["src/styles.css", "src/test-setup.ts"]
const SCRIPT_EXTENSIONS = [".tsx", ".ts", ".jsx", ".js"]
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/

/** Every module specifier a script names (imports, re-exports, `import()`), in order, through the engine's parser. */
export function importSpecifiersOf(source: string, filePath = "module.tsx"): string[] {
  return findImports(filePath, source).flatMap((found) =>
    found.specifier === undefined ? [] : [found.specifier],
  )
}

export function isScriptPath(filePath: string): boolean {
  return SCRIPT_EXTENSIONS.some((extension) => filePath.endsWith(extension))
}

export function isTestPath(filePath: string): boolean {
  return TEST_FILE.test(filePath)
}

/**
 * Where an import from `importer` points in the exported project (a project path such as "src/components/Foo.tsx",
 * without extension), where the kit's files sit under `src/` beside the version's.
 */
export function projectPathOfImport(specifier: string, importer: string): string | undefined {
  if (specifier.startsWith("@/")) return path.posix.join("src", specifier.slice(2))
  if (specifier.startsWith("./") || specifier.startsWith("../")) {
    return path.posix.join(path.posix.dirname(importer), specifier)
  }
  return undefined
}

/** The kit paths a module path may refer to, as TypeScript would try them. */
export function moduleCandidates(basePath: string): string[] {
  return [
    basePath,
    ...SCRIPT_EXTENSIONS.map((extension) => basePath + extension),
    ...SCRIPT_EXTENSIONS.map((extension) => `${basePath}/index${extension}`),
  ]
}

/**
 * The kit files a project needs, keyed by project path: every `src/lib` module, the stylesheet, the test setup, and
 * the `src/components/ui` modules the given files import, directly or through each other. Imports are resolved by
 * the engine's module resolver (the same rules as the preview and the sandbox); refused ones are not followed.
 */
export async function collectKitFiles(
  files: Record<string, string>,
  kitSourceDir: string = KIT_SOURCE_DIR,
): Promise<Record<string, string>> {
  const kit = await readKitSources(kitSourceDir)
  const collected: Record<string, string> = {}
  const include = (projectPath: string): void => {
    const content = kit.get(projectPath)
    if (content === undefined || Object.hasOwn(collected, projectPath)) return
    collected[projectPath] = content
    if (isScriptPath(projectPath)) follow(projectPath, content, true)
  }
  // The resolver names kit files under <kitDir>/src; project paths name them under src/.
  const kitDir = path.dirname(kitSourceDir)
  const resolverKitSrc = path.join(kitDir, "src")
  const follow = (importer: string, source: string, fromKit: boolean): void => {
    for (const specifier of importSpecifiersOf(source, importer)) {
      const verdict: SpecifierVerdict = fromKit
        ? resolveKitSpecifier(specifier, path.join(kitDir, importer), { kitDir })
        : resolveJobSpecifier(specifier, importer, { kitDir })
      if (!verdict.ok || verdict.target.type !== "kit") continue
      const basePath = `src/${path.relative(resolverKitSrc, verdict.target.path).split(path.sep).join("/")}`
      const found = moduleCandidates(basePath).find((candidate) => kit.has(candidate))
      if (found !== undefined) include(found)
    }
  }

  for (const projectPath of kit.keys()) {
    if (projectPath.startsWith("src/lib/") || ALWAYS_INCLUDED.includes(projectPath)) include(projectPath)
  }
  for (const [filePath, content] of Object.entries(files)) {
    if (isScriptPath(filePath)) follow(filePath, content, false)
  }
  return collected
}

/** The kit's files, tests left out, keyed by project path ("src/components/ui/button.tsx"). */
async function readKitSources(kitSourceDir: string): Promise<Map<string, string>> {
  const entries = await readdir(kitSourceDir, { recursive: true, withFileTypes: true })
  const sources = new Map<string, string>()
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const absolutePath = path.join(entry.parentPath, entry.name)
    const relativePath = path.relative(kitSourceDir, absolutePath).split(path.sep).join("/")
    if (isTestPath(relativePath)) continue
    sources.set(`src/${relativePath}`, await readFile(absolutePath, "utf8"))
  }
  return sources
}
