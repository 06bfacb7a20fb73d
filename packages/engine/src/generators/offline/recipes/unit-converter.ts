import { type PromptFacts } from "../facts"
import { num, records, sentenceList, str, type Recipe, type RenderContext, type Values } from "../recipe"

/** A unit: value in the base unit = (value + offset) × factor. */
interface Unit extends Record<string, string | number | boolean> {
  id: string
  label: string
  factor: number
  offset: number
}

type Quantity = "temperature" | "length" | "weight" | "volume" | "currency"

const UNITS: Record<Quantity, Unit[]> = {
  temperature: [
    { id: "°C", label: "Celsius", factor: 1, offset: 0 },
    { id: "°F", label: "Fahrenheit", factor: 5 / 9, offset: -32 },
    { id: "K", label: "Kelvin", factor: 1, offset: -273.15 },
  ],
  length: [
    { id: "mm", label: "Millimetres", factor: 0.001, offset: 0 },
    { id: "cm", label: "Centimetres", factor: 0.01, offset: 0 },
    { id: "m", label: "Metres", factor: 1, offset: 0 },
    { id: "km", label: "Kilometres", factor: 1000, offset: 0 },
    { id: "in", label: "Inches", factor: 0.0254, offset: 0 },
    { id: "ft", label: "Feet", factor: 0.3048, offset: 0 },
    { id: "yd", label: "Yards", factor: 0.9144, offset: 0 },
    { id: "mi", label: "Miles", factor: 1609.344, offset: 0 },
  ],
  weight: [
    { id: "g", label: "Grams", factor: 0.001, offset: 0 },
    { id: "kg", label: "Kilograms", factor: 1, offset: 0 },
    { id: "oz", label: "Ounces", factor: 0.028349523125, offset: 0 },
    { id: "lb", label: "Pounds", factor: 0.45359237, offset: 0 },
    { id: "st", label: "Stone", factor: 6.35029318, offset: 0 },
  ],
  volume: [
    { id: "ml", label: "Millilitres", factor: 0.001, offset: 0 },
    { id: "l", label: "Litres", factor: 1, offset: 0 },
    { id: "cup", label: "Cups (US)", factor: 0.2365882365, offset: 0 },
    { id: "fl oz", label: "Fluid ounces (US)", factor: 0.0295735295625, offset: 0 },
    { id: "gal", label: "Gallons (US)", factor: 3.785411784, offset: 0 },
  ],
  // Example rates in US dollars per unit: fixed, not live.
  currency: [
    { id: "USD", label: "US dollar", factor: 1, offset: 0 },
    { id: "EUR", label: "Euro", factor: 1.08, offset: 0 },
    { id: "GBP", label: "British pound", factor: 1.27, offset: 0 },
    { id: "JPY", label: "Japanese yen", factor: 0.0067, offset: 0 },
    { id: "CAD", label: "Canadian dollar", factor: 0.73, offset: 0 },
    { id: "AUD", label: "Australian dollar", factor: 0.66, offset: 0 },
    { id: "INR", label: "Indian rupee", factor: 0.012, offset: 0 },
  ],
}

