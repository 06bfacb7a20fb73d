import type { PromptFacts } from "../../facts"

/** "4.5%" → 4.5. */
export function rateOf(facts: PromptFacts): number | undefined {
  const match = /(\d{1,2}(?:\.\d+)?)\s*%/.exec(facts.lower)
  return match ? Number(match[1]) : undefined
}

/** "15 years", "30-yr", "60 months" → whole years. */
export function yearsOf(facts: PromptFacts): number | undefined {
  const years = /(\d{1,2})[\s-]*(?:years?|yrs?|yr)\b/.exec(facts.lower)
  if (years) return Number(years[1])
  const months = /(\d{1,3})[\s-]*months?\b/.exec(facts.lower)
  return months ? Math.max(1, Math.round(Number(months[1]) / 12)) : undefined
}

/** Amounts written with a currency symbol, reading thousands separators ("$40,000" → 40000) and "k" ("40k"). */
export function amountOf(facts: PromptFacts): number | undefined {
  const symbol = /[$€£¥₹]\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(k\b)?/i.exec(facts.text)
  if (symbol) {
    const value = Number(`${symbol[1]!.replace(/,/g, "")}${symbol[2] ? `.${symbol[2]}` : ""}`)
    return symbol[3] ? value * 1000 : value
  }
  const plain =
    /\b(\d{1,3}(?:,\d{3})+|\d+)\s*(k\b|thousand\b)?\s*(?:dollars?|euros?|pounds?|loan|mortgage|borrowed)\b/i.exec(
      facts.text,
    )
  if (plain) return Number(plain[1]!.replace(/,/g, "")) * (plain[2] ? 1000 : 1)
  const thousands = /\b(\d+)\s*k\b/i.exec(facts.text)
  return thousands ? Number(thousands[1]) * 1000 : undefined
}

function isMortgage(facts: PromptFacts): boolean {
  return /\b(?:mortgage|home loan|house)\b/.test(facts.lower)
}

/** The loan the prompt describes; what it leaves out is a typical car loan's, or a mortgage's when it says so. */
export function readLoanCalculator(facts: PromptFacts): {
  amount: number
  ratePercent: number
  years: number
  currency: string
  title: string
} {
  const mortgage = isMortgage(facts)
  return {
    amount: amountOf(facts) ?? (mortgage ? 300000 : 25000),
    ratePercent: rateOf(facts) ?? (mortgage ? 5.5 : 6.5),
    years: yearsOf(facts) ?? (mortgage ? 30 : 5),
    currency: facts.currency ?? "$",
    title: facts.quoted[0] ?? (mortgage ? "Mortgage calculator" : "Loan calculator"),
  }
}
