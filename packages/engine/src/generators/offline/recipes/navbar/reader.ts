import { countOf, mentions, type PromptFacts } from "../../facts"
import { activeItemOf, listAfter, quotedWith, readItems } from "../../readers"

const DEFAULT_LINKS = ["Home", "Features", "Pricing", "Blog", "Contact"]

const CTA_PHRASES: [RegExp, string][] = [
  [/\bsign[ -]?in\b/, "Sign in"],
  [/\blog[ -]?in\b/, "Log in"],
  [/\bsign[ -]?up\b/, "Sign up"],
  [/\bget started\b/, "Get started"],
  [/\b(?:book|request) a demo\b/, "Book a demo"],
  [/\bstart (?:a |your )?free trial\b|\btry (?:it )?(?:for )?free\b/, "Start free trial"],
  [/\bcontact sales\b/, "Contact sales"],
  [/\bsubscribe\b/, "Subscribe"],
  [/\bdonate\b/, "Donate"],
  [/\bjoin (?:now|us)\b/, "Join now"],
]

/** The call to action: a quoted button label, a phrase that names one ("sign in"), or none. */
export function ctaOf(facts: PromptFacts): string {
  const quoted = quotedWith(facts, /\b(?:button|cta|call to action)\b[^"“”`]*$/i, /^\s*(?:button|cta)\b/i)
  if (quoted) return quoted
  for (const [pattern, label] of CTA_PHRASES) if (pattern.test(facts.lower)) return label
  if (mentions(facts, "cta", "call to action", "button")) return "Get started"
  return ""
}

function brandOf(facts: PromptFacts, cta: string): string {
  const listed = new Set([...facts.lists.flat(), ...(listAfter(facts.text) ?? [])])
  const quoted = facts.quoted.find((value) => value !== cta && value.length <= 30 && !listed.has(value))
  const named =
    /\b(?:for|called|named|brand(?:ed)?(?: name)?|logo|company|startup)\s+(?:is\s+|as\s+|of\s+)?["“]?([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2})/.exec(
      facts.text,
    )
  const candidates = [quoted, named?.[1]].filter((value): value is string => Boolean(value))
  return candidates[0] ?? "Acme"
}

function linksOf(facts: PromptFacts, brand: string, cta: string): string[] {
  const ctaWords = cta.toLowerCase()
  const list = readItems(facts, [brand, cta, "Logo", "Brand", "Brand name", "Search", "Search bar"])?.filter(
    (item, index, items) => !(ctaWords.startsWith(`${item.toLowerCase()} `) && index === items.length - 1),
  )
  if (list && list.length >= 2) return list
  const count = countOf(facts, "link", "page", "item")
  return DEFAULT_LINKS.slice(0, Math.min(Math.max(count ?? 5, 2), DEFAULT_LINKS.length))
}

function activeOf(facts: PromptFacts, links: readonly string[]): string {
  return activeItemOf(facts, links) ?? links[0] ?? ""
}

/** The brand, the links (the prompt's or the usual ones), the current link and the call to action. */
export function readNavbar(facts: PromptFacts): {
  brand: string
  links: string[]
  activeLink: string
  ctaLabel: string
} {
  const cta = ctaOf(facts)
  const brand = brandOf(facts, cta)
  const links = linksOf(facts, brand, cta)
  return { brand, links, activeLink: activeOf(facts, links), ctaLabel: cta }
}