// Words that name a unit, to find "from" and "to" in the order written.
const UNIT_WORDS: Record<Quantity, [RegExp, string][]> = {
  temperature: [
    [/\b(?:celsius|centigrade|°c)\b|°c/, "°C"],
    [/\b(?:fahrenheit|°f)\b|°f/, "°F"],
    [/\bkelvin\b/, "K"],
  ],
  length: [
    [/\b(?:millimet(?:er|re)s?|mm)\b/, "mm"],
    [/\b(?:centimet(?:er|re)s?|cm)\b/, "cm"],
    [/\b(?:kilomet(?:er|re)s?|km|kms)\b/, "km"],
    [/\b(?:met(?:er|re)s?)\b/, "m"],
    [/\b(?:inch|inches)\b/, "in"],
    [/\b(?:feet|foot|ft)\b/, "ft"],
    [/\b(?:yards?|yd)\b/, "yd"],
    [/\b(?:miles?|mi)\b/, "mi"],
  ],
  weight: [
    [/\b(?:kilograms?|kilos?|kg|kgs)\b/, "kg"],
    [/\b(?:grams?|g)\b/, "g"],
    [/\b(?:ounces?|oz)\b/, "oz"],
    [/\b(?:pounds?|lbs?)\b/, "lb"],
    [/\bstones?\b/, "st"],
  ],
  volume: [
    [/\b(?:millilit(?:er|re)s?|ml)\b/, "ml"],
    [/\b(?:lit(?:er|re)s?|l)\b/, "l"],
    [/\bcups?\b/, "cup"],
    [/\bfl(?:uid)? oz\b/, "fl oz"],
    [/\bgallons?\b/, "gal"],
  ],
  currency: [
    [/\b(?:usd|us dollars?|dollars?)\b|\$/, "USD"],
    [/\b(?:eur|euros?)\b|€/, "EUR"],
    [/\b(?:gbp|british pounds?|pounds? sterling|sterling)\b|£/, "GBP"],
    [/\b(?:jpy|yen)\b|¥/, "JPY"],
    [/\b(?:cad|canadian dollars?)\b/, "CAD"],
    [/\b(?:aud|australian dollars?)\b/, "AUD"],
    [/\b(?:inr|rupees?)\b|₹/, "INR"],
  ],
}

const DEFAULTS: Record<
  Quantity,
  { from: string; to: string; value: number; decimals: number; title: string }
> = {
  temperature: { from: "°C", to: "°F", value: 20, decimals: 1, title: "Temperature converter" },
  length: { from: "km", to: "mi", value: 10, decimals: 2, title: "Length converter" },
  weight: { from: "kg", to: "lb", value: 1, decimals: 2, title: "Weight converter" },
  volume: { from: "l", to: "gal", value: 1, decimals: 2, title: "Volume converter" },
  currency: { from: "USD", to: "EUR", value: 100, decimals: 2, title: "Currency converter" },
}

function quantityOf(facts: PromptFacts): Quantity {
  const text = facts.lower
  if (/\b(?:temperature|celsius|fahrenheit|kelvin|centigrade)\b|°[cf]/.test(text)) return "temperature"
  if (
    /\b(?:currency|currencies|exchange|forex|fx|usd|eur|gbp|jpy|euros?|dollars?|yen|rupees?)\b|[$€£¥₹]/.test(
      text,
    )
  )
    return "currency"
  if (/\b(?:weight|mass|kilograms?|kilos?|kg|grams?|ounces?|oz|lbs?|stones?)\b/.test(text)) return "weight"
  if (/\b(?:volume|lit(?:er|re)s?|millilit(?:er|re)s?|gallons?|cups?)\b/.test(text)) return "volume"
  if (/\bpounds?\b/.test(text)) return "weight"
  return "length"
}

function endpoints(facts: PromptFacts, quantity: Quantity): { from: string; to: string } {
  const found: { at: number; id: string }[] = []
  for (const [pattern, id] of UNIT_WORDS[quantity]) {
    const match = new RegExp(pattern.source, "g").exec(facts.lower)
    if (match && !found.some((item) => item.id === id)) found.push({ at: match.index, id })
  }
  found.sort((a, b) => a.at - b.at)
  const defaults = DEFAULTS[quantity]
  const from = found[0]?.id ?? defaults.from
  const to = found[1]?.id ?? (from === defaults.to ? defaults.from : defaults.to)
  return { from, to: to === from ? (UNITS[quantity].find((unit) => unit.id !== from)?.id ?? to) : to }
}

function initialValueOf(facts: PromptFacts, quantity: Quantity): number {
  if (quantity === "currency" && facts.amounts[0] !== undefined) return facts.amounts[0]
  const match =
    /\b(?:starts? (?:at|with)|default(?:s)? (?:to|of)|initial(?:ly)?(?: value)?(?: of)?)\s+(-?\d+(?:\.\d+)?)/.exec(
      facts.lower,
    )
  return match ? Number(match[1]) : DEFAULTS[quantity].value
}

/** The converted value as the component writes it. */
function convert(value: number, from: Unit, to: Unit): number {
  return ((value + from.offset) * from.factor) / to.factor - to.offset
}

function formatValue(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)))
}

function nameFor(facts: PromptFacts): string {
  const quantity = quantityOf(facts)
  if (quantity === "temperature") return "TemperatureConverter"
  if (quantity === "currency") return "CurrencyConverter"
  return "UnitConverter"
}

