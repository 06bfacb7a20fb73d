import { useId, useRef, useState, type FormEvent } from "react"
import { Plus, Trash2 } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Checkbox } from "@/components/ui/checkbox"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"

import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { nounCount } from "./inline/noun-count"

export interface Todo {
  text: string
  done: boolean
}

type Filter = "All" | "Active" | "Completed"

const FILTERS: Filter[] = ["All", "Active", "Completed"]

export interface TodoListProps extends AppearanceOptions {
  /** The list's heading. */
  title?: string
  /** The items at first, in order, and whether each is done. */
  items?: Todo[]
  /** What one entry is called ("task" → "3 tasks left"). */
  noun?: string
  /** Called with the whole list after every change (add, check, delete, clear). */
  onChange?: (items: Todo[]) => void
}

const DEFAULT_ITEMS: Todo[] = [
  { text: "Reply to Sam's email", done: false },
  { text: "Book a dentist appointment", done: false },
  { text: "Buy groceries", done: true },
  { text: "Finish the quarterly report", done: false },
]

export default function TodoList({
  title = "My tasks",
  items = DEFAULT_ITEMS,
  noun = "task",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onChange,
}: TodoListProps) {
  const look = appearance({ accent, dark, size, radius })
  const id = useId()
  const [entries, setEntries] = useState(() => items.map((item, index) => ({ ...item, key: index })))
  const nextKey = useRef(items.length)
  const [draft, setDraft] = useState("")
  const [filter, setFilter] = useState<Filter>("All")
  const left = entries.filter((entry) => !entry.done).length
  const completed = entries.length - left
  const visible = entries.filter(
    (entry) => filter === "All" || (filter === "Active" ? !entry.done : entry.done),
  )
  const count = (n: number) => nounCount(noun, n)

  function update(next: typeof entries) {
    setEntries(next)
    onChange?.(next.map(({ text, done }) => ({ text, done })))
  }

  function handleAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const text = draft.trim()
    if (!text) return
    update([...entries, { text, done: false, key: nextKey.current++ }])
    setDraft("")
  }

  const emptyText =
    filter === "Active"
      ? `All done: no active ${noun}s.`
      : filter === "Completed"
        ? `No completed ${noun}s yet.`
        : `Nothing here yet. Add your first ${noun} above.`

  return (
    <section
      aria-labelledby={`${id}-title`}
      className={cn(
        look.className,
        "flex w-full max-w-md flex-col gap-4 rounded-xl border bg-card p-6 text-card-foreground shadow-sm",
      )}
      style={look.style}
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold leading-tight">
        {title}
      </h2>
      <form onSubmit={handleAdd} className="flex gap-2">
        <Label htmlFor={`${id}-new`} className="sr-only">
          {`New ${noun}`}
        </Label>
        <Input
          id={`${id}-new`}
          value={draft}
          placeholder={`Add ${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}…`}
          autoComplete="off"
          onChange={(event) => setDraft(event.target.value)}
        />
        <Button type="submit" disabled={!draft.trim()}>
          <Plus aria-hidden="true" />
          Add
        </Button>
      </form>
      <div role="group" aria-label={`Show ${noun}s`} className="flex gap-1">
        {FILTERS.map((option) => (
          <Button
            key={option}
            type="button"
            size="sm"
            variant={filter === option ? "secondary" : "ghost"}
            aria-pressed={filter === option}
            onClick={() => setFilter(option)}
          >
            {option}
          </Button>
        ))}
      </div>
      {visible.length > 0 ? (
        <ul aria-label={title} className="divide-y rounded-lg border">
          {visible.map((entry) => (
            <li key={entry.key} className="flex items-center gap-3 py-1.5 pr-1.5 pl-4">
              <Checkbox
                id={`${id}-${entry.key}`}
                checked={entry.done}
                onCheckedChange={(checked) =>
                  update(
                    entries.map((other) =>
                      other.key === entry.key ? { ...other, done: checked === true } : other,
                    ),
                  )
                }
              />
              <Label
                htmlFor={`${id}-${entry.key}`}
                className={cn(
                  "flex-1 py-1.5 font-normal",
                  entry.done && "text-muted-foreground line-through",
                )}
              >
                {entry.text}
              </Label>
              <Button
                type="button"
                variant="ghost"
                size="icon-sm"
                aria-label={`Delete ${entry.text}`}
                className="text-muted-foreground hover:text-destructive"
                onClick={() => update(entries.filter((other) => other.key !== entry.key))}
              >
                <Trash2 aria-hidden="true" />
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">
          {emptyText}
        </p>
      )}
      <div className="flex items-center justify-between gap-2 text-sm text-muted-foreground">
        <p aria-live="polite">{`${count(left)} left`}</p>
        <Button
          type="button"
          variant="ghost"
          size="sm"
          disabled={completed === 0}
          onClick={() => update(entries.filter((entry) => !entry.done))}
        >
          Clear completed
        </Button>
      </div>
    </section>
  )
}
