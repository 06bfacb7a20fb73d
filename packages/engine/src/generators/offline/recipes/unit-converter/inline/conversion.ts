/** How a unit reaches the base unit: value in the base unit = (value + offset) × factor. */
interface Scale {
  factor: number
  offset: number
}

/** A value in `from` units, in `to` units. */
export function convert(value: number, from: Scale, to: Scale): number {
  return ((value + from.offset) * from.factor) / to.factor - to.offset
}

/** A result rounded to `decimals` places without trailing zeros: 6.21371 → "6.21", 20.0 → "20". */
export function formatValue(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)))
}
