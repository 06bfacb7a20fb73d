import { capitalize, escapeRegExp, mentions, type PromptFacts } from "../../facts"
import { bool, num, records, sentenceList, str, type Values } from "../../recipe"
import { formatPrice } from "./inline/pricing"
import {
  amountsIn,
  BY_RANK,
  ctaFor,
  defaultBillingOf,
  discountOf,
  KNOWN,
  makeTier,
  popularIn,
  popularLabelOf,
  pricedNames,
  toggleWanted,
  type Tier,
} from "./reader"

/** What a follow-up changes: tiers added, removed or repriced, the highlight, the discount, the toggle, the heading. */
export function pricingFollowUp(facts: PromptFacts, values: Values): { values: Values; applied: string[] } {
  const next: Record<string, Values[string]> = { ...values }
  const applied: string[] = []
  let tiers = records<Tier>(values, "tiers")
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
