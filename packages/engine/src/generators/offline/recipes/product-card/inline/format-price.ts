/** A price in its currency as shoppers in the US read it: formatPrice(129.99, "USD") → "$129.99". */
export function formatPrice(amount: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(amount)
}
