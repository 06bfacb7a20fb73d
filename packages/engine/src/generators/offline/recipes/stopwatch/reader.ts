import { mentions, type PromptFacts } from "../../facts"

function lapsWanted(facts: PromptFacts): boolean {
  if (/\b(?:no|without)\s+laps?\b/.test(facts.lower)) return false
  return mentions(facts, "lap", "laps", "split", "splits", "lap times")
}

/** The label above the time (the prompt's first quote) and whether it asks for laps. */
export function readStopwatch(facts: PromptFacts): { title: string; laps: boolean } {
  return { title: facts.quoted[0] ?? "Stopwatch", laps: lapsWanted(facts) }
}
