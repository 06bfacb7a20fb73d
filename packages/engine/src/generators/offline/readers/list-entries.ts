import { firstList, type PromptFacts } from "../facts"

// The entries of a list the person gives (to-dos, settings, search results), told apart from the features they name.

const LEAD = /(?:\b(?:with|for|including|includes|like|containing|called|named|of|are)\b|:)\s+/gi
const SEPARATOR = /\s*,\s*(?:and\s+|or\s+|&\s+)?|\s+and\s+|\s+or\s+|\s*&\s*/
const CLAUSE = /^(?:with|without|for|that|which|where|plus|using|in|on|so|but|then|also)\b/i
const TAIL = /^(?:in|on|at|with|that|which|where|for|to|using|each|per|plus|when|below|above|as|so)$/i
/** Words that name a feature of a list component (checkboxes, filters, search), not an entry of it. */
export const FEATURE_WORDS =
  /\b(?:checkbox(?:es)?|filters?|buttons?|delete|input|field|search|counter|toggles?|icons?|animations?|dark mode|drag|keyboard|labels?|placeholder|sort(?:ing)?|pagination|editing|clear|progress)\b/i

/**
 * The items of an enumeration after a lead word or a colon ("with buy milk, walk the dog and pay rent"), read from
 * the latest lead that gives two or more short items. facts.lists misses lower-case lists after a colon and cuts a
 * last item that follows "and" when the item before has three words.
 */
function clauseList(facts: PromptFacts): string[] | undefined {
  let best: string[] | undefined
  for (const clause of facts.text.split(/[.;!?()\n]/)) {
    for (const lead of clause.matchAll(LEAD)) {
      const rest = clause.slice(lead.index + lead[0].length)
      const all = rest.split(SEPARATOR).map((part) => part.trim())
      // "email, push and SMS, with a save button": the enumeration ends where a new phrase begins.
      const end = all.findIndex((part, index) => index > 0 && CLAUSE.test(part))
      const parts = (end > 0 ? all.slice(0, end) : all).map((part) => part.replace(/^(?:the|a|an)\s+/i, ""))
      const lastWords = (parts.at(-1) ?? "").split(" ")
      const cut = lastWords.findIndex((word, index) => index > 0 && TAIL.test(word))
      if (cut > 0) parts[parts.length - 1] = lastWords.slice(0, cut).join(" ")
      const items = parts.filter((part) => part.length > 0)
      if (items.length >= 2 && items.every((item) => item.split(" ").length <= 5 && item.length <= 40))
        best = items
    }
  }
  return best
}

/**
 * The prompt's list of entries: facts' first list, or a longer reading of the same enumeration; none when the list
 * names features of the component ("checkboxes, filters and a clear button") rather than entries.
 */
export function entryList(facts: PromptFacts, features: RegExp | null = FEATURE_WORDS): string[] | undefined {
  const listed = firstList(facts)
  const clause = clauseList(facts)
  const sameStart =
    listed !== undefined &&
    clause !== undefined &&
    clause.length > listed.length &&
    listed.every((item, index) => clause[index]?.toLowerCase() === item.toLowerCase())
  const items = listed && !sameStart ? listed : (clause ?? listed)
  if (!items) return undefined
  const featureCount = features ? items.filter((item) => features.test(item)).length : 0
  return featureCount * 2 >= items.length ? undefined : items
}
