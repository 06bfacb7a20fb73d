import { capitalize, type PromptFacts } from "../facts"

// Enumerations of short labels (links, crumbs, menu items, questions) read more literally than facts.lists.

/** Nouns that end an enumerated item ("Blog links"): the enumeration stops there. */
const ITEM_TAIL =
  /\s+(?:links?|pages?|items?|tabs?|sections?|options?|entries|actions?|buttons?|menu items?|nav items?|questions?|(?:(?:is|as|being)\s+)?(?:active|current|selected|highlighted|open(?:ed)?|expanded))$/i

/**
 * Cleans an enumeration read by facts: drops a trailing noun ("Blog links" → "Blog") and ends the list there (what
 * follows belonged to the sentence: "… and Blog links and a Sign in button"), capitalises and de-duplicates.
 */
export function cleanList(items: readonly string[]): string[] {
  const cleaned: string[] = []
  for (const item of items) {
    const trimmed = item.trim()
    const stripped = trimmed.replace(ITEM_TAIL, "").trim()
    const label = capitalize(stripped)
    if (label && !cleaned.some((seen) => seen.toLowerCase() === label.toLowerCase())) cleaned.push(label)
    if (stripped !== trimmed) break
  }
  return cleaned
}

// Words that end an enumeration's last item ("… and Delete where delete is red").
const ITEM_END =
  /^(?:in|on|at|with|that|which|where|when|for|using|each|per|plus|below|above|so|as|if|should|must|is|are|will|would|can|could|be|being|has|have)$/i

/**
 * The enumeration after a lead word, read more literally than facts.lists so that items of several words survive:
 * "actions menu with Edit, Duplicate, Move to folder and Delete" → Edit, Duplicate, Move to folder, Delete.
 * Items must start with a capital letter (or be quoted); the list stops at the first that does not.
 */
export function listAfter(text: string): string[] | undefined {
  for (const clause of text.split(/[.;!?\n]|\s[-–—]\s/)) {
    const leads = clause.matchAll(
      /(?:\b(?:with|including|containing|featuring|listing|having|shows?|showing|has|links?|items?|options?)\b|:)\s*/gi,
    )
    for (const lead of leads) {
      const items = itemsFrom(clause.slice(lead.index + lead[0].length))
      if (items.length >= 2) return items
    }
  }
  return undefined
}

function itemsFrom(rest: string): string[] {
  const parts = rest.split(/\s*,\s*(?:and\s+|or\s+|&\s+)?|\s+and\s+|\s+or\s+|\s*\|\s*/)
  const items: string[] = []
  for (const raw of parts) {
    const part = raw.trim().replace(/^(?:the|a|an)\s+(?=["“A-Z])/, "")
    const quoted = /^["“']([^"”']+)["”']\s*(.*)$/.exec(part)
    if (quoted) {
      // 'a "Start free trial" button' belongs to the sentence, not the list.
      if (quoted[2]) break
      items.push(quoted[1]!.trim())
      continue
    }
    if (!/^[A-Z0-9]/.test(part)) break
    const words = part.split(/\s+/)
    const cut = words.findIndex((word, index) => index > 0 && ITEM_END.test(word))
    const kept = (cut > 0 ? words.slice(0, cut) : words).slice(0, 4)
    items.push(kept.join(" ").replace(/[,:]+$/, ""))
    if (cut > 0) break
  }
  return items
}

/** The prompt's enumeration for a list of items: the literal reading first, then facts.lists; cleaned. */
export function readItems(facts: PromptFacts, exclude: readonly string[] = []): string[] | undefined {
  const candidates = [listAfter(facts.text), ...facts.lists].filter((list): list is string[] => Boolean(list))
  for (const candidate of candidates) {
    const items = cleanList(candidate).filter(
      (item) => !exclude.some((excluded) => excluded.toLowerCase() === item.toLowerCase()),
    )
    if (items.length >= 2) return items
  }
  return undefined
}

/** The item the prompt marks as current: "Pricing active", "Orders should be selected", "highlight Docs". */
export function activeItemOf(facts: PromptFacts, items: readonly string[]): string | undefined {
  const patterns = [
    /\b([A-Za-z][\w&'-]*)\s+(?:link\s+|page\s+|tab\s+|item\s+)?(?:(?:is|as|be|being|should be|must be|will be|to be|shown as|marked as)\s+)?(?:the\s+)?(?:active|current|selected|highlighted)\b/gi,
    /\b(?:active|current|selected|highlight(?:ed)?|mark)\s+(?:link|page|item|one)?\s*(?:is|=|:|being|should be)?\s*["“]?([A-Za-z][\w&'-]*)/gi,
  ]
  for (const pattern of patterns) {
    for (const match of facts.text.matchAll(pattern)) {
      const found = items.find((item) => item.toLowerCase() === match[1]!.toLowerCase())
      if (found) return found
    }
  }
  return undefined
}
