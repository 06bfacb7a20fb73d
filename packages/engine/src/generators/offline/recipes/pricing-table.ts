import { capitalize, countOf, escapeRegExp, mentions, type PromptFacts } from "../facts"
import {
  bool,
  num,
  records,
  sentenceList,
  str,
  type Recipe,
  type RenderContext,
  type Values,
} from "../recipe"

/** One pricing tier, flat so it can live in a contract's JSON default: features are separated by ";". */
interface Tier extends Record<string, string | number | boolean> {
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
const KNOWN: Record<string, Known> = {
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
const BY_RANK: Known[] = [
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
function amountsIn(facts: PromptFacts): number[] {
  return [...facts.text.matchAll(/[$€£¥₹]\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d{1,2})?)(?!\d)/g)].map(
    (match) => {
      const raw = match[1]!
      return Number(/,\d{3}/.test(raw) ? raw.replace(/,/g, "") : raw.replace(",", "."))
    },
  )
}

/** "Hobby (free), Pro $19 and Business $49": names written next to their prices. */
function pricedNames(facts: PromptFacts): { name: string; price: number }[] {
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

function ctaFor(name: string, price: number): string {
  if (/enterprise|custom/i.test(name)) return "Contact sales"
  if (price === 0) return "Get started"
  return `Get ${name}`
}

function makeTier(name: string, price: number, index: number, count: number): Tier {
  const known = knownFor(name, index, count)
  return {
    name,
    monthly: price,
    description: known.description,
    features: known.features,
    cta: ctaFor(name, price),
  }
}

function tiersFor(facts: PromptFacts): Tier[] {
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

function discountOf(facts: PromptFacts): number | undefined {
  const text = facts.lower
  const percent =
    /\b(?:save|saves|saving|savings|discount|off|less)\b\D{0,25}?(\d{1,2}(?:\.\d+)?)\s*%/.exec(text) ??
    /(\d{1,2}(?:\.\d+)?)\s*%\s*(?:off|discount|cheaper|less|saving|savings)\b/.exec(text) ??
    /(\d{1,2}(?:\.\d+)?)\s*%\s*(?:\w+\s+){0,3}(?:yearly|annual|annually|per year|a year)\b/.exec(text) ??
    /\b(?:yearly|annual|annually)\b\D{0,25}?(\d{1,2}(?:\.\d+)?)\s*%/.exec(text)
  if (percent) return Number(percent[1])
  const months = /\b(one|two|three|\d) months? free\b/.exec(text)
  if (months) {
    const n = { one: 1, two: 2, three: 3 }[months[1]!] ?? Number(months[1])
    return Math.round((n / 12) * 100)
  }
  return undefined
}

function popularIn(facts: PromptFacts, names: readonly string[]): string | undefined {
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

function popularLabelOf(facts: PromptFacts): string | undefined {
  if (mentions(facts, "best value")) return "Best value"
  if (mentions(facts, "recommended")) return "Recommended"
  if (mentions(facts, "most popular", "popular")) return "Most popular"
  return undefined
}

function yearlyLabelOf(facts: PromptFacts): string {
  return mentions(facts, "annual", "annually") ? "Annual" : "Yearly"
}

function defaultBillingOf(facts: PromptFacts): "monthly" | "yearly" | undefined {
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

function toggleWanted(facts: PromptFacts): boolean | undefined {
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

function headingOf(facts: PromptFacts, names: readonly string[]): string | undefined {
  return facts.quoted.find((quote) => !names.includes(quote) && quote.split(" ").length >= 2)
}

/** The price as the component writes it: "$12", "$23.20", "€1,200". */
export function formatPrice(currency: string, amount: number): string {
  const rounded = Math.round(amount * 100) / 100
  return `${currency}${rounded.toLocaleString("en-US", {
    minimumFractionDigits: Number.isInteger(rounded) ? 0 : 2,
    maximumFractionDigits: 2,
  })}`
}

function tiersOf(values: Values): Tier[] {
  return records<Tier>(values, "tiers")
}

function yearlyMonthly(tier: Tier, discount: number): number {
  return tier.monthly * (1 - discount / 100)
}

/** The tier the tests and requirements use as their example: the highlighted one when it is paid. */
function exampleTier(values: Values): Tier | undefined {
  const tiers = tiersOf(values)
  const popular = tiers.find((tier) => tier.name === str(values, "popular"))
  if (popular && popular.monthly > 0) return popular
  return tiers.find((tier) => tier.monthly > 0) ?? tiers[0]
}

function featureList(tier: Tier): string[] {
  return tier.features
    .split(";")
    .map((feature) => feature.trim())
    .filter(Boolean)
}

function billedLine(tier: Tier, billing: "monthly" | "yearly", currency: string, discount: number): string {
  if (tier.monthly <= 0) return "Free forever"
  if (billing === "monthly") return "Billed monthly"
  return `${formatPrice(currency, yearlyMonthly(tier, discount) * 12)} billed yearly`
}

function followUp(facts: PromptFacts, values: Values): { values: Values; applied: string[] } {
  const next: Record<string, Values[string]> = { ...values }
  const applied: string[] = []
  let tiers = tiersOf(values)
  const currency = str(values, "currency", "$")

  // Remove a tier: "drop the Free tier", "remove Team".
  const removed = tiers.filter((tier) =>
    new RegExp(
      `\\b(?:remove|drop|delete|get rid of|without)\\b(?:\\s+the)?\\s+${escapeRegExp(tier.name.toLowerCase())}\\b`,
    ).test(facts.lower),
  )
  if (removed.length > 0 && removed.length < tiers.length) {
    tiers = tiers.filter((tier) => !removed.includes(tier))
    applied.push(`removed the ${sentenceList(removed.map((tier) => tier.name))} tier`)
  }

  // Add a tier: "add an Enterprise tier at $99", 'add a tier called "Scale"'.
  const add =
    /\badd(?:\s+(?:a|an|another|one more))?\s+(?:tier|plan)\s+(?:called|named)\s+["“']?([A-Za-z][\w+ ]{0,20}?)["”']?(?=$|[\s,.!]|\s+(?:at|for)\b)/i.exec(
      facts.text,
    ) ??
    /\badd(?:\s+(?:a|an|another|one more))?\s+["“']?([A-Z][\w+]*(?: [A-Z][\w+]*)?)["”']?\s+(?:tier|plan)\b/i.exec(
      facts.text,
    )
  if (add && tiers.length < 5) {
    const name = capitalize(add[1]!.trim())
    if (!tiers.some((tier) => tier.name.toLowerCase() === name.toLowerCase())) {
      const last = tiers[tiers.length - 1]
      const price =
        amountsIn(facts)[0] ??
        KNOWN[name.toLowerCase()]?.price ??
        Math.max((last?.monthly ?? 0) * 2, BY_RANK[Math.min(tiers.length, BY_RANK.length - 1)]!.price)
      // Keep the tiers cheapest first: the new one goes before the first dearer tier.
      const at = tiers.findIndex((tier) => tier.monthly > price)
      const position = at < 0 ? tiers.length : at
      const tier = makeTier(name, price, position, tiers.length + 1)
      tiers = [...tiers.slice(0, position), tier, ...tiers.slice(position)]
      applied.push(`added the ${name} tier at ${formatPrice(facts.currency ?? currency, price)}/month`)
    }
  } else if (amountsIn(facts).length >= 2) {
    // New prices: "$10, $25 and $60".
    tiers = tiers.map((tier, index) => {
      const monthly = amountsIn(facts)[index]
      return monthly === undefined ? tier : { ...tier, monthly, cta: ctaFor(tier.name, monthly) }
    })
    applied.push(
      `prices ${sentenceList(amountsIn(facts).map((amount) => formatPrice(facts.currency ?? currency, amount)))}`,
    )
  } else {
    // One new price: "make Pro $19".
    const priced = pricedNames(facts)
    for (const item of priced) {
      const index = tiers.findIndex((tier) => tier.name.toLowerCase() === item.name.toLowerCase())
      if (index < 0) continue
      tiers[index] = { ...tiers[index]!, monthly: item.price, cta: ctaFor(tiers[index]!.name, item.price) }
      applied.push(`${tiers[index]!.name} at ${formatPrice(facts.currency ?? currency, item.price)}/month`)
    }
  }
  if (facts.currency && facts.currency !== currency) {
    next.currency = facts.currency
    applied.push(`prices in ${facts.currency}`)
  }
  const names = tiers.map((tier) => tier.name)
  const popular = popularIn(facts, names)
  if (popular && popular !== str(values, "popular")) {
    next.popular = popular
    applied.push(`${popular} highlighted`)
  } else if (!names.includes(str(values, "popular"))) {
    next.popular = names[Math.min(names.length - 1, Math.floor(names.length / 2))] ?? ""
  }
  const label = popularLabelOf(facts)
  if (label && label !== str(values, "popularLabel") && (popular || !mentions(facts, "most popular"))) {
    next.popularLabel = label
    applied.push(`"${label}" badge`)
  }
  const discount = discountOf(facts)
  if (discount !== undefined && discount !== num(values, "yearlyDiscount")) {
    next.yearlyDiscount = discount
    applied.push(`yearly discount of ${discount}%`)
  }
  const toggle = toggleWanted(facts)
  if (toggle !== undefined && toggle !== bool(values, "billingToggle", true)) {
    next.billingToggle = toggle
    applied.push(toggle ? "a monthly/yearly toggle" : "no billing toggle")
  }
  const billing = defaultBillingOf(facts)
  if (billing && billing !== str(values, "defaultBilling")) {
    next.defaultBilling = billing
    applied.push(`${billing} prices shown first`)
  }
  const heading = facts.quoted.find((quote) => !names.includes(quote) && quote.split(" ").length >= 2)
  if (heading && /\b(?:title|heading|headline|call it|say)\b/.test(facts.lower)) {
    next.heading = heading
    applied.push(`heading "${heading}"`)
  }
  next.tiers = tiers
  return { values: next, applied }
}

function component(context: RenderContext): string {
  return `import { useId, useState } from "react"
import { Check } from "lucide-react"
import { Badge } from "@/components/ui/badge"
import { Button } from "@/components/ui/button"
${context.lookImports}

/** A pricing tier. \`features\` lists what it includes, separated by ";". */
export interface Tier {
  name: string
  /** The monthly price, in \`currency\`. */
  monthly: number
  description: string
  features: string
  cta: string
}

export type Billing = "monthly" | "yearly"

${context.propsInterface}

${context.defaults}

const GRID_COLUMNS: Record<number, string> = {
  1: "mx-auto max-w-sm",
  2: "mx-auto max-w-3xl md:grid-cols-2",
  3: "md:grid-cols-3",
  4: "sm:grid-cols-2 lg:grid-cols-4",
}

function formatPrice(currency: string, amount: number): string {
  const rounded = Math.round(amount * 100) / 100
  return \`\${currency}\${rounded.toLocaleString("en-US", {
    minimumFractionDigits: Number.isInteger(rounded) ? 0 : 2,
    maximumFractionDigits: 2,
  })}\`
}

function featuresOf(tier: Tier): string[] {
  return tier.features
    .split(";")
    .map((feature) => feature.trim())
    .filter(Boolean)
}

${context.signature}
  ${context.look}
  const id = useId()
  const [chosen, setChosen] = useState<Billing>(defaultBilling)
  const billing: Billing = billingToggle ? chosen : defaultBilling
  const yearly = billing === "yearly"
  const factor = 1 - Math.min(Math.max(yearlyDiscount, 0), 100) / 100
  const periods: { value: Billing; label: string }[] = [
    { value: "monthly", label: "Monthly" },
    { value: "yearly", label: yearlyLabel },
  ]
  return (
    <section
      aria-labelledby={\`\${id}-heading\`}
      className={cn(look.className, "mx-auto w-full px-4 py-12 sm:px-6", tiers.length > 3 ? "max-w-6xl" : "max-w-5xl")}
      style={look.style}
    >
      <header className="mx-auto flex max-w-2xl flex-col items-center gap-3 text-center">
        <h2 id={\`\${id}-heading\`} className="text-3xl font-bold tracking-tight sm:text-4xl">
          {heading}
        </h2>
        {subheading && <p className="text-base text-muted-foreground">{subheading}</p>}
        {billingToggle && (
          <div
            role="group"
            aria-label="Billing period"
            className="mt-4 inline-flex items-center gap-1 rounded-full border bg-muted p-1"
          >
            {periods.map((period) => (
              <button
                key={period.value}
                type="button"
                aria-pressed={billing === period.value}
                onClick={() => setChosen(period.value)}
                className={cn(
                  "inline-flex items-center gap-2 rounded-full px-4 py-1.5 text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background",
                  billing === period.value
                    ? "bg-background text-foreground shadow-sm"
                    : "text-muted-foreground hover:text-foreground",
                )}
              >
                {period.label}
                {period.value === "yearly" && yearlyDiscount > 0 && (
                  <span className="rounded-full bg-primary/10 px-2 py-0.5 text-xs font-semibold text-primary">
                    Save {yearlyDiscount}%
                  </span>
                )}
              </button>
            ))}
          </div>
        )}
        <p className="sr-only" aria-live="polite">
          {yearly ? "Showing yearly prices" : "Showing monthly prices"}
        </p>
      </header>
      <ul className={cn("mt-12 grid items-stretch gap-6", GRID_COLUMNS[tiers.length] ?? "sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5")}>
        {tiers.map((tier, index) => {
          const highlighted = tier.name === popular
          const price = yearly ? tier.monthly * factor : tier.monthly
          const previous = index > 0 ? tiers[index - 1] : undefined
          const headingId = \`\${id}-tier-\${index}\`
          return (
            <li key={tier.name} className="flex">
              <article
                aria-labelledby={headingId}
                className={cn(
                  "relative flex w-full flex-col rounded-xl border bg-card p-6 text-card-foreground shadow-sm",
                  highlighted && "border-primary shadow-lg ring-1 ring-primary",
                )}
              >
                {highlighted && (
                  <Badge className="absolute -top-3 left-1/2 -translate-x-1/2 px-3 py-1">{popularLabel}</Badge>
                )}
                <h3 id={headingId} className="text-lg font-semibold">
                  {tier.name}
                </h3>
                <p className="mt-1 text-sm text-muted-foreground sm:min-h-10">{tier.description}</p>
                <div className="mt-6 flex flex-wrap items-baseline gap-x-2">
                  <span className="text-4xl font-bold tracking-tight">{formatPrice(currency, price)}</span>
                  <span className="text-sm text-muted-foreground">/month</span>
                  {yearly && tier.monthly > 0 && factor < 1 && (
                    <span className="text-sm text-muted-foreground line-through">
                      <span className="sr-only">Regular price </span>
                      {formatPrice(currency, tier.monthly)}
                    </span>
                  )}
                </div>
                <p className="mt-1 text-xs text-muted-foreground">
                  {tier.monthly <= 0
                    ? "Free forever"
                    : yearly
                      ? \`\${formatPrice(currency, tier.monthly * factor * 12)} billed yearly\`
                      : "Billed monthly"}
                </p>
                <Button
                  className="mt-6 w-full"
                  variant={highlighted ? "default" : "outline"}
                  onClick={() => onSelect?.(tier.name, billing)}
                >
                  {tier.cta}
                </Button>
                {previous && (
                  <p className="mt-6 text-sm font-medium">Everything in {previous.name}, plus:</p>
                )}
                <ul aria-label={\`\${tier.name} features\`} className={cn("flex flex-col gap-3 text-sm", previous ? "mt-3" : "mt-6")}>
                  {featuresOf(tier).map((feature) => (
                    <li key={feature} className="flex items-start gap-2">
                      <Check aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-primary" />
                      <span>{feature}</span>
                    </li>
                  ))}
                </ul>
              </article>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
`
}

/** Text from the prompt made safe inside a test's title string. */
function plain(text: string): string {
  return text.replace(/["'`\\$]/g, "")
}

function tests(context: RenderContext): string {
  const { values, lit, name } = context
  const tiers = tiersOf(values)
  const currency = str(values, "currency", "$")
  const discount = num(values, "yearlyDiscount")
  const yearlyLabel = str(values, "yearlyLabel", "Yearly")
  const example = exampleTier(values)
  const popular = tiers.find((tier) => tier.name === str(values, "popular"))
  const yearlyButton = `screen.getByRole("button", { name: new RegExp(${lit(`^${escapeRegExp(yearlyLabel)}`)}) })`
  const out: string[] = []

  out.push(`it("${context.id("tiers")}: shows the ${plain(sentenceList(tiers.map((tier) => tier.name)))} tiers, in that order", () => {
  render(<${name} />)
  const names = screen.getAllByRole("heading", { level: 3 }).map((heading) => heading.textContent)
  expect(names).toEqual(${lit(tiers.map((tier) => tier.name))})
${tiers
  .map(
    (tier) =>
      `  expect(within(screen.getByRole("article", { name: ${lit(tier.name)} })).getByText(${lit(tier.description)})).toBeInTheDocument()`,
  )
  .join("\n")}
})`)

  out.push(`it("${context.id("prices")}: shows each tier's monthly price", () => {
  render(<${name} defaultBilling="monthly" />)
${tiers
  .map(
    (tier) =>
      `  expect(within(screen.getByRole("article", { name: ${lit(tier.name)} })).getByText(${lit(
        formatPrice(currency, tier.monthly),
      )})).toBeInTheDocument()`,
  )
  .join("\n")}
})`)

  if (context.has("toggle") && example) {
    const yearlyPrice = formatPrice(currency, yearlyMonthly(example, discount))
    out.push(`it("${context.id("toggle")}: the billing toggle switches to yearly prices, ${discount}% less", async () => {
  const user = userEvent.setup()
  render(<${name} defaultBilling="monthly" />)
  expect(screen.getByRole("button", { name: "Monthly" })).toHaveAttribute("aria-pressed", "true")
  const tier = screen.getByRole("article", { name: ${lit(example.name)} })
  expect(within(tier).getByText(${lit(billedLine(example, "monthly", currency, discount))})).toBeInTheDocument()
  await user.click(${yearlyButton})
  expect(${yearlyButton}).toHaveAttribute("aria-pressed", "true")
  expect(screen.getByRole("button", { name: "Monthly" })).toHaveAttribute("aria-pressed", "false")
  expect(within(tier).getByText(${lit(yearlyPrice)})).toBeInTheDocument()
  expect(within(tier).getByText(${lit(billedLine(example, "yearly", currency, discount))})).toBeInTheDocument()
  await user.click(screen.getByRole("button", { name: "Monthly" }))
  expect(within(tier).getByText(${lit(formatPrice(currency, example.monthly))})).toBeInTheDocument()
})`)
  }
  if (context.has("savings")) {
    out.push(`it("${context.id("savings")}: the ${plain(yearlyLabel.toLowerCase())} option says it saves ${discount}%", () => {
  render(<${name} />)
  expect(${yearlyButton}).toHaveTextContent(${lit(`Save ${discount}%`)})
})`)
  }
  if (context.has("initial") && example) {
    out.push(`it("${context.id("initial")}: shows yearly prices at first", () => {
  render(<${name} />)
  expect(${yearlyButton}).toHaveAttribute("aria-pressed", "true")
  const tier = screen.getByRole("article", { name: ${lit(example.name)} })
  expect(within(tier).getByText(${lit(formatPrice(currency, yearlyMonthly(example, discount)))})).toBeInTheDocument()
})`)
  }
  if (context.has("noToggle")) {
    out.push(`it("${context.id("noToggle")}: has no billing toggle", () => {
  render(<${name} />)
  expect(screen.queryByRole("group", { name: "Billing period" })).not.toBeInTheDocument()
  expect(screen.queryByRole("button", { name: /^Monthly/ })).not.toBeInTheDocument()
})`)
  }
  if (context.has("popular") && popular) {
    const label = str(values, "popularLabel", "Most popular")
    out.push(`it("${context.id("popular")}: highlights ${plain(popular.name)} as ${plain(label)}", () => {
  render(<${name} />)
  expect(within(screen.getByRole("article", { name: ${lit(popular.name)} })).getByText(${lit(label)})).toBeInTheDocument()
  expect(screen.getAllByText(${lit(label)})).toHaveLength(1)
})`)
  }
  out.push(`it("${context.id("features")}: lists each tier's features", () => {
  render(<${name} />)
${tiers
  .map((tier) => {
    const features = featureList(tier)
    return `  {
    const list = screen.getByRole("list", { name: ${lit(`${tier.name} features`)} })
    expect(within(list).getAllByRole("listitem")).toHaveLength(${features.length})
${features.length > 0 ? `    expect(within(list).getByText(${lit(features[0]!)})).toBeInTheDocument()\n` : ""}  }`
  })
  .join("\n")}
})`)
  if (example) {
    out.push(`it("${context.id("select")}: each tier's button calls onSelect with the tier and the billing period", async () => {
  const user = userEvent.setup()
  const onSelect = vi.fn()
  render(<${name} defaultBilling="monthly" onSelect={onSelect} />)
  const tier = screen.getByRole("article", { name: ${lit(example.name)} })
  await user.click(within(tier).getByRole("button", { name: ${lit(example.cta)} }))
  expect(onSelect).toHaveBeenLastCalledWith(${lit(example.name)}, "monthly")${
    context.has("toggle")
      ? `
  await user.click(${yearlyButton})
  await user.click(within(tier).getByRole("button", { name: ${lit(example.cta)} }))
  expect(onSelect).toHaveBeenLastCalledWith(${lit(example.name)}, "yearly")`
      : ""
  }
  expect(onSelect).toHaveBeenCalledTimes(${context.has("toggle") ? 2 : 1})
})`)
  }
  return out.join("\n\n")
}

/**
 * A pricing table: tiers with prices, descriptions and feature lists, a monthly/yearly toggle with a yearly
 * discount, a highlighted tier and a call to action per tier.
 */
export const pricingTable: Recipe = {
  kind: "pricing-table",
  title: "Pricing table",
  names: ["PricingTable"],
  keywords: {
    strong: [
      "pricing table",
      "pricing",
      "pricing page",
      "pricing section",
      "price table",
      "pricing plans",
      "pricing tiers",
      "plans page",
      "plans section",
      "subscription plans",
      "plan comparison",
    ],
    weak: [
      "tiers",
      "plans",
      "per month",
      "monthly/yearly",
      "subscription",
      "most popular",
      "billed yearly",
      "upgrade",
    ],
  },
  callbacks: [
    {
      name: "onSelect",
      type: '(tier: string, billing: "monthly" | "yearly") => void',
      description: "Called with the tier's name and the billing period when a tier's button is clicked.",
    },
  ],
  params: (facts) => {
    const tiers = tiersFor(facts)
    const names = tiers.map((tier) => tier.name)
    const popular =
      popularIn(facts, names) ?? names[Math.min(names.length - 1, Math.floor(names.length / 2))] ?? ""
    return [
      {
        name: "tiers",
        type: "Tier[]",
        value: tiers,
        description:
          "The tiers, cheapest first: name, monthly price, description, features (separated by ;) and button label.",
      },
      {
        name: "currency",
        type: "string",
        value: facts.currency ?? "$",
        description: "The currency symbol written before prices.",
        control: "text",
      },
      {
        name: "billingToggle",
        type: "boolean",
        value: toggleWanted(facts) ?? true,
        description: "Shows the monthly/yearly billing toggle.",
        control: "boolean",
      },
      {
        name: "defaultBilling",
        type: '"monthly" | "yearly"',
        value: defaultBillingOf(facts) ?? "monthly",
        description: "The billing period shown at first.",
        control: "select",
        options: ["monthly", "yearly"],
      },
      {
        name: "yearlyDiscount",
        type: "number",
        value: discountOf(facts) ?? 20,
        description: "How much cheaper yearly billing is, in percent.",
        control: "number",
      },
      {
        name: "yearlyLabel",
        type: "string",
        value: yearlyLabelOf(facts),
        description: "The label of the yearly billing option.",
        control: "text",
      },
      {
        name: "popular",
        type: "string",
        value: popular,
        description: "The name of the highlighted tier; empty highlights none.",
        control: "text",
      },
      {
        name: "popularLabel",
        type: "string",
        value: popularLabelOf(facts) ?? "Most popular",
        description: "The badge on the highlighted tier.",
        control: "text",
      },
      {
        name: "heading",
        type: "string",
        value: headingOf(facts, names) ?? "Simple, transparent pricing",
        description: "The heading above the tiers.",
        control: "text",
      },
      {
        name: "subheading",
        type: "string",
        value: "Start free, upgrade when you need more. Cancel anytime.",
        description: "The line under the heading; empty hides it.",
        control: "text",
      },
    ]
  },
  summary: (values) => {
    const tiers = tiersOf(values)
    const currency = str(values, "currency", "$")
    const toggle = bool(values, "billingToggle", true)
    const popular = str(values, "popular")
    return (
      `A pricing table with ${sentenceList(tiers.map((tier) => `${tier.name} (${formatPrice(currency, tier.monthly)}/month)`))} ${tiers.length === 1 ? "tier" : "tiers"}` +
      (toggle
        ? `, a monthly/${str(values, "yearlyLabel", "Yearly").toLowerCase()} toggle saving ${num(values, "yearlyDiscount")}% yearly`
        : "") +
      (popular ? ` and ${popular} highlighted as "${str(values, "popularLabel")}"` : "") +
      "."
    )
  },
  requirements: (values) => {
    const tiers = tiersOf(values)
    const currency = str(values, "currency", "$")
    const discount = num(values, "yearlyDiscount")
    const toggle = bool(values, "billingToggle", true)
    const example = exampleTier(values)
    const popular = tiers.find((tier) => tier.name === str(values, "popular"))
    const yearlyLabel = str(values, "yearlyLabel", "Yearly")
    const list: [string, string][] = [
      [
        "tiers",
        `Shows the ${sentenceList(tiers.map((tier) => tier.name))} tiers, in that order, each with a short description`,
      ],
      [
        "prices",
        `Shows monthly prices: ${sentenceList(tiers.map((tier) => `${tier.name} ${formatPrice(currency, tier.monthly)}`))}`,
      ],
    ]
    if (toggle && example) {
      list.push([
        "toggle",
        `A Monthly/${yearlyLabel} toggle switches to yearly billing, ${discount}% less (${example.name}: ${formatPrice(
          currency,
          yearlyMonthly(example, discount),
        )}/month, ${billedLine(example, "yearly", currency, discount)})`,
      ])
      if (discount > 0) list.push(["savings", `The ${yearlyLabel} option says "Save ${discount}%"`])
      if (str(values, "defaultBilling") === "yearly")
        list.push(["initial", "Yearly prices are shown at first"])
    }
    if (!toggle) list.push(["noToggle", "Has no monthly/yearly toggle"])
    if (popular)
      list.push(["popular", `Highlights ${popular.name} with a "${str(values, "popularLabel")}" badge`])
    list.push(["features", "Lists each tier's features with a check mark"])
    if (example)
      list.push([
        "select",
        `Each tier's button (e.g. "${example.cta}") calls onSelect with the tier's name and the billing period`,
      ])
    return list
  },
  component,
  tests,
  followUp,
  followUpHints: [
    "highlight a tier (make Team the most popular)",
    "a yearly discount (save 25%)",
    "add or remove a tier (add an Enterprise tier at $99)",
    "new prices ($10, $25 and $60)",
    "a currency (in euros)",
    "no toggle or yearly by default",
  ],
}
