import { capitalize, mentions, singular, type PromptFacts } from "../facts"
import { bool, num, str, type Recipe, type Values } from "../recipe"

/** Text for inside a double-quoted test name. */
const esc = (text: string) => JSON.stringify(text).slice(1, -1)

const STOP = new Set(
  "a an the simple nice basic custom number numeric quantity stepper counter input picker selector plus minus".split(
    " ",
  ),
)

function labelOf(facts: PromptFacts): string {
  if (facts.quoted[0]) return facts.quoted[0]
  const many = /\b(?:how many|number of|count of|amount of)\s+([a-z]+)\b/.exec(facts.lower)?.[1]
  if (many && !STOP.has(many)) return capitalize(many)
  const before = /\b([a-z]+)\s+(?:counter|stepper|picker|selector|count)\b/.exec(facts.lower)?.[1]
  if (before && !STOP.has(before) && !/^(quantity|qty)$/.test(before)) return capitalize(before)
  const nouns = [
    "guests",
    "tickets",
    "seats",
    "rooms",
    "adults",
    "children",
    "servings",
    "people",
    "nights",
    "passengers",
  ]
  const noun = nouns.find((word) => mentions(facts, word, singular(word)))
  return noun ? capitalize(noun) : "Quantity"
}

function stepOf(facts: PromptFacts): number | undefined {
  const match =
    /\bsteps? (?:size )?(?:of |is |=\s*)?(\d+)\b/.exec(facts.lower) ??
    /\b(?:increments?|steps|jumps) of (\d+)\b/.exec(facts.lower) ??
    /\b(?:by|in) (\d+)s\b/.exec(facts.lower)
  return match && Number(match[1]) > 0 ? Number(match[1]) : undefined
}

function startOf(facts: PromptFacts): number | undefined {
  const match =
    /\b(?:defaults?(?: value| quantity)?|start(?:s|ing)?(?: value)?(?: at| from)?|initial(?:ly)?(?: value)?(?: at)?)\s*(?:of|at|to|is|=|:)?\s*(-?\d+)/.exec(
      facts.lower,
    )
  return match ? Number(match[1]) : undefined
}

function wantsReset(facts: PromptFacts): boolean | undefined {
  if (!/\b(reset|clear|start over)\b/.test(facts.lower)) return undefined
  return !/\b(?:remove|without|no|drop|hide|get rid of)\b[\w\s]{0,20}\b(?:reset|clear)\b/.test(facts.lower)
}

function limits(values: Values) {
  const min = Math.min(num(values, "min"), num(values, "max", 10))
  const max = Math.max(num(values, "min"), num(values, "max", 10))
  const step = num(values, "step", 1) > 0 ? num(values, "step", 1) : 1
  const clamp = (value: number) => Math.min(Math.max(Math.round((value - min) / step) * step + min, min), max)
  return { min, max, step, clamp, start: clamp(num(values, "defaultValue", min)) }
}

