import type { PromptFacts } from "../../facts"

/** The units a prompt names or implies ("pounds", "cm"), when it names any. */
export function unitSystemOf(facts: PromptFacts): "metric" | "imperial" | undefined {
  if (/\b(?:imperial|pounds?|lbs?|feet|foot|ft|inches|us units)\b/.test(facts.lower)) return "imperial"
  if (/\b(?:metric|kg|kilograms?|cm|centimet(?:er|re)s?)\b/.test(facts.lower)) return "metric"
  return undefined
}

/** The units shown at first (metric unless the prompt says otherwise) and the heading (its first quote). */
export function readBmiCalculator(facts: PromptFacts): { units: "metric" | "imperial"; title: string } {
  return { units: unitSystemOf(facts) ?? "metric", title: facts.quoted[0] ?? "BMI calculator" }
}
