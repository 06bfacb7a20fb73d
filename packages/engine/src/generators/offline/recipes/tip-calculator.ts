import { countOf, mentions, type PromptFacts } from "../facts"
import { bool, num, sentenceList, str, type Recipe, type RenderContext, type Values } from "../recipe"

const DEFAULT_OPTIONS = [10, 15, 20]

function percentsIn(facts: PromptFacts): number[] {
  const text = facts.lower
  const run = /(\d{1,2}(?:\.\d+)?)\s*%?((?:\s*(?:,|\band\b|\bor\b|\/)\s*\d{1,2}(?:\.\d+)?\s*%?)+)/.exec(text)
  if (run && /%/.test(run[0])) {
    const numbers = run[0].match(/\d{1,2}(?:\.\d+)?/g)!.map(Number)
    if (numbers.length >= 2) return [...new Set(numbers)]
  }
  const explicit = [...text.matchAll(/(\d{1,2}(?:\.\d+)?)\s*%/g)].map((match) => Number(match[1]))
  return [...new Set(explicit)]
}

function defaultTipOf(facts: PromptFacts): number | undefined {
  const match =
    /\bdefault(?:s)?(?: tip)?(?: of| to| is|:)?\s*(\d{1,2}(?:\.\d+)?)\s*%/.exec(facts.lower) ??
    /(\d{1,2}(?:\.\d+)?)\s*%\s*(?:by default|as (?:the )?default|selected|preselected)/.exec(facts.lower)
  return match ? Number(match[1]) : undefined
}

function optionsOf(facts: PromptFacts): { options: number[]; initial: number } {
  const found = percentsIn(facts)
  const initial = defaultTipOf(facts)
  let options = found.length >= 2 ? found : DEFAULT_OPTIONS
  if (initial !== undefined && !options.includes(initial))
    options = [...options, initial].sort((a, b) => a - b)
  options = options.slice(0, 6)
  return { options, initial: initial ?? options[Math.floor((options.length - 1) / 2)] ?? 15 }
}

function peopleOf(facts: PromptFacts): number {
  return Math.min(Math.max(countOf(facts, "people", "person", "friend", "guest", "way", "diner") ?? 1, 1), 50)
}

function money(currency: string, amount: number): string {
  return `${currency}${amount.toFixed(2)}`
}

function parseOptions(text: string): number[] {
  return text
    .split(/[,\s]+/)
    .map((part) => Number(part.replace("%", "")))
    .filter((value) => Number.isFinite(value) && value >= 0)
}

