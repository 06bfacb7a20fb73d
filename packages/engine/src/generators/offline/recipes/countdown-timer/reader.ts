import type { PromptFacts } from "../../facts"

/** The countdown's length in whole seconds: "10 minutes", "1 hour 30 minutes", "2 min 30 sec". */
export function durationOf(facts: PromptFacts): number | undefined {
  const total = facts.durationsMs.filter((ms) => ms >= 1000)
  if (total.length === 0) return undefined
  // "1 hour 30 minutes", "2 min 30 sec": consecutive durations written together add up.
  const combined =
    /\b\d+\s*(?:h|hrs?|hours?)\s*(?:and\s+)?\d+\s*(?:m|mins?|minutes?)\b|\b\d+\s*(?:m|mins?|minutes?)\s*(?:and\s+)?\d+\s*(?:s|secs?|seconds?)\b/.test(
      facts.lower,
    )
  const seconds = combined && total.length >= 2 ? (total[0]! + total[1]!) / 1000 : total[0]! / 1000
  return Math.round(seconds)
}

/** Words that mark a quote as the message at zero ("Time's up!", "Break time"). */
export const DONE_WORDS = /\b(?:up|done|finished|finish|over|complete|ready|break|stop|time)\b/i

function doneMessageOf(facts: PromptFacts): string {
  return facts.quoted.find((quote) => DONE_WORDS.test(quote)) ?? facts.quoted[1] ?? "Time's up!"
}

function titleOf(facts: PromptFacts): string {
  const done = doneMessageOf(facts)
  const quoted = facts.quoted.find((quote) => quote !== done)
  if (quoted) return quoted
  if (/\bpomodoro\b/.test(facts.lower)) return "Focus"
  if (/\b(?:tea|egg|cooking|kitchen)\b/.test(facts.lower)) return "Kitchen timer"
  if (/\b(?:workout|exercise|plank|rest)\b/.test(facts.lower)) return "Workout timer"
  return "Timer"
}

/** The duration (a pomodoro is 25 minutes, else a minute), the label and the message at zero. */
export function readCountdownTimer(facts: PromptFacts): {
  durationSeconds: number
  title: string
  doneMessage: string
} {
  return {
    durationSeconds: durationOf(facts) ?? (/\bpomodoro\b/.test(facts.lower) ? 1500 : 60),
    title: titleOf(facts),
    doneMessage: doneMessageOf(facts),
  }
}
