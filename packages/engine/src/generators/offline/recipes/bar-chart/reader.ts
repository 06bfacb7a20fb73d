import { capitalize, countOf, mentions, readPrompt, type PromptFacts } from "../../facts"

/** One bar or point, flat so it can live in a contract's JSON default. */
export interface Datum extends Record<string, string | number> {
  label: string
  value: number
}

/** Month labels as the chart writes them. */
export const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
]
/** Weekday labels as the chart writes them. */
export const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
/** A realistic rising series for labels the prompt gives no values for. */
export const SERIES = [1200, 1900, 1500, 2400, 2100, 2800, 2600, 3100, 2900, 3400, 3200, 3900, 3600, 4100]

const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`

function parseNumber(text: string): number | undefined {
  const match = new RegExp(`^[$€£¥₹]?\\s?(${NUMBER})\\s?(k|m)?%?$`, "i").exec(text.trim())
  if (!match) return undefined
  const scale = match[2]?.toLowerCase() === "k" ? 1000 : match[2]?.toLowerCase() === "m" ? 1_000_000 : 1
  return Number(match[1]!.replace(/,/g, "")) * scale
}

function monthIndex(word: string): number {
  const lower = word.toLowerCase()
  return MONTH_NAMES.findIndex((name) => lower.length >= 3 && name.startsWith(lower))
}

/** "Jan to Jun", "from March through August", "January–June". */
function monthRange(text: string): string[] | undefined {
  const range = /\b([A-Za-z]{3,9})\s*(?:to|through|thru|until|-|–|—)\s*([A-Za-z]{3,9})\b/g
  for (const match of text.matchAll(range)) {
    const from = monthIndex(match[1]!)
    const to = monthIndex(match[2]!)
    if (from >= 0 && to >= 0 && to > from) return MONTHS.slice(from, to + 1)
  }
  return undefined
}

function defaultLabels(facts: PromptFacts, wanted?: number): string[] {
  const range = monthRange(facts.text)
  if (range) return range
  if (mentions(facts, "day", "days", "daily", "week", "weekly", "weekday", "weekdays")) {
    return DAYS.slice(0, Math.min(wanted ?? countOf(facts, "day") ?? 7, 7))
  }
  if (mentions(facts, "quarter", "quarters", "quarterly")) {
    return ["Q1", "Q2", "Q3", "Q4"].slice(0, Math.min(wanted ?? countOf(facts, "quarter") ?? 4, 4))
  }
  if (mentions(facts, "year", "yearly", "annual", "annually") && !mentions(facts, "this year", "last year")) {
    const count = Math.min(wanted ?? countOf(facts, "year") ?? 5, 10)
    return Array.from({ length: count }, (_, index) => String(2025 - count + 1 + index))
  }
  const months = wanted ?? countOf(facts, "month") ?? (mentions(facts, "this year", "12 months") ? 12 : 6)
  return MONTHS.slice(0, Math.min(Math.max(months, 2), 12))
}

/** The chart's data: "Jan 120, Feb 340", a list of labels and a list of values, or a realistic series. */
function dataOf(facts: PromptFacts): Datum[] {
  const pairs = [
    ...facts.text.matchAll(
      new RegExp(
        `\\b([A-Z][A-Za-z]{1,11}|Q[1-4]|20\\d\\d)\\s*(?::|=|-|–)?\\s*([$€£¥₹]?\\s?${NUMBER}\\s?[kKmM]?)(?![\\w])`,
        "g",
      ),
    ),
  ]
    .map((match) => ({ label: match[1]!, value: parseNumber(match[2]!) }))
    .filter(
      (pair): pair is Datum =>
        pair.value !== undefined && !/^(top|last|next|first|past|over|the|with|and|for)$/i.test(pair.label),
    )
  if (pairs.length >= 2) return pairs
  // A run of numbers ("12, 19, 7 and 24") gives the values; the prompt without it gives the labels.
  const value = String.raw`[$€£¥₹]?\s?${NUMBER}\s?[kKmM]?%?`
  const run = new RegExp(`${value}(?:\\s*(?:,|\\band\\b|/|;)\\s*${value})+`).exec(facts.text)
  const values = run?.[0]
    .split(/\s*(?:,(?!\d{3})|\band\b|\/|;)\s*/)
    .map((item) => parseNumber(item))
    .filter((item): item is number => item !== undefined)
  const rest = run ? readPrompt(facts.text.replace(run[0], " ")) : facts
  const named = rest.lists.find((list) => list.some((item) => parseNumber(item) === undefined))
  const labels = named?.map(capitalize) ?? defaultLabels(facts, values?.length)
  return labels.map((label, index) => ({
    label,
    value: values?.[index] ?? SERIES[index % SERIES.length]!,
  }))
}

const SUBJECTS: [RegExp, string][] = [
  [/\brevenue\b/, "Revenue"],
  [/\bsales\b/, "Sales"],
  [/\bsign ?ups?\b/, "Sign-ups"],
  [/\bvisitors?\b|\btraffic\b|\bpage ?views?\b/, "Visitors"],
  [/\bactive users\b|\busers\b/, "Active users"],
  [/\borders\b/, "Orders"],
  [/\bdownloads\b/, "Downloads"],
  [/\bexpenses?\b|\bspending\b|\bcosts?\b/, "Expenses"],
  [/\bprofit\b/, "Profit"],
  [/\bsteps\b/, "Steps"],
]

function titleOf(facts: PromptFacts, data: readonly Datum[]): string {
  if (facts.quoted[0]) return facts.quoted[0]
  const subject = SUBJECTS.find(([pattern]) => pattern.test(facts.lower))?.[1]
  const first = data[0]?.label ?? ""
  const period = DAYS.includes(first)
    ? "day"
    : /^Q[1-4]$/.test(first)
      ? "quarter"
      : /^20\d\d$/.test(first)
        ? "year"
        : MONTHS.includes(first)
          ? "month"
          : ""
  return period ? `${subject ?? "Sales"} by ${period}` : (subject ?? "Overview")
}

function prefixOf(facts: PromptFacts): string {
  if (facts.currency) return facts.currency
  return /\b(revenue|sales|income|profit|expenses?|spending|costs?|earnings)\b/.test(facts.lower) ? "$" : ""
}

/** The data ("Jan 120, Feb 340", labels and values, or a realistic series), its title, units and bars or a line. */
export function readBarChart(facts: PromptFacts): {
  title: string
  data: Datum[]
  prefix: string
  suffix: string
  variant: "bar" | "line"
} {
  const data = dataOf(facts)
  return {
    title: titleOf(facts, data),
    data,
    prefix: prefixOf(facts),
    suffix: /%|\bpercent/.test(facts.lower) ? "%" : "",
    variant: mentions(facts, "line chart", "line graph", "trend line", "sparkline") ? "line" : "bar",
  }
}
