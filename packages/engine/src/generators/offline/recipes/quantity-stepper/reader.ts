import { capitalize, mentions, singular, type PromptFacts } from "../../facts"

const STOP = new Set(
  "a an the simple nice basic custom number numeric quantity stepper counter input picker selector plus minus".split(
    " ",
  ),
)

function labelOf(facts: PromptFacts): string {
  if (facts.quoted[0]) return facts.quoted[0]
  const many = /\b(?:how many|number of|count of|amount of)\s+([a-z]+)\b/.exec(facts.lower)?.[1]
  if (many && !STOP.has(many)) return capitalize(many)
  const before = /\b([a-z]+)\s+(?:counter|stepper|picker|selector|count)\b/.exec(facts.lower)?.[1]
  if (before && !STOP.has(before) && !/^(quantity|qty)$/.test(before)) return capitalize(before)
  const nouns = [
    "guests",
    "tickets",
    "seats",
    "rooms",
    "adults",
    "children",
    "servings",
    "people",
    "nights",
    "passengers",
  ]
  const noun = nouns.find((word) => mentions(facts, word, singular(word)))
  return noun ? capitalize(noun) : "Quantity"
}

/** The step a prompt names: "steps of 5", "in 10s". */
export function stepOf(facts: PromptFacts): number | undefined {
  const match =
    /\bsteps? (?:size )?(?:of |is |=\s*)?(\d+)\b/.exec(facts.lower) ??
    /\b(?:increments?|steps|jumps) of (\d+)\b/.exec(facts.lower) ??
    /\b(?:by|in) (\d+)s\b/.exec(facts.lower)
  return match && Number(match[1]) > 0 ? Number(match[1]) : undefined
}

/** The value a prompt starts at: "defaults to 2", "starting at 1". */
export function startOf(facts: PromptFacts): number | undefined {
  const match =
    /\b(?:defaults?(?: value| quantity)?|start(?:s|ing)?(?: value)?(?: at| from)?|initial(?:ly)?(?: value)?(?: at)?)\s*(?:of|at|to|is|=|:)?\s*(-?\d+)/.exec(
      facts.lower,
    )
  return match ? Number(match[1]) : undefined
}

/** Whether the prompt asks for a Reset button (true), asks to drop it (false) or says nothing. */
export function wantsReset(facts: PromptFacts): boolean | undefined {
  if (!/\b(reset|clear|start over)\b/.test(facts.lower)) return undefined
  return !/\b(?:remove|without|no|drop|hide|get rid of)\b[\w\s]{0,20}\b(?:reset|clear)\b/.test(facts.lower)
}

/** The label, the range (1 to 10 unless the prompt says), the step, the value at first and whether it resets. */
export function readQuantityStepper(facts: PromptFacts): {
  label: string
  min: number
  max: number
  step: number
  defaultValue: number
  showReset: boolean
} {
  const min = facts.min ?? (facts.max !== undefined && facts.max <= 0 ? facts.max - 10 : 1)
  const max = facts.max ?? Math.max(min + 9, 10)
  const start = startOf(facts)
  return {
    label: labelOf(facts),
    min: Math.min(min, max),
    max: Math.max(min, max),
    step: stepOf(facts) ?? 1,
    defaultValue: Math.min(Math.max(start ?? Math.min(min, max), Math.min(min, max)), Math.max(min, max)),
    showReset: wantsReset(facts) ?? false,
  }
}
