import { countOf, mentions, type PromptFacts } from "../../facts"

/** How many pages: "240 results with 20 per page", "5 pages", "page 2 of 9". */
export function totalOf(facts: PromptFacts): number | undefined {
  const perPage =
    /\b(\d+)\s+(?:results?|items?|rows?|records?|products?|posts?|entries|articles?|orders?)\b[^.]*?\b(\d+)\s+(?:\w+\s+)?(?:per|a|each)\s+page\b/.exec(
      facts.lower,
    )
  if (perPage && Number(perPage[2]) > 0) return Math.ceil(Number(perPage[1]) / Number(perPage[2]))
  const pages = countOf(facts, "page")
  if (pages !== undefined) return pages
  const of = /\bpage\s+\d+\s+(?:of|out of)\s+(\d+)\b/.exec(facts.lower)
  if (of) return Number(of[1])
  return facts.max
}

/** The page a prompt starts on: "start on page 3", "page 2 is active". */
export function initialOf(facts: PromptFacts): number | undefined {
  const match =
    /\bpage\s+(\d+)\s+(?:is\s+|as\s+)?(?:selected|active|current|open|highlighted)\b/.exec(facts.lower) ??
    /\b(?:start\w*|open\w*|begin\w*|current(?:ly)?|default\w*|land\w*|show\w*)\s+(?:on\s+|at\s+|to\s+|with\s+)?page\s+(?:is\s+)?(\d+)\b/.exec(
      facts.lower,
    ) ??
    /\bon\s+page\s+(\d+)\b/.exec(facts.lower)
  return match ? Number(match[1]) : undefined
}

/** Between 2 and 999 whole pages. */
export function clampTotal(value: number): number {
  return Math.min(Math.max(Math.round(value), 2), 999)
}

/** The number of pages (10 unless the prompt says), the page at first and whether it wants First/Last buttons. */
export function readPagination(facts: PromptFacts): {
  totalPages: number
  initialPage: number
  showFirstLast: boolean
} {
  const total = clampTotal(totalOf(facts) ?? 10)
  return {
    totalPages: total,
    initialPage: Math.min(Math.max(initialOf(facts) ?? 1, 1), total),
    showFirstLast: mentions(facts, "first and last", "first/last", "first page", "last page", "jump to"),
  }
}
