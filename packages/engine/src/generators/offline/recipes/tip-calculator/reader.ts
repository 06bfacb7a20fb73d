import { countOf, type PromptFacts } from "../../facts"

const DEFAULT_OPTIONS = [10, 15, 20]

/** The percentages a prompt lists: "10, 15 or 20%", "12% and 18%". */
export function percentsIn(facts: PromptFacts): number[] {
  const text = facts.lower
  const run = /(\d{1,2}(?:\.\d+)?)\s*%?((?:\s*(?:,|\band\b|\bor\b|\/)\s*\d{1,2}(?:\.\d+)?\s*%?)+)/.exec(text)
  if (run && /%/.test(run[0])) {
    const numbers = run[0].match(/\d{1,2}(?:\.\d+)?/g)!.map(Number)
    if (numbers.length >= 2) return [...new Set(numbers)]
  }
  const explicit = [...text.matchAll(/(\d{1,2}(?:\.\d+)?)\s*%/g)].map((match) => Number(match[1]))
  return [...new Set(explicit)]
}

/** The tip a prompt selects at first: "default 18%", "20% preselected". */
export function defaultTipOf(facts: PromptFacts): number | undefined {
  const match =
    /\bdefault(?:s)?(?: tip)?(?: of| to| is|:)?\s*(\d{1,2}(?:\.\d+)?)\s*%/.exec(facts.lower) ??
    /(\d{1,2}(?:\.\d+)?)\s*%\s*(?:by default|as (?:the )?default|selected|preselected)/.exec(facts.lower)
  return match ? Number(match[1]) : undefined
}

function optionsOf(facts: PromptFacts): { options: number[]; initial: number } {
  const found = percentsIn(facts)
  const initial = defaultTipOf(facts)
  let options = found.length >= 2 ? found : DEFAULT_OPTIONS
  if (initial !== undefined && !options.includes(initial))
    options = [...options, initial].sort((a, b) => a - b)
  options = options.slice(0, 6)
  return { options, initial: initial ?? options[Math.floor((options.length - 1) / 2)] ?? 15 }
}

function peopleOf(facts: PromptFacts): number {
  return Math.min(Math.max(countOf(facts, "people", "person", "friend", "guest", "way", "diner") ?? 1, 1), 50)
}

/** The tip options and the one selected, the split, the bill, the currency and the heading. */
export function readTipCalculator(facts: PromptFacts): {
  tipOptions: string
  defaultTip: number
  customTip: boolean
  split: boolean
  people: number
  initialBill: number
  currency: string
  title: string
} {
  const { options, initial } = optionsOf(facts)
  return {
    tipOptions: options.join(", "),
    defaultTip: initial,
    customTip: !/\b(?:no|without)\s+custom\b/.test(facts.lower),
    split: !/\b(?:no|without)\s+(?:split|splitting)\b/.test(facts.lower),
    people: peopleOf(facts),
    initialBill: facts.amounts[0] ?? 0,
    currency: facts.currency ?? "$",
    title: facts.quoted[0] ?? "Tip calculator",
  }
}
