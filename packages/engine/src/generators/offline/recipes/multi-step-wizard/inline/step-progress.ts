/** "Step 2 of 4": where the person is, counted from 1. */
export function stepOf(step: number, total: number): string {
  return "Step " + step + " of " + total
}

/** How far along step `step` (from 1) of `total` is, as a whole percentage for the progress bar. */
export function progressPercent(step: number, total: number): number {
  return Math.round((step / Math.max(total, 1)) * 100)
}