function component(context: RenderContext): string {
  return `import { useId, useState } from "react"
import { Minus, Plus } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
${context.lookImports}

${context.propsInterface}

function percentsOf(text: string): number[] {
  return text
    .split(/[,\\s]+/)
    .map((part) => Number(part.replace("%", "")))
    .filter((value) => Number.isFinite(value) && value >= 0)
}

${context.signature}
  ${context.look}
  const id = useId()
  const options = percentsOf(tipOptions)
  const [billText, setBillText] = useState(initialBill > 0 ? String(initialBill) : "")
  const [tip, setTip] = useState(defaultTip)
  const [customText, setCustomText] = useState("")
  const [peopleText, setPeopleText] = useState(String(Math.max(1, Math.round(people))))

  const bill = billText.trim() === "" ? 0 : Number(billText)
  const billError = billText.trim() !== "" && (!Number.isFinite(bill) || bill < 0) ? "Enter a bill of 0 or more" : ""
  const custom = customText.trim() === "" ? undefined : Number(customText)
  const customError = custom !== undefined && (!Number.isFinite(custom) || custom < 0) ? "Enter a tip of 0% or more" : ""
  const percent = custom !== undefined && !customError ? custom : tip
  const headcount = Number(peopleText)
  const peopleError = !Number.isInteger(headcount) || headcount < 1 ? "At least 1 person" : ""
  const ready = !billError && !customError && !peopleError && bill > 0
  const tipAmount = ready ? (bill * percent) / 100 : 0
  const total = ready ? bill + tipAmount : 0
  const share = ready && split ? total / headcount : 0
  const money = (amount: number) => \`\${currency}\${amount.toFixed(2)}\`

  function reset() {
    setBillText("")
    setTip(defaultTip)
    setCustomText("")
    setPeopleText("1")
  }

  return (
    <section
      aria-labelledby={\`\${id}-title\`}
      className={cn(look.className, "w-full max-w-md rounded-xl border bg-card p-6 text-card-foreground shadow-sm")}
      style={look.style}
    >
      <h2 id={\`\${id}-title\`} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-4 flex flex-col gap-5">
        <div className="flex flex-col gap-2">
          <Label htmlFor={\`\${id}-bill\`}>Bill amount</Label>
          <div className="relative">
            <span aria-hidden="true" className="pointer-events-none absolute left-3 top-1/2 -translate-y-1/2 text-sm text-muted-foreground">
              {currency}
            </span>
            <Input
              id={\`\${id}-bill\`}
              inputMode="decimal"
              autoComplete="off"
              placeholder="0.00"
              value={billText}
              onChange={(event) => setBillText(event.target.value)}
              aria-invalid={billError ? true : undefined}
              aria-describedby={billError ? \`\${id}-bill-error\` : undefined}
              className="pl-8 tabular-nums"
            />
          </div>
          {billError && (
            <p id={\`\${id}-bill-error\`} role="alert" className="text-sm text-destructive">
              {billError}
            </p>
          )}
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-sm font-medium">Tip</legend>
          <div className="grid grid-cols-3 gap-2 sm:grid-cols-4">
            {options.map((option) => {
              const selected = custom === undefined && tip === option
              return (
                <button
                  key={option}
                  type="button"
                  aria-pressed={selected}
                  onClick={() => {
                    setTip(option)
                    setCustomText("")
                  }}
                  className={cn(
                    "h-9 rounded-md border text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background",
                    selected ? "border-primary bg-primary text-primary-foreground" : "bg-background hover:bg-muted",
                  )}
                >
                  {option}%
                </button>
              )
            })}
            {customTip && (
              <Input
                aria-label="Custom tip percentage"
                inputMode="decimal"
                placeholder="Custom %"
                value={customText}
                onChange={(event) => setCustomText(event.target.value)}
                aria-invalid={customError ? true : undefined}
                className="h-9 text-center tabular-nums"
              />
            )}
          </div>
          {customError && (
            <p role="alert" className="text-sm text-destructive">
              {customError}
            </p>
          )}
        </fieldset>
        {split && (
          <div className="flex flex-col gap-2">
            <Label htmlFor={\`\${id}-people\`}>Number of people</Label>
            <div className="flex items-center gap-2">
              <Button
                type="button"
                variant="outline"
                size="icon"
                aria-label="Fewer people"
                disabled={!(headcount > 1)}
                onClick={() => setPeopleText(String(Math.max(1, Math.floor(headcount) - 1)))}
              >
                <Minus aria-hidden="true" />
              </Button>
              <Input
                id={\`\${id}-people\`}
                inputMode="numeric"
                value={peopleText}
                onChange={(event) => setPeopleText(event.target.value)}
                aria-invalid={peopleError ? true : undefined}
                className="w-20 text-center tabular-nums"
              />
              <Button
                type="button"
                variant="outline"
                size="icon"
                aria-label="More people"
                onClick={() => setPeopleText(String(Number.isFinite(headcount) ? Math.max(1, Math.floor(headcount) + 1) : 1))}
              >
                <Plus aria-hidden="true" />
              </Button>
            </div>
            {peopleError && (
              <p role="alert" className="text-sm text-destructive">
                {peopleError}
              </p>
            )}
          </div>
        )}
      </div>
      <dl aria-live="polite" className="mt-6 grid gap-3 rounded-lg bg-muted p-4 text-sm">
        <div className="flex items-center justify-between">
          <dt className="text-muted-foreground">Tip ({percent}%)</dt>
          <dd className="font-medium tabular-nums">{money(tipAmount)}</dd>
        </div>
        <div className="flex items-center justify-between">
          <dt className="text-muted-foreground">Total</dt>
          <dd className="font-medium tabular-nums">{money(total)}</dd>
        </div>
        {split && (
          <div className="flex items-center justify-between border-t pt-3">
            <dt className="font-medium">Per person</dt>
            <dd className="text-2xl font-semibold tabular-nums">{money(share)}</dd>
          </div>
        )}
      </dl>
      <Button type="button" variant="ghost" className="mt-3 w-full" onClick={reset}>
        Reset
      </Button>
    </section>
  )
}
`
}

