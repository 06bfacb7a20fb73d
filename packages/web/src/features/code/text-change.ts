/**
 * The change that turns `current` into `next`: an insert at the end when the text only grew (streamed tokens),
 * otherwise a replacement of the span between their common prefix and suffix, so the cursor and scroll survive.
 */
export function changeBetween(
  current: string,
  next: string,
): { from: number; to: number; insert: string } | null {
  if (current === next) return null
  if (next.startsWith(current))
    return { from: current.length, to: current.length, insert: next.slice(current.length) }
  const shorter = Math.min(current.length, next.length)
  let prefix = 0
  while (prefix < shorter && current.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix++
  let suffix = 0
  while (
    suffix < shorter - prefix &&
    current.charCodeAt(current.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)
  )
    suffix++
  return { from: prefix, to: current.length - suffix, insert: next.slice(prefix, next.length - suffix) }
}
