import { mentions, type PromptFacts } from "../facts"
import { bool, num, str, type Recipe, type Values } from "../recipe"

const NUMBER_WORDS: Record<string, number> = {
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
}

const SUBJECTS = [
  "product",
  "movie",
  "film",
  "recipe",
  "restaurant",
  "book",
  "course",
  "app",
  "hotel",
  "stay",
  "order",
  "meal",
  "episode",
  "game",
  "podcast",
  "article",
  "service",
  "delivery",
  "purchase",
]

/** "10 stars", "ten-star", "out of 7", "a 1 to 10 rating": the number of stars, when the prompt says one. */
function starCount(facts: PromptFacts): number | undefined {
  const written =
    /\b(\d+|three|four|five|six|seven|eight|nine|ten)[\s-]*stars?\b/.exec(facts.lower) ??
    /\bout of (\d+|three|four|five|six|seven|eight|nine|ten)\b/.exec(facts.lower)
  const raw = written?.[1]
  let count = raw === undefined ? undefined : /^\d+$/.test(raw) ? Number(raw) : NUMBER_WORDS[raw]
  if (count === undefined && facts.max !== undefined && (facts.min ?? 1) <= 1) count = facts.max
  if (count === undefined) return undefined
  return Math.min(Math.max(Math.round(count), 3), 10)
}

function initialRating(facts: PromptFacts, max: number): number {
  const match =
    /\b(?:default(?:s)?(?: rating)?|start(?:s|ing)?(?: at| with)?|pre-?selected|initial(?:ly)?(?: rating)?(?: of)?)\s*(?:of|at|to|is|=|:)?\s*(\d+)/.exec(
      facts.lower,
    )
  return match ? Math.min(Math.max(Number(match[1]), 0), max) : 0
}

function labelOf(facts: PromptFacts): string {
  const quoted = facts.quoted[0]
  if (quoted) return quoted
  const subject = SUBJECTS.find((noun) => mentions(facts, noun))
  if (subject === "stay") return "How was your stay?"
  if (subject === "delivery" || subject === "service") return `Rate our ${subject}`
  return subject ? `Rate this ${subject}` : "Rate your experience"
}

function wantsReset(facts: PromptFacts): boolean | undefined {
  if (!/\b(reset|clear|undo|remove (?:the |my )?rating)\b/.test(facts.lower)) return undefined
  return !/\b(?:remove|without|no|drop|hide|get rid of)\b[\w\s]{0,20}\b(?:reset|clear)\b/.test(facts.lower)
}

