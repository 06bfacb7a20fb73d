import { countOf, mentions, NUMBER_WORDS, type PromptFacts } from "../../facts"

/** One quote, its author and their role. */
export interface Testimonial extends Record<string, string> {
  quote: string
  author: string
  role: string
}

/** Realistic quotes for a prompt that gives none. */
export const DEFAULTS: Testimonial[] = [
  {
    quote:
      "We replaced three tools with this one and cut our release time in half. The team actually enjoys using it.",
    author: "Priya Raman",
    role: "VP Engineering, Northwind",
  },
  {
    quote:
      "Onboarding took an afternoon. Support answered every question in under an hour, even on a Sunday.",
    author: "Marcus Chen",
    role: "Founder, Brightside Studio",
  },
  {
    quote: "The reporting alone paid for the subscription in the first month. I can't imagine going back.",
    author: "Elena García",
    role: "Head of Operations, Fieldwork",
  },
  {
    quote: "Our customers noticed the difference before we told them anything had changed.",
    author: "Tom Okafor",
    role: "Product Lead, Lumen Health",
  },
  {
    quote: "Clean, fast and thoughtfully designed. It's the rare tool that gets out of your way.",
    author: "Hannah Berg",
    role: "Design Director, Nordlys",
  },
  {
    quote: "We scaled from 10 to 200 people without changing a single workflow.",
    author: "Daniel Kim",
    role: "COO, Parcel",
  },
]

const AUTHORS = DEFAULTS.map(({ author, role }) => ({ author, role }))

/** Quotes from the prompt ("…" by Name, Role), else realistic defaults. */
export function testimonialsOf(facts: PromptFacts): Testimonial[] {
  const quotes = facts.quoted.filter((item) => item.split(" ").length >= 4)
  if (quotes.length > 0) {
    return quotes.map((quote, index) => {
      const at = facts.text.indexOf(quote)
      const after = facts.text.slice(at + quote.length + 1, at + quote.length + 80)
      const by =
        /^\s*(?:[-—–]|by|from)\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})(?:\s*[,(]\s*([^,)"“.;]{2,40}))?/.exec(
          after,
        )
      const fallback = AUTHORS[index % AUTHORS.length]!
      return {
        quote,
        author: by?.[1] ?? fallback.author,
        role: by ? (by[2]?.trim() ?? "") : fallback.role,
      }
    })
  }
  const ofThem = /\b(\d+|two|three|four|five|six)\s+of\s+them\b/.exec(facts.lower)?.[1]
  const count =
    countOf(facts, "testimonial", "quote", "review", "customer", "card", "slide") ??
    (ofThem ? (NUMBER_WORDS[ofThem] ?? Number(ofThem)) : undefined)
  return DEFAULTS.slice(0, Math.min(Math.max(count ?? 3, 1), DEFAULTS.length))
}

function layoutOf(facts: PromptFacts, count: number): "carousel" | "grid" {
  if (mentions(facts, "grid", "wall", "columns", "masonry", "all at once", "side by side")) return "grid"
  if (mentions(facts, "carousel", "slider", "slideshow", "previous", "next", "one at a time", "rotating"))
    return "carousel"
  return count > 3 ? "grid" : "carousel"
}

/** The heading (a short quote), the testimonials and the layout: a grid past three, else a carousel. */
export function readTestimonials(facts: PromptFacts): {
  heading: string
  testimonials: Testimonial[]
  layout: "carousel" | "grid"
} {
  const testimonials = testimonialsOf(facts)
  return {
    heading: facts.quoted.find((item) => item.split(" ").length < 4) ?? "Loved by teams everywhere",
    testimonials,
    layout: layoutOf(facts, testimonials.length),
  }
}
