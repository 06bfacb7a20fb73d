// The search/replace edit format models know best (aider's, and Cline's original): inside a file's fenced block,
//
//     <<<<<<< SEARCH
//     exact lines of the current file
//     =======
//     the lines that replace them
//     >>>>>>> REPLACE
//
// Markers stand alone on their line at its start; like aider, 5 to 9 marker characters are accepted.

/** One search/replace edit of an existing file; both texts are whole lines, each ending with "\n". */
export interface SearchReplaceEdit {
  search: string
  replace: string
}

/** Marker lines are short: longer lines are never markers, so the parser holds back bounded text. */
export const MAX_MARKER_LINE = 64

const SEARCH_MARKER = /^<{5,9} SEARCH>?[ \t]*$/
const DIVIDER_MARKER = /^={5,9}[ \t]*$/
const REPLACE_MARKER = /^>{5,9} REPLACE[ \t]*$/

export function isSearchMarker(line: string): boolean {
  return line.length <= MAX_MARKER_LINE && SEARCH_MARKER.test(line)
}

export function isDividerMarker(line: string): boolean {
  return line.length <= MAX_MARKER_LINE && DIVIDER_MARKER.test(line)
}

export function isReplaceMarker(line: string): boolean {
  return line.length <= MAX_MARKER_LINE && REPLACE_MARKER.test(line)
}

/** Whether a partial line may still become a marker line (a superset: it only decides what is held back). */
export function couldBeMarkerLine(partial: string): boolean {
  return partial.length <= MAX_MARKER_LINE && (partial === "" || /^[<=>]/.test(partial))
}

/** A blank line, or a partial line that may still be one. */
export function isBlankLine(text: string): boolean {
  return /^[ \t]*$/.test(text)
}
