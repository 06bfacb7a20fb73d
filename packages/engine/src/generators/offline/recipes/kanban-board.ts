import { insideDoubleQuotes } from "../literals"
import { capitalize, countOf, mentions, type PromptFacts } from "../facts"
import { bool, records, sentenceList, strings, type Recipe, type RenderContext, type Values } from "../recipe"

interface KanbanCard extends Record<string, string | number | boolean> {
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

function normalise(column: string): string {
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

function component(context: RenderContext): string {
  return `import { useRef, useState, type FormEvent } from "react"
import { ChevronLeft, ChevronRight, Plus } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
${context.lookImports}

export interface KanbanCard {
  id: string
  title: string
  /** The column it is in (one of \`columns\`). */
  column: string
  /** A short label shown on the card; empty hides it. */
  tag: string
}

${context.propsInterface}

${context.defaults}

${context.signature}
  ${context.look}
  const [items, setItems] = useState<KanbanCard[]>(cards)
  const [drafts, setDrafts] = useState<Record<string, string>>({})
  const [dragged, setDragged] = useState<string | null>(null)
  const [over, setOver] = useState<string | null>(null)
  const created = useRef(0)

  function move(id: string, column: string) {
    const card = items.find((item) => item.id === id)
    if (!card || card.column === column) return
    const moved = { ...card, column }
    setItems((previous) => [...previous.filter((item) => item.id !== id), moved])
    onMove?.(moved, column)
  }

  function add(event: FormEvent<HTMLFormElement>, column: string) {
    event.preventDefault()
    const title = (drafts[column] ?? "").trim()
    if (!title) return
    created.current += 1
    const card: KanbanCard = { id: \`new-\${created.current}\`, title, column, tag: "" }
    setItems((previous) => [...previous, card])
    setDrafts((previous) => ({ ...previous, [column]: "" }))
    onAdd?.(card)
  }

  return (
    <div className={cn(look.className, "w-full max-w-6xl p-4")} style={look.style}>
      {title && <h2 className="mb-4 text-xl font-semibold tracking-tight">{title}</h2>}
      <div className="flex gap-4 overflow-x-auto pb-2">
        {columns.map((column, columnIndex) => {
          const inColumn = items.filter((item) => item.column === column)
          const headingId = \`kanban-column-\${columnIndex}\`
          const previous = columns[columnIndex - 1]
          const next = columns[columnIndex + 1]
          return (
            <section
              key={column}
              aria-labelledby={headingId}
              onDragOver={(event) => {
                if (!draggable || dragged === null) return
                event.preventDefault()
                setOver(column)
              }}
              onDragLeave={() => setOver((current) => (current === column ? null : current))}
              onDrop={(event) => {
                event.preventDefault()
                if (dragged !== null) move(dragged, column)
                setDragged(null)
                setOver(null)
              }}
              className={cn(
                "flex w-72 shrink-0 flex-col gap-3 rounded-xl border bg-muted/50 p-3 transition-colors",
                over === column && "border-primary bg-primary/5",
              )}
            >
              <header className="flex items-center justify-between px-1">
                <h3 id={headingId} className="text-sm font-semibold">
                  {column}
                </h3>
                <span
                  aria-hidden="true"
                  className="rounded-full bg-background px-2 py-0.5 text-xs font-medium text-muted-foreground tabular-nums"
                >
                  {inColumn.length}
                </span>
                <span className="sr-only">{\`\${inColumn.length} \${inColumn.length === 1 ? "card" : "cards"}\`}</span>
              </header>
              {inColumn.length === 0 ? (
                <p className="rounded-lg border border-dashed px-3 py-6 text-center text-sm text-muted-foreground">
                  No cards yet
                </p>
              ) : (
                <ul className="flex flex-col gap-2">
                  {inColumn.map((card) => (
                    <li
                      key={card.id}
                      draggable={draggable}
                      onDragStart={(event) => {
                        event.dataTransfer?.setData("text/plain", card.id)
                        setDragged(card.id)
                      }}
                      onDragEnd={() => {
                        setDragged(null)
                        setOver(null)
                      }}
                      className={cn(
                        "group rounded-lg border bg-card p-3 text-card-foreground shadow-sm",
                        draggable && "cursor-grab active:cursor-grabbing",
                        dragged === card.id && "opacity-50",
                      )}
                    >
                      <p className="text-sm font-medium leading-snug">{card.title}</p>
                      <div className="mt-2 flex items-center gap-1">
                        {card.tag && (
                          <span className="rounded-md bg-muted px-1.5 py-0.5 text-xs text-muted-foreground">{card.tag}</span>
                        )}
                        <span className="ml-auto flex gap-1">
                          {previous !== undefined && (
                            <Button
                              variant="ghost"
                              size="icon-sm"
                              aria-label={\`Move \${card.title} to \${previous}\`}
                              onClick={() => move(card.id, previous)}
                            >
                              <ChevronLeft aria-hidden="true" />
                            </Button>
                          )}
                          {next !== undefined && (
                            <Button
                              variant="ghost"
                              size="icon-sm"
                              aria-label={\`Move \${card.title} to \${next}\`}
                              onClick={() => move(card.id, next)}
                            >
                              <ChevronRight aria-hidden="true" />
                            </Button>
                          )}
                        </span>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
              <form onSubmit={(event) => add(event, column)} className="mt-auto flex gap-2">
                <Input
                  aria-label={\`New card in \${column}\`}
                  placeholder="Add a card…"
                  value={drafts[column] ?? ""}
                  onChange={(event) => setDrafts((previous) => ({ ...previous, [column]: event.target.value }))}
                  className="h-8 bg-background"
                />
                <Button type="submit" size="sm" variant="secondary" aria-label={\`Add card to \${column}\`}>
                  <Plus aria-hidden="true" />
                  Add
                </Button>
              </form>
            </section>
          )
        })}
      </div>
    </div>
  )
}
`
}

/** Text from the prompt made safe inside a test's title string. */
function tests(context: RenderContext): string {
  const { name, values, lit } = context
  const columns = strings(values, "columns")
  const cards = records<KanbanCard>(values, "cards").filter((card) => columns.includes(card.column))
  const countIn = (column: string) => cards.filter((card) => card.column === column).length
  const cardsText = (n: number) => `${n} ${n === 1 ? "card" : "cards"}`
  const first = columns[0] ?? ""
  const second = columns[1] ?? first
  const last = columns[columns.length - 1] ?? first
  const mover = cards.find((card) => card.column === first) ?? cards[0]
  const out: string[] = []
  out.push(`function column(name: string) {
  return screen.getByRole("region", { name })
}`)
  out.push(`it("${context.id("columns")}: shows the ${insideDoubleQuotes(sentenceList(columns))} columns, in order", () => {
  render(<${name} />)
  expect(screen.getAllByRole("heading", { level: 3 }).map((heading) => heading.textContent)).toEqual(${lit(columns)})
})`)
  out.push(`it("${context.id("counts")}: shows each column's cards and their count", () => {
  render(<${name} />)
${columns
  .map((column) => {
    const n = countIn(column)
    return `  expect(within(column(${lit(column)})).getByText(${lit(cardsText(n))})).toBeInTheDocument()
  expect(within(column(${lit(column)})).queryAllByRole("listitem")).toHaveLength(${n})`
  })
  .join("\n")}
})`)
  if (mover && columns.length >= 2) {
    const moverColumn = mover.column
    const moverIndex = columns.indexOf(moverColumn)
    const target = columns[moverIndex + 1] ?? second
    out.push(`it("${context.id("move")}: moves a card to the next or previous column with its buttons", async () => {
  const user = userEvent.setup()
  const onMove = vi.fn()
  render(<${name} onMove={onMove} />)
  await user.click(screen.getByRole("button", { name: ${lit(`Move ${mover.title} to ${target}`)} }))
  expect(within(column(${lit(target)})).getByText(${lit(mover.title)})).toBeInTheDocument()
  expect(within(column(${lit(moverColumn)})).queryByText(${lit(mover.title)})).not.toBeInTheDocument()
  expect(within(column(${lit(target)})).getByText(${lit(cardsText(countIn(target) + 1))})).toBeInTheDocument()
  expect(onMove).toHaveBeenCalledWith(expect.objectContaining({ title: ${lit(mover.title)}, column: ${lit(target)} }), ${lit(target)})
  await user.click(screen.getByRole("button", { name: ${lit(`Move ${mover.title} to ${moverColumn}`)} }))
  const back = within(column(${lit(moverColumn)})).getByText(${lit(mover.title)}).closest("li")!
  expect(within(back).getAllByRole("button").map((button) => button.getAttribute("aria-label"))).toEqual(${lit(
    [columns[moverIndex - 1], columns[moverIndex + 1]]
      .filter((item) => item !== undefined)
      .map((item) => `Move ${mover.title} to ${item}`),
  )})
})`)
  }
  out.push(`it("${context.id("add")}: adds a card to a column", async () => {
  const user = userEvent.setup()
  const onAdd = vi.fn()
  render(<${name} onAdd={onAdd} />)
  await user.click(screen.getByRole("button", { name: ${lit(`Add card to ${last}`)} }))
  expect(within(column(${lit(last)})).queryAllByRole("listitem")).toHaveLength(${countIn(last)})
  await user.type(screen.getByRole("textbox", { name: ${lit(`New card in ${last}`)} }), "Plan the launch party{Enter}")
  expect(within(column(${lit(last)})).getByText("Plan the launch party")).toBeInTheDocument()
  expect(within(column(${lit(last)})).getByText(${lit(cardsText(countIn(last) + 1))})).toBeInTheDocument()
  expect(screen.getByRole("textbox", { name: ${lit(`New card in ${last}`)} })).toHaveValue("")
  expect(onAdd).toHaveBeenCalledWith(expect.objectContaining({ title: "Plan the launch party", column: ${lit(last)} }))
})`)
  if (context.has("drag") && mover && columns.length >= 2) {
    out.push(`it("${context.id("drag")}: drags a card onto another column", () => {
  render(<${name} />)
  const card = within(column(${lit(mover.column)})).getByText(${lit(mover.title)}).closest("li")!
  fireEvent.dragStart(card)
  fireEvent.dragOver(column(${lit(last)}))
  fireEvent.drop(column(${lit(last)}))
  expect(within(column(${lit(last)})).getByText(${lit(mover.title)})).toBeInTheDocument()
  expect(within(column(${lit(mover.column)})).queryByText(${lit(mover.title)})).not.toBeInTheDocument()
})`)
  }
  return out.join("\n\n")
}

function followUp(facts: PromptFacts, values: Values): { values: Values; applied: string[] } {
  const next: Record<string, Values[string]> = { ...values }
  const applied: string[] = []
  let columns = strings(values, "columns")
  let cards = records<KanbanCard>(values, "cards")
  const add =
    /\badd (?:a |an |another )?(?:column|lane|list|stage)\s+(?:called |named )?["“']?([A-Za-z][\w ]{0,24}?)["”']?(?=$|[.,!]|\s+(?:column|lane|between|before|after|at)\b)/i.exec(
      facts.text,
    ) ??
    /\badd (?:a |an |another )?["“']?([A-Z][\w]*(?: [a-zA-Z]\w*)?)["”']? (?:column|lane|list|stage)\b/.exec(
      facts.text,
    )
  if (add) {
    const column = normalise(add[1]!)
    if (!columns.includes(column)) {
      // "Review" goes before the last column (usually Done); others at the end.
      const beforeLast = /review|testing|qa|blocked/i.test(column) && columns.length >= 2
      columns = beforeLast
        ? [...columns.slice(0, -1), column, columns[columns.length - 1]!]
        : [...columns, column]
      applied.push(`a ${column} column`)
    }
  }
  for (const column of [...columns]) {
    if (
      new RegExp(`\\b(?:remove|drop|delete)\\b(?:\\s+the)?\\s+["“']?${column.toLowerCase()}\\b`).test(
        facts.lower,
      ) &&
      columns.length > 2
    ) {
      columns = columns.filter((item) => item !== column)
      const fallback = columns[0]!
      cards = cards.map((card) => (card.column === column ? { ...card, column: fallback } : card))
      applied.push(`removed the ${column} column`)
    }
  }
  if (/\b(?:no|without|remove|disable)\s+(?:the\s+)?drag/.test(facts.lower)) {
    if (bool(values, "draggable", true)) applied.push("no drag and drop")
    next.draggable = false
  } else if (mentions(facts, "drag", "drag and drop", "draggable")) {
    if (!bool(values, "draggable", true)) applied.push("drag and drop")
    next.draggable = true
  }
  const title = facts.quoted.find((quote) => !columns.includes(quote))
  if (title && /\b(?:title|call it|name it|heading)\b/.test(facts.lower)) {
    next.title = title
    applied.push(`title "${title}"`)
  }
  next.columns = columns
  next.cards = cards
  return { values: next, applied }
}

/** A kanban board: columns with cards that move left/right (buttons or drag and drop), counts and an add form. */
export const kanbanBoard: Recipe = {
  kind: "kanban-board",
  title: "Kanban board",
  names: ["KanbanBoard"],
  keywords: {
    strong: [
      "kanban",
      "kanban board",
      "task board",
      "trello",
      "scrum board",
      "project board",
      "sprint board",
    ],
    weak: ["columns", "drag and drop", "cards", "in progress", "backlog", "swimlanes", "lanes"],
  },
  callbacks: [
    {
      name: "onMove",
      type: "(card: KanbanCard, column: string) => void",
      description: "Called when a card moves to another column.",
    },
    { name: "onAdd", type: "(card: KanbanCard) => void", description: "Called when a card is added." },
  ],
  params: (facts) => {
    const columns = columnsOf(facts)
    return [
      {
        name: "columns",
        type: "string[]",
        value: columns,
        description: "The columns, left to right.",
      },
      {
        name: "cards",
        type: "KanbanCard[]",
        value: cardsFor(columns, facts),
        description: "The cards at first: id, title, column and tag.",
      },
      {
        name: "title",
        type: "string",
        value: facts.quoted.find((quote) => !columns.includes(quote)) ?? "Product roadmap",
        description: "The board's heading; empty hides it.",
        control: "text",
      },
      {
        name: "draggable",
        type: "boolean",
        value: !/\b(?:no|without)\s+drag/.test(facts.lower),
        description: "Cards can be dragged onto another column.",
        control: "boolean",
      },
    ]
  },
  summary: (values) =>
    `A kanban board with ${sentenceList(strings(values, "columns"))} columns; cards move with buttons${bool(values, "draggable", true) ? " or drag and drop" : ""}, and each column counts its cards and can add one.`,
  requirements: (values) => {
    const columns = strings(values, "columns")
    const cards = records<KanbanCard>(values, "cards")
    const list: [string, string][] = [
      ["columns", `Shows the columns ${sentenceList(columns)}, left to right`],
      [
        "counts",
        `Shows each column's cards with a count (${sentenceList(columns.map((column) => `${column}: ${cards.filter((card) => card.column === column).length}`))})`,
      ],
      [
        "move",
        `Each card has buttons to move it to the previous or next column (e.g. "Move ${cards[0]?.title ?? "a card"} to ${columns[1] ?? columns[0] ?? ""}"), calling onMove`,
      ],
      ["add", "Each column has a field to add a card to it; empty titles are ignored"],
    ]
    if (bool(values, "draggable", true))
      list.push(["drag", "Cards can be dragged and dropped onto another column"])
    return list
  },
  component,
  tests,
  followUp,
  followUpHints: [
    "add a column (add a Review column)",
    "remove a column",
    "no drag and drop",
    'a title ("Sprint 12")',
  ],
}
