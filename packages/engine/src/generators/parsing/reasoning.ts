/** Longest reasoning shown in one reasoning_step; longer reasoning keeps its start and its conclusion. */
export const MAX_REASONING_STEP_CHARS = 700
const TAIL_CHARS = 200

/**
 * Shortens a model's reasoning block for a reasoning_step: blank lines collapsed, and when it is long, its opening
 * (what the model understood) and its end (what it decided), cut at word boundaries, with the original length.
 */
export function summarizeReasoning(text: string, maxChars = MAX_REASONING_STEP_CHARS): string {
  const tidy = text
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()
  if (tidy.length <= maxChars) return tidy
  const headChars = Math.max(0, maxChars - TAIL_CHARS - 60)
  const head = cutAtWord(tidy.slice(0, headChars), "end")
  const tail = cutAtWord(tidy.slice(-TAIL_CHARS), "start")
  return `${head} … ${tail} (reasoning shortened from ${tidy.length} characters)`
}

function cutAtWord(text: string, side: "start" | "end"): string {
  if (side === "end") {
    const space = text.lastIndexOf(" ")
    return (space > text.length / 2 ? text.slice(0, space) : text).trim()
  }
  const space = text.indexOf(" ")
  return (space !== -1 && space < text.length / 2 ? text.slice(space + 1) : text).trim()
}
