import { mentions, type PromptFacts } from "../../facts"
import { quotedFor } from "../../readers"

// What the tags are about, the label it gives and realistic starting tags.
const SUBJECTS: readonly { words: string[]; label: string; tags: string[] }[] = [
  { words: ["skill", "skills"], label: "Skills", tags: ["React", "TypeScript"] },
  { words: ["topic", "topics"], label: "Topics", tags: ["Design", "Engineering"] },
  { words: ["keyword", "keywords"], label: "Keywords", tags: ["pricing", "onboarding"] },
  { words: ["interest", "interests", "hobbies"], label: "Interests", tags: ["Hiking", "Photography"] },
  { words: ["ingredient", "ingredients"], label: "Ingredients", tags: ["Garlic", "Basil"] },
  { words: ["email", "emails", "recipients", "invite"], label: "Recipients", tags: ["ana@example.com"] },
  { words: ["label", "labels"], label: "Labels", tags: ["bug", "frontend"] },
  { words: ["categories", "category"], label: "Categories", tags: ["News", "Guides"] },
]
const KEY_WORDS = /^(?:enter|return|comma|tab|space|backspace|commas?|keys?)$/i

function subjectOf(facts: PromptFacts): { label: string; tags: string[] } {
  const subject = SUBJECTS.find(({ words }) => mentions(facts, ...words))
  return subject ?? { label: "Tags", tags: ["design", "frontend"] }
}

/** The most tags a prompt allows: "max 8 tags", "up to 5 skills". */
export function maxOf(facts: PromptFacts): number | undefined {
  const limit =
    facts.max ??
    (mentions(facts, "max", "maximum", "limit", "at most", "up to")
      ? (facts.counts.tag ?? facts.counts.skill)
      : undefined)
  return limit !== undefined && limit >= 1 && limit <= 50 ? Math.floor(limit) : undefined
}

// "prefilled with React, Node and GraphQL", "starting tags: a, b, c": the facts may miss these lists.
function prefilled(facts: PromptFacts): string[] | undefined {
  const match =
    /\b(?:pre-?filled|pre-?loaded|pre-?populated|populated|seeded|starting|start(?:s)? with|initial(?: tags)?|default(?: tags)?|defaults|such as|like)\s*(?:with\s+)?(?:the\s+)?(?:tags?\s+)?:?\s*([^.;!?()]+)/i.exec(
      facts.text,
    )
  if (!match) return undefined
  const items = match[1]!
    .split(/\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+/)
    .map((item) => item.trim().replace(/^["“']|["”']$/g, ""))
    .filter((item) => item.length > 0 && item.length <= 30 && !/\b(?:max|up to|limit|tags?)\b/i.test(item))
  return items.length >= 2 ? items : undefined
}

function initialTags(facts: PromptFacts, max: number): string[] {
  const listed =
    prefilled(facts) ??
    facts.lists
      .map((list) => list.filter((item) => !KEY_WORDS.test(item) && !/^(?:max|up to|limit)\b/i.test(item)))
      .find((list) => list.length >= 2)
  const tags = listed ?? subjectOf(facts).tags
  const unique = tags.filter(
    (tag, index) => tags.findIndex((other) => other.toLowerCase() === tag.toLowerCase()) === index,
  )
  return max > 0 ? unique.slice(0, Math.max(0, max - 1)) : unique
}

/** Words that tie a quote to the field's label: `labelled "Skills"`. */
export const LABEL_ROLES = ["label", "labelled", "labeled", "called", "titled"]

/** The field's label and placeholder, the starting tags (the prompt's or its subject's) and the limit (0: none). */
export function readTagInput(facts: PromptFacts): {
  label: string
  placeholder: string
  defaultTags: string[]
  maxTags: number
} {
  const max = maxOf(facts) ?? 0
  const label = quotedFor(facts, LABEL_ROLES) ?? subjectOf(facts).label
  return {
    label,
    placeholder: `Add ${label.toLowerCase()}…`,
    defaultTags: initialTags(facts, max),
    maxTags: max,
  }
}