/** − / + buttons around a numeric field (APG spinbutton), clamped to min and max. */
export const quantityStepper: Recipe = {
  kind: "quantity-stepper",
  title: "Quantity stepper",
  names: ["QuantityStepper"],
  keywords: {
    strong: [
      "quantity stepper",
      "quantity selector",
      "quantity picker",
      "quantity input",
      "quantity control",
      "number stepper",
      "numeric stepper",
      "counter stepper",
      "plus and minus",
      "plus minus",
      "plus/minus",
      "increment and decrement",
      "increment decrement",
      "spinbutton",
      "spin button",
    ],
    weak: ["quantity", "qty", "stepper", "increment", "decrement", "how many"],
  },
  callbacks: [
    {
      name: "onChange",
      type: "(value: number) => void",
      description: "Called with the new value after each change.",
    },
  ],
  params: (facts) => {
    const min = facts.min ?? (facts.max !== undefined && facts.max <= 0 ? facts.max - 10 : 1)
    const max = facts.max ?? Math.max(min + 9, 10)
    const step = stepOf(facts) ?? 1
    const start = startOf(facts)
    return [
      {
        name: "label",
        type: "string",
        value: labelOf(facts),
        description: "The field's label.",
        control: "text",
      },
      {
        name: "min",
        type: "number",
        value: Math.min(min, max),
        description: "The lowest value.",
        control: "number",
      },
      {
        name: "max",
        type: "number",
        value: Math.max(min, max),
        description: "The highest value.",
        control: "number",
      },
      {
        name: "step",
        type: "number",
        value: step,
        description: "How much − and + change the value.",
        control: "number",
      },
      {
        name: "defaultValue",
        type: "number",
        value: Math.min(Math.max(start ?? Math.min(min, max), Math.min(min, max)), Math.max(min, max)),
        description: "The value at first.",
        control: "number",
      },
      {
        name: "showReset",
        type: "boolean",
        value: wantsReset(facts) ?? false,
        description: "Show a Reset button that returns to the first value.",
        control: "boolean",
      },
    ]
  },
  summary: (values) => {
    const { min, max, step } = limits(values)
    return `A ${str(values, "label").toLowerCase()} stepper from ${min} to ${max}${step !== 1 ? ` in steps of ${step}` : ""} with − and + buttons and a typed value.`
  },
  requirements: (values) => {
    const { min, max, step, start } = limits(values)
    const label = str(values, "label").toLowerCase()
    const list: [string, string][] = [
      ["start", `Shows ${str(values, "label")} at ${start} at first, between ${min} and ${max}`],
      [
        "buttons",
        `"Increase ${label}" and "Decrease ${label}" buttons change the value by ${step} and call onChange`,
      ],
      ["limits", `Decrease is disabled at ${min} and Increase at ${max}`],
      [
        "typed",
        `A typed value is kept between ${min} and ${max} when the field loses focus or Enter is pressed`,
      ],
      ["keyboard", "Arrow Up and Arrow Down in the field change the value"],
    ]
    if (bool(values, "showReset")) list.push(["reset", `A Reset button returns the value to ${start}`])
    return list
  },
  component: (context) => `import { useId, useState, type KeyboardEvent } from "react"
import { Minus, Plus, RotateCcw } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"

${context.lookImports}

${context.propsInterface}

${context.signature}
  ${context.look}
  const id = useId()
  const lowest = Math.min(min, max)
  const highest = Math.max(min, max)
  const notch = step > 0 ? step : 1
  const clamp = (next: number) => Math.min(Math.max(Math.round((next - lowest) / notch) * notch + lowest, lowest), highest)
  const start = clamp(defaultValue)
  const [value, setValue] = useState(start)
  const [draft, setDraft] = useState(String(start))
  const name = label.toLowerCase()

  function commit(next: number) {
    const clamped = clamp(next)
    setValue(clamped)
    setDraft(String(clamped))
    if (clamped !== value) onChange?.(clamped)
  }

  function commitDraft() {
    const typed = Number(draft.trim())
    if (draft.trim() === "" || !Number.isFinite(typed)) setDraft(String(value))
    else commit(typed)
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowUp") commit(value + notch)
    else if (event.key === "ArrowDown") commit(value - notch)
    else if (event.key === "Home") commit(lowest)
    else if (event.key === "End") commit(highest)
    else if (event.key === "Enter") commitDraft()
    else return
    event.preventDefault()
  }

  return (
    <div className={cn(look.className, "flex w-full max-w-xs flex-col gap-3 rounded-xl border bg-card p-6 text-card-foreground shadow-sm")} style={look.style}>
      <Label htmlFor={\`\${id}-value\`}>{label}</Label>
      <div className="flex items-center gap-2">
        <Button
          type="button"
          variant="outline"
          size="icon"
          aria-label={\`Decrease \${name}\`}
          aria-controls={\`\${id}-value\`}
          disabled={value <= lowest}
          onClick={() => commit(value - notch)}
        >
          <Minus aria-hidden="true" />
        </Button>
        <Input
          id={\`\${id}-value\`}
          role="spinbutton"
          inputMode="numeric"
          autoComplete="off"
          aria-valuenow={value}
          aria-valuemin={lowest}
          aria-valuemax={highest}
          aria-describedby={\`\${id}-hint\`}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commitDraft}
          onKeyDown={handleKeyDown}
          className="h-9 w-16 text-center text-base font-semibold tabular-nums"
        />
        <Button
          type="button"
          variant="outline"
          size="icon"
          aria-label={\`Increase \${name}\`}
          aria-controls={\`\${id}-value\`}
          disabled={value >= highest}
          onClick={() => commit(value + notch)}
        >
          <Plus aria-hidden="true" />
        </Button>
        {showReset && (
          <Button type="button" variant="ghost" size="sm" className="ml-auto" disabled={value === start} onClick={() => commit(start)}>
            <RotateCcw aria-hidden="true" />
            Reset
          </Button>
        )}
      </div>
      <p id={\`\${id}-hint\`} className="text-xs text-muted-foreground">
        {\`From \${lowest} to \${highest}\`}
      </p>
      <p aria-live="polite" className="sr-only">
        {\`\${label}: \${value}\`}
      </p>
    </div>
  )
}
`,
  tests: (context) => {
    const { values, name, id, lit } = context
    const { min, max, step, clamp, start } = limits(values)
    const label = str(values, "label")
    const field = `screen.getByRole("spinbutton", { name: ${lit(label)} })`
    const inc = `screen.getByRole("button", { name: ${lit(`Increase ${label.toLowerCase()}`)} })`
    const dec = `screen.getByRole("button", { name: ${lit(`Decrease ${label.toLowerCase()}`)} })`
    const up = clamp(start + step) !== start
    const moved = up ? clamp(start + step) : clamp(start - step)
    const over = max + 100 * step
    const under = min - 100 * step
    const middle = clamp((min + max) / 2)
    const tests = [
      `it("${id("start")}: shows ${esc(label)} at ${start} at first", () => {
  render(<${name} />)
  expect(${field}).toHaveValue("${start}")
  expect(${field}).toHaveAttribute("aria-valuemin", "${min}")
  expect(${field}).toHaveAttribute("aria-valuemax", "${max}")
  expect(screen.getByText("From ${min} to ${max}")).toBeInTheDocument()
})`,
      `it("${id("buttons")}: the buttons change the value by ${step} and call onChange", async () => {
  const user = userEvent.setup()
  const onChange = vi.fn()
  render(<${name} onChange={onChange} />)
  await user.click(${up ? inc : dec})
  expect(${field}).toHaveValue("${moved}")
  expect(onChange).toHaveBeenLastCalledWith(${moved})
  await user.click(${up ? dec : inc})
  expect(${field}).toHaveValue("${start}")
  expect(onChange).toHaveBeenLastCalledWith(${start})
})`,
      `it("${id("limits")}: Decrease is disabled at ${min} and Increase at ${max}", async () => {
  const user = userEvent.setup()
  const { unmount } = render(<${name} defaultValue={${min}} />)
  expect(${dec}).toBeDisabled()
  expect(${inc}).toBeEnabled()
  unmount()
  const onChange = vi.fn()
  render(<${name} defaultValue={${max}} onChange={onChange} />)
  expect(${inc}).toBeDisabled()
  await user.click(${inc})
  expect(${field}).toHaveValue("${max}")
  expect(onChange).not.toHaveBeenCalled()
})`,
      `it("${id("typed")}: a typed value is kept between ${min} and ${max}", async () => {
  const user = userEvent.setup()
  const onChange = vi.fn()
  render(<${name} defaultValue={${middle}} onChange={onChange} />)
  const field = ${field}
  await user.clear(field)
  await user.type(field, "${over}")
  await user.tab()
  expect(field).toHaveValue("${max}")
  expect(onChange).toHaveBeenLastCalledWith(${max})
  await user.clear(field)
  await user.type(field, "${under}{Enter}")
  expect(field).toHaveValue("${min}")
  expect(onChange).toHaveBeenLastCalledWith(${min})
  await user.clear(field)
  await user.type(field, "lots{Enter}")
  expect(field).toHaveValue("${min}")
})`,
      `it("${id("keyboard")}: Arrow Up and Arrow Down change the value", async () => {
  const user = userEvent.setup()
  render(<${name} defaultValue={${middle}} />)
  await user.click(${field})
  await user.keyboard("{ArrowUp}")
  expect(${field}).toHaveValue("${clamp(middle + step)}")
  await user.keyboard("{ArrowDown}{ArrowDown}")
  expect(${field}).toHaveValue("${clamp(clamp(middle + step) - 2 * step)}")
})`,
    ]
    if (context.has("reset"))
      tests.push(`it("${id("reset")}: Reset returns the value to ${start}", async () => {
  const user = userEvent.setup()
  const onChange = vi.fn()
  render(<${name} onChange={onChange} />)
  const reset = screen.getByRole("button", { name: "Reset" })
  expect(reset).toBeDisabled()
  await user.click(${up ? inc : dec})
  await user.click(reset)
  expect(${field}).toHaveValue("${start}")
  expect(onChange).toHaveBeenLastCalledWith(${start})
  expect(reset).toBeDisabled()
})`)
    return tests.join("\n\n")
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    const reset = wantsReset(facts)
    if (reset !== undefined) {
      next.showReset = reset
      applied.push(reset ? "a Reset button" : "no Reset button")
    }
    if (facts.min !== undefined) {
      next.min = facts.min
      applied.push(`minimum ${facts.min}`)
    }
    if (facts.max !== undefined) {
      next.max = facts.max
      applied.push(`maximum ${facts.max}`)
    }
    const step = stepOf(facts)
    if (step !== undefined) {
      next.step = step
      applied.push(`steps of ${step}`)
    }
    const start = startOf(facts)
    if (start !== undefined) {
      next.defaultValue = start
      applied.push(`starts at ${start}`)
    }
    if (facts.min !== undefined || facts.max !== undefined || start !== undefined) {
      const low = Math.min(num(next, "min"), num(next, "max", 10))
      const high = Math.max(num(next, "min"), num(next, "max", 10))
      next.defaultValue = Math.min(Math.max(num(next, "defaultValue", low), low), high)
    }
    return { values: next, applied }
  },
  followUpHints: ["add a reset button", "min N / max N", "step N"],
}
