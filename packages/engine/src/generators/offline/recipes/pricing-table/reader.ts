import { capitalize, countOf, escapeRegExp, mentions, NUMBER_WORDS, type PromptFacts } from "../../facts"

/** One pricing tier, flat so it can live in a contract's JSON default: features are separated by ";". */
export interface Tier extends Record<string, string | number | boolean> {
  name: string
  /** The monthly price, in the table's currency. */
  monthly: number
  description: string
  features: string
  cta: string
}

interface Known {
  description: string
  features: string
  price: number
}

// What a tier called this usually offers; tiers are ordered cheapest first and each adds to the previous one.
export const KNOWN: Record<string, Known> = {
  free: {
    price: 0,
    description: "For individuals trying things out.",
    features: "Up to 3 projects; 1 GB storage; Basic analytics; Community support",
  },
  hobby: {
    price: 0,
    description: "For side projects and personal use.",
    features: "Up to 3 projects; 1 GB storage; Basic analytics; Community support",
  },
  personal: {
    price: 5,
    description: "For individuals who want a little more.",
    features: "Up to 10 projects; 10 GB storage; Basic analytics; Email support",
  },
  basic: {
    price: 9,
    description: "Everything you need to get going.",
    features: "Up to 10 projects; 10 GB storage; Basic analytics; Email support",
  },
  starter: {
    price: 9,
    description: "For freelancers getting started.",
    features: "Up to 10 projects; 10 GB storage; Basic analytics; Email support",
  },
  solo: {
    price: 9,
    description: "For independent makers.",
    features: "Up to 10 projects; 10 GB storage; Custom domain; Email support",
  },
  plus: {
    price: 15,
    description: "More room for growing work.",
    features: "Unlimited projects; 50 GB storage; Advanced analytics; Priority email support",
  },
  pro: {
    price: 15,
    description: "For professionals who need more.",
    features: "Unlimited projects; 100 GB storage; Advanced analytics; Custom domains; Priority support",
  },
  premium: {
    price: 25,
    description: "The full toolkit for power users.",
    features: "Unlimited projects; 250 GB storage; Advanced analytics; Custom domains; Priority support",
  },
  growth: {
    price: 49,
    description: "For companies finding their scale.",
    features: "Up to 50 members; 1 TB storage; Automations; API access",
  },
  team: {
    price: 35,
    description: "For growing teams that work together.",
    features: "Up to 25 members; 1 TB shared storage; Shared workspaces; Roles and permissions",
  },
  business: {
    price: 49,
    description: "For companies scaling up.",
    features: "Up to 100 members; 5 TB storage; SAML single sign-on; Audit log; Phone support",
  },
  scale: {
    price: 99,
    description: "For high-volume businesses.",
    features: "Unlimited members; 10 TB storage; Advanced permissions; Dedicated support",
  },
  enterprise: {
    price: 99,
    description: "For organisations with advanced needs.",
    features:
      "Unlimited members; SAML single sign-on and SCIM; Audit log; 99.99% uptime SLA; Dedicated success manager",
  },
}

// For names the table does not know, by position (cheapest first).
export const BY_RANK: Known[] = [
  KNOWN.starter!,
  KNOWN.pro!,
  KNOWN.team!,
  KNOWN.business!,
  { ...KNOWN.enterprise!, price: 149 },
]

const PRESETS: Record<number, string[]> = {
  1: ["Pro"],
  2: ["Free", "Pro"],
  3: ["Free", "Pro", "Team"],
  4: ["Free", "Pro", "Team", "Enterprise"],
  5: ["Free", "Starter", "Pro", "Team", "Enterprise"],
}

const NOT_A_TIER =
  /^(?:pricing|price|prices|plan|plans|tier|tiers|monthly|yearly|annual|annually|month|year|quarterly|weekly|i|a|an|the|make|add|with|and|save|saves|toggle|billing|each|every|per|only|just|my|our|page|table|section|it|free trial)$/i

function cleanName(raw: string): string {
  return raw
    .replace(/\s+(?:at|for|from|costs?|is|@|-|–|:)(?:\s.*)?$/i, "")
    .replace(/\s*[$€£¥₹]\s?\d.*$/, "")
    .replace(/\s+(?:plan|tier|package|option|level)s?$/i, "")
    .trim()
}

/** Prices written with a currency symbol, reading thousands separators ("$1,200" → 1200). */
export function amountsIn(facts: PromptFacts): number[] {
  return [...facts.text.matchAll(/[$€£¥₹]\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d{1,2})?)(?!\d)/g)].map(
    (match) => {
      const raw = match[1]!
      return Number(/,\d{3}/.test(raw) ? raw.replace(/,/g, "") : raw.replace(",", "."))
    },
  )
}

