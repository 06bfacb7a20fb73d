/** The percentages in "10, 15, 20%" (commas or spaces between them; a % sign is allowed). */
export function percentsOf(text: string): number[] {
  return text
    .split(/[,\s]+/)
    .map((part) => Number(part.replace("%", "")))
    .filter((value) => Number.isFinite(value) && value >= 0)
}

/** An amount with its currency symbol and cents: "$12.00". */
export function formatMoney(currency: string, amount: number): string {
  return `${currency}${amount.toFixed(2)}`
}
