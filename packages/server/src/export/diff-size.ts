import { parsePatch } from "diff"

/** How big a unified diff (unifiedDiff's output) is: the files it touches and the lines it adds and removes. */
export function diffSize(patch: string): { files: number; additions: number; deletions: number } {
  if (patch.trim() === "") return { files: 0, additions: 0, deletions: 0 }
  let additions = 0
  let deletions = 0
  let files: ReturnType<typeof parsePatch>
  try {
    files = parsePatch(patch)
  } catch {
    // Stored text that is not a patch has no size to tell, and must not fail the page that asks.
    return { files: 0, additions: 0, deletions: 0 }
  }
  for (const file of files)
    for (const hunk of file.hunks)
      for (const line of hunk.lines) {
        if (line.startsWith("+")) additions += 1
        else if (line.startsWith("-")) deletions += 1
      }
  return { files: files.length, additions, deletions }
}
