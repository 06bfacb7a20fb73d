/** The value on the step grid between min and max, rounded to the step's decimals (a step of 0 or less is 1). */
export function snapValue(value: number, min: number, max: number, step: number): number {
  const size = step > 0 ? step : 1
  const places = (String(size).split(".")[1] ?? "").length
  const snapped = Math.round((value - min) / size) * size + min
  return Number(Math.min(Math.max(snapped, min), max).toFixed(places))
}

/** A value as the slider shows it: "$1,200", "30°C", "5 km". */
export function formatValue(value: number, prefix: string, suffix: string): string {
  return prefix + value.toLocaleString("en-US") + suffix
}
