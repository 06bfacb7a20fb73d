import { escapeRegExp, type PromptFacts } from "../facts"

// Quoted text the prompt ties to a role: a button's label, a heading, a placeholder.

const QUOTE = /"([^"]+)"|“([^”]+)”|`([^`]+)`|(?<![A-Za-z])'([^']+)'(?![A-Za-z])/g

/**
 * The first quoted string the prompt ties to one of `roles`: `a "Join" button`, `button that says "Join"`,
 * `heading: "Stay in the loop"`. Only the words between the role and the quote count (no other quote in between).
 */
export function quotedFor(facts: PromptFacts, roles: readonly string[]): string | undefined {
  const words = roles.map(escapeRegExp).join("|")
  const before = new RegExp(`\\b(?:${words})s?\\b[^"“”'\`]{0,24}$`, "i")
  const after = new RegExp(`^\\s*(?:${words})s?\\b`, "i")
  for (const match of facts.text.matchAll(QUOTE)) {
    const value = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? "").trim()
    if (!value) continue
    const start = match.index
    const end = start + match[0].length
    if (
      before.test(facts.text.slice(Math.max(0, start - 40), start)) ||
      after.test(facts.text.slice(end, end + 20))
    )
      return value
  }
  return undefined
}

/** Words that tie a quote to a button: `a "Join" button`, `cta: "Start"`. */
export const BUTTON_ROLES = ["button", "cta", "submit", "action"]
/** Words that tie a quote to a heading: `titled "Stay in the loop"`. */
export const HEADING_ROLES = ["heading", "headline", "title", "titled", "header", "called", "named"]

/**
 * The first quoted string whose surroundings say what it is: `button "Sign in"` (before) or `"Sign in" button`
 * (after). `before` is tested against the text just before the opening quote, `after` against the text just after
 * the closing one.
 */
export function quotedWith(facts: PromptFacts, before: RegExp, after?: RegExp): string | undefined {
  let from = 0
  for (const value of facts.quoted) {
    const at = facts.text.indexOf(value, from)
    if (at < 0) continue
    from = at + value.length
    const prefix = facts.text.slice(Math.max(0, at - 40), Math.max(0, at - 1))
    const suffix = facts.text.slice(at + value.length + 1, at + value.length + 24)
    if (before.test(prefix) || after?.test(suffix)) return value
  }
  return undefined
}

/**
 * 'a button that says "Send"', 'Save button labelled "Update bio"' → the button's label; without quotes, a label
 * written with a capital just before the word: "a Save preferences button" → "Save preferences".
 */
export function buttonLabel(text: string): string | undefined {
  return (
    /\bbutton\b[\w\s]{0,20}?(?:says?|reads?|labell?ed|called|named|text|:)?\s*["“']([^"”']+)["”']/i.exec(
      text,
    )?.[1] ?? /\b(?:an?|the|one)\s+([A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2}?)\s+button\b/.exec(text)?.[1]
  )
}