function tests(context: RenderContext): string {
  const { name, values, lit } = context
  const currency = str(values, "currency", "$")
  const options = parseOptions(str(values, "tipOptions"))
  const tip = num(values, "defaultTip", 15)
  const split = bool(values, "split", true)
  const other = options.find((option) => option !== tip) ?? tip
  const bill = 80
  const out: string[] = []
  out.push(`function amount(label: string | RegExp) {
  return screen.getByText(label).nextElementSibling
}`)
  out.push(`it("${context.id("options")}: offers ${options.map((option) => `${option}%`).join(", ")} tips with ${tip}% selected", () => {
  render(<${name} />)
  const buttons = within(screen.getByRole("group", { name: "Tip" })).getAllByRole("button")
  expect(buttons.map((button) => button.textContent)).toEqual(${lit(options.map((option) => `${option}%`))})
  expect(screen.getByRole("button", { name: ${lit(`${tip}%`)} })).toHaveAttribute("aria-pressed", "true")
})`)
  out.push(`it("${context.id("calculate")}: shows the tip and the total for the bill", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.clear(screen.getByLabelText("Bill amount"))
  await user.type(screen.getByLabelText("Bill amount"), "${bill}")
  expect(amount(${lit(`Tip (${tip}%)`)})).toHaveTextContent(${lit(money(currency, (bill * tip) / 100))})
  expect(amount("Total")).toHaveTextContent(${lit(money(currency, bill + (bill * tip) / 100))})
})`)
  out.push(`it("${context.id("choose")}: choosing another percentage recalculates", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.clear(screen.getByLabelText("Bill amount"))
  await user.type(screen.getByLabelText("Bill amount"), "${bill}")
  await user.click(screen.getByRole("button", { name: ${lit(`${other}%`)} }))
  expect(screen.getByRole("button", { name: ${lit(`${other}%`)} })).toHaveAttribute("aria-pressed", "true")
  expect(amount(${lit(`Tip (${other}%)`)})).toHaveTextContent(${lit(money(currency, (bill * other) / 100))})
  expect(amount("Total")).toHaveTextContent(${lit(money(currency, bill + (bill * other) / 100))})
})`)
  if (context.has("custom")) {
    out.push(`it("${context.id("custom")}: a custom percentage overrides the buttons", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.clear(screen.getByLabelText("Bill amount"))
  await user.type(screen.getByLabelText("Bill amount"), "${bill}")
  await user.type(screen.getByRole("textbox", { name: "Custom tip percentage" }), "12.5")
  expect(amount("Tip (12.5%)")).toHaveTextContent(${lit(money(currency, (bill * 12.5) / 100))})
  expect(screen.getByRole("button", { name: ${lit(`${tip}%`)} })).toHaveAttribute("aria-pressed", "false")
})`)
  }
  if (split) {
    const people = Math.max(1, Math.round(num(values, "people", 1)))
    const target = people === 1 ? 4 : people
    out.push(`it("${context.id("split")}: splits the total between ${target} people", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.clear(screen.getByLabelText("Bill amount"))
  await user.type(screen.getByLabelText("Bill amount"), "${bill}")
${
  people === 1
    ? `  for (let click = 0; click < 3; click++) await user.click(screen.getByRole("button", { name: "More people" }))\n`
    : ""
}  expect(screen.getByLabelText("Number of people")).toHaveValue("${target}")
  expect(amount("Per person")).toHaveTextContent(${lit(money(currency, (bill + (bill * tip) / 100) / target))})
  await user.clear(screen.getByLabelText("Number of people"))
  await user.type(screen.getByLabelText("Number of people"), "0")
  expect(screen.getByRole("alert")).toHaveTextContent("At least 1 person")
})`)
  }
  out.push(`it("${context.id("invalid")}: refuses a negative bill and shows nothing for an empty one", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.clear(screen.getByLabelText("Bill amount"))
  expect(amount("Total")).toHaveTextContent(${lit(money(currency, 0))})
  await user.type(screen.getByLabelText("Bill amount"), "-5")
  expect(screen.getByRole("alert")).toHaveTextContent("Enter a bill of 0 or more")
  expect(screen.getByLabelText("Bill amount")).toHaveAttribute("aria-invalid", "true")
  expect(amount("Total")).toHaveTextContent(${lit(money(currency, 0))})
})`)
  return out.join("\n\n")
}

function followUp(facts: PromptFacts, values: Values): { values: Values; applied: string[] } {
  const next: Record<string, Values[string]> = { ...values }
  const applied: string[] = []
  const found = percentsIn(facts)
  const initial = defaultTipOf(facts)
  if (found.length >= 2) {
    next.tipOptions = found.join(", ")
    applied.push(`tips of ${sentenceList(found.map((value) => `${value}%`))}`)
    if (!found.includes(num(values, "defaultTip")) && initial === undefined)
      next.defaultTip = found[Math.floor((found.length - 1) / 2)]!
  } else if (found.length === 1 && initial === undefined && /\badd\b/.test(facts.lower)) {
    const options = [...new Set([...parseOptions(str(values, "tipOptions")), found[0]!])].sort(
      (a, b) => a - b,
    )
    next.tipOptions = options.join(", ")
    applied.push(`a ${found[0]}% option`)
  }
  if (initial !== undefined) {
    next.defaultTip = initial
    const options = parseOptions(String(next.tipOptions ?? values.tipOptions ?? ""))
    if (!options.includes(initial)) next.tipOptions = [...options, initial].sort((a, b) => a - b).join(", ")
    applied.push(`${initial}% by default`)
  }
  if (facts.currency && facts.currency !== str(values, "currency")) {
    next.currency = facts.currency
    applied.push(`amounts in ${facts.currency}`)
  }
  if (/\b(?:no|without|remove|drop)\s+(?:the\s+)?(?:split|splitting)\b/.test(facts.lower)) {
    next.split = false
    applied.push("no split")
  } else if (mentions(facts, "split", "people", "per person")) {
    const people = countOf(facts, "people", "person", "friend", "guest", "way")
    if (!bool(values, "split", true)) applied.push("split between people")
    next.split = true
    if (people) {
      next.people = people
      applied.push(`${people} people`)
    }
  }
  if (/\b(?:no|without|remove)\s+(?:the\s+)?custom\b/.test(facts.lower)) {
    next.customTip = false
    applied.push("no custom tip")
  } else if (/\bcustom\b/.test(facts.lower) && !bool(values, "customTip", true)) {
    next.customTip = true
    applied.push("a custom tip field")
  }
  return { values: next, applied }
}

