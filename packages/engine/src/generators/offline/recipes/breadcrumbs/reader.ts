import { capitalize, countOf, mentions, type PromptFacts } from "../../facts"
import { readItems } from "../../readers"

const DEFAULT_TRAIL = ["Home", "Projects", "Website redesign", "Settings"]

// Words that lead into a trail ("breadcrumbs for Home > …") and words that end its last item ("Shoes with …").
const LEAD =
  /^(?:.*\b(?:breadcrumbs?|trail|path|navigation|nav|for|with|like|showing|shows?|show|as|of|from|is|are|e\.?g\.?|:)\s+)?(.+)$/i
const END =
  /^(?:in|on|at|with|that|which|where|for|to|using|and|each|per|plus|when|below|above|separated|as)$/i

/**
 * Trails written with arrows or slashes: "Home > Products > Shoes", "Home / Settings / Billing", "Home › Docs".
 * facts.lists splits "/", "→" and "->" only when the items are capitalised or led in; ">" not at all.
 */
export function readTrail(text: string): string[] | undefined {
  const plain = text.replace(/["“”`]/g, "")
  const word = String.raw`[\p{L}\p{N}][\p{L}\p{N}'’&.+-]*`
  const item = `${word}(?: ${word}){0,5}`
  const sep = String.raw`\s*(?:->|=>|>|›|»|→|\/|\\|\|)\s*`
  const pattern = new RegExp(`${item}(?:${sep}${item})+`, "gu")
  for (const match of plain.matchAll(pattern)) {
    const parts = match[0].split(new RegExp(sep, "u")).map((part) => part.trim().replace(/[-.]+$/, ""))
    const first = LEAD.exec(parts[0] ?? "")?.[1] ?? parts[0] ?? ""
    // "breadcrumb Home" → "Home": drop lower-case lead words when a capitalised word follows.
    const firstWords = first.split(" ")
    const capital = firstWords.findIndex((part) => /^\p{Lu}/u.test(part))
    parts[0] = capital > 0 ? firstWords.slice(capital).join(" ") : first
    const lastWords = (parts[parts.length - 1] ?? "").split(" ")
    const cut = lastWords.findIndex((part, index) => index > 0 && END.test(part))
    parts[parts.length - 1] = (cut > 0 ? lastWords.slice(0, cut) : lastWords).join(" ")
    const items = parts.filter((part) => part.length > 0 && part.length <= 40)
    if (items.length >= 2) return items.map(capitalize)
  }
  return undefined
}

function trailOf(facts: PromptFacts): string[] {
  const trail = readTrail(facts.text)
  if (trail) return trail
  const listed = readItems(facts)
  if (listed) return listed
  const count = countOf(facts, "level", "item", "step", "crumb", "link")
  return DEFAULT_TRAIL.slice(0, Math.min(Math.max(count ?? 4, 2), DEFAULT_TRAIL.length))
}

/** The mark a prompt asks for between items: slashes or chevrons (arrows). */
export function separatorOf(facts: PromptFacts): "chevron" | "slash" | undefined {
  if (mentions(facts, "slash", "slashes")) return "slash"
  if (mentions(facts, "chevron", "chevrons", "arrow", "arrows")) return "chevron"
  return undefined
}

/** The trail the prompt writes (or lists, or counts) and the separator it names or writes. */
export function readBreadcrumbs(facts: PromptFacts): { items: string[]; separator: "chevron" | "slash" } {
  const written = /\S\s*\/\s*\S/.test(facts.text) && !/>|›|»|→/.test(facts.text) ? "slash" : "chevron"
  return { items: trailOf(facts), separator: separatorOf(facts) ?? written }
}
