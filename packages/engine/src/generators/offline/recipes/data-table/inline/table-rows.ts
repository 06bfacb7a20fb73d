/** The value a cell sorts by: numbers, and amounts like "$1,240.00" or "12%", as numbers; text (and dates) as text. */
export function sortValue(value: string | number): string | number {
  if (typeof value === "number") return value
  if (/^[^A-Za-z]*\d[^A-Za-z]*$/.test(value) && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const parsed = Number(value.replace(/[^0-9.-]/g, ""))
    if (Number.isFinite(parsed)) return parsed
  }
  return value
}

/** Two cells in ascending order: by number when both are numbers, else as text with numbers in it ordered. */
export function compareCells(a: string | number, b: string | number): number {
  const left = sortValue(a)
  const right = sortValue(b)
  if (typeof left === "number" && typeof right === "number") return left - right
  return String(left).localeCompare(String(right), undefined, { numeric: true })
}

/** Whether any of a row's values contains the query, ignoring case. */
export function rowMatches(row: Readonly<Record<string, string | number>>, query: string): boolean {
  const needle = query.trim().toLowerCase()
  return Object.values(row).some((value) => String(value).toLowerCase().includes(needle))
}