function component(context: RenderContext): string {
  return `import { useId, useState } from "react"
import { ArrowUpDown } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
${context.lookImports}

/** A unit: a value in the base unit is (value + offset) × factor. */
export interface Unit {
  id: string
  label: string
  factor: number
  offset: number
}

${context.propsInterface}

${context.defaults}

function convert(value: number, from: Unit, to: Unit): number {
  return ((value + from.offset) * from.factor) / to.factor - to.offset
}

function formatValue(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)))
}

type Side = "from" | "to"

${context.signature}
  ${context.look}
  const id = useId()
  const [fromId, setFromId] = useState(from)
  const [toId, setToId] = useState(to)
  const [edited, setEdited] = useState<{ side: Side; text: string }>({ side: "from", text: String(initialValue) })
  const fromUnit = units.find((unit) => unit.id === fromId) ?? units[0]
  const toUnit = units.find((unit) => unit.id === toId) ?? units[1] ?? units[0]
  if (!fromUnit || !toUnit) return null

  const parsed = edited.text.trim() === "" ? Number.NaN : Number(edited.text)
  const valid = Number.isFinite(parsed)
  const invalid = edited.text.trim() !== "" && !valid
  const other = (source: Unit, target: Unit) => (valid ? formatValue(convert(parsed, source, target), decimals) : "")
  const fromText = edited.side === "from" ? edited.text : other(toUnit, fromUnit)
  const toText = edited.side === "to" ? edited.text : other(fromUnit, toUnit)
  const linear = fromUnit.offset === 0 && toUnit.offset === 0

  function swap() {
    setFromId(toId)
    setToId(fromId)
    setEdited((current) => ({ side: current.side === "from" ? "to" : "from", text: current.text }))
  }

  const selectClass =
    "h-9 w-40 shrink-0 rounded-md border border-input bg-background px-2 text-sm shadow-xs focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
  const rows: { side: Side; unit: Unit; text: string; label: string; onUnit: (value: string) => void }[] = [
    { side: "from", unit: fromUnit, text: fromText, label: "From", onUnit: setFromId },
    { side: "to", unit: toUnit, text: toText, label: "To", onUnit: setToId },
  ]
  return (
    <section
      aria-labelledby={\`\${id}-title\`}
      className={cn(look.className, "w-full max-w-md rounded-xl border bg-card p-6 text-card-foreground shadow-sm")}
      style={look.style}
    >
      <h2 id={\`\${id}-title\`} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-4 flex flex-col gap-3">
        {rows.map((row, index) => (
          <div key={row.side} className="flex flex-col gap-2">
            {index === 1 && (
              <Button
                type="button"
                variant="outline"
                size="icon-sm"
                aria-label="Swap units"
                onClick={swap}
                className="self-center rounded-full"
              >
                <ArrowUpDown aria-hidden="true" />
              </Button>
            )}
            <Label htmlFor={\`\${id}-\${row.side}\`}>{row.label}</Label>
            <div className="flex gap-2">
              <Input
                id={\`\${id}-\${row.side}\`}
                inputMode="decimal"
                autoComplete="off"
                value={row.text}
                aria-invalid={invalid && edited.side === row.side ? true : undefined}
                aria-describedby={invalid && edited.side === row.side ? \`\${id}-error\` : undefined}
                onChange={(event) => setEdited({ side: row.side, text: event.target.value })}
                className="text-base tabular-nums"
              />
              <select
                aria-label={\`\${row.label} unit\`}
                value={row.unit.id}
                onChange={(event) => row.onUnit(event.target.value)}
                className={selectClass}
              >
                {units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.label} ({unit.id})
                  </option>
                ))}
              </select>
            </div>
          </div>
        ))}
      </div>
      {invalid ? (
        <p id={\`\${id}-error\`} role="alert" className="mt-3 text-sm text-destructive">
          Enter a number
        </p>
      ) : (
        <p aria-live="polite" className="mt-3 text-sm text-muted-foreground">
          {linear
            ? \`1 \${fromUnit.id} = \${formatValue(convert(1, fromUnit, toUnit), 4)} \${toUnit.id}\`
            : \`\${fromText || "–"} \${fromUnit.id} = \${toText || "–"} \${toUnit.id}\`}
        </p>
      )}
      {note && <p className="mt-2 text-xs text-muted-foreground">{note}</p>}
    </section>
  )
}
`
}

