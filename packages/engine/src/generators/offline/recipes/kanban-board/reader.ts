import { capitalize, countOf, type PromptFacts } from "../../facts"

/** One card, flat so it can live in a contract's JSON default. */
export interface KanbanCard extends Record<string, string | number | boolean> {
  id: string
  title: string
  column: string
  tag: string
}

const DEFAULT_COLUMNS = ["To do", "In progress", "Done"]

const POOL: { title: string; tag: string }[] = [
  { title: "Write onboarding emails", tag: "Marketing" },
  { title: "Research competitor pricing", tag: "Research" },
  { title: "Redesign the settings page", tag: "Design" },
  { title: "Fix login redirect loop", tag: "Bug" },
  { title: "Set up error monitoring", tag: "Engineering" },
  { title: "Draft the Q3 roadmap", tag: "Planning" },
  { title: "Interview three beta users", tag: "Research" },
  { title: "Add dark mode to the app", tag: "Design" },
  { title: "Migrate to the new billing API", tag: "Engineering" },
  { title: "Update the help centre articles", tag: "Support" },
]

const NOT_A_COLUMN =
  /^(?:drag|drop|drag and drop|dnd|cards?|columns?|lists?|tasks?|board|kanban|counts?|buttons?)$/i

/** A column's name as the board writes it ("todo" → "To do", "wip" → "WIP"). */
export function normalise(column: string): string {
  const lower = column.toLowerCase().trim()
  if (/^(?:todo|to-do|to do)$/.test(lower)) return "To do"
  if (/^(?:in progress|in-progress|wip|doing)$/.test(lower))
    return lower === "wip" ? "WIP" : capitalize(lower.replace("-", " "))
  return capitalize(column.trim())
}

function columnsOf(facts: PromptFacts): string[] {
  const lists = [...facts.lists, ...(facts.quoted.length >= 2 ? [facts.quoted] : [])]
  for (const list of lists) {
    const items = list
      .map((item) => item.replace(/\s+(?:columns?|lists?|lanes?|stages?)$/i, "").trim())
      .filter((item) => item && !NOT_A_COLUMN.test(item))
    if (items.length >= 2) return [...new Set(items.map(normalise))].slice(0, 6)
  }
  const count = countOf(facts, "column", "lane", "stage", "list")
  if (count && count >= 2) {
    const presets: Record<number, string[]> = {
      2: ["To do", "Done"],
      3: DEFAULT_COLUMNS,
      4: ["Backlog", "To do", "In progress", "Done"],
      5: ["Backlog", "To do", "In progress", "Review", "Done"],
    }
    return presets[count] ?? ["Backlog", "To do", "In progress", "Review", "Done", "Archived"]
  }
  return DEFAULT_COLUMNS
}

function cardsFor(columns: readonly string[], facts: PromptFacts): KanbanCard[] {
  const count = Math.min(
    Math.max(countOf(facts, "card", "task", "ticket", "item") ?? Math.max(5, columns.length + 1), 1),
    POOL.length,
  )
  // The first column gets the most; the rest one or two each.
  const cards: KanbanCard[] = []
  for (let index = 0; index < count; index++) {
    const columnIndex = index < 2 ? 0 : (index - 1) % columns.length
    const item = POOL[index]!
    cards.push({
      id: `card-${index + 1}`,
      title: item.title,
      column: columns[columnIndex] ?? columns[0]!,
      tag: item.tag,
    })
  }
  return cards
}

/** The columns (listed, quoted or a count of the usual ones), sample cards spread over them, the title and drag. */
export function readKanban(facts: PromptFacts): {
  columns: string[]
  cards: KanbanCard[]
  title: string
  draggable: boolean
} {
  const columns = columnsOf(facts)
  return {
    columns,
    cards: cardsFor(columns, facts),
    title: facts.quoted.find((quote) => !columns.includes(quote)) ?? "Product roadmap",
    draggable: !/\b(?:no|without)\s+drag/.test(facts.lower),
  }
}
