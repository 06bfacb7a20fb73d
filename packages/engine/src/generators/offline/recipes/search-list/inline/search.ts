/** The entries whose name or detail contains the query, ignoring case; every entry for an empty query. */
export function matchingItems<T extends { name: string; detail: string }>(
  items: readonly T[],
  query: string,
): T[] {
  const needle = query.trim().toLowerCase()
  if (!needle) return [...items]
  return items.filter(
    (item) => item.name.toLowerCase().includes(needle) || item.detail.toLowerCase().includes(needle),
  )
}

/** "1 result", "3 results". */
export function resultCount(count: number): string {
  return `${count} ${count === 1 ? "result" : "results"}`
}
