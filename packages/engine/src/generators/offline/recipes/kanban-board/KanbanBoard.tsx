import { useRef, useState, type FormEvent } from "react"
import { ChevronLeft, ChevronRight, Plus } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { cardCount } from "./inline/card-count"

export interface KanbanCard {
  id: string
  title: string
  /** The column it is in (one of `columns`). */
  column: string
  /** A short label shown on the card; empty hides it. */
  tag: string
}

export interface KanbanBoardProps extends AppearanceOptions {
  /** The columns, left to right. */
  columns?: string[]
  /** The cards at first: id, title, column and tag. */
  cards?: KanbanCard[]
  /** The board's heading; empty hides it. */
  title?: string
  /** Cards can be dragged onto another column. */
  draggable?: boolean
  /** Called when a card moves to another column. */
  onMove?: (card: KanbanCard, column: string) => void
  /** Called when a card is added. */
  onAdd?: (card: KanbanCard) => void
}

const DEFAULT_COLUMNS: string[] = ["To do", "In progress", "Done"]

const DEFAULT_CARDS: KanbanCard[] = [
  { id: "card-1", title: "Write onboarding emails", column: "To do", tag: "Marketing" },
  { id: "card-2", title: "Research competitor pricing", column: "To do", tag: "Research" },
  { id: "card-3", title: "Redesign the settings page", column: "In progress", tag: "Design" },
  { id: "card-4", title: "Fix login redirect loop", column: "Done", tag: "Bug" },
  { id: "card-5", title: "Set up error monitoring", column: "To do", tag: "Engineering" },
]

export default function KanbanBoard({
  columns = DEFAULT_COLUMNS,
  cards = DEFAULT_CARDS,
  title = "Product roadmap",
  draggable = true,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onMove,
  onAdd,
}: KanbanBoardProps) {
  const look = appearance({ accent, dark, size, radius })
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
    const card: KanbanCard = { id: `new-${created.current}`, title, column, tag: "" }
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
          const headingId = `kanban-column-${columnIndex}`
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
                <span className="sr-only">{cardCount(inColumn.length)}</span>
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
                          <span className="rounded-md bg-muted px-1.5 py-0.5 text-xs text-muted-foreground">
                            {card.tag}
                          </span>
                        )}
                        <span className="ml-auto flex gap-1">
                          {previous !== undefined && (
                            <Button
                              variant="ghost"
                              size="icon-sm"
                              aria-label={`Move ${card.title} to ${previous}`}
                              onClick={() => move(card.id, previous)}
                            >
                              <ChevronLeft aria-hidden="true" />
                            </Button>
                          )}
                          {next !== undefined && (
                            <Button
                              variant="ghost"
                              size="icon-sm"
                              aria-label={`Move ${card.title} to ${next}`}
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
                  aria-label={`New card in ${column}`}
                  placeholder="Add a card…"
                  value={drafts[column] ?? ""}
                  onChange={(event) =>
                    setDrafts((previous) => ({ ...previous, [column]: event.target.value }))
                  }
                  className="h-8 bg-background"
                />
                <Button type="submit" size="sm" variant="secondary" aria-label={`Add card to ${column}`}>
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
