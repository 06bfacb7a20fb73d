import { capitalize, COUNT_WORDS, type PromptFacts } from "../facts"
import type { ButtonAction, InputType, LineItem, Part } from "./types"

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
const HEAD_END =
  /\s+(?:with|showing|displaying|that|which|where|containing|including|featuring|having|under|below|above|beneath|for|of|in|on|at|and|plus)\s+|[,:;.!?(]/i
/** Words that join clauses; the one before a clause says how to read it ("showing the time" is a text). */
const CONNECTOR =
  /\s*(?:[,;:()]|\.(?=\s|$)|\s(?:and|with|plus|then|also|showing|displaying|shows|under|below|above|beneath|containing|including|featuring|followed by|next to|beside|has|have|a|an)\s)\s*/i

const VERB_ACTIONS: [RegExp, ButtonAction][] = [
  [
    /\b(play\s*\/\s*pause|play|pause|like|follow|favou?rite|mute|unmute|bookmark|star|show\s*\/\s*hide|on\s*\/\s*off|expand|collapse|toggle)\b/,
    "toggle",
  ],
  [
    /\b(accept|reject|decline|dismiss|close|got it|allow|deny|cancel|no thanks|maybe later|skip)\b/,
    "dismiss",
  ],
  [/\b(next|previous|prev|add one|increment|upvote|vote|plus one|\+1|more)\b/, "count"],
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

/** The first item, inside a container's clause: "tabs for Ingredients" → "Ingredients". */
function leadItem(clause: string): string[] {
  if (/["“]/.test(clause)) return []
  const lead = /\b(?:for|of|offering|called|named|like|such as|including)\s+(.+)$/i.exec(clause)
  return lead && /^[A-Z0-9]/.test(lead[1]!) ? [lead[1]!.trim()] : []
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
  }
  return clauses
}

const HEAD_PARTS =
  /^(?:meters?|gauges?|timers?|countdowns?|stopwatch|bars?|tables?|lists?|tabs|steps|stepper|timeline|badges?|avatars?|images?|photos?|sliders?|checkbox(?:es)?|inputs?|fields?|buttons?|menus?|feed|counter|switch|toggle)$/

const INPUT_NOUN = /\b(textarea|text area|field|input|box|slider|checkbox)\b/

const GENERIC_NOUNS =
  /^(?:widget|component|ui|card|banner|panel|section|box|page|screen|view|block|element|thing|app|tool|module|container|bar|area)$/

/** Reads the parts a prompt names; pure and fast (a few regular expressions per clause). */
export function readParts(facts: PromptFacts): PromptParts {
  const text = facts.text.replace(LEAD, "")
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
  const quotedList = (clause: Clause) =>
    [...clause.text.matchAll(/["“]([^"”]+)["”]/g)].map((m) => m[1]!.trim())

  for (const [index, clause] of clausesOf(text).entries()) {
    const { lower } = clause
    current = lower
    // The head names the thing ("cookie consent banner"): it is the heading unless its last word names a part
    // ("password strength meter"); "a conference badge printer" is a printer, not a badge.
    const isHead = index === 0 && head.toLowerCase().startsWith(lower)
    if (isHead && !HEAD_PARTS.test(lower.split(" ").at(-1) ?? "")) continue
    const classified = classify(clause)
    if (isHead && classified === false) continue
    if (classified === "pending") {
      pending.push(clause)
      continue
    }
    if (classified) continue
    // A bare phrase: an item of the open list, or a label the next clause names, or an action.
    if (open && clause.text.length <= 40) {
      open.items.push(capitalize(wordsOf(clause.text, /$^/)))
      continue
    }
    const action = actionOf(lower)
    if (action && clause.text.split(" ").length <= 4) {
      take({ kind: "button", value: capitalize(wordsOf(clause.text, /$^/)), action })
      continue
    }
    if (clause.after === "showing" || clause.after === "displaying" || clause.after === "shows") {
      take({ kind: "text", value: capitalize(wordsOf(clause.text, /$^/)) })
      continue
    }
    pending.push(clause)
  }
  for (const left of pending) {
    if (left.text.toLowerCase() !== head.toLowerCase() && !GENERIC_NOUNS.test(left.lower))
      unplaced.push(left.text)
  }
  if (totals && totals.value.length === 0) totals.value = defaultLines(facts)
  if (COUNTER.test(head.toLowerCase())) countWith(parts)
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
      take({
        kind: "progress",
        value: percent ? Number(percent[1]) : 25,
        label: capitalize(nameOf(clause.text, /\b(?:bar|indicator)\b/i)),
      })
      open = undefined
      return true
    }
    if (/\b(meter|gauge|strength)\b/.test(lower) && !/\b(slider|range)\b/.test(lower)) {
      const strength = /\bstrength\b/.test(lower) && /\bpassword\b/.test(facts.lower)
      take({
        kind: "meter",
        value: strength ? 0 : (numberIn(lower) ?? 50),
        label: capitalize(nameOf(clause.text, /\b(?:meter|gauge|indicator)\b/i)) || "Level",
        ...(strength ? { strengthOf: "password" } : {}),
      })
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
        : wordsOf(clause.text, /\b(?:count|badge)\b/gi) || "new"
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
      const items = [...itemsFromPending(), ...leadItem(clause.text), ...quotedList(clause)]
      const part = take({ kind: "tabs", value: items })
      open = { items: part.value as string[] }
      return true
    }
    if (/\b(steps?|stepper|timeline|milestones?|stages?)\b/.test(lower) && !INPUT_NOUN.test(lower)) {
      const count = numberIn(lower)
      const style = /\b(timeline|milestones?)\b/.test(lower) ? "timeline" : "steps"
      const items = [...itemsFromPending(), ...leadItem(clause.text), ...quotedList(clause)]
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
    if (/\b(buttons?|cta|call to action)\b/.test(lower)) {
      const named = wordsOf(clause.text, /\b(?:buttons?|cta|call to action)\b/i)
      const labels = plural("button") ? [...itemsFromPending(), ...(named ? [named] : [])] : [named]
      for (const label of labels.length > 0 ? labels : ["Continue"]) {
        const words = label || "Continue"
        take({
          kind: "button",
          value: capitalize(words),
          action: actionOf(words.toLowerCase()) ?? actionOf(lower) ?? "press",
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

/**
 * A counter counts: the first plain button the prompt names ("a counter with a plus button") becomes the one that
 * counts, and a counter that names none gets an "Increment" button.
 */
function countWith(parts: Part[]): void {
  if (parts.some((part) => part.kind === "button" && part.action === "count")) return
  const plain = parts.findIndex((part) => part.kind === "button" && part.action === "press")
  if (plain >= 0) parts[plain] = { ...(parts[plain] as Extract<Part, { kind: "button" }>), action: "count" }
  else parts.push({ kind: "button", value: "Increment", action: "count" })
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
    const key = `${part.kind}:${JSON.stringify(part.value)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
