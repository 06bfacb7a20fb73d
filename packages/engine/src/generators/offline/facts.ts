/**
 * What a prompt says, read without a model: the words, the names and labels the person gave (quoted or listed),
 * counts, limits, durations, colours, sizes and the theme. Recipes pick what they need from these facts.
 */
export interface PromptFacts {
  /** The prompt as written (trimmed). */
  text: string
  /** Lower case, single-spaced, for keyword matching. */
  lower: string
  /** Lower-case words (letters and digits), in order. */
  words: string[]
  /** Text in quotes ("…", '…', “…”, `…`), in order. */
  quoted: string[]
  /** Enumerations like "Overview, Settings and Billing" (two items or more), in order. */
  lists: string[][]
  /** "4 questions" → { question: 4 }: counted nouns, singular. */
  counts: Record<string, number>
  /** "min 1 and max 10", "between 1 and 10", "from 0 to 100". */
  min?: number
  max?: number
  /** "280 characters", "up to 140 chars". */
  maxChars?: number
  /** Durations in milliseconds, in order ("after 3 seconds", "5 minutes", "1500ms"). */
  durationsMs: number[]
  /** The first colour named (a hex value), and its name. */
  colour?: { name: string; hex: string }
  size?: "sm" | "lg"
  radius?: "none" | "xl"
  /** True for "dark", false for "light", unset when neither is said. */
  dark?: boolean
  /** A currency symbol when one is used ("$9", "€", "in euros"). */
  currency?: string
  /** Amounts written with a currency symbol, in order ("$9", "$29/month" → 9, 29). */
  amounts: number[]
}

/** Number words as prompts write them, articles included ("a card" is one card). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  single: 1,
  two: 2,
  pair: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
}

/** The number words that count on their own ("three", "a pair"): not the articles, which are in every prompt. */
export const COUNT_WORDS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(NUMBER_WORDS).filter(([word]) => word !== "a" && word !== "an"),
)

/** Tailwind's 600 shades (500 for light hues, so white text stays readable where it matters). */
export const COLOURS: Record<string, string> = {
  red: "#dc2626",
  orange: "#ea580c",
  amber: "#d97706",
  yellow: "#eab308",
  lime: "#65a30d",
  green: "#16a34a",
  emerald: "#059669",
  teal: "#0d9488",
  cyan: "#0891b2",
  sky: "#0284c7",
  blue: "#2563eb",
  indigo: "#4f46e5",
  violet: "#7c3aed",
  purple: "#9333ea",
  fuchsia: "#c026d3",
  pink: "#db2777",
  rose: "#e11d48",
  slate: "#475569",
  gray: "#4b5563",
  grey: "#4b5563",
  zinc: "#52525b",
  black: "#0a0a0a",
  brown: "#92400e",
  gold: "#ca8a04",
  navy: "#1e3a8a",
  magenta: "#c026d3",
}

const CURRENCY_WORDS: [RegExp, string][] = [
  [/\b(euros?|eur)\b/, "€"],
  [/\b(pounds?|gbp)\b/, "£"],
  [/\b(yen|jpy)\b/, "¥"],
  [/\b(dollars?|usd)\b/, "$"],
  [/\b(rupees?|inr)\b/, "₹"],
]

const UNIT_MS: [RegExp, number][] = [
  [/^(ms|milliseconds?)$/, 1],
  [/^(s|secs?|seconds?)$/, 1000],
  [/^(m|mins?|minutes?)$/, 60_000],
  [/^(h|hrs?|hours?)$/, 3_600_000],
]

