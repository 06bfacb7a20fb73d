import { readFile } from "node:fs/promises"
import path from "node:path"
import { isScriptFile, moduleFileCandidates } from "./job-files"
import { KIT_DIR, resolveAliasedImport } from "./kit-paths"

export interface KitSourceFile {
  /** Absolute path on disk. */
  path: string
  content: string
}

// Module specifiers of import/export declarations, dynamic imports and side-effect imports. Enough to follow the
// kit's imports for class scanning; a miss only drops a kit component's classes from the CSS.
const IMPORT_SPECIFIER = /\bfrom\s*["']([^"']+)["']|\bimport\s*\(?\s*["']([^"']+)["']/g

export function importSpecifiersOf(source: string): string[] {
  return [...source.matchAll(IMPORT_SPECIFIER)].flatMap((match) => match[1] ?? match[2] ?? [])
}

/** The kit files the job's script files import, directly or through other kit files. */
export async function collectImportedKitFiles(
  files: Record<string, string>,
  kitDir: string = KIT_DIR,
): Promise<KitSourceFile[]> {
  const collected = new Map<string, KitSourceFile>()
  const pending: string[] = []
  const enqueue = (specifier: string, importerDirectory: string | undefined): void => {
    const aliased = resolveAliasedImport(specifier, kitDir)
    if (aliased?.target === "kit") pending.push(aliased.path)
    else if (importerDirectory !== undefined && specifier.startsWith(".")) {
      pending.push(path.resolve(importerDirectory, specifier))
    }
  }
  for (const [filePath, content] of Object.entries(files)) {
    if (isScriptFile(filePath))
      for (const specifier of importSpecifiersOf(content)) enqueue(specifier, undefined)
  }
  for (let basePath = pending.pop(); basePath !== undefined; basePath = pending.pop()) {
    const file = await readFirstExisting(moduleFileCandidates(basePath).filter(isScriptFile))
    if (file === undefined || collected.has(file.path)) continue
    collected.set(file.path, file)
    for (const specifier of importSpecifiersOf(file.content)) enqueue(specifier, path.dirname(file.path))
  }
  return [...collected.values()]
}

async function readFirstExisting(candidates: string[]): Promise<KitSourceFile | undefined> {
  for (const candidate of candidates) {
    try {
      return { path: candidate, content: await readFile(candidate, "utf8") }
    } catch {
      // try the next extension
    }
  }
  return undefined
}
