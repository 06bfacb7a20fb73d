// Search/replace edits of an existing file, applied strictly: every search text must occur exactly once in the file
// as it is, as whole lines (after CRLF normalisation only; no fuzzy matching, no match inside a line), the edits of one block may not overlap, and a block
// applies whole or not at all, so a file is never left half-edited.

import type { SearchReplaceEdit } from "../generators/parsing"

export type { SearchReplaceEdit }

export type ApplyEditsResult =
  | { ok: true; content: string; changes: number }
  /** Why each refused edit was refused ("edit 2: its search text was not found"), in order. */
  | { ok: false; refusals: string[] }

/**
 * Applies one block's edits to a file's current content (undefined: the file does not exist). Each search text is
 * located in the content as given, not after the earlier edits, since that is the file the model saw.
 *
 * @example
 * applyEdits("a\nb\n", [{ search: "b\n", replace: "c\n" }]) // { ok: true, content: "a\nc\n", changes: 1 }
 */
export function applyEdits(
  content: string | undefined,
  edits: readonly SearchReplaceEdit[],
): ApplyEditsResult {
  if (content === undefined) return { ok: false, refusals: ["the file does not exist"] }
  if (edits.length === 0) return { ok: false, refusals: ["the block has no edits"] }
  const crlf = content.includes("\r\n")
  const original = toLf(content)
  // A search text's lines end with "\n"; a file without a final newline still matches at its end.
  const missingFinalNewline = original !== "" && !original.endsWith("\n")
  const text = missingFinalNewline ? `${original}\n` : original
  const refusals: string[] = []
  const located: { index: number; start: number; end: number; replace: string }[] = []
  edits.forEach((edit, index) => {
    const name = edits.length === 1 ? "the edit" : `edit ${index + 1}`
    const search = toLf(edit.search)
    if (search.trim() === "") {
      refusals.push(`${name}: its search text is empty (write a new file whole instead)`)
      return
    }
    const found = occurrences(text, search)
    if (found.count === 0) refusals.push(`${name}: its search text was not found`)
    else if (found.count > 1)
      refusals.push(
        `${name}: its search text was found ${found.count} times (include more lines to make it unique)`,
      )
    else
      located.push({
        index,
        start: found.first,
        end: found.first + search.length,
        replace: toLf(edit.replace),
      })
  })
  const byStart = [...located].sort((a, b) => a.start - b.start)
  for (let position = 1; position < byStart.length; position++) {
    const before = byStart[position - 1]!
    const after = byStart[position]!
    if (after.start < before.end)
      refusals.push(`edit ${after.index + 1}: its search text overlaps edit ${before.index + 1}'s`)
  }
  if (refusals.length > 0) return { ok: false, refusals }
  let result = text
  for (const edit of byStart.reverse())
    result = result.slice(0, edit.start) + edit.replace + result.slice(edit.end)
  if (missingFinalNewline && result.endsWith("\n")) result = result.slice(0, -1)
  return { ok: true, content: crlf ? result.replaceAll("\n", "\r\n") : result, changes: edits.length }
}

/**
 * How often `search` occurs in `text` as whole lines (starting at a line's start, ending at a line's end), overlapping
 * occurrences included, and where it first does.
 */
function occurrences(text: string, search: string): { count: number; first: number } {
  let count = 0
  let first = -1
  for (let at = text.indexOf(search); at !== -1; at = text.indexOf(search, at + 1)) {
    const end = at + search.length
    const wholeLines =
      (at === 0 || text[at - 1] === "\n") &&
      (search.endsWith("\n") || end === text.length || text[end] === "\n")
    if (!wholeLines) continue
    if (count === 0) first = at
    count++
  }
  return { count, first }
}

function toLf(text: string): string {
  return text.replaceAll("\r\n", "\n")
}
