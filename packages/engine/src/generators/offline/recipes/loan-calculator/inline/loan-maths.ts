/** The monthly payment of an amortised loan; a rate of 0 divides the amount evenly. */
export function monthlyPayment(amount: number, ratePercent: number, years: number): number {
  const months = years * 12
  const rate = ratePercent / 100 / 12
  return rate === 0 ? amount / months : (amount * rate) / (1 - (1 + rate) ** -months)
}

/** An amount with its currency symbol and two decimals: "$1,234.50". */
export function formatMoney(currency: string, value: number): string {
  return `${currency}${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
}
