import { capitalize, mentions, type PromptFacts } from "../../facts"
import { snapValue } from "./inline/slider-values"

type Topic = "price" | "volume" | "other"

/** What the slider sets: a price (or budget), a volume, or something else. */
export function topicOf(facts: PromptFacts): Topic {
  if (mentions(facts, "price", "prices", "budget", "cost", "costs") || facts.amounts.length > 0)
    return "price"
  if (mentions(facts, "volume", "audio", "sound")) return "volume"
  return "other"
}

/** Two thumbs: a price range, "two handles", "dual", "min and max" …; one for "single thumb"; else unsaid. */
export function wantsRange(facts: PromptFacts): boolean | undefined {
  if (/\b(?:single|one) (?:thumb|handle|knob)\b|\bjust one value\b/.test(facts.lower)) return false
  if (
    /\b(?:two|2|dual|double|both) (?:thumbs?|handles?|knobs?|ends?)\b|\bdual\b|\bdouble[\s-]ended\b|\bmin(?:imum)? and max(?:imum)? (?:thumbs?|handles?|values?)\b|\b(?:price|budget|age|salary|date) range\b|\bprice filter\b|\brange of prices\b/.test(
      facts.lower,
    )
  )
    return true
  return undefined
}

const STOP = new Set(
  "a an the simple nice basic custom range dual double styled native small big large two thumb accessible".split(
    " ",
  ),
)

function labelOf(facts: PromptFacts, topic: Topic, range: boolean): string {
  const quoted = facts.quoted[0]
  if (quoted) return quoted
  if (topic === "price") {
    if (mentions(facts, "budget")) return "Budget"
    return range ? "Price range" : "Price"
  }
  if (topic === "volume") return "Volume"
  const before = /\b([a-z]+)(?: range)? (?:slider|control|picker|selector|input)\b/.exec(facts.lower)?.[1]
  if (before && !STOP.has(before)) return capitalize(before)
  const forWhat =
    /\b(?:slider|control) (?:for|to (?:set|pick|choose|adjust))(?: the| a| an)? ([a-z]+)\b/.exec(
      facts.lower,
    )?.[1]
  if (forWhat && !STOP.has(forWhat)) return capitalize(forWhat)
  return "Value"
}

const UNITS: [RegExp, string][] = [
  [/%|\bpercent(?:age)?\b|\bopacity\b|\bbrightness\b/, "%"],
  [/°c|\bcelsius\b/, "°C"],
  [/°f|\bfahrenheit\b/, "°F"],
  [/\bkm\b|\bkilomet(?:er|re)s?\b/, " km"],
  [/\bmiles?\b/, " mi"],
  [/\bkg\b|\bkilos?\b|\bkilograms?\b/, " kg"],
  [/\blbs?\b|\bpounds? of\b/, " lb"],
  [/\bpx\b|\bpixels?\b/, "px"],
  [/\bgb\b|\bgigabytes?\b/, " GB"],
  [/\byears? old\b|\bage\b/, " yrs"],
  [/\bminutes\b/, " min"],
]

function unitsOf(facts: PromptFacts, topic: Topic, max: number): { prefix: string; suffix: string } {
  if (topic === "price" || facts.currency) return { prefix: facts.currency ?? "$", suffix: "" }
  // An opacity from 0 to 1 is a fraction, not a percentage.
  const unit = UNITS.find(([pattern, suffix]) => pattern.test(facts.lower) && !(suffix === "%" && max <= 1))
  if (unit) return { prefix: "", suffix: unit[1] }
  return { prefix: "", suffix: topic === "volume" && max > 1 ? "%" : "" }
}

function limitsOf(facts: PromptFacts, topic: Topic): { min: number; max: number } {
  let min = facts.min
  let max = facts.max
  if (min === undefined && max === undefined && facts.amounts.length >= 2) {
    min = facts.amounts[0]
    max = facts.amounts[1]
  } else if (max === undefined && facts.amounts.length === 1) max = facts.amounts[0]
  const fallbackMax = topic === "price" ? 1000 : 100
  const low = min ?? 0
  const high = max ?? (low < fallbackMax ? fallbackMax : low + 100)
  return { min: Math.min(low, high), max: Math.max(low, high) }
}

/** "in steps of 5", "increments of $10", "by 20"; a wide price range gets 10 or 50. */
export function stepOf(facts: PromptFacts, span: number, topic: Topic): number | undefined {
  const match =
    /\bsteps? (?:size )?(?:of |is |=\s*)?(\d+(?:\.\d+)?)\b/.exec(facts.lower) ??
    /\b(?:increments?|steps|jumps) of [$€£¥₹]?(\d+(?:\.\d+)?)\b/.exec(facts.lower) ??
    /\bin (\d+(?:\.\d+)?)s\b/.exec(facts.lower) ??
    /\b(?:by|every) [$€£¥₹]?(\d+(?:\.\d+)?)\b/.exec(facts.lower)
  if (match) return Number(match[1]) > 0 ? Number(match[1]) : undefined
  if (topic === "price" && span >= 200) return span >= 2000 ? 50 : 10
  return undefined
}

/** "starts at 30", "default 50", "set to 0.3". */
export function startOf(facts: PromptFacts): number | undefined {
  const match =
    /\b(?:defaults?(?: value)?|start(?:s|ing)?(?: value)?(?: at)?|initial(?:ly)?(?: value)?(?: at)?|set to)\s*(?:of|at|to|is|=|:)?\s*[$€£¥₹]?(-?\d+(?:\.\d+)?)/.exec(
      facts.lower,
    )
  return match ? Number(match[1]) : undefined
}

/** The label, limits, step, one or two thumbs, where they start and the units the value is shown in. */
export function readRangeSlider(facts: PromptFacts): {
  label: string
  min: number
  max: number
  step: number
  range: boolean
  defaultValue: number
  defaultHigh: number
  prefix: string
  suffix: string
} {
  const topic = topicOf(facts)
  const range = wantsRange(facts) ?? false
  const { min, max } = limitsOf(facts, topic)
  const step = stepOf(facts, max - min, topic) ?? 1
  const start = startOf(facts)
  const { prefix, suffix } = unitsOf(facts, topic, max)
  const span = max - min
  const value = snapValue(
    start ?? (range ? min + span / 4 : topic === "volume" ? min + span * 0.6 : min + span / 2),
    min,
    max,
    step,
  )
  const high = snapValue(min + (span * 3) / 4, min, max, step)
  return {
    label: labelOf(facts, topic, range),
    min,
    max,
    step,
    range,
    defaultValue: value,
    defaultHigh: Math.max(high, value),
    prefix,
    suffix,
  }
}
