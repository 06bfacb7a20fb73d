const WIDE_COLUMNS: Record<number, string> = {
  1: "",
  2: "sm:grid-cols-2",
  3: "sm:grid-cols-2 lg:grid-cols-3",
  4: "sm:grid-cols-2 lg:grid-cols-4",
}

/** The grid's classes past one column for `columns` on wide screens (1 to 4): 3 → "sm:grid-cols-2 lg:grid-cols-3". */
export function wideColumnClasses(columns: number): string {
  // NaN (no number) takes three, as the default does.
  return WIDE_COLUMNS[Math.min(Math.max(Math.round(columns), 1), 4)] ?? "sm:grid-cols-2 lg:grid-cols-3"
}