function tests(context: RenderContext): string {
  const { name, values, lit } = context
  const units = records<Unit>(values, "units")
  const decimals = num(values, "decimals", 2)
  const from = units.find((unit) => unit.id === str(values, "from")) ?? units[0]!
  const to = units.find((unit) => unit.id === str(values, "to")) ?? units[1] ?? units[0]!
  const initial = num(values, "initialValue")
  const typed = initial === 100 ? 250 : 100
  const other = units.find((unit) => unit.id !== from.id && unit.id !== to.id)
  const out: string[] = []
  out.push(`it("${context.id("initial")}: shows ${initial} ${from.id} as ${formatValue(convert(initial, from, to), decimals)} ${to.id}", () => {
  render(<${name} />)
  expect(screen.getByLabelText("From")).toHaveValue(${lit(String(initial))})
  expect(screen.getByLabelText("To")).toHaveValue(${lit(formatValue(convert(initial, from, to), decimals))})
  expect(screen.getByRole("combobox", { name: "From unit" })).toHaveValue(${lit(from.id)})
  expect(screen.getByRole("combobox", { name: "To unit" })).toHaveValue(${lit(to.id)})
})`)
  out.push(`it("${context.id("convert")}: typing in either field converts into the other", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.clear(screen.getByLabelText("From"))
  await user.type(screen.getByLabelText("From"), "${typed}")
  expect(screen.getByLabelText("To")).toHaveValue(${lit(formatValue(convert(typed, from, to), decimals))})
  await user.clear(screen.getByLabelText("To"))
  await user.type(screen.getByLabelText("To"), "${typed}")
  expect(screen.getByLabelText("From")).toHaveValue(${lit(formatValue(convert(typed, to, from), decimals))})
})`)
  out.push(`it("${context.id("swap")}: the swap button swaps the units and keeps the typed value with its unit", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.click(screen.getByRole("button", { name: "Swap units" }))
  expect(screen.getByRole("combobox", { name: "From unit" })).toHaveValue(${lit(to.id)})
  expect(screen.getByRole("combobox", { name: "To unit" })).toHaveValue(${lit(from.id)})
  expect(screen.getByLabelText("To")).toHaveValue(${lit(String(initial))})
  expect(screen.getByLabelText("From")).toHaveValue(${lit(formatValue(convert(initial, from, to), decimals))})
})`)
  if (other) {
    out.push(`it("${context.id("units")}: choosing another unit converts again", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.selectOptions(screen.getByRole("combobox", { name: "To unit" }), ${lit(other.id)})
  expect(screen.getByLabelText("To")).toHaveValue(${lit(formatValue(convert(initial, from, other), decimals))})
})`)
  }
  out.push(`it("${context.id("invalid")}: says Enter a number for text that is not a number", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.clear(screen.getByLabelText("From"))
  await user.type(screen.getByLabelText("From"), "abc")
  expect(screen.getByRole("alert")).toHaveTextContent("Enter a number")
  expect(screen.getByLabelText("From")).toHaveAttribute("aria-invalid", "true")
  expect(screen.getByLabelText("To")).toHaveValue("")
})`)
  if (context.has("note")) {
    out.push(`it("${context.id("note")}: says the rates are examples", () => {
  render(<${name} />)
  expect(screen.getByText(${lit(str(values, "note"))})).toBeInTheDocument()
})`)
  }
  return out.join("\n\n")
}

