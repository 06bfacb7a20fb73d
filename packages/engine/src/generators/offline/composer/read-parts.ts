import { capitalize, COUNT_WORDS, type PromptFacts } from "../facts"
import type { ButtonAction, InputType, LineItem, Part, Row } from "./types"

/** What the composer read in a prompt: the thing's name and title, its parts, and the phrases it could not place. */
export interface PromptParts {
  /** The prompt's own name for the thing ("cookie consent banner"), or "" when it gives none. */
  title: string
  parts: Part[]
  /** Phrases that name nothing the composer can build, in the prompt's words. */
  unplaced: string[]
  /** The clauses that became parts, lower-cased, with the kind each became. */
  claimed: { clause: string; kind: Part["kind"] }[]
}

const LEAD =
  /^(?:please\s+)?(?:(?:can you\s+)?(?:build|create|make|design|write|generate|give me|i want|i need|i'd like|show me|add|render)\s+)?(?:me\s+)?(?:(?:an?|the|some|one)\s+)?(?:simple\s+|small\s+|basic\s+|little\s+)?/i
/**
 * "plus" joins clauses only between parts ("a title plus a Close button"): never as a label ("a plus button", "a
 * plus and a minus button", "with plus and minus buttons") or after an article.
 */
const PLUS = String.raw`(?<!\b(?:a|an|the|one|with|and|or)\s)plus(?!\s+(?:(?:buttons?|signs?|icons?|keys?|symbols?|and|or)\b|\/))`
const HEAD_END = new RegExp(
  String.raw`\s+(?:with|showing|displaying|asking|that|which|where|containing|including|featuring|having|under|below|above|beneath|for|of|in|on|at|from|and|saying|offering|announcing|reading|listing|${PLUS})\s+|[,:;.!?(]`,
  "i",
)
/** Words that join clauses; the one before a clause says how to read it ("showing the time" is a text). */
const CONNECTOR = new RegExp(
  String.raw`\s*(?:[;()]|(?<!\d),|,(?!\d)|(?<!\d):|:(?!\d)|\.(?=\s|$)|\s(?:and|with|${PLUS}|then|also|showing|displaying|shows|asking|asks|under|below|above|beneath|containing|including|featuring|followed by|next to|beside|against|versus|vs\.?|saying|that says|announcing|listing|has|have|a|an)\s)\s*`,
  "i",
)

const VERB_ACTIONS: [RegExp, ButtonAction][] = [
  [/\b(minus|decrement|decrease|subtract|minus one|remove one|take one)\b|^\s*(?:-|−|–|-1)\s*$/, "decrement"],
  [
    /\b(play\s*\/\s*pause|play|pause|like|follow|favou?rite|mute|unmute|bookmark|star|show\s*\/\s*hide|on\s*\/\s*off|expand|collapse|toggle|full ?screen|shuffle|repeat|loop|subtitles|captions)\b/,
    "toggle",
  ],
  [
    /\b(accept|reject|decline|dismiss|close|got it|allow|deny|cancel|no thanks|maybe later|skip)\b/,
    "dismiss",
  ],
  [
    /\b(next|previous|prev|add one|increment|increase|upvote|vote|plus one|\+1|(?<!\b(?:learn|read|see|find out|know)\s)more)\b|^\s*(?:\+|plus|plus sign)\s*$/,
    "count",
  ],
  [/\b(copy|clipboard)\b/, "copy"],
  [
    /\b(submit|send|save|sign in|sign up|log in|register|subscribe|check ?out|pay|book|apply|confirm|continue|join|order|buy|donate|search)\b/,
    "submit",
  ],
  [/\b(select|choose|pick)\b/, "select"],
]

function actionOf(lower: string): ButtonAction | undefined {
  return VERB_ACTIONS.find(([pattern]) => pattern.test(lower))?.[1]
}

/** The prompt's words for a clause, without articles and the part's noun: "a Reject button" → "Reject". */
function wordsOf(clause: string, noun: RegExp): string {
  const quoted = /["“']([^"”']+)["”']/.exec(clause)
  if (quoted) return quoted[1]!.trim()
  return clause
    .replace(noun, " ")
    .replace(/^\s*(?:(?:an?|the|one|some|its|their|his|her|my|your|our)\s+)+/i, "")
    .replace(/\s+(?:labell?ed|called|named|titled|saying|that says)\s*$/i, "")
    .replace(/\s+/g, " ")
    .trim()
}

/** A container's own name, without its items: 'a country select offering "France", "Spain"' → "country". */
function nameOf(clause: string, noun: RegExp): string {
  const bare = clause
    .replace(/["“][^"”]*["”]/g, " ")
    .replace(/\s(?:for|of|offering|with|called|named|like|such as|including|showing|at)\b.*$/i, " ")
    .replace(/\b\d+(?:\.\d+)?\s*%?/g, " ")
  return wordsOf(bare.replace(/["“”]/g, ""), noun)
}

/**
 * The last of a run of named items, written before the plural noun that names them all: "Ordered, Shipped and
 * Delivered steps" → "Delivered". Only a capitalised word is an item ("three steps", "the steps" are not).
 */
function lastItem(clause: string, plural: RegExp): string[] {
  const match = new RegExp(
    String.raw`^(?:(?:an?|the)\s+)?([A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}?)\s+${plural.source}$`,
  ).exec(clause.trim())
  return match ? [match[1]!] : []
}

/** The first item, inside a container's clause: "tabs for Ingredients" → "Ingredients". */
function leadItem(clause: string): string[] {
  if (/["“]/.test(clause)) return []
  const lead = /\b(?:for|of|offering|called|named|like|such as|including)\s+(.+)$/i.exec(clause)
  return lead && /^[A-Z0-9]/.test(lead[1]!) ? [lead[1]!.trim()] : []
}

/**
 * A choice of one among named options: "to choose between Monthly and Yearly", "pick one of Small, Medium or
 * Large". It ends where the next part begins ("…, and a Save button", "… with a Vote button").
 */
const CHOICE =
  /(?:,\s*)?\s*\b(?:(?:to|that lets? (?:you|me|users?|people)|letting (?:you|users?)|so (?:you|users?) can)\s+)?((?:choose|pick|select|vote)\s+(?:between|from|one of|among))\s+(.+?)(?=$|[.;!?]|,\s*(?:and\s+)?(?:an?|the|with)\s|\s+(?:with|plus|then|showing)\s|\s+and\s+(?:an?|the)\s)/i
const CHOICE_MARK = "choice§"

/** Items in a phrase: 'Small, Medium or "Large"' → Small, Medium, Large. */
function itemsOf(phrase: string): string[] {
  return phrase
    .split(/\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+/)
    .map((item) => capitalize(item.replace(/["“”]/g, "").trim()))
    .filter(Boolean)
}

/** A number of a plural thing: "3 cards", "six tiles" (not an amount of time or money). */
const REPEATED =
  /^(\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?!(?:seconds|minutes|hours|days|weeks|months|years|times|percent|dollars|euros|pounds)$)([a-z]{3,}s)$/

/** Plural nouns that name a control or a picture: "three toggles" is three switches, not a list of three. */
const MANY: [RegExp, (label: string) => Part][] = [
  [/^(?:toggles|switches)$/, (label) => ({ kind: "input", value: label, type: "checkbox", switch: true })],
  [/^(?:checkboxes|tickboxes)$/, (label) => ({ kind: "input", value: label, type: "checkbox" })],
  [/^sliders$/, (label) => ({ kind: "input", value: label, type: "range" })],
  [/^(?:images|photos|pictures|thumbnails)$/, (label) => ({ kind: "image", value: label })],
]

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
const MONTHS = "January February March April May June July August September October November December".split(
  " ",
)

/** "for each day of the week", "one per weekday", "for every month": the items that "each" ranges over. */
function eachOf(lower: string): string[] | undefined {
  if (!/\b(?:each|every|per)\b/.test(lower)) return undefined
  if (/\bweek ?days?\b/.test(lower)) return WEEKDAYS
  if (/\bday of the week\b|\bdays? of the week\b/.test(lower)) return [...WEEKDAYS, "Saturday", "Sunday"]
  if (/\bmonth(?: of the year)?\b/.test(lower)) return MONTHS
  return undefined
}

/** A phrase that names a control is built, never shown as a labelled value: "a Learn more link", "a Mute toggle". */
const CONTROL =
  /\b(?:links?|buttons?|cta|inputs?|fields?|toggles?|switch(?:es)?|check ?box(?:es)?|tick ?box(?:es)?|sliders?|dropdowns?|drop-downs?|radios?|textareas?|text ?box(?:es)?)\b/

/**
 * A share stated for a progress bar or meter: "40% read" → 40, "3 of 10 pages" → 30; undefined for any other amount.
 */
function shareOf(phrase: string): number | undefined {
  const counted =
    /^(\d+(?:\.\d+)?)(?:\s?([A-Za-z]{1,3}))?\s+(?:of|out of)\s+(\d+(?:\.\d+)?)(?:\s?\2)?\b/i.exec(
      wordsOf(phrase, /$^/),
    )
  if (counted && Number(counted[3]) > 0)
    return Math.min(Math.round((Number(counted[1]) / Number(counted[3])) * 100), 100)
  const words = wordsOf(phrase, /$^/)
  const value = WHOLE_AMOUNT.test(words) ? words : rowOf(phrase).value
  if (value === undefined) return undefined
  const percent = /^(\d+(?:\.\d+)?)\s?%$/.exec(value)
  if (percent) return Math.min(Number(percent[1]), 100)
  const ofTotal = /^(\d+(?:\.\d+)?)\s+(?:of|out of|\/)\s+(\d+(?:\.\d+)?)$/.exec(value)
  if (!ofTotal || Number(ofTotal[2]) <= 0) return undefined
  return Math.min(Math.round((Number(ofTotal[1]) / Number(ofTotal[2])) * 100), 100)
}

/** "3 of 10 pages" → { total: 10, unit: "pages" }: a share stated as a count out of a total, in the prompt's words. */
function countOfTotal(phrase: string): { total: number; unit: string } | undefined {
  const match = /^(\d+)\s+(?:of|out of)\s+(\d+)\s*([a-z][a-z ]*)?$/i.exec(wordsOf(phrase, /$^/))
  if (!match || Number(match[2]) <= 0 || Number(match[1]) > Number(match[2])) return undefined
  return { total: Number(match[2]), unit: (match[3] ?? "").trim().toLowerCase() }
}

/** The connectors after which a phrase is shown, not built: "showing the time". */
const SHOWING = /^(?:showing|displaying|shows)$/
/** The connectors after which a phrase is the thing's own words, shown as written: "saying …", "announcing …". */
const SAYS = /^(?:saying|that says|announcing)$/
/** A question, as a poll or a form asks it: "What should we build next?", "Would you recommend us". */
const QUESTION =
  /\?$|^(?:what|which|how|who|where|when|why|do|does|did|would|will|are|is|should|can|could)\s/i

const UNIT = String.raw`(?:%|°\s?[CF]?|km\/h|mph|km|mi|kg|mg|g|lbs?|oz|ml|cm|mm|m|ft|kcal|cal|kWh|W|bpm|hrs?|h|mins?|ms|s|GB|MB|KB|TB|pts|(?:seconds|secs?|minutes|hours|days|nights|weeks|months|years|steps|pages|words|points|calories|reps|sets|laps|votes|likes|views|followers|reviews|downloads|comments|tickets|seats|guests|miles|kilometers|kilometres|liters|litres|glasses|cups)(?![a-z]))(?![A-Za-z])`
/** A number as people write it: "1,500", "12.5", "-3" (a lone comma between digits groups thousands). */
const NUMBER = String.raw`-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:[.,]\d+)?`
/** "6h 45m", "1 hr 20 min": a duration in two units. */
const DURATION = String.raw`\d+\s?(?:h|hrs?|hours?)\s?\d+\s?(?:m|mins?|minutes?)(?![A-Za-z])`
const AMOUNT = String.raw`(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]m)?|${DURATION}|v\d+(?:\.\d+)+|\d+\s?\/\s?\d+(?![\d\/])|(?:[$€£¥]\s?)?(?:${NUMBER})(?:\s?${UNIT})?(?:\s+(?:of|out of|\/)\s+\d+(?:[.,]\d+)?(?:\s?${UNIT})?)?)`
/**
 * An amount that cannot be an ordinary number in a phrase: money, a measure with its unit, a time of day, a duration,
 * a version or a fraction. "Rent $1,500" and "carbs 200 g" are labelled values; "top 10" and "3 cards" are not.
 */
const STATED = new RegExp(
  String.raw`^(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]m)?|${DURATION}|v\d+(?:\.\d+)+|\d+\s?\/\s?\d+|(?:${NUMBER})\s+(?:of|out of)\s+(?:${NUMBER})(?:\s?${UNIT})?|[$€£¥]\s?(?:${NUMBER})(?:\s?[kKmM]\b)?|(?:${NUMBER})\s?${UNIT})$`,
  "i",
)
/** A phrase that is an amount and nothing else: "2.4 MB", "40%", "3 of 10". */
const WHOLE_AMOUNT = new RegExp(String.raw`^${AMOUNT}$`, "i")
const VALUE_FIRST = new RegExp(String.raw`^(${AMOUNT})\s+(?:of\s+)?(.+)$`, "i")
const VALUE_LAST = new RegExp(
  String.raw`^(.*?[^\d\s,.])\s*(?:\s(?:at|of|is)\s|(?<!\d):|=)\s*(${AMOUNT})$`,
  "i",
)

const VALUE_AFTER = new RegExp(String.raw`^(.*?[A-Za-z][^\s]*)\s+(${AMOUNT})$`, "i")

/** A phrase to show as a label and, when the prompt says it, its value: "72% battery" → Battery: 72%. */
function rowOf(phrase: string): { label: string; value?: string } {
  const words = wordsOf(phrase, /$^/)
  // A bare amount ("2.4 MB", "3:45") has no label to split off: it is shown as it is. One that ends in a word
  // ("320 calories", "6 of 8 glasses") is labelled by that word.
  const bare = WHOLE_AMOUNT.test(words) && !/[a-z]{4,}$/i.test(words)
  if (bare && /[^\d\s.,]/.test(words)) return { label: words }
  const first = VALUE_FIRST.exec(words)
  if (first) return { label: capitalize(wordsOf(first[2]!, /$^/)), value: first[1]!.trim() }
  const last = VALUE_LAST.exec(words)
  if (last) return { label: capitalize(last[1]!.trim()), value: last[2]!.trim() }
  // "Rent $1,500", "prep time 15 min": a label, then an amount that says what it is.
  const after = VALUE_AFTER.exec(words)
  // "version 2.1": the word says the number is a version.
  if (after && (STATED.test(after[2]!.trim()) || /^version$/i.test(after[1]!.trim())))
    return { label: capitalize(after[1]!.trim()), value: after[2]!.trim() }
  return { label: capitalize(words) }
}

/** A phrase that states a labelled amount ("Rent $1,500", "a goal of 8 hours", "120 g protein"), wherever it is. */
function statedRow(phrase: string): { label: string; value: string } | undefined {
  const row = rowOf(phrase)
  const version = /^version$/i.test(row.label) && /^v?\d+(?:\.\d+)*$/.test(row.value ?? "")
  if (row.value === undefined || !(STATED.test(row.value) || version) || !/[a-z]/i.test(row.label))
    return undefined
  return { label: row.label, value: row.value }
}

function numberIn(lower: string): number | undefined {
  const digits = /\b(\d+(?:\.\d+)?)\b/.exec(lower)
  if (digits) return Number(digits[1])
  const word = Object.keys(COUNT_WORDS).find((candidate) => new RegExp(`\\b${candidate}\\b`).test(lower))
  return word ? COUNT_WORDS[word] : undefined
}

function percentOf(lower: string, ...names: string[]): number | undefined {
  const alternatives = names.join("|")
  const match =
    new RegExp(`(\\d+(?:\\.\\d+)?)\\s*%\\s*(?:${alternatives})`).exec(lower) ??
    new RegExp(`(?:${alternatives})\\s*(?:of|at|rate)?\\s*(\\d+(?:\\.\\d+)?)\\s*%`).exec(lower)
  return match ? Number(match[1]) : undefined
}

function secondsIn(lower: string): number | undefined {
  const match =
    /\b(\d+|one|two|three|five|ten|fifteen|thirty)[\s-]*(seconds?|secs?|minutes?|mins?|hours?)\b/.exec(lower)
  if (!match) return undefined
  const amount =
    COUNT_WORDS[match[1]!] ?? ({ thirty: 30 } as Record<string, number>)[match[1]!] ?? Number(match[1])
  const unit = match[2]!.startsWith("h") ? 3600 : match[2]!.startsWith("m") ? 60 : 1
  return amount * unit
}

function inputTypeOf(lower: string): InputType {
  if (/\be-?mail\b/.test(lower)) return "email"
  if (/\bpassword\b|\bpasscode\b/.test(lower)) return "password"
  if (/\bsearch\b/.test(lower)) return "search"
  if (/\b(number|amount|quantity|age|count|price|how many)\b/.test(lower)) return "number"
  return "text"
}

interface Clause {
  text: string
  lower: string
  /** The connector before it: "showing", "and", ",". */
  after: string
}

const LEADING_CONNECTOR =
  /^(and|with|plus|then|also|showing|displaying|shows|containing|including|featuring|has|have|a|an)\s+(?!(?:(?:buttons?|signs?|icons?|keys?|symbols?|and|or)\b|\/))/i

function clausesOf(text: string): Clause[] {
  const clauses: Clause[] = []
  let rest = text
  let after = ""
  while (rest.length > 0) {
    const match = CONNECTOR.exec(rest)
    const piece = match ? rest.slice(0, match.index) : rest
    if (piece.trim()) clauses.push({ text: piece.trim(), lower: piece.trim().toLowerCase(), after })
    if (!match) break
    after = match[0].trim().toLowerCase()
    rest = rest.slice(match.index + match[0].length)
    // A connector word right after a comma joins the same way: ", and a Save button", ", showing the time".
    const lead = LEADING_CONNECTOR.exec(rest)
    if (lead) {
      rest = rest.slice(lead[0].length)
      if (!/^an?$/i.test(lead[1]!)) after = lead[1]!.toLowerCase()
    }
  }
  return clauses
}

const HEAD_PARTS =
  /^(?:meters?|gauges?|indicators?|timers?|countdowns?|stopwatch|bars?|tables?|lists?|tabs|steps|stepper|timeline|badges?|avatars?|images?|photos?|sliders?|checkbox(?:es)?|inputs?|fields?|buttons?|menus?|feed|counter|switch|toggle)$/

const INPUT_NOUN = /\b(textarea|text area|field|input|box|slider|checkbox)\b/

const GENERIC_NOUNS =
  /^(?:widget|component|ui|card|banner|panel|section|box|page|screen|view|block|element|thing|app|tool|module|container|bar|area)$/

/** Reads the parts a prompt names; pure and fast (a few regular expressions per clause). */
export function readParts(facts: PromptFacts): PromptParts {
  const least = MINIMUM.exec(facts.text)
  const choices: { part: Part; phrase: string }[] = []
  const text = facts.text
    .replace(LEAD, "")
    .replace(MINIMUM, "")
    .replace(CHOICE, (phrase, words: string, items: string) => {
      const options = itemsOf(items)
      if (options.length < 2 || options.some((option) => option.split(" ").length > 4)) return phrase
      const verb = words.split(/\s+/)[0]!.toLowerCase()
      choices.push({
        part: {
          kind: "input",
          value: verb === "vote" ? "Vote" : `${capitalize(verb)} one`,
          type: "radio",
          options,
        },
        phrase: `${words} ${items}`.toLowerCase(),
      })
      return `, ${CHOICE_MARK}${choices.length - 1}, `
    })
  const headEnd = HEAD_END.exec(text)
  const head = (headEnd ? text.slice(0, headEnd.index) : text).trim()
  const parts: Part[] = []
  const unplaced: string[] = []
  const claimed: PromptParts["claimed"] = []
  let current = ""
  let totals: Extract<Part, { kind: "totals" }> | undefined
  /** Bare phrases waiting for the plural noun that names them ("Accept all and Reject buttons"). */
  let pending: Clause[] = []
  /** The last part that takes items ("tabs for Overview, Settings and Billing"). */
  let open: { items: string[] } | undefined

  const take = (part: Part) => {
    parts.push(part)
    claimed.push({ clause: current, kind: part.kind })
    return part
  }
  /** The labelled values being shown ("showing the humidity, wind speed and UV index"), while the run goes on. */
  let shown: { index: number; rows: { label: string; value?: string }[] } | undefined
  const show = (clause: Clause) => {
    const row = rowOf(clause.text)
    if (!shown || SHOWING.test(clause.after) || shown.index !== parts.length - 1) {
      shown = { index: parts.length, rows: [] }
      take({ kind: "text", value: "" })
    }
    if (!shown.rows.some((had) => had.label.toLowerCase() === row.label.toLowerCase())) shown.rows.push(row)
    open = undefined
    // One phrase with no value stays a line of text ("showing the temperature in Paris"); values and runs are rows.
    const [only] = shown.rows
    parts[shown.index] =
      shown.rows.length === 1 && only!.value === undefined
        ? { kind: "text", value: only!.label }
        : {
            kind: "values",
            value: shown.rows.map(({ label, value }): Row => ({ label, value: value ?? "—" })),
          }
    claimed[shown.index] = { clause: claimed[shown.index]!.clause, kind: parts[shown.index]!.kind }
  }
  /** Progress parts that take one bar per item, filled in as the items are read. */
  const bars: { index: number; items: string[] }[] = []
  /**
   * "3 cards", "six tiles": that many of the thing, each named by its number; "three toggles", "4 photos": that many
   * of the control or picture. True when the clause was one.
   */
  const many = (lower: string): boolean => {
    const repeated = REPEATED.exec(wordsOf(lower, /$^/))
    const times = repeated ? numberIn(repeated[1]!) : undefined
    if (!repeated || times === undefined || times < 2) return false
    const noun = repeated[2]!
    const one = capitalize(noun.replace(/(?<=[sxz]|ch|sh)es$|s$/, ""))
    const labels = Array.from({ length: Math.min(times, 12) }, (_, i) => `${one} ${i + 1}`)
    const control = MANY.find(([nouns]) => nouns.test(noun))?.[1]
    if (control) for (const label of labels) take(control(label))
    else take({ kind: "list", value: labels, label: capitalize(noun) })
    open = undefined
    return true
  }
  const quotedList = (clause: Clause) =>
    [...clause.text.matchAll(/["“]([^"”]+)["”]/g)].map((m) => m[1]!.trim())

  for (const [index, clause] of clausesOf(text).entries()) {
    const { lower } = clause
    current = lower
    // The head names the thing ("cookie consent banner"): it is the heading unless its last word names a part
    // ("password strength meter"); "a conference badge printer" is a printer, not a badge.
    const isHead = index === 0 && head.toLowerCase().startsWith(lower)
    // "a 4 step checkout", "a three-step signup": the name says how many steps it has.
    const stepped = isHead ? /^(\d+|two|three|four|five|six|seven|eight)[\s-]+steps?\s+\S/.exec(lower) : null
    if (stepped) {
      const count = Math.min(numberIn(stepped[1]!) ?? 3, 8)
      take({
        kind: "steps",
        value: Array.from({ length: count }, (_, i) => `Step ${i + 1}`),
        label: "Steps",
        style: "steps",
      })
      continue
    }
    if (isHead && !HEAD_PARTS.test(lower.split(" ").at(-1) ?? "")) continue
    // What the thing is for or about, named after its name: "a book card for Dune by Frank Herbert" shows the
    // book, "an update banner for version v3.2" its version. A common noun ("for my team") is not a subject.
    const subject =
      index === 0 && head && lower.startsWith(`${head.toLowerCase()} `)
        ? /^(for|about|of|by|from|offering)\s+(.+)$/i.exec(clause.text.slice(head.length).trim())
        : null
    if (subject && !HEAD_PARTS.test(head.toLowerCase().split(" ").at(-1) ?? "")) {
      const word = subject[1]!
      const rest = subject[2]!
      // "a photo grid of 4 photos": that many photos, not a subject.
      if (many(rest.toLowerCase())) continue
      const named = { ...clause, text: rest, lower: rest.toLowerCase() }
      // What it offers is said as written ("offering 10% off your first order"), not split into a value.
      if (word.toLowerCase() !== "offering" && statedRow(rest)) {
        show(named)
        continue
      }
      if (/^["“A-Z0-9]/.test(rest) && !classify(named)) {
        take({
          kind: "text",
          value: word.toLowerCase() === "by" ? `By ${rest}` : rest.replace(/^["“](.*)["”]$/, "$1"),
        })
        continue
      }
    }
    const chosen = new RegExp(`^${CHOICE_MARK}(\\d+)$`).exec(clause.text)
    if (chosen) {
      current = choices[Number(chosen[1])]!.phrase
      take(choices[Number(chosen[1])]!.part)
      open = undefined
      continue
    }
    const classified = classify(clause)
    if (isHead && classified === false) continue
    if (classified === "pending") {
      pending.push(clause)
      continue
    }
    if (classified) continue
    // A bare phrase: what the prompt shows, an item of the open list, a label the next clause names, or an action.
    // A share stated right after a progress bar or meter is its value ("a progress bar showing 40% read").
    const measure = parts.at(-1)
    const share = shareOf(clause.text)
    if (
      (measure?.kind === "progress" || measure?.kind === "meter") &&
      share !== undefined &&
      (SHOWING.test(clause.after) || clause.after === "," || clause.after === "with")
    ) {
      const counted = measure.kind === "progress" ? countOfTotal(clause.text) : undefined
      parts[parts.length - 1] = { ...measure, value: share, ...(counted ? { of: counted } : {}) }
      continue
    }
    // "a team card listing Alice, Bob and Carol": the items it lists.
    if (clause.after === "listing" && !CONTROL.test(lower)) {
      const part = take({ kind: "list", value: [capitalize(wordsOf(clause.text, /$^/))], label: "Items" })
      open = { items: part.value as string[] }
      continue
    }
    // "a weekly summary: 12 tasks done, 3 overdue": after the name's colon, phrases with their numbers are values.
    if (
      clause.after === ":" &&
      !CONTROL.test(lower) &&
      rowOf(clause.text).value !== undefined &&
      !actionOf(lower)
    ) {
      show(clause)
      continue
    }
    // What the thing says, as it says it: 'a banner saying 10% off your first order', 'a poll asking What next?'.
    const asked = /^(?:asking|asks)$/.test(clause.after) && QUESTION.test(clause.text)
    if ((SAYS.test(clause.after) || asked) && !CONTROL.test(lower)) {
      take({ kind: "text", value: capitalize(clause.text.replace(/^["“'‘](.*)["”'’]$/, "$1")) })
      open = undefined
      continue
    }
    const control = CONTROL.test(lower)
    const showing = SHOWING.test(clause.after) && !control
    const more =
      !control &&
      shown !== undefined &&
      shown.index === parts.length - 1 &&
      (clause.after === "," || clause.after === "and") &&
      wordsOf(clause.text, /$^/).split(" ").length <= 5
    // In a run of shown phrases, one that names an action is a control ("showing the time and play/pause").
    // A label with an amount that says what it is ("Rent $1,500", "a goal of 8 hours") is shown wherever it is.
    if (showing || (more && !actionOf(lower)) || (!control && statedRow(clause.text))) {
      show(clause)
      continue
    }
    if (open && clause.text.length <= 40) {
      open.items.push(capitalize(wordsOf(clause.text, /$^/)))
      continue
    }
    const action = actionOf(lower)
    if (action && clause.text.split(" ").length <= 4) {
      take({ kind: "button", value: capitalize(wordsOf(clause.text, /$^/)), action })
      continue
    }
    if (many(lower)) continue
    pending.push(clause)
  }
  // "three progress bars for Design, Code and Writing": a bar for each item.
  for (const group of bars.reverse()) {
    const one = parts[group.index] as Extract<Part, { kind: "progress" }>
    parts.splice(group.index, 1, ...group.items.map((label): Part => ({ ...one, label: capitalize(label) })))
    claimed.splice(group.index, 1, ...group.items.map(() => claimed[group.index]!))
  }
  if (COUNTER.test(head.toLowerCase())) countWith(parts, true)
  else if (parts.some(lowers)) countWith(parts, false)
  if (parts.some(lowers) && least) atLeast(parts, least[1] === "zero" ? 0 : Number(least[1]))
  const counts = parts.some((part) => part.kind === "button" && part.action === "count")
  for (const left of pending) {
    // "a count" next to a counting button is that button's count, not a part of its own.
    if (counts && COUNT_NOUN.test(left.lower)) continue
    // "a title" is the heading every composed component has (the thing's own name).
    if (/^(?:(?:an?|the|its)\s+)?(?:title|heading|headline)$/.test(left.lower)) continue
    // A phrase wholly in quotes is shown as it is (showQuoted).
    if (/^["“'‘][^"”'’]+["”'’]$/.test(left.text)) continue
    if (left.text.toLowerCase() !== head.toLowerCase() && !GENERIC_NOUNS.test(left.lower))
      unplaced.push(left.text)
  }
  if (totals && totals.value.length === 0) totals.value = defaultLines(facts)
  showQuoted(facts.text, head, parts)
  return { title: head, parts: dedupe(parts), unplaced, claimed }

  /** Reads one clause into parts; true when it was a part, "pending" when it waits for more words. */
  function classify(clause: Clause): boolean | "pending" {
    const { lower } = clause
    const plural = (noun: string) => new RegExp(`\\b${noun}s\\b`).test(lower)
    const itemsFromPending = () => {
      const items = pending.map((waiting) => capitalize(wordsOf(waiting.text, /$^/)))
      pending = []
      return items
    }
    if (/\b(timer|countdown|stopwatch)\b/.test(lower)) {
      take({ kind: "timer", value: secondsIn(lower) ?? secondsIn(facts.lower) ?? 60, label: "Time left" })
      open = undefined
      return true
    }
    if (/\bprogress\b/.test(lower)) {
      const percent = /(\d+)\s*%/.exec(lower)
      // "progress bars for Reading, Running and Saving": one bar per item; "three progress bars": that many.
      if (/\bprogress (?:bars|indicators)\b/.test(lower)) {
        const items = leadItem(clause.text)
        const count = numberIn(lower.replace(/\d+\s*%/g, ""))
        const labels =
          items.length > 0
            ? items
            : Array.from({ length: Math.min(count ?? 3, 8) }, (_, i) => `Progress ${i + 1}`)
        const group = { index: parts.length, items: [...labels] }
        take({ kind: "progress", value: percent ? Number(percent[1]) : 25, label: labels[0]! })
        bars.push(group)
        open = items.length > 0 ? { items: group.items } : undefined
        return true
      }
      // "a progress bar at 3 of 4 steps": the share in the clause itself, shown in its words.
      const share = percent ? undefined : /\b\d+\s+(?:of|out of)\s+\d+\b.*$/.exec(lower)?.[0]
      const counted = share === undefined ? undefined : countOfTotal(share)
      take({
        kind: "progress",
        value: percent ? Number(percent[1]) : counted ? (shareOf(share!) ?? 25) : 25,
        label: capitalize(
          nameOf(
            clause.text.slice(0, share === undefined ? undefined : lower.lastIndexOf(share)),
            /\b(?:bar|indicator)\b/i,
          ),
        ),
        ...(counted ? { of: counted } : {}),
      })
      open = undefined
      return true
    }
    // A level stated as a share is a meter too: "a fuel level indicator at 30%", "signal bars at 3 of 5".
    const stated = /\d+(?:\.\d+)?\s*%|\b\d+\s+(?:of|out of)\s+\d+\b/.exec(lower)
    const level = stated ? shareOf(stated[0]) : undefined
    if (
      (/\b(meter|gauge|strength)\b/.test(lower) ||
        (/\b(indicator|level)\b/.test(lower) && level !== undefined)) &&
      !/\b(slider|range)\b/.test(lower)
    ) {
      const strength = /\bstrength\b/.test(lower) && /\bpassword\b/.test(facts.lower)
      take({
        kind: "meter",
        value: strength ? 0 : Math.min(level ?? numberIn(lower) ?? 50, 100),
        label: capitalize(nameOf(clause.text, /\b(?:meter|gauge|indicator)\b/i)) || "Level",
        ...(strength ? { strengthOf: "password" } : {}),
      })
      open = undefined
      return true
    }
    // "a quantity stepper", "a qty picker": a count with a button to lower it and one to raise it, from 1.
    if (/\b(?:quantity|qty)\s+(?:stepper|picker|selector|counter|control)\b/.test(lower)) {
      take({ kind: "button", value: "Decrease quantity", action: "decrement", min: 1 })
      take({ kind: "button", value: "Increase quantity", action: "count", min: 1 })
      open = undefined
      return true
    }
    if (/\b(sub-?total|tax|vat|discount|grand total|total|line items?|quantit(?:y|ies))\b/.test(lower)) {
      totals ??= take({ kind: "totals", value: [], subtotal: false }) as Extract<Part, { kind: "totals" }>
      const tax = percentOf(lower, "tax", "vat", "sales tax")
      const discount = percentOf(lower, "discount", "off")
      if (/\btax|vat\b/.test(lower)) totals.tax = tax ?? totals.tax ?? 10
      if (/\bdiscount\b/.test(lower)) totals.discount = discount ?? totals.discount ?? 10
      if (/\bsub-?total\b/.test(lower)) totals.subtotal = true
      open = undefined
      return true
    }
    if (/\btable\b/.test(lower)) {
      const columns = [...leadItem(clause.text), ...quotedList(clause)]
      const part = take({
        kind: "table",
        value: columns,
        label: capitalize(nameOf(clause.text, /\b(?:table|with columns?|columns?)\b/i)) || "Table",
      })
      open = { items: part.value as string[] }
      return true
    }
    if (/\b(badge|unread|notification count|count badge|counter badge)\b/.test(lower)) {
      const label = /\bunread\b/.test(lower)
        ? "unread"
        : wordsOf(
            clause.text.replace(/\s+(?:of|at|showing|with)\s+\d+\b.*$/i, ""),
            /\b(?:count|badge)\b/gi,
          ) || "new"
      take({ kind: "badge", value: numberIn(lower) ?? 3, label })
      open = undefined
      return true
    }
    if (/\b(avatar|profile (?:picture|photo|image))\b/.test(lower)) {
      take({ kind: "avatar", value: capitalize(wordsOf(clause.text, /$^/)) || "Avatar" })
      return true
    }
    if (/\b(image|photo|picture|thumbnail|cover art|album art|illustration|logo)\b/.test(lower)) {
      take({ kind: "image", value: capitalize(wordsOf(clause.text, /$^/)) })
      return true
    }
    if (/\btabs?\b/.test(lower) && !/\btable\b/.test(lower)) {
      const items = [
        ...itemsFromPending(),
        ...lastItem(clause.text, /\btabs\b/),
        ...leadItem(clause.text),
        ...quotedList(clause),
      ]
      const part = take({ kind: "tabs", value: items })
      open = { items: part.value as string[] }
      return true
    }
    // "steps 8,240 of 10,000" counts steps walked: a value, not steps to go through.
    if (
      /\b(steps?|stepper|timeline|milestones?|stages?)\b/.test(lower) &&
      !INPUT_NOUN.test(lower) &&
      !statedRow(clause.text)
    ) {
      const count = numberIn(lower)
      const style = /\b(timeline|milestones?)\b/.test(lower) ? "timeline" : "steps"
      const items = [
        ...itemsFromPending(),
        ...lastItem(clause.text, /\b(?:steps|stages|milestones)\b/),
        ...leadItem(clause.text),
        ...quotedList(clause),
      ]
      const part = take({
        kind: "steps",
        value:
          items.length > 0 || count === undefined
            ? items
            : Array.from({ length: Math.min(count, 8) }, (_, i) => `Step ${i + 1}`),
        label: style === "timeline" ? "Timeline" : "Steps",
        style,
      })
      open = { items: part.value as string[] }
      return true
    }
    const stars =
      /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+stars?\b|\bstar rating\b/.exec(lower)
    if (stars && !/\bbuttons?\b/.test(lower)) {
      // "five stars", "a 10-star rating": a choice of that many stars.
      // Fewer than five ("a 4-star hotel") is a score, not the scale: the scale is then five.
      const said = (stars[1] ? numberIn(stars[1]) : undefined) ?? 5
      const count = said >= 5 ? Math.min(said, 10) : 5
      take({
        kind: "input",
        value: "Rating",
        type: "radio",
        options: Array.from({ length: count }, (_, i) => `${i + 1} star${i === 0 ? "" : "s"}`),
      })
      open = undefined
      return true
    }
    // "Great, Okay and Bad options": the named options, one to choose.
    if (/\b(?:options|choices|answers)$/.test(lower) && pending.length > 0) {
      const last = wordsOf(clause.text, /\b(?:options|choices|answers)\b/i)
      const options = [...itemsFromPending(), ...(last ? [capitalize(last)] : [])]
      take({ kind: "input", value: "Choose one", type: "radio", options })
      open = undefined
      return true
    }
    const inline =
      /^(?:(?:the|its|some)\s+)?(?:options|choices|answers)(?:\s+(?:of|like|such as))?\s+([A-Z0-9"“].*)$/.exec(
        clause.text,
      )
    if ((/\bradio\b/.test(lower) && !/\b(?:player|station|show|list)\b/.test(lower)) || inline) {
      const options = [...leadItem(clause.text), ...quotedList(clause)]
      if (inline && options.length === 0) options.push(...itemsOf(inline[1]!))
      take({
        kind: "input",
        value: inline
          ? "Options"
          : capitalize(nameOf(clause.text, /\bradio(?:\s+(?:group|buttons?|options?|choices?))?\b/i)) ||
            "Options",
        type: "radio",
        options,
      })
      open = { items: options }
      return true
    }
    // "a checkbox for each day of the week": one for each.
    const each = eachOf(lower)
    if (each && /\b(toggle|switch|check ?box|tick ?box)(?:es|s)?\b/.test(lower)) {
      const switched = !/\b(check ?box|tick ?box)/.test(lower)
      for (const label of each)
        take({ kind: "input", value: label, type: "checkbox", ...(switched ? { switch: true } : {}) })
      open = undefined
      return true
    }
    if (
      /\b(toggle switch|switch|toggle)\b/.test(lower) &&
      !/\b(check ?box|tick ?box|buttons?)\b/.test(lower)
    ) {
      take({
        kind: "input",
        value: capitalize(wordsOf(clause.text, /\b(?:toggle switch|switch|toggle)\b/i)) || "Enabled",
        type: "checkbox",
        switch: true,
      })
      return true
    }
    if (/\b(check ?box|tick ?box)\b/.test(lower)) {
      take({
        kind: "input",
        value: capitalize(wordsOf(clause.text, /\b(?:check ?box|tick ?box)\b/i)) || "I agree",
        type: "checkbox",
      })
      return true
    }
    if (/\b(textarea|text area|message box|comment box|multi-?line)\b/.test(lower)) {
      take({
        kind: "input",
        value:
          capitalize(wordsOf(clause.text, /\b(?:textarea|text area|box|multi-?line(?: input| field)?)\b/i)) ||
          "Message",
        type: "textarea",
      })
      return true
    }
    if (/\b(slider|range input)\b/.test(lower)) {
      take({
        kind: "input",
        value: capitalize(wordsOf(clause.text, /\b(?:slider|range input)\b/i)) || "Value",
        type: "range",
      })
      return true
    }
    if (/\b(dropdown|drop-down|select|picker)\b/.test(lower) && !/\blist\b/.test(lower)) {
      const options = [...leadItem(clause.text), ...quotedList(clause)]
      take({
        kind: "input",
        value: capitalize(nameOf(clause.text, /\b(?:dropdown|drop-down|select|picker)\b/i)) || "Choose",
        type: "select",
        options,
      })
      open = { items: options }
      return true
    }
    if (
      /\b(input|field|textbox|text box|entry)\b|\b(search|email|name|password) box\b/.test(lower) ||
      (/^(?:an?\s+)?(email|password|search|name)$/.test(lower) && !actionOf(lower))
    ) {
      take({
        kind: "input",
        value: capitalize(wordsOf(clause.text, /\b(?:input|field|textbox|text box|entry|box)\b/i)) || "Text",
        type: inputTypeOf(lower),
      })
      return true
    }
    if (/\b(list|menu|feed|items)\b/.test(lower)) {
      const items = [...itemsFromPending(), ...leadItem(clause.text), ...quotedList(clause)]
      const forecast = /(\d+)[\s-]day forecast/.exec(lower)
      const label = capitalize(nameOf(clause.text, /\b(?:list|menu)\b/i)) || "Items"
      const part = take({ kind: "list", value: items, label })
      open = { items: part.value as string[] }
      if (forecast) open.items.push(...Array.from({ length: Number(forecast[1]) }, (_, i) => `Day ${i + 1}`))
      return true
    }
    if (/(\d+)[\s-]day forecast/.test(lower)) {
      const days = Number(/(\d+)[\s-]day/.exec(lower)![1])
      take({
        kind: "list",
        value: Array.from({ length: Math.min(days, 14) }, (_, i) => `Day ${i + 1}`),
        label: capitalize(wordsOf(clause.text, /$^/)),
      })
      open = undefined
      return true
    }
    if (/\blinks?$/.test(wordsOf(lower, /$^/)) && !/\b(?:buttons?|cta)\b/.test(lower)) {
      // "a Learn more link", "Privacy and Terms links": a link with that label, pressed like a button (it never counts).
      const named = wordsOf(clause.text, /\blinks?\b/i)
      const labels = plural("link") ? [...itemsFromPending(), ...(named ? [named] : [])] : [named]
      if (labels.every((label) => !label)) return false
      for (const label of labels.filter(Boolean)) {
        const action = actionOf(label.toLowerCase())
        take({
          kind: "button",
          value: capitalize(label),
          action: action === "count" || action === "decrement" || action === undefined ? "press" : action,
        })
      }
      open = undefined
      return true
    }
    if (/\b(buttons?|cta|call to action)\b/.test(lower)) {
      const named = wordsOf(clause.text, /\b(?:buttons?|cta|call to action)\b/i)
      // "a plus and a minus button": a bare label just before, joined by "and", that names an action shares the noun.
      const before = pending.at(-1)
      const joined =
        !plural("button") &&
        clause.after === "and" &&
        before !== undefined &&
        actionOf(wordsOf(before.text, /$^/).toLowerCase()) !== undefined
          ? [capitalize(wordsOf(before.text, /$^/))]
          : []
      if (joined.length > 0) pending.pop()
      const labels = plural("button")
        ? [...itemsFromPending(), ...(named ? [named] : [])]
        : [...joined, named]
      // A button lowers a count only when its own words say so ("Add and Remove one buttons": Add does not).
      const shared = actionOf(lower)
      for (const label of labels.length > 0 ? labels : ["Continue"]) {
        const words = label || "Continue"
        take({
          kind: "button",
          value: capitalize(words),
          action: actionOf(words.toLowerCase()) ?? (shared === "decrement" ? undefined : shared) ?? "press",
        })
      }
      open = undefined
      return true
    }
    if (/\b(titled|heading|headline|title)\b/.test(lower) && /["“]/.test(clause.text)) {
      take({ kind: "heading", value: wordsOf(clause.text, /$^/) })
      return true
    }
    return false
  }
}

/** A phrase in quotes: "…", “…”, '…' or ‘…’ (an apostrophe inside a word, as in Maya's, stays in it). */
const QUOTED = /(?:^|[\s:(,])["“'‘]((?:[^"”'’]|['’](?=[a-z]))+?)["”'’](?=$|[\s,.;:!?)])/gi

/**
 * What a prompt quotes is text the component shows ('a banner that says "Your trial ends in 3 days"'), unless it is
 * already a part's words (a button's label, a list's items) or the thing's own name. It is shown after the heading.
 */
function showQuoted(text: string, head: string, parts: Part[]): void {
  // Every word a part carries: its value, a select's options, a list's label.
  const said = JSON.stringify(parts).toLowerCase()
  const shown = new Set<string>()
  const texts: Part[] = []
  for (const match of text.matchAll(QUOTED)) {
    const quoted = match[1]!.trim()
    const key = quoted.toLowerCase()
    if (quoted.length < 2 || shown.has(key) || said.includes(key) || head.toLowerCase() === key) continue
    shown.add(key)
    texts.push({ kind: "text", value: quoted })
  }
  const at = parts.findIndex((part) => part.kind !== "heading")
  parts.splice(at < 0 ? parts.length : at, 0, ...texts)
}

/** A head that names a counter ("a counter", "a click counter"), not a counter of something else. */
const COUNTER = /^(?!(?:character|word|letter|char)\b)(?:[a-z]+\s+)?(?:counter|tally|clicker)$/

/** A stated floor for a count: "that never goes below 0", "can't go under 1", "with a minimum of 0". */
const MINIMUM =
  /,?\s*(?:(?:that|which|and)\s+)?(?:(?:never|can(?:not|'t|’t)|does(?:n't|n’t| not)|won(?:'t|’t)|will not|should(?:n't|n’t| not))\s+(?:go(?:es)?|drops?|falls?|gets?|count)?\s*(?:below|under|lower than|less than)|(?:with\s+)?(?:an?\s+)?(?:min(?:imum)?)(?:\s+(?:of|is|at))?)\s+(-?\d+|zero)\b(?!\s*(?:%|[a-z]))/i

/** A bare phrase naming the count itself: "a count", "the number", "a score". */
const COUNT_NOUN = /^(?:(?:an?|the|its)\s+)?(?:current\s+)?(?:count|counter|tally|number|score|value|total)$/

const lowers = (part: Part) => part.kind === "button" && part.action === "decrement"

/**
 * A counter counts: the first plain button the prompt names ("a counter with a plus button") becomes the one that
 * counts, and a counter that names none gets an "Increment" button, before any button that lowers the count. A
 * thing that is not a counter but has a button that lowers a count gets the "Increment" button, its plain buttons
 * keeping what they do ("a Refresh button and a Decrease button").
 */
function countWith(parts: Part[], counter: boolean): void {
  if (parts.some((part) => part.kind === "button" && part.action === "count")) return
  const plain = parts.findIndex((part) => part.kind === "button" && part.action === "press")
  if (counter && plain >= 0) {
    parts[plain] = { ...(parts[plain] as Extract<Part, { kind: "button" }>), action: "count" }
    return
  }
  const lower = parts.findIndex(lowers)
  parts.splice(lower < 0 ? parts.length : lower, 0, { kind: "button", value: "Increment", action: "count" })
}

/** A stated minimum holds for the count and for the buttons that lower it. */
function atLeast(parts: Part[], min: number): void {
  for (const [index, part] of parts.entries()) {
    if (part.kind === "button" && (part.action === "count" || part.action === "decrement"))
      parts[index] = { ...part, min }
  }
}

function defaultLines(facts: PromptFacts): LineItem[] {
  const amounts = facts.amounts.length > 0 ? facts.amounts : [40, 25, 12.5]
  return amounts.slice(0, 5).map((price, index) => ({ item: `Item ${index + 1}`, quantity: 1, price }))
}

function dedupe(parts: Part[]): Part[] {
  const seen = new Set<string>()
  return parts.filter((part) => {
    if (Array.isArray(part.value) && part.value.length === 0 && part.kind !== "totals") {
      // A list the prompt named without items gets three of its own words.
      ;(part as { value: unknown }).value = ["First", "Second", "Third"]
    }
    // Bars and meters that share a value are still different parts when their labels differ.
    const label = part.kind === "progress" || part.kind === "meter" ? part.label : ""
    const key = `${part.kind}:${JSON.stringify(part.value)}:${label}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