export function readPrompt(prompt: string): PromptFacts {
  const text = prompt.trim().replace(/\s+/g, " ")
  const lower = text.toLowerCase()
  const words = lower.match(/[a-z0-9]+(?:['’-][a-z0-9]+)*/g) ?? []
  const facts: PromptFacts = {
    text,
    lower,
    words,
    quoted: readQuoted(text),
    lists: readLists(text),
    counts: readCounts(lower),
    durationsMs: readDurations(lower),
    // "$1,299" is 1299 (a thousands separator); "€9,99" is 9.99 (a decimal comma).
    amounts: [...text.matchAll(/[$€£¥₹]\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)/g)].map((match) =>
      Number(/,\d{3}/.test(match[1]!) ? match[1]!.replace(/,/g, "") : match[1]!.replace(",", ".")),
    ),
  }
  Object.assign(facts, readLimits(lower))
  // A limit, not a minimum: "at least 8 characters" is a password rule, not a character limit.
  const chars =
    /(?<!(?:at least|min(?:imum)?(?: of)?|no less than)\s+)\b(\d+)\s*(?:-\s*)?(?:characters?|chars?|letters?)\b/.exec(
      lower,
    )
  if (chars) facts.maxChars = Number(chars[1])

  const hex = /#(?:[0-9a-f]{6}|[0-9a-f]{3})\b/i.exec(text)
  if (hex) facts.colour = { name: hex[0].toLowerCase(), hex: hex[0].toLowerCase() }
  else {
    const named = words.find((word) => word in COLOURS)
    if (named) facts.colour = { name: named, hex: COLOURS[named]! }
  }

  if (/\b(bigger|larger|large|big|huge|roomier|more spacious)\b/.test(lower)) facts.size = "lg"
  else if (/\b(smaller|small|compact|tiny|denser|tighter)\b/.test(lower)) facts.size = "sm"
  if (/\b(square|sharp)\b|\bno (rounded|round) corners\b|\bnot rounded\b/.test(lower)) facts.radius = "none"
  else if (/\b(rounded|rounder|round corners|pill|softer|soft corners)\b/.test(lower)) facts.radius = "xl"
  // "dark" is the theme unless it names a thing in it: dark text, or a dark-mode switch the component itself has.
  const darkMeant = lower.replace(
    /\bdark (?:text|border|outline)\b|\bdark[\s-]?(?:mode|theme)\s+(?:switch|toggle|checkbox|option|setting|button)s?\b/g,
    " ",
  )
  if (/\bdark\b/.test(darkMeant)) facts.dark = true
  else if (/\blight (?:mode|theme|background|version)\b|\bmake it light\b/.test(lower)) facts.dark = false

  const symbol = /[$€£¥₹]/.exec(text)
  if (symbol) facts.currency = symbol[0]
  else for (const [pattern, sign] of CURRENCY_WORDS) if (pattern.test(lower)) facts.currency ??= sign
  return facts
}

function readQuoted(text: string): string[] {
  const quoted: string[] = []
  for (const match of text.matchAll(/"([^"]+)"|“([^”]+)”|`([^`]+)`|(?<![A-Za-z])'([^']+)'(?![A-Za-z])/g)) {
    const value = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? "").trim()
    if (value) quoted.push(value)
  }
  return quoted
}

// Words that end a listed item rather than belong to it ("Overview, Settings and Billing tabs").
const LIST_TAIL = new Set(
  (
    "tab tabs step steps section sections page pages link links item items option options column columns " +
    "field fields button buttons card cards plan plans tier tiers category categories filter filters menu " +
    "and or etc"
  ).split(" "),
)
const LIST_LEAD = /^(?:for|with|called|named|labelled|labeled|like|including|includes|include|such as|:)\s+/i

/**
 * Enumerations of two or more items: "Overview, Settings and Billing", "Todo / Doing / Done",
 * "Basic, Pro, and Enterprise". Items keep the person's capitalisation.
 */
