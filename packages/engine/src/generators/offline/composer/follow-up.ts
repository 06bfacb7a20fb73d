import { capitalize, escapeRegExp, readPrompt } from "../facts"
import { compose, paramsFor, withValues, type Composition } from "../compose"
import { sentenceList, type ParamValue, type Values } from "../recipe"
import { composedPartsOf, composedRecipe, describePart } from "./compose-component"
import { readParts } from "./read-parts"
import type { Part } from "./types"

/** What a follow-up changed in a composed component's parts, and the component it makes. */
export interface PartsFollowUp {
  composition: Composition
  /** What was changed, in words for the reasoning step ("added a "Share" button"). */
  applied: string[]
  /** What was asked and could not be done ("there is no "Reject" button to remove"). */
  refused: string[]
}

const REMOVE =
  /\b(?:remove|delete|drop|hide|get rid of|take out|take away|lose)\s+(.+?)(?=$|[,;.]|\s+(?:and|then)\s+(?:add|remove|delete|drop|rename|change|call|label|make)\b)/gi
const WITHOUT = /\b(?:without|no more|no longer (?:show|with))\s+(.+?)(?=$|[,;.])/gi
const RENAME =
  /\b(?:rename|relabel|change|call|label)\s+(?:the\s+)?["“]?(.+?)["”]?\s+(?:button\s+|label\s+|field\s+|heading\s+|title\s+|tab\s+)?(?:to|into|as)\s+["“]?([^"”,;.]+?)["”]?(?=$|[,;.]|\s+and\s)/gi
const TITLE_IT = /\b(?:call|title|name|retitle)\s+it\s+["“]?([^"”,;.]+?)["”]?(?=$|[,;.]|\s+and\s)/gi
/** Words a "change … to …" may name that are the shared follow-ups' (the look), not a part. */
const LOOK = /^(?:the\s+)?(?:colou?r|accent|theme|size|corners?|radius|mode)$/i
const HEADING = /^(?:it|(?:the\s+)?(?:heading|title|name))$/i
const ADD =
  /\b(?:add|include|put in|insert|also show|also add)\s+(.+?)(?=$|[;.]|\s+(?:and|then)\s+(?:remove|delete|drop|rename|change|call|label|make)\b)/gi

/** The noun a follow-up may use for each kind of part, when it names the part but not its label. */
const KIND_NOUNS: [RegExp, (part: Part) => boolean][] = [
  [/\bprogress(?: bar)?\b/, (part) => part.kind === "progress"],
  [/\b(?:meter|gauge|strength)\b/, (part) => part.kind === "meter"],
  [/\bbadge\b/, (part) => part.kind === "badge"],
  [/\bavatar\b/, (part) => part.kind === "avatar"],
  [/\b(?:image|photo|picture)\b/, (part) => part.kind === "image"],
  [/\btimer\b|\bcountdown\b/, (part) => part.kind === "timer"],
  [/\btable\b/, (part) => part.kind === "table"],
  [/\btabs\b/, (part) => part.kind === "tabs"],
  [/\btimeline\b/, (part) => part.kind === "steps" && part.style === "timeline"],
  [/\bsteps\b/, (part) => part.kind === "steps"],
  [/\blist\b|\bfeed\b|\bforecast\b/, (part) => part.kind === "list"],
  [/\b(?:totals|line items|tax|subtotal)\b/, (part) => part.kind === "totals"],
  [/\bswitch\b|\btoggle\b/, (part) => part.kind === "input" && part.switch === true],
  [/\bcheckbox\b/, (part) => part.kind === "input" && part.type === "checkbox" && !part.switch],
  [/\bslider\b/, (part) => part.kind === "input" && part.type === "range"],
  [/\b(?:select|dropdown)\b/, (part) => part.kind === "input" && part.type === "select"],
  [
    /\b(?:radio(?: group| buttons)?|choice|options)\b/,
    (part) => part.kind === "input" && part.type === "radio",
  ],
  [/\b(?:values|stats|details|readings)\b/, (part) => part.kind === "values"],
  [/\b(?:text ?area)\b/, (part) => part.kind === "input" && part.type === "textarea"],
  [/\b(?:field|input)\b/, (part) => part.kind === "input"],
  [/\bbutton\b/, (part) => part.kind === "button"],
  [/\b(?:text|description|paragraph)\b/, (part) => part.kind === "text"],
]

/** A part's own words: its label, or the name of the list it is. */
function labelOf(part: Part): string {
  if (typeof part.value === "string") return part.value
  if ("label" in part && typeof part.label === "string") return part.label
  return ""
}

const lower = (text: string) => text.toLowerCase().trim()
const unquote = (text: string) =>
  text
    .replace(/["“”]/g, "")
    .replace(/^(?:the|a|an|its|that)\s+/i, "")
    .trim()

/**
 * The parts the phrase names: those whose label it says (`the "Reject" button`, `the Reject button`), else the parts
 * of the kind it names with nothing more (`the progress bar`; `the buttons` for all of them, `the button` only when
 * there is one). "the Banana button" names no part when no button says Banana. The first heading is never one.
 */
function partsNamed(parts: readonly Part[], phrase: string): { named: number[]; ambiguous: boolean } {
  const said = lower(unquote(phrase))
  const candidates = parts.map((part, index) => ({ part, index })).filter(({ index }) => index > 0)
  const byLabel = candidates.filter(({ part }) => {
    const label = lower(labelOf(part))
    return label.length > 0 && new RegExp(`(?:^|\\W)${escapeRegExp(label)}(?:$|\\W)`).test(said)
  })
  if (byLabel.length > 0) {
    // The longest label said wins ("Accept all" over "Accept").
    const longest = Math.max(...byLabel.map(({ part }) => labelOf(part).length))
    const named = byLabel.filter(({ part }) => labelOf(part).length === longest).map(({ index }) => index)
    return { named, ambiguous: false }
  }
  for (const [noun, isKind] of KIND_NOUNS) {
    const bare = said
      .replace(/^(?:the|a|an|all|both|every|each)\s+/, "")
      .replace(/(?:\s+(?:bars?|parts?))$/, "")
    const match = new RegExp(`^(?:${noun.source.replace(/\\b/g, "")})(s|es)?$`).exec(bare)
    if (!match) continue
    const ofKind = candidates.filter(({ part }) => isKind(part)).map(({ index }) => index)
    const plural = match[1] !== undefined || /^(?:all|both|every|each)\s/.test(said)
    if (ofKind.length > 1 && !plural) return { named: [], ambiguous: true }
    return { named: ofKind, ambiguous: false }
  }
  return { named: [], ambiguous: false }
}

/** The part with its current value (what a follow-up or the design panel set), read from the composition's values. */
function current(parts: readonly Part[], props: readonly string[], values: Values): Part[] {
  return parts.map((part, index) => {
    const value: ParamValue | undefined = values[props[index]!]
    return value === undefined || typeof value !== typeof part.value ? part : ({ ...part, value } as Part)
  })
}

/**
 * Applies a follow-up's changes to a composed component's parts: add the parts it names ("add a Share button"),
 * remove the ones it names ("remove the Reject button", "without the progress bar"), and change labels ("rename
 * Accept all to Allow all", "call it Cookie settings"). Colour, theme, size and corners are the shared follow-ups'
 * (offline-generator.ts). Undefined when the composition is not a composed one.
 */
export function followUpParts(earlier: Composition, text: string): PartsFollowUp | undefined {
  const known = composedPartsOf(earlier.recipe)
  if (!known) return undefined
  let parts = current(known.parts, known.props, earlier.context.values)
  const applied: string[] = []
  const refused: string[] = []
  const rest = text.replace(/\s+/g, " ").trim()

  const retitle = (title: string) => {
    parts = parts.map((part, index) => (index === 0 ? ({ ...part, value: title } as Part) : part))
    applied.push(`the heading now reads "${title}"`)
  }
  for (const match of rest.matchAll(TITLE_IT)) {
    const title = capitalize(unquote(match[1]!))
    if (title) retitle(title)
  }
  for (const match of rest.matchAll(RENAME)) {
    const [, from, to] = match
    if (LOOK.test(from!.trim())) continue
    if (HEADING.test(from!.trim())) {
      const title = capitalize(unquote(to!))
      if (title) retitle(title)
      continue
    }
    const { named, ambiguous } = partsNamed(parts, from!)
    const label = unquote(to!)
    if (named.length !== 1 || !label) {
      refused.push(
        ambiguous || named.length > 1
          ? `"${unquote(from!)}" names more than one part, so I renamed none`
          : `there is no "${unquote(from!)}" to rename`,
      )
      continue
    }
    const index = named[0]!
    const part = parts[index]!
    if (typeof part.value === "string") parts[index] = { ...part, value: capitalize(label) } as Part
    else if ("label" in part) parts[index] = { ...part, label: capitalize(label) } as Part
    applied.push(`${describePart(part)} is now "${capitalize(label)}"`)
  }
  for (const match of [...rest.matchAll(REMOVE), ...rest.matchAll(WITHOUT)]) {
    const phrase = match[1]!
    const { named, ambiguous } = partsNamed(parts, phrase)
    if (named.length === 0) {
      refused.push(
        ambiguous
          ? `"${unquote(phrase)}" could be more than one part, so I removed none (name it by its label)`
          : `there is no ${unquote(phrase)} to remove`,
      )
      continue
    }
    applied.push(`removed ${sentenceList(named.map((index) => describePart(parts[index]!)))}`)
    parts = parts.filter((_, index) => !named.includes(index))
  }
  for (const match of rest.matchAll(ADD)) {
    // Read as a thing "with" the parts named, so the follow-up's words go through the composer's own reader.
    const read = readParts(readPrompt(`a component with ${match[1]!}`))
    const said = match[1]!.toLowerCase()
    const counts = parts.some((part) => part.kind === "button" && part.action === "count")
    const added = read.parts.filter(
      (part) =>
        part.kind !== "heading" &&
        // A button that lowers a count lowers the one there is; the reader's own counting button is not asked for.
        !(
          counts &&
          part.kind === "button" &&
          part.action === "count" &&
          !new RegExp(`(?:^|\\W)${escapeRegExp(part.value.toLowerCase())}(?:$|\\W)`).test(said)
        ) &&
        !parts.some(
          (had) => had.kind === part.kind && JSON.stringify(had.value) === JSON.stringify(part.value),
        ),
    )
    if (added.length === 0) {
      refused.push(`I found no part I can build in "${match[1]!.trim()}"`)
      continue
    }
    parts = [...parts, ...added]
    applied.push(`added ${sentenceList(added.map(describePart))}`)
  }
  if (applied.length === 0) return { composition: earlier, applied, refused }

  const recipe = composedRecipe(earlier.name, labelOf(parts[0]!), parts, known.unbuilt)
  // The look (accent, theme, size, corners) stays as it was; the parts' values are the new recipe's defaults.
  const look: Record<string, ParamValue> = {}
  for (const name of ["accent", "dark", "size", "radius"]) {
    const value = earlier.context.values[name]
    if (value !== undefined) look[name] = value
  }
  const params = withValues(paramsFor(recipe, readPrompt("")), look)
  return { composition: compose(recipe, earlier.name, params), applied, refused }
}
