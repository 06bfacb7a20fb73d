import type { PromptFacts } from "../facts"

/** "at least 8 characters", "min 8 chars", "8+ characters", "minimum length of 10" → the number. */
export function minLengthOf(facts: PromptFacts): number | undefined {
  const match =
    /\b(?:at least|min(?:imum)?(?: length)?(?: of)?|no (?:less|fewer) than)\s*:?\s*(\d+)\s*(?:characters?|chars?|letters?|long)?/.exec(
      facts.lower,
    ) ?? /\b(\d+)\s*\+?\s*(?:characters?|chars?)\s*(?:min(?:imum)?|or more|long)\b/.exec(facts.lower)
  if (!match) return undefined
  const value = Number(match[1])
  return value > 0 && value <= 64 ? value : undefined
}