/** A star rating: a radio group of stars (one tab stop, arrow keys), hover preview, "3 of 5", optional clear. */
export const starRating: Recipe = {
  kind: "star-rating",
  title: "Star rating",
  names: ["StarRating"],
  keywords: {
    strong: [
      "star rating",
      "rating",
      "rate your",
      "rate our",
      "rate this",
      "rating stars",
      "stars rating",
      "rate with stars",
      "review stars",
      "rating component",
      "rating widget",
      "rating input",
      "rating control",
    ],
    weak: ["star", "rate", "review", "feedback", "score"],
  },
  callbacks: [
    {
      name: "onChange",
      type: "(rating: number) => void",
      description: "Called with the new rating (0 when it is cleared).",
    },
  ],
  params: (facts) => {
    const max = starCount(facts) ?? 5
    return [
      {
        name: "label",
        type: "string",
        value: labelOf(facts),
        description: "The question or label above the stars.",
        control: "text",
      },
      {
        name: "max",
        type: "number",
        value: max,
        description: "How many stars there are (the highest rating, 1 to 10).",
        control: "number",
      },
      {
        name: "defaultValue",
        type: "number",
        value: initialRating(facts, max),
        description: "The rating shown at first (0 for none).",
        control: "number",
      },
      {
        name: "showReset",
        type: "boolean",
        value: wantsReset(facts) ?? false,
        description: "Show a button that clears the rating.",
        control: "boolean",
      },
    ]
  },
  summary: (values) =>
    `A ${num(values, "max", 5)}-star rating labelled "${str(values, "label")}" with hover preview and keyboard support${
      bool(values, "showReset") ? ", plus a button to clear it" : ""
    }.`,
  requirements: (values) => {
    const max = num(values, "max", 5)
    const initial = num(values, "defaultValue")
    const pick = Math.min(3, max)
    const list: [string, string][] = [
      ["count", `Shows ${max} stars under "${str(values, "label")}", each named "Rate n out of ${max}"`],
      [
        "initial",
        initial > 0
          ? `Shows "${initial} of ${max}" at first`
          : `Shows "Not rated yet" until a star is chosen`,
      ],
      [
        "click",
        `Clicking star ${pick} selects it, shows "${pick} of ${max}" and calls onChange with ${pick}`,
      ],
      ["hover", "Hovering a star highlights it and the stars before it as a preview"],
      ["keyboard", "The stars are one tab stop; arrow keys change the rating and move focus"],
    ]
    if (bool(values, "showReset"))
      list.push(["reset", `A "Clear rating" button resets to "Not rated yet" and calls onChange with 0`])
    return list
  },
  component: (context) => `import { useId, useState, type KeyboardEvent } from "react"
import { Star } from "lucide-react"
import { Button } from "@/components/ui/button"
${context.lookImports}

${context.propsInterface}

${context.signature}
  ${context.look}
  const total = Math.min(Math.max(Math.round(max), 1), 10)
  const [rating, setRating] = useState(() => Math.min(Math.max(Math.round(defaultValue), 0), total))
  const [hovered, setHovered] = useState(0)
  const id = useId()
  const shown = hovered || rating
  const stars = Array.from({ length: total }, (_, index) => index + 1)
  const filled = accent ? "fill-primary text-primary" : "fill-warning text-warning"
  const starSize = total > 7 ? "size-6" : "size-7"

  function rate(next: number) {
    setRating(next)
    onChange?.(next)
  }

  function handleKeyDown(event: KeyboardEvent<HTMLButtonElement>, star: number) {
    let next: number | undefined
    if (event.key === "ArrowRight" || event.key === "ArrowUp") next = Math.min(star + 1, total)
    else if (event.key === "ArrowLeft" || event.key === "ArrowDown") next = Math.max(star - 1, 1)
    else if (event.key === "Home") next = 1
    else if (event.key === "End") next = total
    if (next === undefined) return
    event.preventDefault()
    rate(next)
    document.getElementById(\`\${id}-star-\${next}\`)?.focus()
  }

  return (
    <div className={cn(look.className, "flex w-full max-w-md flex-col gap-3 rounded-xl border bg-card p-6 text-card-foreground shadow-sm")} style={look.style}>
      <p id={\`\${id}-label\`} className="text-sm font-medium">
        {label}
      </p>
      {/* The wrapper ends the hover preview when the pointer leaves the stars. */}
      <div className="w-fit" onMouseLeave={() => setHovered(0)}>
        <div role="radiogroup" aria-labelledby={\`\${id}-label\`} className="flex items-center gap-0.5">
        {stars.map((star) => (
          <button
            key={star}
            id={\`\${id}-star-\${star}\`}
            type="button"
            role="radio"
            aria-checked={star === rating}
            aria-label={\`Rate \${star} out of \${total}\`}
            data-highlighted={star <= shown ? "true" : "false"}
            tabIndex={star === (rating || 1) ? 0 : -1}
            onClick={() => rate(star)}
            onKeyDown={(event) => handleKeyDown(event, star)}
            onMouseEnter={() => setHovered(star)}
            className="rounded-md p-1 transition-transform hover:scale-110 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            <Star
              aria-hidden="true"
              className={cn(starSize, "transition-colors", star <= shown ? filled : "text-muted-foreground/40")}
            />
          </button>
        ))}
        </div>
      </div>
      <div className="flex min-h-8 items-center justify-between gap-2">
        <p aria-live="polite" className="text-sm text-muted-foreground">
          {rating > 0 ? \`\${rating} of \${total}\` : "Not rated yet"}
        </p>
        {showReset && (
          <Button variant="ghost" size="sm" onClick={() => rate(0)} disabled={rating === 0}>
            Clear rating
          </Button>
        )}
      </div>
    </div>
  )
}
`,
  tests: (context) => {
    const { values, name, id, lit } = context
    const max = num(values, "max", 5)
    const initial = num(values, "defaultValue")
    const pick = Math.min(3, max)
    const star = (n: number) => `screen.getByRole("radio", { name: "Rate ${n} out of ${max}" })`
    const tests = [
      `it("${id("count")}: shows ${max} stars under the label", () => {
  render(<${name} />)
  const group = screen.getByRole("radiogroup", { name: ${lit(str(values, "label"))} })
  const stars = within(group).getAllByRole("radio")
  expect(stars).toHaveLength(${max})
  expect(stars.map((star) => star.getAttribute("aria-label"))).toEqual(
    ${lit(Array.from({ length: max }, (_, index) => `Rate ${index + 1} out of ${max}`))},
  )
})`,
      initial > 0
        ? `it("${id("initial")}: shows ${initial} of ${max} at first", () => {
  render(<${name} />)
  expect(screen.getByText("${initial} of ${max}")).toBeInTheDocument()
  expect(${star(initial)}).toBeChecked()
})`
        : `it("${id("initial")}: shows Not rated yet until a star is chosen", () => {
  render(<${name} />)
  expect(screen.getByText("Not rated yet")).toBeInTheDocument()
  expect(screen.getAllByRole("radio").filter((star) => star.getAttribute("aria-checked") === "true")).toHaveLength(0)
})`,
      `it("${id("click")}: clicking star ${pick} selects it and calls onChange", async () => {
  const user = userEvent.setup()
  const onChange = vi.fn()
  render(<${name} onChange={onChange} />)
  await user.click(${star(pick)})
  expect(${star(pick)}).toBeChecked()
  expect(screen.getByText("${pick} of ${max}")).toBeInTheDocument()
  expect(onChange).toHaveBeenLastCalledWith(${pick})
})`,
      `it("${id("hover")}: hovering a star highlights it and the stars before it", async () => {
  const user = userEvent.setup()
  render(<${name} defaultValue={0} />)
  await user.hover(${star(2)})
  expect(${star(1)}).toHaveAttribute("data-highlighted", "true")
  expect(${star(2)}).toHaveAttribute("data-highlighted", "true")
  expect(${star(3)}).toHaveAttribute("data-highlighted", "false")
  await user.unhover(${star(2)})
  expect(${star(1)}).toHaveAttribute("data-highlighted", "false")
  expect(screen.getByText("Not rated yet")).toBeInTheDocument()
})`,
      `it("${id("keyboard")}: the stars are one tab stop and arrow keys change the rating", async () => {
  const user = userEvent.setup()
  const onChange = vi.fn()
  render(<${name} defaultValue={0} onChange={onChange} />)
  await user.tab()
  expect(${star(1)}).toHaveFocus()
  await user.keyboard("{Enter}")
  expect(screen.getByText("1 of ${max}")).toBeInTheDocument()
  await user.keyboard("{ArrowRight}")
  expect(${star(2)}).toHaveFocus()
  expect(${star(2)}).toBeChecked()
  expect(onChange).toHaveBeenLastCalledWith(2)
  await user.keyboard("{End}")
  expect(screen.getByText("${max} of ${max}")).toBeInTheDocument()
  await user.keyboard("{ArrowLeft}")
  expect(${star(max - 1)}).toHaveFocus()
  expect(screen.getByText("${max - 1} of ${max}")).toBeInTheDocument()
})`,
    ]
    if (context.has("reset"))
      tests.push(`it("${id("reset")}: the Clear rating button resets the rating", async () => {
  const user = userEvent.setup()
  const onChange = vi.fn()
  render(<${name} defaultValue={0} onChange={onChange} />)
  const clear = screen.getByRole("button", { name: "Clear rating" })
  expect(clear).toBeDisabled()
  await user.click(${star(pick)})
  await user.click(clear)
  expect(screen.getByText("Not rated yet")).toBeInTheDocument()
  expect(onChange).toHaveBeenLastCalledWith(0)
  expect(clear).toBeDisabled()
})`)
    return tests.join("\n\n")
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    const reset = wantsReset(facts)
    if (reset !== undefined) {
      next.showReset = reset
      applied.push(reset ? 'a "Clear rating" button' : "no clear button")
    }
    const count = starCount(facts)
    if (count !== undefined && count !== values.max) {
      next.max = count
      next.defaultValue = Math.min(num(values, "defaultValue"), count)
      applied.push(`${count} stars`)
    }
    return { values: next, applied }
  },
  followUpHints: ["add a reset button", "N stars (e.g. 10 stars)"],
}