/** A tip calculator: bill, tip percentage buttons (and a custom one), split between people, validated. */
export const tipCalculator: Recipe = {
  kind: "tip-calculator",
  title: "Tip calculator",
  names: ["TipCalculator"],
  keywords: {
    strong: [
      "tip calculator",
      "tip calc",
      "tipping calculator",
      "tip percentage",
      "work out the tip",
      "calculate the tip",
      "gratuity",
      "split the bill",
      "bill splitter",
      "bill split",
    ],
    weak: ["tip", "bill", "split", "per person", "restaurant"],
  },
  params: (facts) => {
    const { options, initial } = optionsOf(facts)
    return [
      {
        name: "tipOptions",
        type: "string",
        value: options.join(", "),
        description: "The tip percentages offered as buttons, separated by commas.",
        control: "text",
      },
      {
        name: "defaultTip",
        type: "number",
        value: initial,
        description: "The tip percentage selected at first.",
        control: "number",
      },
      {
        name: "customTip",
        type: "boolean",
        value: !/\b(?:no|without)\s+custom\b/.test(facts.lower),
        description: "Shows a field for a custom percentage.",
        control: "boolean",
      },
      {
        name: "split",
        type: "boolean",
        value: !/\b(?:no|without)\s+(?:split|splitting)\b/.test(facts.lower),
        description: "Splits the total between a number of people.",
        control: "boolean",
      },
      {
        name: "people",
        type: "number",
        value: peopleOf(facts),
        description: "How many people share the bill at first.",
        control: "number",
      },
      {
        name: "initialBill",
        type: "number",
        value: facts.amounts[0] ?? 0,
        description: "The bill filled in at first; 0 leaves it empty.",
        control: "number",
      },
      {
        name: "currency",
        type: "string",
        value: facts.currency ?? "$",
        description: "The currency symbol.",
        control: "text",
      },
      {
        name: "title",
        type: "string",
        value: facts.quoted[0] ?? "Tip calculator",
        description: "The heading.",
        control: "text",
      },
    ]
  },
  summary: (values) =>
    `A tip calculator with ${sentenceList(parseOptions(str(values, "tipOptions")).map((value) => `${value}%`))} tips (${num(values, "defaultTip")}% first)${bool(values, "split", true) ? ", split between people" : ""}, in ${str(values, "currency")}.`,
  requirements: (values) => {
    const options = parseOptions(str(values, "tipOptions"))
    const tip = num(values, "defaultTip", 15)
    const currency = str(values, "currency", "$")
    const list: [string, string][] = [
      [
        "options",
        `Offers tip buttons for ${sentenceList(options.map((value) => `${value}%`))}, with ${tip}% selected at first`,
      ],
      [
        "calculate",
        `Shows the tip and the total for the bill in ${currency} (a ${currency}80 bill at ${tip}%: tip ${money(currency, 0.8 * tip)}, total ${money(currency, 80 + 0.8 * tip)})`,
      ],
      ["choose", "Choosing another percentage recalculates the tip and the total"],
    ]
    if (bool(values, "customTip", true))
      list.push(["custom", "A custom percentage field overrides the buttons"])
    if (bool(values, "split", true))
      list.push([
        "split",
        `Splits the total between ${num(values, "people", 1) > 1 ? `${Math.round(num(values, "people", 1))} people (changeable)` : "any number of people"} and shows the amount per person; fewer than 1 person is refused`,
      ])
    list.push([
      "invalid",
      'Refuses a negative bill ("Enter a bill of 0 or more") and shows 0.00 while the bill is empty',
    ])
    return list
  },
  component,
  tests,
  followUp,
  followUpHints: [
    "other percentages (12, 18 and 22%)",
    "18% by default",
    "split between N people",
    "no split",
    "a currency (in euros)",
  ],
}