function readLists(text: string): string[][] {
  const lists: string[][] = []
  // Quoted items written as a list: "A", "B" and "C".
  const quotedRun = /(?:["“][^"”]+["”]\s*(?:,|and|or|\/|&)\s*)+["“][^"”]+["”]/g
  const covered: [number, number][] = []
  for (const match of text.matchAll(quotedRun)) {
    const items = [...match[0].matchAll(/["“]([^"”]+)["”]/g)].map((item) => item[1]!.trim())
    if (items.length >= 2) {
      lists.push(items)
      covered.push([match.index, match.index + match[0].length])
    }
  }
  // An item is up to four words, none of them "and"/"or" (those separate items).
  const word = String.raw`[A-Za-z0-9$€£¥₹](?:[\w'’&+.#$€£¥₹-]|,\d{3}\b)*`
  const item = String.raw`${word}(?: (?!(?:and|or)\b)${word}){0,3}`
  const sep = String.raw`\s*(?:,(?!\d{3}\b)\s*(?:and\s+|or\s+|&\s+)?|\s+and\s+|\s+or\s+|\s*&\s*|\s*\/\s*|\s*\|\s*|\s*→\s*|\s*->\s*)`
  const pattern = new RegExp(`${item}(?:${sep}${item})+`, "g")
  for (const clause of text.split(/[.;!?()\n]/)) {
    const offset = text.indexOf(clause)
    for (const match of clause.matchAll(pattern)) {
      const start = offset + match.index
      if (covered.some(([from, to]) => start < to && start + match[0].length > from)) continue
      const { items, led } = splitList(match[0], sep)
      if (items.length < 2) continue
      // An item that starts with a count ("three tiers") means this was a sentence, not an enumeration.
      if (items.some((part) => COUNTED.test(part))) continue
      const named = items.every((part) => /^[A-Z0-9$€£¥₹]/.test(part))
      const slashed = /^[^\s,]+(?:\s*\/\s*[^\s,]+)+$/.test(match[0])
      if (led || named || slashed) lists.push(items)
    }
  }
  return lists
}

const COUNTED = new RegExp(`^(?:\\d+|${Object.keys(NUMBER_WORDS).join("|")})\\s+[a-z]`, "i")

function splitList(run: string, sep: string): { items: string[]; led: boolean } {
  const parts = run.split(new RegExp(sep)).map((part) => part.trim())
  // The first item usually carries the words that lead into the list ("tabs for Overview"): keep what follows the
  // last lead word; the last item may carry a trailing noun ("Billing tabs").
  const first = parts[0] ?? ""
  const lead =
    /^(?:.*\b(?:for|with|called|named|labelled|labeled|like|including|include|includes|as|of|between|from|to|into|shows?|showing|has|have|are|is|columns|tabs|steps|links|options|sections)\s+)?(.+)$/i
  const leadMatch = lead.exec(first)
  const led = leadMatch?.[0] !== leadMatch?.[1]
  parts[0] = leadMatch?.[1] ?? first
  const lastIndex = parts.length - 1
  const last = parts[lastIndex] ?? ""
  const lastWords = last.split(" ")
  while (lastWords.length > 1 && LIST_TAIL.has(lastWords[lastWords.length - 1]!.toLowerCase()))
    lastWords.pop()
  // "Billing in a card" → "Billing": cut at a lower-case function word after the first word.
  const cut = lastWords.findIndex(
    (word, index) =>
      index > 0 &&
      /^(in|on|at|with|that|which|where|for|to|using|and|each|per|plus|when|below|above)$/.test(word),
  )
  parts[lastIndex] = (cut > 0 ? lastWords.slice(0, cut) : lastWords).join(" ")
  const items = parts
    .map((part) => part.replace(LIST_LEAD, "").replace(/^(?:the|a|an)\s+/i, ""))
    .map((part) => part.trim())
    .filter((part) => part.length > 0 && part.length <= 40)
  return { items, led }
}

function readCounts(lower: string): Record<string, number> {
  const counts: Record<string, number> = {}
  const number = `(\\d+|${Object.keys(NUMBER_WORDS).join("|")})`
  for (const match of lower.matchAll(new RegExp(`\\b${number}[\\s-]+(?:[a-z]+[- ]){0,2}?([a-z]+)\\b`, "g"))) {
    const n = /^\d+$/.test(match[1]!) ? Number(match[1]) : NUMBER_WORDS[match[1]!]!
    const noun = singular(match[2]!)
    if (
      /^(and|or|to|of|the|a|an|per|in|on|at|with|by|for|from|is|are|seconds?|minutes?|hours?|ms)$/.test(noun)
    )
      continue
    if (match[1] === "a" || match[1] === "an") continue
    counts[noun] ??= n
  }
  return counts
}

export function singular(noun: string): string {
  if (/ies$/.test(noun) && noun.length > 4) return noun.replace(/ies$/, "y")
  if (/(ss|us)$/.test(noun)) return noun
  if (/(ches|shes|xes|ses)$/.test(noun)) return noun.replace(/es$/, "")
  if (/s$/.test(noun) && noun.length > 3) return noun.slice(0, -1)
  return noun
}

function readLimits(lower: string): { min?: number; max?: number } {
  const limits: { min?: number; max?: number } = {}
  const num = String.raw`(-?\d+(?:\.\d+)?)`
  const between = new RegExp(String.raw`\b(?:between|from)\s+${num}\s+(?:and|to|-)\s+${num}`).exec(lower)
  if (between) return { min: Number(between[1]), max: Number(between[2]) }
  const range = new RegExp(String.raw`\b${num}\s*(?:-|–|to)\s*${num}\b`).exec(lower)
  const min = new RegExp(
    String.raw`\b(?:min(?:imum)?|at least|no less than|not below)\s*(?:of|is|=|:)?\s*${num}`,
  ).exec(lower)
  const max = new RegExp(
    String.raw`\b(?:max(?:imum)?|at most|up to|no more than|limit(?:ed)? (?:of|to)|not above|cap(?:ped)? at)\s*(?:of|is|=|:)?\s*${num}`,
  ).exec(lower)
  if (min) limits.min = Number(min[1])
  if (max) limits.max = Number(max[1])
  if (range && limits.min === undefined && limits.max === undefined) {
    limits.min = Number(range[1])
    limits.max = Number(range[2])
  }
  return limits
}

function readDurations(lower: string): number[] {
  const durations: number[] = []
  const pattern =
    /(\d+(?:\.\d+)?|[a-z]+)[\s-]*(ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?)\b/g
  for (const match of lower.matchAll(pattern)) {
    const amount = /^\d/.test(match[1]!) ? Number(match[1]) : NUMBER_WORDS[match[1]!]
    if (amount === undefined) continue
    // "5 m" or "3 s" alone are too ambiguous unless written without a space ("3s", "10m").
    if (/^(m|s|h)$/.test(match[2]!) && /\s/.test(match[0])) continue
    const unit = UNIT_MS.find(([unitPattern]) => unitPattern.test(match[2]!))
    if (unit) durations.push(Math.round(amount * unit[1]))
  }
  return durations
}

/** Whether any of the phrases occurs as whole words in the prompt. */
export function mentions(facts: PromptFacts, ...phrases: string[]): boolean {
  return phrases.some((phrase) => new RegExp(`\\b${escapeRegExp(phrase.toLowerCase())}\\b`).test(facts.lower))
}

/** The first count of any of these nouns (singular). */
export function countOf(facts: PromptFacts, ...nouns: string[]): number | undefined {
  for (const noun of nouns) if (facts.counts[noun] !== undefined) return facts.counts[noun]
  return undefined
}

/** The first list in the prompt, else the quoted strings when there are two or more. */
export function firstList(facts: PromptFacts): string[] | undefined {
  return facts.lists[0] ?? (facts.quoted.length >= 2 ? facts.quoted : undefined)
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}

/** "billing settings" → "Billing settings". */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
