import { countOf, type PromptFacts } from "../../facts"
import { activeItemOf, listAfter, readItems } from "../../readers"

const DEFAULT_ITEMS = [
  "Dashboard",
  "Projects",
  "Team",
  "Calendar",
  "Reports",
  "Settings",
  "Documents",
  "Help",
]

function itemsOf(facts: PromptFacts, title: string): string[] {
  const listed = readItems(facts, [title])
  if (listed) return listed
  const count = countOf(facts, "item", "link", "section", "page", "entry")
  return DEFAULT_ITEMS.slice(0, Math.min(Math.max(count ?? 6, 2), DEFAULT_ITEMS.length))
}

function titleOf(facts: PromptFacts): string {
  const listed = new Set([...facts.lists.flat(), ...(listAfter(facts.text) ?? [])])
  const quoted = facts.quoted.find((value) => value.length <= 30 && !listed.has(value))
  if (quoted) return quoted
  const named =
    /\b(?:for|called|named|titled|brand(?:ed)?|app|workspace|product)\s+(?:is\s+|as\s+)?([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2})/.exec(
      facts.text,
    )
  return named?.[1] ?? "Acme"
}

/** "starts collapsed", "collapsed by default". */
export const COLLAPSED =
  /\b(?:start(?:s|ing)?|begin(?:s|ning)?|open(?:s)?|initially|by default|default(?:s)? to)\b[^.]{0,20}\bcollapsed\b|\bcollapsed\b[^.]{0,12}\b(?:by default|initially|at first|on load)\b/

/** The sidebar's title and items (the prompt's, or as many as it counts), the current one and whether it starts collapsed. */
export function readSidebar(facts: PromptFacts): {
  title: string
  items: string[]
  activeItem: string
  defaultCollapsed: boolean
} {
  const title = titleOf(facts)
  const items = itemsOf(facts, title)
  return {
    title,
    items,
    activeItem: activeItemOf(facts, items) ?? items[0] ?? "",
    defaultCollapsed: COLLAPSED.test(facts.lower),
  }
}