/** "Hobby (free), Pro $19 and Business $49": names written next to their prices. */
export function pricedNames(facts: PromptFacts): { name: string; price: number }[] {
  const found: { name: string; price: number }[] = []
  const pattern =
    /\b([A-Z][A-Za-z0-9+]*(?: [A-Z][A-Za-z0-9+]*)?)\s*(?:\(|:|-|–|\bat\b|\bfor\b|\bis\b|\bcosts?\b|@)?\s*(?:([$€£¥₹])\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s?[$€£¥₹]|\(?([Ff]ree|FREE)\b)/g
  for (const match of facts.text.matchAll(pattern)) {
    const name = match[1]!.trim()
    if (!/^[A-Z]/.test(name) || NOT_A_TIER.test(name)) continue
    const price = match[5] ? 0 : Number((match[3] ?? match[4])!.replace(/,/g, ""))
    if (!found.some((item) => item.name === name)) found.push({ name, price })
  }
  return found
}

/** The tier names of a listed enumeration ("Starter, Pro and Enterprise"), skipping billing words and features. */
function listedNames(facts: PromptFacts): string[] | undefined {
  for (const list of facts.lists) {
    const at = facts.text.indexOf(list[0] ?? "")
    const before = facts.text.slice(Math.max(0, at - 40), Math.max(0, at)).toLowerCase()
    if (/\b(?:features?|includ\w*|perks?|benefits?)\b/.test(before)) continue
    const names = list
      .map(cleanName)
      .filter((item) => /^[A-Za-z]/.test(item) && !NOT_A_TIER.test(item) && item.split(" ").length <= 3)
    if (names.length >= 2) return names.map(capitalize)
  }
  // Known tier names written as a run, even in lower case: "basic, pro and enterprise".
  const known = Object.keys(KNOWN).join("|")
  const run = new RegExp(
    `\\b(?:${known})\\b(?:\\s*(?:,|\\band\\b|\\bor\\b|&|/)\\s*(?:and\\s+|or\\s+)?(?:the\\s+)?(?:${known})\\b)+`,
  ).exec(facts.lower)
  if (run) return run[0].match(new RegExp(`\\b(?:${known})\\b`, "g"))!.map(capitalize)
  return undefined
}

function rankOf(index: number, count: number): number {
  // Spread the tiers over the ladder so the last one is the richest.
  if (count <= 1) return 1
  return Math.round((index * (BY_RANK.length - 1)) / (count - 1) - (count <= 3 ? 0.5 : 0) + 0.0001)
}

function knownFor(name: string, index: number, count: number): Known {
  return (
    KNOWN[name.toLowerCase()] ?? BY_RANK[Math.max(0, Math.min(rankOf(index, count), BY_RANK.length - 1))]!
  )
}

/** A tier's button: "Contact sales" for an enterprise tier, "Get started" for a free one, else "Get <name>". */
export function ctaFor(name: string, price: number): string {
  if (/enterprise|custom/i.test(name)) return "Contact sales"
  if (price === 0) return "Get started"
  return `Get ${name}`
}

/** A tier for a name and a price, with what a tier of that name (or rank) usually offers. */
export function makeTier(name: string, price: number, index: number, count: number): Tier {
  const known = knownFor(name, index, count)
  return {
    name,
    monthly: price,
    description: known.description,
    features: known.features,
    cta: ctaFor(name, price),
  }
}

/** The tiers the prompt names or prices, or a preset for how many it counts; cheapest first. */
export function tiersFor(facts: PromptFacts): Tier[] {
  const priced = pricedNames(facts)
  if (priced.length >= 2) {
    return priced.slice(0, 5).map((item, index) => makeTier(item.name, item.price, index, priced.length))
  }
  const count = countOf(facts, "tier", "plan", "pricing", "price", "package", "option", "level", "column")
  let names = listedNames(facts)
  if (!names) {
    const wanted = count ?? (amountsIn(facts).length >= 2 ? amountsIn(facts).length : 3)
    names = PRESETS[Math.min(Math.max(wanted, 1), 5)]!
  }
  names = names.slice(0, 5)
  const amounts = amountsIn(facts)
  const firstIsFree = KNOWN[names[0]!.toLowerCase()]?.price === 0 || /^free$/i.test(names[0]!)
  const offset = firstIsFree && amounts.length === names.length - 1 ? 1 : 0
  return names.map((name, index) => {
    const given = index - offset >= 0 ? amounts[index - offset] : undefined
    const fallback = knownFor(name, index, names.length).price
    return makeTier(name, index < offset ? 0 : (given ?? fallback), index, names.length)
  })
}

/** The yearly discount a prompt names: "save 15%", "2 months free". */
export function discountOf(facts: PromptFacts): number | undefined {
  const text = facts.lower
  const percent =
    /\b(?:save|saves|saving|savings|discount|off|less)\b\D{0,25}?(\d{1,2}(?:\.\d+)?)\s*%/.exec(text) ??
    /(\d{1,2}(?:\.\d+)?)\s*%\s*(?:off|discount|cheaper|less|saving|savings)\b/.exec(text) ??
    /(\d{1,2}(?:\.\d+)?)\s*%\s*(?:\w+\s+){0,3}(?:yearly|annual|annually|per year|a year)\b/.exec(text) ??
    /\b(?:yearly|annual|annually)\b\D{0,25}?(\d{1,2}(?:\.\d+)?)\s*%/.exec(text)
  if (percent) return Number(percent[1])
  const months = /\b(one|two|three|\d) months? free\b/.exec(text)
  if (months) {
    const n = NUMBER_WORDS[months[1]!] ?? Number(months[1])
    return Math.round((n / 12) * 100)
  }
  return undefined
}

/** The tier a prompt highlights: "highlight Business", "Pro is the most popular". */
export function popularIn(facts: PromptFacts, names: readonly string[]): string | undefined {
  for (const name of names) {
    const n = escapeRegExp(name.toLowerCase())
    const after = new RegExp(
      `\\b${n}\\b[^.,;]{0,30}?\\b(?:most popular|popular|recommended|highlighted|featured|best value|the highlight)\\b`,
    )
    const before = new RegExp(
      `\\b(?:highlight|highlights|highlighted|highlighting|feature|featured|recommend|recommended|emphasi[sz]e|popular)\\b(?:\\s+[a-z]+){0,3}?\\s+${n}\\b`,
    )
    if (after.test(facts.lower) || before.test(facts.lower)) return name
  }
  return undefined
}

/** The highlighted tier's badge a prompt names: "recommended", "best value". */
export function popularLabelOf(facts: PromptFacts): string | undefined {
  if (mentions(facts, "best value")) return "Best value"
  if (mentions(facts, "recommended")) return "Recommended"
  if (mentions(facts, "most popular", "popular")) return "Most popular"
  return undefined
}

/** "Yearly", or "Annual" when the prompt says annual. */
export function yearlyLabelOf(facts: PromptFacts): string {
  return mentions(facts, "annual", "annually") ? "Annual" : "Yearly"
}

/** The billing period a prompt shows first: "default to yearly". */
export function defaultBillingOf(facts: PromptFacts): "monthly" | "yearly" | undefined {
  if (
    /\b(?:default(?:s|ing)? to|start(?:s|ing)? (?:on|with)|show(?:ing)?) (?:the )?(?:yearly|annual)\b|\b(?:yearly|annual)(?: billing| prices?| pricing)? (?:by default|selected|first|as (?:the )?default)\b/.test(
      facts.lower,
    )
  )
    return "yearly"
  if (
    /\b(?:default(?:s|ing)? to|start(?:s|ing)? (?:on|with)) (?:the )?monthly\b|\bmonthly(?: billing| prices?)? (?:by default|selected|first)\b/.test(
      facts.lower,
    )
  )
    return "monthly"
  return undefined
}

/** Whether the prompt asks for the monthly/yearly toggle (true), asks to drop it (false) or says nothing. */
export function toggleWanted(facts: PromptFacts): boolean | undefined {
  if (
    /\b(?:no|without|remove|drop|hide|get rid of)(?: the| a)? (?:billing |monthly[/ -]yearly |yearly |annual )?(?:toggle|switch)\b|\bmonthly (?:prices? )?only\b|\bonly monthly\b/.test(
      facts.lower,
    )
  )
    return false
  if (/\b(?:toggle|switch)\b/.test(facts.lower) || mentions(facts, "yearly", "annual", "annually"))
    return true
  return undefined
}

/** The heading a prompt quotes, when the quote is not a tier's name. */
export function headingOf(facts: PromptFacts, names: readonly string[]): string | undefined {
  return facts.quoted.find((quote) => !names.includes(quote) && quote.split(" ").length >= 2)
}

/** The tiers the prompt names or prices (or a preset for how many it counts), and how billing and the highlight work. */
export function readPricingTable(facts: PromptFacts): {
  tiers: Tier[]
  currency: string
  billingToggle: boolean
  defaultBilling: "monthly" | "yearly"
  yearlyDiscount: number
  yearlyLabel: string
  popular: string
  popularLabel: string
  heading: string
  subheading: string
} {
  const tiers = tiersFor(facts)
  const names = tiers.map((tier) => tier.name)
  return {
    tiers,
    currency: facts.currency ?? "$",
    billingToggle: toggleWanted(facts) ?? true,
    defaultBilling: defaultBillingOf(facts) ?? "monthly",
    yearlyDiscount: discountOf(facts) ?? 20,
    yearlyLabel: yearlyLabelOf(facts),
    popular: popularIn(facts, names) ?? names[Math.min(names.length - 1, Math.floor(names.length / 2))] ?? "",
    popularLabel: popularLabelOf(facts) ?? "Most popular",
    heading: headingOf(facts, names) ?? "Simple, transparent pricing",
    subheading: "Start free, upgrade when you need more. Cancel anytime.",
  }
}
