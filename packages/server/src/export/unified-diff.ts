import { formatPatch, structuredPatch, type StructuredPatch } from "diff"

/**
 * A git-style unified diff from `before` to `after` (files keyed by path): one section per added, removed or changed
 * file, in path order, with a/ and b/ prefixes and /dev/null for the missing side. "" when nothing changed.
 */
export function unifiedDiff(before: Record<string, string>, after: Record<string, string>): string {
  const paths = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
  const patches: StructuredPatch[] = []
  for (const filePath of paths) {
    const oldText = Object.hasOwn(before, filePath) ? before[filePath] : undefined
    const newText = Object.hasOwn(after, filePath) ? after[filePath] : undefined
    if (oldText === newText) continue
    const patch = structuredPatch(
      oldText === undefined ? "/dev/null" : `a/${filePath}`,
      newText === undefined ? "/dev/null" : `b/${filePath}`,
      oldText ?? "",
      newText ?? "",
    )
    patches.push({ ...patch, isGit: true, isCreate: oldText === undefined, isDelete: newText === undefined })
  }
  // Formatted one by one: formatPatch on the array puts a blank line between files, which is not in git's format.
  return patches.map((patch) => formatPatch(patch)).join("")
}
