import { capitalize, countOf, mentions, type PromptFacts } from "../../facts"

/** Currency codes by the symbol a prompt writes. */
export const CODES: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR" }

function nameOf(facts: PromptFacts): string {
  const quoted = facts.quoted.find((item) => item.split(" ").length <= 6)
  if (quoted) return quoted
  const called =
    /\b(?:for|called|named|selling|sells)\s+(?:an?\s+|the\s+|our\s+)?([A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}?)(?=\s+(?:for|at|priced|costing|with|that|which|and|in|on)\b|[.,;!?]|$)/i.exec(
      facts.text,
    )
  const candidate = called?.[1]?.trim()
  if (candidate && !/^(a|an|the|my|our|shop|store|product|item|e-?commerce|ecommerce)$/i.test(candidate))
    return candidate.split(" ").map(capitalize).join(" ")
  // A capitalised name written as is: "an ecommerce product card, Nike Air Max 90, $129.99".
  const proper =
    /(?:^|[,:;(]\s*|\s)([A-Z][\w'’-]*(?:\s+[A-Z0-9][\w'’-]*){1,4})(?=\s*(?:[,;.)]|$|\s+(?:for|at|priced|costing|with|in)\b))/.exec(
      facts.text.slice(1),
    )
  if (proper && !/^(Add|Buy|Product|Shop|Sale|New)\b/.test(proper[1]!)) return proper[1]!
  return "Aurora Wireless Headphones"
}

function ratingOf(facts: PromptFacts): number {
  const match = /(\d(?:\.\d)?)\s*(?:\/\s*5|out of 5|stars?|-star|★)/.exec(facts.lower)
  const value = match ? Number(match[1]) : 4.5
  return Math.min(Math.max(value, 0), 5)
}

function priceOf(facts: PromptFacts): { price: number; compareAt: number } {
  // "$1,299" is read as 1.299 by the shared facts: read the amounts here with thousands separators.
  const amounts = [...facts.text.matchAll(/[$€£¥₹]\s?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)/g)].map((match) =>
    Number(match[1]!.replace(/,/g, "")),
  )
  const words = [...facts.text.matchAll(/\b(\d+(?:\.\d+)?)\s*(?:dollars|euros?|pounds|usd|eur|gbp)\b/gi)].map(
    (match) => Number(match[1]),
  )
  const all = [...amounts, ...words]
  const price = all[0] ?? 129
  const second = all[1]
  const onSale = mentions(
    facts,
    "sale",
    "discount",
    "discounted",
    "was",
    "reduced",
    "marked down",
    "compare at",
  )
  if (second !== undefined) {
    return second > price ? { price, compareAt: second } : { price: second, compareAt: price }
  }
  return { price, compareAt: onSale ? Math.round(price * 1.3) : 0 }
}

function badgeOf(facts: PromptFacts, compareAt: number): string {
  if (mentions(facts, "new", "new arrival", "just in")) return "New"
  if (mentions(facts, "bestseller", "best seller", "best-seller", "popular")) return "Bestseller"
  if (compareAt > 0 || mentions(facts, "sale", "discount")) return "Sale"
  if (mentions(facts, "limited")) return "Limited"
  return ""
}

function descriptionOf(facts: PromptFacts, name: string): string {
  const long = facts.quoted.find((item) => item !== name && item.split(" ").length > 3)
  if (long) return long
  name = `${name} ${facts.lower}`
  if (/headphone|earbud|speaker|audio/i.test(name))
    return "Noise-cancelling, 30-hour battery and a fold-flat design."
  if (/shoe|sneaker|boot|trainer/i.test(name)) return "Breathable knit upper with a cushioned, recycled sole."
  if (/mug|cup|bottle/i.test(name)) return "Double-walled to keep drinks hot for 12 hours."
  if (/shirt|tee|hoodie|jacket|dress|sweater/i.test(name)) return "Organic cotton, relaxed fit, made to last."
  if (/watch|clock/i.test(name)) return "Sapphire glass, 5 ATM water resistance and a 2-year warranty."
  if (/lamp|light|chair|desk|table|sofa/i.test(name)) return "Solid oak and steel, designed in Copenhagen."
  if (/bag|backpack|wallet/i.test(name))
    return "Roomy main compartment, sturdy straps and a padded laptop sleeve."
  return "Thoughtfully made, ships free in 2–3 business days."
}

type Currency = "USD" | "EUR" | "GBP" | "JPY" | "INR"

/** The product the prompt describes: its name, prices (a sale's "was" price), rating, reviews and badge. */
export function readProductCard(facts: PromptFacts): {
  name: string
  description: string
  price: number
  compareAtPrice: number
  currency: Currency
  rating: number
  reviewCount: number
  badge: string
  showWishlist: boolean
} {
  const name = nameOf(facts)
  const { price, compareAt } = priceOf(facts)
  return {
    name,
    description: descriptionOf(facts, name),
    price,
    compareAtPrice: compareAt,
    currency: (CODES[facts.currency ?? "$"] ?? "USD") as Currency,
    rating: ratingOf(facts),
    reviewCount: countOf(facts, "review", "rating") ?? 128,
    badge: badgeOf(facts, compareAt),
    showWishlist: !mentions(facts, "no wishlist", "without wishlist", "without a wishlist"),
  }
}
