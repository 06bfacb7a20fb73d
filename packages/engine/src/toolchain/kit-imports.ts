import { isScriptFile } from "./job-files"
import { KIT_DIR } from "./kit-paths"
import {
  checkFileImports,
  findImports,
  moduleResolverFor,
  refusalOf,
  resolveJobSpecifier,
  resolveKitSpecifier,
  type KitSourceFile,
  type SpecifierVerdict,
} from "./module-resolver"
import type { Diagnostic } from "./types"

export type { KitSourceFile } from "./module-resolver"

export interface KitFileScan {
  /** The kit files the job's scripts import, directly or through other kit files. */
  kitFiles: KitSourceFile[]
  /** The job's refused imports, its stylesheets' included (none are followed), as errors from `source`. */
  diagnostics: Diagnostic[]
}

/**
 * The kit files the job's script files import, directly or through other kit files. Every specifier goes through
 * the module resolver and every file read is checked to really be inside the kit's sources, so a job cannot make
 * this scan read anything else.
 */
export async function collectImportedKitFiles(
  files: Record<string, string>,
  kitDir: string = KIT_DIR,
  options: { source?: string; testsAsSpec?: boolean } = {},
): Promise<KitFileScan> {
  const testsAsSpec = options.testsAsSpec === true
  const resolver = moduleResolverFor(kitDir)
  const collected = new Map<string, KitSourceFile>()
  const pending: string[] = []
  const diagnostics: Diagnostic[] = []
  const enqueue = (verdict: SpecifierVerdict): void => {
    if (verdict.ok && verdict.target.type === "kit") pending.push(verdict.target.path)
  }
  for (const [filePath, content] of Object.entries(files)) {
    diagnostics.push(...checkFileImports(filePath, content, { kitDir, source: options.source, testsAsSpec }))
    if (!isScriptFile(filePath)) continue
    for (const found of findImports(filePath, content)) {
      // Refused imports are reported above and not followed.
      if (found.specifier === undefined || refusalOf(found, filePath, { kitDir, testsAsSpec }) !== undefined)
        continue
      enqueue(resolveJobSpecifier(found.specifier, filePath, { kitDir, testsAsSpec }))
    }
  }
  for (let basePath = pending.pop(); basePath !== undefined; basePath = pending.pop()) {
    const file = await resolver.readKitModule(basePath)
    if (file === undefined || collected.has(file.path)) continue
    collected.set(file.path, file)
    for (const found of findImports(file.path, file.content)) {
      if (found.specifier !== undefined) enqueue(resolveKitSpecifier(found.specifier, file.path, { kitDir }))
    }
  }
  return { kitFiles: [...collected.values()], diagnostics }
}
