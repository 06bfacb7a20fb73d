import { capitalize, countOf, firstList, mentions, type PromptFacts } from "../facts"
import { records, sentenceList, str, type Recipe, type Values } from "../recipe"

/** Text for inside a double-quoted test name. */
const esc = (text: string) => JSON.stringify(text).slice(1, -1)

interface Todo extends Record<string, string | boolean> {
  text: string
  done: boolean
}

function isShopping(facts: PromptFacts): boolean {
  return mentions(facts, "shopping list", "grocery list", "groceries", "grocery", "shopping")
}

const TASKS: Todo[] = [
  { text: "Reply to Sam's email", done: false },
  { text: "Book a dentist appointment", done: false },
  { text: "Buy groceries", done: true },
  { text: "Finish the quarterly report", done: false },
  { text: "Water the plants", done: false },
  { text: "Renew car insurance", done: false },
]

const GROCERIES: Todo[] = [
  { text: "Milk", done: false },
  { text: "Eggs", done: true },
  { text: "Sourdough bread", done: false },
  { text: "Bananas", done: false },
  { text: "Spinach", done: false },
  { text: "Coffee beans", done: false },
]

const LEAD = /(?:\b(?:with|for|including|includes|like|containing|called|named|of|are)\b|:)\s+/gi
const SEPARATOR = /\s*,\s*(?:and\s+|or\s+|&\s+)?|\s+and\s+|\s+or\s+|\s*&\s*/
const CLAUSE = /^(?:with|without|for|that|which|where|plus|using|in|on|so|but|then|also)\b/i
const TAIL = /^(?:in|on|at|with|that|which|where|for|to|using|each|per|plus|when|below|above|as|so)$/i
export const FEATURES =
  /\b(?:checkbox(?:es)?|filters?|buttons?|delete|input|field|search|counter|toggles?|icons?|animations?|dark mode|drag|keyboard|labels?|placeholder|sort(?:ing)?|pagination|editing|clear|progress)\b/i

/**
 * The items of an enumeration after a lead word or a colon ("with buy milk, walk the dog and pay rent"), read from
 * the latest lead that gives two or more short items. facts.lists misses lower-case lists after a colon and cuts a
 * last item that follows "and" when the item before has three words.
 */
function clauseList(facts: PromptFacts): string[] | undefined {
  let best: string[] | undefined
  for (const clause of facts.text.split(/[.;!?()\n]/)) {
    for (const lead of clause.matchAll(LEAD)) {
      const rest = clause.slice(lead.index + lead[0].length)
      const all = rest.split(SEPARATOR).map((part) => part.trim())
      // "email, push and SMS, with a save button": the enumeration ends where a new phrase begins.
      const end = all.findIndex((part, index) => index > 0 && CLAUSE.test(part))
      const parts = (end > 0 ? all.slice(0, end) : all).map((part) => part.replace(/^(?:the|a|an)\s+/i, ""))
      const lastWords = (parts.at(-1) ?? "").split(" ")
      const cut = lastWords.findIndex((word, index) => index > 0 && TAIL.test(word))
      if (cut > 0) parts[parts.length - 1] = lastWords.slice(0, cut).join(" ")
      const items = parts.filter((part) => part.length > 0)
      if (items.length >= 2 && items.every((item) => item.split(" ").length <= 5 && item.length <= 40))
        best = items
    }
  }
  return best
}

/**
 * The prompt's list of entries: facts' first list, or a longer reading of the same enumeration; none when the list
 * names features of the component ("checkboxes, filters and a clear button") rather than entries.
 */
export function entryList(facts: PromptFacts, features: RegExp | null = FEATURES): string[] | undefined {
  const listed = firstList(facts)
  const clause = clauseList(facts)
  const sameStart =
    listed !== undefined &&
    clause !== undefined &&
    clause.length > listed.length &&
    listed.every((item, index) => clause[index]?.toLowerCase() === item.toLowerCase())
  const items = listed && !sameStart ? listed : (clause ?? listed)
  if (!items) return undefined
  const featureCount = features ? items.filter((item) => features.test(item)).length : 0
  return featureCount * 2 >= items.length ? undefined : items
}

