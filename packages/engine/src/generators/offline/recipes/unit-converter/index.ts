import { defineRecipe, number, records, text } from "../../define-recipe"
import { sentenceList } from "../../recipe"
import { code, testCase, type TestCase } from "../../test-builder"
import { convert, formatValue } from "./inline/conversion"
import { nameFor, readUnitConverter, UNIT_WORDS, UNITS, type Quantity, type Unit } from "./reader"

/** The units a converter starts with, found among its units (the first two when they are not). */
function endpointUnits(values: { units: readonly Unit[]; from: string; to: string }) {
  const { units } = values
  const from = units.find((unit) => unit.id === values.from) ?? units[0]
  const to = units.find((unit) => unit.id === values.to) ?? units[1] ?? units[0]
  return { from, to }
}

/** A two-way unit converter (temperature, length, weight, volume or currency at fixed example rates). */
export const unitConverter = defineRecipe({
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
  params: {
    units: records<Unit>(
      "Unit",
      "The units to choose from: id, label, and how to reach the base unit ((value + offset) × factor).",
    ),
    from: text("The unit converted from, at first."),
    to: text("The unit converted to, at first."),
    initialValue: number("The amount shown at first."),
    decimals: number("Decimal places in results."),
    title: text("The heading."),
    note: text("A note under the result; empty hides it."),
  },
  read: readUnitConverter,
  summary: ({ units, from, to }) =>
    `A two-way converter between ${sentenceList(units.map((unit) => unit.label))}, from ${from} to ${to}, with a swap button.`,
  requirements: (values) => {
    const { units, decimals, initialValue: initial, note } = values
    const { from, to } = endpointUnits(values)
    const list: [string, string][] = [
      [
        "initial",
        `Converts ${values.from} to ${values.to}, showing ${initial} ${values.from} = ${from && to ? formatValue(convert(initial, from, to), decimals) : ""} ${values.to} at first`,
      ],
      ["convert", "Typing in either field converts into the other"],
      ["swap", "A swap button exchanges the two units"],
    ]
    if (units.length > 2)
      list.push(["units", `Either side can be any of ${sentenceList(units.map((unit) => unit.id))}`])
    list.push(["invalid", 'Says "Enter a number" for input that is not a number'])
    if (note) list.push(["note", `Shows the note "${note}"`])
    return list
  },
  tests: ({ Component, values, has }) => {
    const { units, decimals, initialValue: initial } = values
    const from = endpointUnits(values).from!
    const to = endpointUnits(values).to!
    const typed = initial === 100 ? 250 : 100
    const other = units.find((unit) => unit.id !== from.id && unit.id !== to.id)
    const converted = (value: number, source: Unit, target: Unit) =>
      formatValue(convert(value, source, target), decimals)
    const out: TestCase[] = [
      testCase(
        "initial",
        `shows ${initial} ${from.id} as ${converted(initial, from, to)} ${to.id}`,
        code`
          render(<${Component} />)
          expect(screen.getByLabelText("From")).toHaveValue(${String(initial)})
          expect(screen.getByLabelText("To")).toHaveValue(${converted(initial, from, to)})
          expect(screen.getByRole("combobox", { name: "From unit" })).toHaveValue(${from.id})
          expect(screen.getByRole("combobox", { name: "To unit" })).toHaveValue(${to.id})
        `,
      ),
      testCase(
        "convert",
        "typing in either field converts into the other",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.clear(screen.getByLabelText("From"))
          await user.type(screen.getByLabelText("From"), ${String(typed)})
          expect(screen.getByLabelText("To")).toHaveValue(${converted(typed, from, to)})
          await user.clear(screen.getByLabelText("To"))
          await user.type(screen.getByLabelText("To"), ${String(typed)})
          expect(screen.getByLabelText("From")).toHaveValue(${converted(typed, to, from)})
        `,
      ),
      testCase(
        "swap",
        "the swap button swaps the units and keeps the typed value with its unit",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.click(screen.getByRole("button", { name: "Swap units" }))
          expect(screen.getByRole("combobox", { name: "From unit" })).toHaveValue(${to.id})
          expect(screen.getByRole("combobox", { name: "To unit" })).toHaveValue(${from.id})
          expect(screen.getByLabelText("To")).toHaveValue(${String(initial)})
          expect(screen.getByLabelText("From")).toHaveValue(${converted(initial, from, to)})
        `,
      ),
    ]
    if (other)
      out.push(
        testCase(
          "units",
          "choosing another unit converts again",
          code`
            const user = userEvent.setup()
            render(<${Component} />)
            await user.selectOptions(screen.getByRole("combobox", { name: "To unit" }), ${other.id})
            expect(screen.getByLabelText("To")).toHaveValue(${converted(initial, from, other)})
          `,
        ),
      )
    out.push(
      testCase(
        "invalid",
        "says Enter a number for text that is not a number",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.clear(screen.getByLabelText("From"))
          await user.type(screen.getByLabelText("From"), "abc")
          expect(screen.getByRole("alert")).toHaveTextContent("Enter a number")
          expect(screen.getByLabelText("From")).toHaveAttribute("aria-invalid", "true")
          expect(screen.getByLabelText("To")).toHaveValue("")
        `,
      ),
    )
    if (has("note"))
      out.push(
        testCase(
          "note",
          "says the rates are examples",
          code`
            render(<${Component} />)
            expect(screen.getByText(${values.note})).toBeInTheDocument()
          `,
        ),
      )
    return out
  },
  followUp: (facts, { units, from }) => {
    const next: { from?: string; to?: string; decimals?: number } = {}
    const applied: string[] = []
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
    } else if (found[0] && /\bto\b/.test(facts.lower) && found[0].id !== from) {
      next.to = found[0].id
      applied.push(`converting to ${found[0].id}`)
    }
    const places = /(\d+)\s*decimal/.exec(facts.lower)
    if (places) {
      next.decimals = Number(places[1])
      applied.push(`${places[1]} decimal places`)
    }
    return { values: next, applied }
  },
  followUpHints: ["other units (miles to km)", "N decimal places"],
})
