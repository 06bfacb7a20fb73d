import { capitalize, COLOURS, countOf, mentions, type PromptFacts } from "../../facts"
import { normaliseHex } from "./inline/hex"

/** A colour to pick: its name and hex value. */
export interface Swatch extends Record<string, string> {
  name: string
  hex: string
}

/** The swatches offered when the prompt names no colours, in order. */
export const PALETTE: Swatch[] = [
  { name: "Red", hex: "#dc2626" },
  { name: "Orange", hex: "#ea580c" },
  { name: "Amber", hex: "#d97706" },
  { name: "Green", hex: "#16a34a" },
  { name: "Teal", hex: "#0d9488" },
  { name: "Blue", hex: "#2563eb" },
  { name: "Violet", hex: "#7c3aed" },
  { name: "Pink", hex: "#db2777" },
  { name: "Slate", hex: "#475569" },
  { name: "Indigo", hex: "#4f46e5" },
  { name: "Black", hex: "#0a0a0a" },
  { name: "White", hex: "#ffffff" },
]

const NAMED: Record<string, string> = { ...COLOURS, white: "#ffffff" }

// Names for hex values the prompt gives without names (the nearest by weighted RGB distance).
const REFERENCE: [string, string][] = [
  ["Red", "#dc2626"],
  ["Coral", "#ff6b6b"],
  ["Orange", "#f97316"],
  ["Amber", "#f59e0b"],
  ["Yellow", "#facc15"],
  ["Light yellow", "#fde68a"],
  ["Peach", "#fdba74"],
  ["Light green", "#86efac"],
  ["Light blue", "#93c5fd"],
  ["Light pink", "#f9a8d4"],
  ["Lime", "#84cc16"],
  ["Green", "#16a34a"],
  ["Mint", "#6ee7b7"],
  ["Teal", "#0d9488"],
  ["Turquoise", "#4ecdc4"],
  ["Cyan", "#06b6d4"],
  ["Sky", "#38bdf8"],
  ["Blue", "#2563eb"],
  ["Navy", "#1e3a8a"],
  ["Indigo", "#4f46e5"],
  ["Violet", "#7c3aed"],
  ["Purple", "#9333ea"],
  ["Lavender", "#c4b5fd"],
  ["Pink", "#ec4899"],
  ["Rose", "#e11d48"],
  ["Maroon", "#7f1d1d"],
  ["Brown", "#92400e"],
  ["Beige", "#e7d7b9"],
  ["Cream", "#fff7e0"],
  ["Slate", "#475569"],
  ["Gray", "#9ca3af"],
  ["Light gray", "#e5e7eb"],
  ["Charcoal", "#1f2937"],
  ["Forest", "#14532d"],
  ["Deep teal", "#1a535c"],
  ["Black", "#0a0a0a"],
  ["White", "#ffffff"],
]

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16)) as [number, number, number]
}

function nearestName(hex: string): string {
  const [r, g, b] = channels(hex)
  let best = REFERENCE[0]!
  let bestDistance = Infinity
  for (const entry of REFERENCE) {
    const [r2, g2, b2] = channels(entry[1])
    const distance = 2 * (r - r2) ** 2 + 4 * (g - g2) ** 2 + 3 * (b - b2) ** 2
    if (distance < bestDistance) {
      best = entry
      bestDistance = distance
    }
  }
  return best[0]
}

/** The prompt's own colours: hex values, or two or more colour names (in order, without repeats). */
function promptSwatches(facts: PromptFacts): Swatch[] | undefined {
  const hexes = [...facts.text.matchAll(/#(?:[0-9a-f]{6}|[0-9a-f]{3})\b/gi)].map((match) =>
    normaliseHex(match[0])!,
  )
  const uniqueHexes = [...new Set(hexes)]
  if (uniqueHexes.length >= 2) {
    const taken = new Map<string, number>()
    return uniqueHexes.map((hex) => {
      const base = nearestName(hex)
      const seen = (taken.get(base) ?? 0) + 1
      taken.set(base, seen)
      return { name: seen > 1 ? `${base} ${seen}` : base, hex }
    })
  }
  const swatches: Swatch[] = []
  for (const word of facts.words) {
    const hex = NAMED[word]
    if (!hex || swatches.some((swatch) => swatch.hex === hex)) continue
    swatches.push({ name: capitalize(word === "grey" ? "gray" : word), hex })
  }
  return swatches.length >= 2 ? swatches : undefined
}

function swatchesOf(facts: PromptFacts): Swatch[] {
  const own = promptSwatches(facts)
  if (own) return own
  const count = countOf(facts, "swatch", "colour", "color", "option")
  return PALETTE.slice(0, Math.min(Math.max(count ?? 8, 2), PALETTE.length))
}

function labelOf(facts: PromptFacts): string {
  if (facts.quoted[0] && !normaliseHex(facts.quoted[0])) return facts.quoted[0]
  const word = mentions(facts, "colour", "colours") ? "colour" : "color"
  for (const topic of ["brand", "theme", "label", "tag", "accent", "background", "text", "highlight"]) {
    if (mentions(facts, `${topic} ${word}`, `${topic} colour`, `${topic} color`))
      return `${capitalize(topic)} ${word}`
  }
  return capitalize(word)
}

/** A hex field asked for (true) or refused (false: "no hex input", "swatches only"); unsaid without "hex". */
export function wantsHexInput(facts: PromptFacts): boolean | undefined {
  if (!/\bhex\b/.test(facts.lower)) return undefined
  return !/\b(?:no|without|remove|hide|drop)\b[\w\s]{0,12}\bhex\b|\bswatches only\b/.test(facts.lower)
}

/**
 * The label, the swatches (the prompt's colours, else the palette), the one selected at first ("default #00ff00",
 * "starts with orange"), the hex field, and the accent: colours the prompt lists are swatches, not the accent (a
 * single colour still is the accent).
 */
export function readColorPicker(facts: PromptFacts): {
  label: string
  swatches: readonly Swatch[]
  defaultColor: string
  showHexInput: boolean
  accent: string
} {
  const swatches = swatchesOf(facts)
  const own = promptSwatches(facts) !== undefined
  const preselected =
    /\b(?:default(?:s)?|pre-?selected|selected|starts? (?:on|with|at))\s*(?:to|is|=|:|on|with)?\s*(?:the\s+)?([a-z]+|#[0-9a-f]{3,6})\b/.exec(
      facts.lower,
    )?.[1]
  const first =
    swatches.find(
      (swatch) =>
        preselected &&
        (swatch.name.toLowerCase() === preselected || swatch.hex === normaliseHex(preselected)),
    )?.hex ?? swatches[0]!.hex
  return {
    label: labelOf(facts),
    swatches,
    defaultColor: first,
    showHexInput: wantsHexInput(facts) ?? true,
    accent: own ? "" : (facts.colour?.hex ?? ""),
  }
}
