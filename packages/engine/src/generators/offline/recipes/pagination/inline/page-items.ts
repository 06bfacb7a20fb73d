/** A page button's number, or a gap before or after the pages around the current one. */
export type PageItem = number | "ellipsis-start" | "ellipsis-end"

/** The pages to show: all of them up to 7, else the first, the last, the current one and its neighbours. */
export function pageItems(current: number, total: number): PageItem[] {
  if (total <= 7) return Array.from({ length: total }, (_, index) => index + 1)
  if (current <= 4) return [1, 2, 3, 4, 5, "ellipsis-end", total]
  if (current >= total - 3) return [1, "ellipsis-start", total - 4, total - 3, total - 2, total - 1, total]
  return [1, "ellipsis-start", current - 1, current, current + 1, "ellipsis-end", total]
}
