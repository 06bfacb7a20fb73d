import path from "node:path"

/** Extensions tried, in order, when an import names a module without one (as TypeScript and esbuild do). */
export const MODULE_EXTENSIONS = [".tsx", ".ts", ".jsx", ".js"] as const

export function extensionOf(filePath: string): string {
  return path.posix.extname(filePath).toLowerCase()
}

export function isScriptFile(filePath: string): boolean {
  return (MODULE_EXTENSIONS as readonly string[]).includes(extensionOf(filePath))
}

export function isTestFile(filePath: string): boolean {
  return /\.(test|spec)\.[cm]?[jt]sx?$/.test(filePath)
}

/** A job path must stay inside the job: relative, normalized, no `..` segment, no backslashes. */
export function isSafeJobPath(filePath: string): boolean {
  if (filePath === "" || filePath.includes("\\") || filePath.includes("\0")) return false
  if (path.posix.isAbsolute(filePath)) return false
  return path.posix.normalize(filePath) === filePath && !filePath.split("/").includes("..")
}

/** Paths a module specifier may refer to: as written, with each extension, or as a folder's index. */
export function moduleFileCandidates(basePath: string): string[] {
  return [
    basePath,
    ...MODULE_EXTENSIONS.map((extension) => basePath + extension),
    ...MODULE_EXTENSIONS.map((extension) => `${basePath}/index${extension}`),
  ]
}

/** The job file a module path (job-relative, maybe without extension) refers to, if the job has it. */
export function findJobModule(files: Record<string, string>, basePath: string): string | undefined {
  return moduleFileCandidates(basePath).find((candidate) => Object.hasOwn(files, candidate))
}