function itemsOf(facts: PromptFacts): Todo[] {
  const listed = entryList(facts)
  if (listed)
    return [...new Set(listed.map((item) => capitalize(item.trim())))].map((text) => ({ text, done: false }))
  const pool = isShopping(facts) ? GROCERIES : TASKS
  const count = countOf(facts, "task", "item", "todo", "thing", "chore")
  return pool.slice(0, Math.min(Math.max(count ?? 4, 1), pool.length))
}

function an(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`
}

function plural(noun: string, count: number): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`
}

/** A to-do list: add, check off, delete, filter All/Active/Completed, "N left", clear completed. */
export const todoList: Recipe = {
  kind: "todo-list",
  title: "To-do list",
  names: ["TodoList", "ShoppingList"],
  keywords: {
    strong: [
      "todo list",
      "to do list",
      "todo",
      "to-do",
      "todo app",
      "to do app",
      "task list",
      "tasks list",
      "task tracker",
      "task manager",
      "checklist",
      "shopping list",
      "grocery list",
    ],
    weak: ["tasks", "chores", "groceries", "things to do", "check off", "cross off"],
  },
  callbacks: [
    {
      name: "onChange",
      type: "(items: Todo[]) => void",
      description: "Called with the whole list after every change (add, check, delete, clear).",
    },
  ],
  name: (facts) => (isShopping(facts) ? "ShoppingList" : "TodoList"),
  params: (facts) => {
    const shopping = isShopping(facts)
    return [
      {
        name: "title",
        type: "string",
        value:
          facts.quoted[0] && !firstList(facts)?.includes(facts.quoted[0])
            ? facts.quoted[0]
            : shopping
              ? "Shopping list"
              : "My tasks",
        description: "The list's heading.",
        control: "text",
      },
      {
        name: "items",
        type: "Todo[]",
        value: itemsOf(facts),
        description: "The items at first, in order, and whether each is done.",
      },
      {
        name: "noun",
        type: "string",
        value: shopping ? "item" : "task",
        description: 'What one entry is called ("task" → "3 tasks left").',
        control: "text",
      },
    ]
  },
  summary: (values) =>
    `A to-do list "${str(values, "title")}" starting with ${plural(str(values, "noun", "task"), records<Todo>(values, "items").length)}: add, check off, delete, filter and clear completed.`,
  requirements: (values) => {
    const items = records<Todo>(values, "items")
    const noun = str(values, "noun", "task")
    const done = items.filter((item) => item.done).map((item) => item.text)
    const left = items.length - done.length
    return [
      [
        "initial",
        `Starts with ${sentenceList(items.map((item) => item.text))}${done.length > 0 ? ` (${sentenceList(done)} already done)` : ""} and "${plural(noun, left)} left"`,
      ],
      ["add", `Typing ${an(noun)} and pressing Enter or Add puts it at the end of the list`],
      ["toggle", `Checking ${an(noun)} marks it done and updates the number left`],
      ["delete", `Each ${noun} has a Delete button named after it that removes it`],
      ["filter", `All, Active and Completed show the matching ${noun}s; the chosen filter is pressed`],
      ["clear", `"Clear completed" removes every done ${noun} and is disabled when there are none`],
    ]
  },
  component: (context) => `import { useId, useRef, useState, type FormEvent } from "react"
import { Plus, Trash2 } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Checkbox } from "@/components/ui/checkbox"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"

${context.lookImports}

export interface Todo {
  text: string
  done: boolean
}

type Filter = "All" | "Active" | "Completed"

const FILTERS: Filter[] = ["All", "Active", "Completed"]

${context.propsInterface}

${context.defaults}

${context.signature}
  ${context.look}
  const id = useId()
  const [entries, setEntries] = useState(() => items.map((item, index) => ({ ...item, key: index })))
  const nextKey = useRef(items.length)
  const [draft, setDraft] = useState("")
  const [filter, setFilter] = useState<Filter>("All")
  const left = entries.filter((entry) => !entry.done).length
  const completed = entries.length - left
  const visible = entries.filter((entry) => filter === "All" || (filter === "Active" ? !entry.done : entry.done))
  const count = (n: number) => \`\${n} \${n === 1 ? noun : \`\${noun}s\`}\`

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
      ? \`All done: no active \${noun}s.\`
      : filter === "Completed"
        ? \`No completed \${noun}s yet.\`
        : \`Nothing here yet. Add your first \${noun} above.\`

  return (
    <section
      aria-labelledby={\`\${id}-title\`}
      className={cn(look.className, "flex w-full max-w-md flex-col gap-4 rounded-xl border bg-card p-6 text-card-foreground shadow-sm")}
      style={look.style}
    >
      <h2 id={\`\${id}-title\`} className="text-lg font-semibold leading-tight">
        {title}
      </h2>
      <form onSubmit={handleAdd} className="flex gap-2">
        <Label htmlFor={\`\${id}-new\`} className="sr-only">
          {\`New \${noun}\`}
        </Label>
        <Input
          id={\`\${id}-new\`}
          value={draft}
          placeholder={\`Add \${/^[aeiou]/i.test(noun) ? "an" : "a"} \${noun}…\`}
          autoComplete="off"
          onChange={(event) => setDraft(event.target.value)}
        />
        <Button type="submit" disabled={!draft.trim()}>
          <Plus aria-hidden="true" />
          Add
        </Button>
      </form>
      <div role="group" aria-label={\`Show \${noun}s\`} className="flex gap-1">
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
                id={\`\${id}-\${entry.key}\`}
                checked={entry.done}
                onCheckedChange={(checked) =>
                  update(entries.map((other) => (other.key === entry.key ? { ...other, done: checked === true } : other)))
                }
              />
              <Label
                htmlFor={\`\${id}-\${entry.key}\`}
                className={cn("flex-1 py-1.5 font-normal", entry.done && "text-muted-foreground line-through")}
              >
                {entry.text}
              </Label>
              <Button
                type="button"
                variant="ghost"
                size="icon-sm"
                aria-label={\`Delete \${entry.text}\`}
                className="text-muted-foreground hover:text-destructive"
                onClick={() => update(entries.filter((other) => other.key !== entry.key))}
              >
                <Trash2 aria-hidden="true" />
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">{emptyText}</p>
      )}
      <div className="flex items-center justify-between gap-2 text-sm text-muted-foreground">
        <p aria-live="polite">{\`\${count(left)} left\`}</p>
        <Button type="button" variant="ghost" size="sm" disabled={completed === 0} onClick={() => update(entries.filter((entry) => !entry.done))}>
          Clear completed
        </Button>
      </div>
    </section>
  )
}
`,
  tests: (context) => {
    const { values, name, id, lit } = context
    const items = records<Todo>(values, "items")
    const noun = str(values, "noun", "task")
    const title = str(values, "title")
    const texts = items.map((item) => item.text)
    const left = items.filter((item) => !item.done).length
    const active = items.filter((item) => !item.done).map((item) => item.text)
    const done = items.filter((item) => item.done).map((item) => item.text)
    const target = items.find((item) => !item.done) ?? items[0]!
    const newOne = ["Water the plants", "Call mum back", "Pay the rent"].find(
      (text) => !texts.includes(text),
    )!
    const field = `screen.getByRole("textbox", { name: ${lit(`New ${noun}`)} })`
    const checkbox = (text: string) => `screen.getByRole("checkbox", { name: ${lit(text)} })`
    const leftText = (n: number) => lit(`${plural(noun, n)} left`)
    const expectedAfterToggle = items.map((item) => ({
      text: item.text,
      done: item === target ? !item.done : item.done,
    }))
    const targetDone = !target.done
    const leftAfterToggle = expectedAfterToggle.filter((item) => !item.done).length
    return `function shownTexts() {
  const list = screen.queryByRole("list", { name: ${lit(title)} })
  return list ? within(list).getAllByRole("listitem").map((item) => item.textContent) : []
}

it("${id("initial")}: starts with the given ${esc(noun)}s and ${esc(plural(noun, left))} left", () => {
  render(<${name} />)
  expect(shownTexts()).toEqual(${lit(texts)})
  ${items.map((item) => `expect(${checkbox(item.text)})${item.done ? "" : ".not"}.toBeChecked()`).join("\n  ")}
  expect(screen.getByText(${leftText(left)})).toHaveAttribute("aria-live", "polite")
})

it("${id("add")}: Enter or Add puts a new ${esc(noun)} at the end", async () => {
  const user = userEvent.setup()
  const onChange = vi.fn()
  render(<${name} onChange={onChange} />)
  await user.click(${field})
  await user.paste(${lit(newOne)})
  await user.keyboard("{Enter}")
  expect(shownTexts()).toEqual(${lit([...texts, newOne])})
  expect(${field}).toHaveValue("")
  expect(screen.getByText(${leftText(left + 1)})).toBeInTheDocument()
  expect(onChange).toHaveBeenLastCalledWith(${lit([...items.map((item) => ({ text: item.text, done: item.done })), { text: newOne, done: false }])})
  expect(screen.getByRole("button", { name: "Add" })).toBeDisabled()
  await user.click(${field})
  await user.paste("Stretch for ten minutes")
  await user.click(screen.getByRole("button", { name: "Add" }))
  expect(shownTexts().at(-1)).toBe("Stretch for ten minutes")
})

it("${id("toggle")}: checking ${esc(an(noun))} marks it done and updates the number left", async () => {
  const user = userEvent.setup()
  const onChange = vi.fn()
  render(<${name} onChange={onChange} />)
  await user.click(${checkbox(target.text)})
  expect(${checkbox(target.text)})${targetDone ? "" : ".not"}.toBeChecked()
  expect(screen.getByText(${leftText(leftAfterToggle)})).toBeInTheDocument()
  expect(onChange).toHaveBeenLastCalledWith(${lit(expectedAfterToggle)})
})

it("${id("delete")}: each ${esc(noun)} has a Delete button that removes it", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.click(screen.getByRole("button", { name: ${lit(`Delete ${target.text}`)} }))
  expect(shownTexts()).toEqual(${lit(texts.filter((text) => text !== target.text))})
  expect(screen.getByText(${leftText(target.done ? left : left - 1)})).toBeInTheDocument()
})

it("${id("filter")}: All, Active and Completed show the matching ${esc(noun)}s", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  expect(screen.getByRole("button", { name: "All" })).toHaveAttribute("aria-pressed", "true")
  await user.click(screen.getByRole("button", { name: "Active" }))
  expect(screen.getByRole("button", { name: "Active" })).toHaveAttribute("aria-pressed", "true")
  expect(screen.getByRole("button", { name: "All" })).toHaveAttribute("aria-pressed", "false")
  expect(shownTexts()).toEqual(${lit(active)})
  await user.click(screen.getByRole("button", { name: "Completed" }))
  expect(shownTexts()).toEqual(${lit(done)})${
    done.length === 0
      ? `\n  expect(screen.getByText(${lit(`No completed ${noun}s yet.`)})).toBeInTheDocument()`
      : ""
  }
  await user.click(screen.getByRole("button", { name: "All" }))
  expect(shownTexts()).toEqual(${lit(texts)})
})

it("${id("clear")}: Clear completed removes every done ${esc(noun)}", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  const clear = screen.getByRole("button", { name: "Clear completed" })
  await user.click(${checkbox(target.text)})
  ${targetDone ? "" : `await user.click(${checkbox(target.text)})\n  `}expect(clear).toBeEnabled()
  await user.click(clear)
  expect(shownTexts()).toEqual(${lit((targetDone ? expectedAfterToggle : items).filter((item) => !item.done).map((item) => item.text))})
  expect(clear).toBeDisabled()
})`
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    const items = records<Todo>(values, "items")
    const added = /\badd\s+["“']([^"”']+)["”']/i.exec(facts.text)?.[1]
    if (added && !items.some((item) => item.text === added)) {
      next.items = [...items, { text: added, done: false }]
      applied.push(`"${added}" on the list`)
    }
    return { values: next, applied }
  },
  followUpHints: ['add "…" (a new item)'],
}
