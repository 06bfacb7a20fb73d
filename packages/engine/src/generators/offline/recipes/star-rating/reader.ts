import { mentions, NUMBER_WORDS, type PromptFacts } from "../../facts"

const SUBJECTS = [
  "product",
  "movie",
  "film",
  "recipe",
  "restaurant",
  "book",
  "course",
  "app",
  "hotel",
  "stay",
  "order",
  "meal",
  "episode",
  "game",
  "podcast",
  "article",
  "service",
  "delivery",
  "purchase",
]

/** "10 stars", "ten-star", "out of 7", "a 1 to 10 rating": the number of stars, when the prompt says one. */
export function starCount(facts: PromptFacts): number | undefined {
  const written =
    /\b(\d+|three|four|five|six|seven|eight|nine|ten)[\s-]*stars?\b/.exec(facts.lower) ??
    /\bout of (\d+|three|four|five|six|seven|eight|nine|ten)\b/.exec(facts.lower)
  const raw = written?.[1]
  let count = raw === undefined ? undefined : /^\d+$/.test(raw) ? Number(raw) : NUMBER_WORDS[raw]
  if (count === undefined && facts.max !== undefined && (facts.min ?? 1) <= 1) count = facts.max
  if (count === undefined) return undefined
  return Math.min(Math.max(Math.round(count), 3), 10)
}

function initialRating(facts: PromptFacts, max: number): number {
  const match =
    /\b(?:default(?:s)?(?: rating)?|start(?:s|ing)?(?: at| with)?|pre-?selected|initial(?:ly)?(?: rating)?(?: of)?)\s*(?:of|at|to|is|=|:)?\s*(\d+)/.exec(
      facts.lower,
    )
  return match ? Math.min(Math.max(Number(match[1]), 0), max) : 0
}

function labelOf(facts: PromptFacts): string {
  const quoted = facts.quoted[0]
  if (quoted) return quoted
  const subject = SUBJECTS.find((noun) => mentions(facts, noun))
  if (subject === "stay") return "How was your stay?"
  if (subject === "delivery" || subject === "service") return `Rate our ${subject}`
  return subject ? `Rate this ${subject}` : "Rate your experience"
}

/** Whether a prompt asks for a clear button (true), asks to drop it (false) or says nothing (undefined). */
export function wantsReset(facts: PromptFacts): boolean | undefined {
  if (!/\b(reset|clear|undo|remove (?:the |my )?rating)\b/.test(facts.lower)) return undefined
  return !/\b(?:remove|without|no|drop|hide|get rid of)\b[\w\s]{0,20}\b(?:reset|clear)\b/.test(facts.lower)
}

/** The label, how many stars (5 unless it says), the rating at first and whether it asks for a clear button. */
export function readStarRating(facts: PromptFacts): {
  label: string
  max: number
  defaultValue: number
  showReset: boolean
} {
  const max = starCount(facts) ?? 5
  return {
    label: labelOf(facts),
    max,
    defaultValue: initialRating(facts, max),
    showReset: wantsReset(facts) ?? false,
  }
}
