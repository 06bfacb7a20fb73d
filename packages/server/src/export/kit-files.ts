import { readFile, readdir } from "node:fs/promises"
import { createRequire } from "node:module"
import path from "node:path"

/** packages/engine/kit/src, found through the engine package's name so it is right wherever this code runs from. */
export const KIT_SOURCE_DIR = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@studio/engine/package.json")),
  "kit",
  "src",
)

/** Kit files every project gets, besides all of `src/lib`. */
const ALWAYS_INCLUDED = ["src/styles.css", "src/test-setup.ts"]
const SCRIPT_EXTENSIONS = [".tsx", ".ts", ".jsx", ".js"]
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/
// Specifiers of import/export-from declarations, side-effect imports and dynamic imports.
const IMPORT_SPECIFIER = /\bfrom\s*["']([^"']+)["']|\bimport\s*\(?\s*["']([^"']+)["']/g

/** Every module specifier a script imports or re-exports from. */
export function importSpecifiersOf(source: string): string[] {
  return [...source.matchAll(IMPORT_SPECIFIER)].flatMap((match) => match[1] ?? match[2] ?? [])
}

export function isScriptPath(filePath: string): boolean {
  return SCRIPT_EXTENSIONS.some((extension) => filePath.endsWith(extension))
}

export function isTestPath(filePath: string): boolean {
  return TEST_FILE.test(filePath)
}

/** Where an import from `importer` (a project path such as "src/components/Foo.tsx") points, without extension. */
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
 * the `src/components/ui` modules the given files import, directly or through each other.
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
    if (isScriptPath(projectPath)) follow(projectPath, content)
  }
  const follow = (importer: string, source: string): void => {
    for (const specifier of importSpecifiersOf(source)) {
      const basePath = projectPathOfImport(specifier, importer)
      const found = basePath === undefined ? undefined : moduleCandidates(basePath).find((c) => kit.has(c))
      if (found !== undefined) include(found)
    }
  }

  for (const projectPath of kit.keys()) {
    if (projectPath.startsWith("src/lib/") || ALWAYS_INCLUDED.includes(projectPath)) include(projectPath)
  }
  for (const [filePath, content] of Object.entries(files)) {
    if (isScriptPath(filePath)) follow(filePath, content)
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
