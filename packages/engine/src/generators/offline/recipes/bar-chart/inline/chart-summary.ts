const VALUE_FORMAT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 })

/** A value as the chart writes it: the prefix, grouped digits, the suffix ("$1,200", "41%"). */
export function formatValue(value: number, prefix: string, suffix: string): string {
  return prefix + VALUE_FORMAT.format(value) + suffix
}

/** The chart's accessible name: its title, how many values from which to which, and the highest and lowest. */
export function chartSummary(
  title: string,
  data: readonly { label: string; value: number }[],
  variant: "bar" | "line",
  prefix: string,
  suffix: string,
): string {
  const first = data[0]
  const last = data[data.length - 1]
  if (!first || !last) return title + ": no data"
  const high = data.reduce((best, datum) => (datum.value > best.value ? datum : best), first)
  const low = data.reduce((best, datum) => (datum.value < best.value ? datum : best), first)
  return (
    title +
    ": " +
    (variant === "line" ? "line" : "bar") +
    " chart of " +
    data.length +
    " values from " +
    first.label +
    " to " +
    last.label +
    ". Highest " +
    high.label +
    " at " +
    formatValue(high.value, prefix, suffix) +
    ", lowest " +
    low.label +
    " at " +
    formatValue(low.value, prefix, suffix) +
    "."
  )
}
