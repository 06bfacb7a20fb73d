import { capitalize, escapeRegExp, mentions, type PromptFacts } from "../facts"
import { BUTTON_ROLES, quotedFor } from "./quoted-text"

// What a follow-up asks to change in a list or a feature: "add a Careers link", "remove Blog", "without remember me".

/** A list value from a follow-up: "add a Careers link" → ["Careers"]. */
export function addedItems(facts: PromptFacts, nouns: string): string[] {
  const quoted = facts.quoted.filter((value) => value.length <= 40)
  if (/\b(?:add|include|append|plus)\b/.test(facts.lower) && quoted.length > 0) return quoted
  const lead = String.raw`\b(?:add|include|append)\s+(?:an?\s+|another\s+|one more\s+|the\s+)?(?:(?:${nouns})\s+(?:for|called|named|labell?ed)\s+)?`
  const word = String.raw`[\w&'-]+`
  // "add a Careers link and …", "add Help": capitalised words up to the noun, a conjunction or the end.
  const named = new RegExp(
    String.raw`${lead}([A-Z]${word}(?:\s+${word}){0,2}?)(?=\s+(?:${nouns})\b|\s+(?:and|to|at|in|on|with|please)\b|\s*[.,!;]|\s*$)`,
  ).exec(facts.text)
  // "add a help item": any words, when the noun follows.
  const plain = new RegExp(String.raw`${lead}(${word}(?:\s+${word}){0,2}?)(?=\s+(?:${nouns})\b)`, "i").exec(
    facts.text,
  )
  const label = (named ?? plain)?.[1]?.trim()
  if (!label || new RegExp(`^(?:${nouns})$`, "i").test(label)) return []
  return [capitalize(label)]
}

/** A list value from a follow-up: "remove Blog", "drop the Blog link" → "Blog" when it is one of `items`. */
export function removedItem(facts: PromptFacts, items: readonly string[]): string | undefined {
  if (!/\b(?:remove|drop|delete|without|get rid of|no)\b/.test(facts.lower)) return undefined
  return items.find((item) =>
    new RegExp(
      String.raw`\b(?:remove|drop|delete|without|get rid of|no)\s+(?:the\s+)?["“]?${escapeRegExp(item)}\b`,
      "i",
    ).test(facts.text),
  )
}

/**
 * A follow-up that turns a feature on or off: "add a remember me checkbox" → true, "remove the terms checkbox" /
 * "without remember me" → false, unset when the phrases are not mentioned.
 */
export function toggleRequest(facts: PromptFacts, ...phrases: string[]): boolean | undefined {
  if (!mentions(facts, ...phrases)) return undefined
  const names = phrases.map(escapeRegExp).join("|")
  const off = new RegExp(
    `\\b(?:remove|without|drop|hide|no|delete|get rid of|turn off|disable|don't need|do not need)\\b(?:\\s+(?:the|a|an|that|this))?\\s+(?:${names})`,
  )
  return !off.test(facts.lower)
}

/** The quoted text a follow-up gives for a button ("call the button 'Join'", "button text 'Go'"). */
export function buttonFollowUp(facts: PromptFacts): string | undefined {
  return quotedFor(facts, BUTTON_ROLES) ?? (mentions(facts, "button") ? facts.quoted[0] : undefined)
}
