export interface LineDiffStats {
  added: number
  removed: number
}

export type FileChangeKind = "added" | "removed" | "changed" | "unchanged"

export interface FileComparison extends LineDiffStats {
  path: string
  kind: FileChangeKind
}

/** Lines with their terminators, so a missing final newline counts as a change, as in git. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? []
}

/** Past this many differing lines the middle of the files is counted as replaced wholesale, to bound the work. */
const MAX_EDIT_DISTANCE = 4000

/**
 * Lines added and removed between two texts, from the shortest edit script (Myers' O((N+M)·D) algorithm).
 * Written here rather than taken from @codemirror/merge so the diff view's file list loads without CodeMirror.
 */
export function lineDiffStats(before: string, after: string): LineDiffStats {
  if (before === after) return { added: 0, removed: 0 }
  const ids = new Map<string, number>()
  const idsOf = (lines: string[]) =>
    lines.map((line) => {
      let id = ids.get(line)
      if (id === undefined) ids.set(line, (id = ids.size))
      return id
    })
  let a = idsOf(splitLines(before))
  let b = idsOf(splitLines(after))
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let end = 0
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end])
    end++
  a = a.slice(start, a.length - end)
  b = b.slice(start, b.length - end)
  // Every edit is one added or one removed line: added - removed = |b| - |a| and added + removed = distance.
  const distance = editDistance(a, b)
  return { added: (distance + b.length - a.length) / 2, removed: (distance - b.length + a.length) / 2 }
}

/** The number of single-line insertions and deletions that turn `a` into `b`. */
function editDistance(a: readonly number[], b: readonly number[]): number {
  const n = a.length
  const m = b.length
  const limit = Math.min(n + m, MAX_EDIT_DISTANCE)
  // furthest[k + offset]: the furthest x reached on diagonal k (y = x - k).
  const offset = limit + 1
  const furthest = new Int32Array(2 * limit + 3)
  const at = (k: number) => furthest[k + offset] ?? 0
  for (let distance = 0; distance <= limit; distance++) {
    for (let k = -distance; k <= distance; k += 2) {
      let x = k === -distance || (k !== distance && at(k - 1) < at(k + 1)) ? at(k + 1) : at(k - 1) + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      furthest[k + offset] = x
      if (x >= n && y >= m) return distance
    }
  }
  return n + m
}

/** Every path of either side with how it changed, sorted by path. */
export function compareFiles(
  before: Record<string, string>,
  after: Record<string, string>,
): FileComparison[] {
  const paths = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
  return paths.map((path) => {
    const old = Object.hasOwn(before, path) ? before[path] : undefined
    const next = Object.hasOwn(after, path) ? after[path] : undefined
    if (old === undefined) return { path, kind: "added", added: splitLines(next ?? "").length, removed: 0 }
    if (next === undefined) return { path, kind: "removed", added: 0, removed: splitLines(old).length }
    if (old === next) return { path, kind: "unchanged", added: 0, removed: 0 }
    return { path, kind: "changed", ...lineDiffStats(old, next) }
  })
}