function followUp(facts: PromptFacts, values: Values): { values: Values; applied: string[] } {
  const next: Record<string, Values[string]> = { ...values }
  const applied: string[] = []
  const units = records<Unit>(values, "units")
  // Which quantity this converter is: the one whose units it has.
  const quantity =
    (Object.keys(UNITS) as Quantity[]).find((key) => UNITS[key].some((unit) => unit.id === units[0]?.id)) ??
    "length"
  const found: { at: number; id: string }[] = []
  for (const [pattern, id] of UNIT_WORDS[quantity]) {
    const match = new RegExp(pattern.source, "g").exec(facts.lower)
    if (match && units.some((unit) => unit.id === id)) found.push({ at: match.index, id })
  }
  found.sort((a, b) => a.at - b.at)
  if (found[0] && found[1] && found[0].id !== found[1].id) {
    next.from = found[0].id
    next.to = found[1].id
    applied.push(`${found[0].id} to ${found[1].id}`)
  } else if (found[0] && /\bto\b/.test(facts.lower) && found[0].id !== str(values, "from")) {
    next.to = found[0].id
    applied.push(`converting to ${found[0].id}`)
  }
  const places = /(\d+)\s*decimal/.exec(facts.lower)
  if (places) {
    next.decimals = Number(places[1])
    applied.push(`${places[1]} decimal places`)
  }
  return { values: next, applied }
}

/** A two-way unit converter (temperature, length, weight, volume or currency at fixed example rates). */
export const unitConverter: Recipe = {
  kind: "unit-converter",
  title: "Unit converter",
  names: ["UnitConverter", "CurrencyConverter", "TemperatureConverter"],
  keywords: {
    strong: [
      "unit converter",
      "converter",
      "convert units",
      "currency converter",
      "temperature converter",
      "celsius to fahrenheit",
      "fahrenheit to celsius",
      "km to miles",
      "kg to lbs",
      "exchange rate",
    ],
    weak: ["convert", "conversion", "celsius", "fahrenheit", "kilometres", "miles", "currency"],
  },
  name: nameFor,
  params: (facts) => {
    const quantity = quantityOf(facts)
    const { from, to } = endpoints(facts, quantity)
    const defaults = DEFAULTS[quantity]
    return [
      {
        name: "units",
        type: "Unit[]",
        value: UNITS[quantity],
        description:
          "The units to choose from: id, label, and how to reach the base unit ((value + offset) × factor).",
      },
      {
        name: "from",
        type: "string",
        value: from,
        description: "The unit converted from, at first.",
        control: "text",
      },
      {
        name: "to",
        type: "string",
        value: to,
        description: "The unit converted to, at first.",
        control: "text",
      },
      {
        name: "initialValue",
        type: "number",
        value: initialValueOf(facts, quantity),
        description: "The amount shown at first.",
        control: "number",
      },
      {
        name: "decimals",
        type: "number",
        value: defaults.decimals,
        description: "Decimal places in results.",
        control: "number",
      },
      {
        name: "title",
        type: "string",
        value: facts.quoted[0] ?? defaults.title,
        description: "The heading.",
        control: "text",
      },
      {
        name: "note",
        type: "string",
        value:
          quantity === "currency" ? "Example rates for illustration only — not live exchange rates." : "",
        description: "A note under the result; empty hides it.",
        control: "text",
      },
    ]
  },
  summary: (values) => {
    const units = records<Unit>(values, "units")
    return `A two-way converter between ${sentenceList(units.map((unit) => unit.label))}, from ${str(values, "from")} to ${str(values, "to")}, with a swap button.`
  },
  requirements: (values) => {
    const units = records<Unit>(values, "units")
    const decimals = num(values, "decimals", 2)
    const from = units.find((unit) => unit.id === str(values, "from")) ?? units[0]
    const to = units.find((unit) => unit.id === str(values, "to")) ?? units[1] ?? units[0]
    const initial = num(values, "initialValue")
    const list: [string, string][] = [
      [
        "initial",
        `Converts ${str(values, "from")} to ${str(values, "to")}, showing ${initial} ${str(values, "from")} = ${from && to ? formatValue(convert(initial, from, to), decimals) : ""} ${str(values, "to")} at first`,
      ],
      ["convert", "Typing in either field converts into the other"],
      ["swap", "A swap button exchanges the two units"],
    ]
    if (units.length > 2)
      list.push(["units", `Either side can be any of ${sentenceList(units.map((unit) => unit.id))}`])
    list.push(["invalid", 'Says "Enter a number" for input that is not a number'])
    if (str(values, "note")) list.push(["note", `Shows the note "${str(values, "note")}"`])
    return list
  },
  component,
  tests,
  followUp,
  followUpHints: ["other units (miles to km)", "N decimal places"],
}
