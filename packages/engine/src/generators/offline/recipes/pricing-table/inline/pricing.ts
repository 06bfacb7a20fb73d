/** A price as the table writes it: "$12", "$23.20", "€1,200". */
export function formatPrice(currency: string, amount: number): string {
  const rounded = Math.round(amount * 100) / 100
  return `${currency}${rounded.toLocaleString("en-US", {
    minimumFractionDigits: Number.isInteger(rounded) ? 0 : 2,
    maximumFractionDigits: 2,
  })}`
}

/** The monthly price when billed yearly, `discountPercent` (0 to 100) less. */
export function yearlyMonthlyPrice(monthly: number, discountPercent: number): number {
  return monthly * (1 - Math.min(Math.max(discountPercent, 0), 100) / 100)
}

/** A tier's features, written in one string separated by ";". */
export function featuresOf(features: string): string[] {
  return features
    .split(";")
    .map((feature) => feature.trim())
    .filter(Boolean)
}
