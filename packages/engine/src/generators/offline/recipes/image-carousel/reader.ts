import { capitalize, countOf, type PromptFacts } from "../../facts"

/** One slide, flat so it can live in a contract's JSON default. */
export interface Slide extends Record<string, string | number | boolean> {
  title: string
  description: string
}

/** Placeholder slides: their titles and descriptions, taken in order. */
export const POOL: Slide[] = [
  { title: "Mountain sunrise", description: "First light over the ridge, minutes after the climb." },
  { title: "Coastal road", description: "Forty miles of cliffs, curves and sea air." },
  { title: "City at night", description: "Neon, rain and the last train home." },
  { title: "Desert dunes", description: "Wind-carved sand that changes every hour." },
  { title: "Northern lights", description: "A clear night, far from any street lamp." },
  { title: "Forest trail", description: "Moss, ferns and a path that keeps going." },
  { title: "Alpine lake", description: "Still water that mirrors the peaks." },
  { title: "Harbour at dawn", description: "Fishing boats heading out before the town wakes." },
]

const LEAD =
  /^(?:(?:captions?|titles?|slides?|images?|photos?|pictures?|labels?|called|named|saying|showing|of)\s+)+/i

/** The slide titles the text gives (quoted, or a list), at most twelve. */
export function titlesIn(facts: PromptFacts): string[] | undefined {
  const list = facts.quoted.length >= 2 ? facts.quoted : facts.lists[0]
  if (!list) return undefined
  const titles = list
    .map((item) => item.replace(LEAD, "").trim())
    .filter((item) => item && !/^(?:prev|previous|next|dots?|arrows?|autoplay|captions?)$/i.test(item))
  return titles.length >= 2 ? titles.map(capitalize).slice(0, 12) : undefined
}

function slidesFor(facts: PromptFacts): Slide[] {
  const titles = titlesIn(facts)
  if (titles) {
    return titles.map((title, index) => ({
      title,
      description: POOL[index % POOL.length]!.description,
    }))
  }
  const count = Math.min(
    Math.max(countOf(facts, "slide", "image", "photo", "picture", "banner", "item") ?? 4, 2),
    POOL.length,
  )
  return POOL.slice(0, count)
}

/** Seconds between slides when the text asks for autoplay (5 unless it says), else 0. */
export function autoplayOf(facts: PromptFacts): number {
  if (/\b(?:no|without)\s+auto[\s-]?play/.test(facts.lower)) return 0
  const auto =
    /\bauto[\s-]?(?:play|plays|playing|advance|advances|rotate|rotates|scroll|scrolls|slide|slides)\b|\bevery\s+\d+(?:\.\d+)?\s*(?:s|secs?|seconds?)\b|\brotat(?:e|es|ing)\b/.test(
      facts.lower,
    )
  if (!auto) return 0
  const ms = facts.durationsMs.find((value) => value >= 1000 && value <= 60_000)
  return ms ? Math.round(ms / 100) / 10 : 5
}

/** The slides (titles given, or a count of placeholders), the name, autoplay and whether it wraps around. */
export function readCarousel(facts: PromptFacts): {
  slides: Slide[]
  title: string
  autoplaySeconds: number
  loop: boolean
} {
  return {
    slides: slidesFor(facts),
    title: facts.quoted.length === 1 ? facts.quoted[0]! : "Featured photos",
    autoplaySeconds: autoplayOf(facts),
    loop: !/\b(?:no|don't|do not|without)\s+(?:loop|looping|wrap)/.test(facts.lower),
  }
}
