import path from "node:path"

/** Where a named export of lucide-react's barrel comes from. */
export interface LucideExport {
  file: string
  imported: string
}

export interface LucideImports {
  /** Names imported from "lucide-react" (some may be types, which have no export and are left out). */
  names: Set<string>
  /** A namespace import, `export *` or the `icons` object: only the whole package will do. */
  needsWholePackage: boolean
}

/** The barrel's `export { default as Plus, ... } from './icons/plus.mjs'` lines, as name -> file. */
export function parseLucideBarrel(barrelSource: string, barrelPath: string): Map<string, LucideExport> {
  const exports = new Map<string, LucideExport>()
  for (const [, list = "", from = ""] of barrelSource.matchAll(
    /export\s*\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g,
  )) {
    const file = path.resolve(path.dirname(barrelPath), from)
    for (const specifier of list.split(",")) {
      const [imported, exported = imported] = specifier.trim().split(/\s+as\s+/)
      if (imported !== undefined && exported !== undefined && imported !== "") {
        exports.set(exported, { file, imported })
      }
    }
  }
  return exports
}

const LUCIDE_IMPORT = /\b(?:import|export)\s+(?:type\s+)?([^;'"]*?)\s*from\s*["']lucide-react["']/g

/** What `sources` take from "lucide-react". */
export function lucideImportsOf(sources: Iterable<string>): LucideImports {
  const names = new Set<string>()
  let needsWholePackage = false
  for (const source of sources) {
    for (const [, clause = ""] of source.matchAll(LUCIDE_IMPORT)) {
      const named = /\{([^}]*)\}/.exec(clause)?.[1]
      if (clause.includes("*") || named === undefined) needsWholePackage = true
      for (const specifier of named?.split(",") ?? []) {
        const imported = specifier
          .trim()
          .replace(/^type\s+/, "")
          .split(/\s+as\s+/)[0]
        if (imported !== undefined && imported !== "") names.add(imported)
      }
    }
  }
  if (names.has("icons")) needsWholePackage = true
  return { names, needsWholePackage }
}

/**
 * A stand-in for "lucide-react" that re-exports only the named icons, so the bundler reads a handful of modules
 * instead of the barrel's thousands. Names without a value export (types such as `LucideProps`) are left out.
 */
export function createLucideFacade(names: Iterable<string>, exports: Map<string, LucideExport>): string {
  const lines: string[] = []
  for (const name of [...new Set(names)].sort()) {
    const found = exports.get(name)
    if (found === undefined) continue
    lines.push(
      `export { ${found.imported === name ? name : `${found.imported} as ${name}`} } from ${JSON.stringify(found.file)}`,
    )
  }
  return `${lines.join("\n")}\n`
}
