import { boolean, defineRecipe, number, text, type ValuesOf } from "../../define-recipe"
import { countOf, mentions, type PromptFacts } from "../../facts"
import { sentenceList } from "../../recipe"
import { code, NO_CODE, testCase, type TestCase } from "../../test-builder"
import { formatMoney, percentsOf } from "./inline/tip-maths"
import { defaultTipOf, percentsIn, readTipCalculator } from "./reader"

const PARAMS = {
  tipOptions: text("The tip percentages offered as buttons, separated by commas."),
  defaultTip: number("The tip percentage selected at first."),
  customTip: boolean("Shows a field for a custom percentage."),
  split: boolean("Splits the total between a number of people."),
  people: number("How many people share the bill at first."),
  initialBill: number("The bill filled in at first; 0 leaves it empty."),
  currency: text("The currency symbol."),
  title: text("The heading."),
}

/** What a follow-up changes: the percentages, the default, the currency, the split and the custom field. */
function tipFollowUp(
  facts: PromptFacts,
  values: ValuesOf<typeof PARAMS>,
): { values: Partial<ValuesOf<typeof PARAMS>>; applied: string[] } {
  const next: { -readonly [Name in keyof ValuesOf<typeof PARAMS>]?: ValuesOf<typeof PARAMS>[Name] } = {}
  const applied: string[] = []
  const found = percentsIn(facts)
  const initial = defaultTipOf(facts)
  if (found.length >= 2) {
    next.tipOptions = found.join(", ")
    applied.push(`tips of ${sentenceList(found.map((value) => `${value}%`))}`)
    if (!found.includes(values.defaultTip) && initial === undefined)
      next.defaultTip = found[Math.floor((found.length - 1) / 2)]!
  } else if (found.length === 1 && initial === undefined && /\badd\b/.test(facts.lower)) {
    const options = [...new Set([...percentsOf(values.tipOptions), found[0]!])].sort((a, b) => a - b)
    next.tipOptions = options.join(", ")
    applied.push(`a ${found[0]}% option`)
  }
  if (initial !== undefined) {
    next.defaultTip = initial
    const options = percentsOf(next.tipOptions ?? values.tipOptions)
    if (!options.includes(initial)) next.tipOptions = [...options, initial].sort((a, b) => a - b).join(", ")
    applied.push(`${initial}% by default`)
  }
  if (facts.currency && facts.currency !== values.currency) {
    next.currency = facts.currency
    applied.push(`amounts in ${facts.currency}`)
  }
  if (/\b(?:no|without|remove|drop)\s+(?:the\s+)?(?:split|splitting)\b/.test(facts.lower)) {
    next.split = false
    applied.push("no split")
  } else if (mentions(facts, "split", "people", "per person")) {
    const people = countOf(facts, "people", "person", "friend", "guest", "way")
    if (!values.split) applied.push("split between people")
    next.split = true
    if (people) {
      next.people = people
      applied.push(`${people} people`)
    }
  }
  if (/\b(?:no|without|remove)\s+(?:the\s+)?custom\b/.test(facts.lower)) {
    next.customTip = false
    applied.push("no custom tip")
  } else if (/\bcustom\b/.test(facts.lower) && !values.customTip) {
    next.customTip = true
    applied.push("a custom tip field")
  }
  return { values: next, applied }
}

/** A tip calculator: bill, tip percentage buttons (and a custom one), split between people, validated. */
export const tipCalculator = defineRecipe({
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
  params: PARAMS,
  read: readTipCalculator,
  summary: ({ tipOptions, defaultTip, split, currency }) =>
    `A tip calculator with ${sentenceList(percentsOf(tipOptions).map((value) => `${value}%`))} tips (${defaultTip}% first)${split ? ", split between people" : ""}, in ${currency}.`,
  requirements: ({ tipOptions, defaultTip: tip, currency, customTip, split, people }) => {
    const options = percentsOf(tipOptions)
    const list: [string, string][] = [
      [
        "options",
        `Offers tip buttons for ${sentenceList(options.map((value) => `${value}%`))}, with ${tip}% selected at first`,
      ],
      [
        "calculate",
        `Shows the tip and the total for the bill in ${currency} (a ${currency}80 bill at ${tip}%: tip ${formatMoney(currency, 0.8 * tip)}, total ${formatMoney(currency, 80 + 0.8 * tip)})`,
      ],
      ["choose", "Choosing another percentage recalculates the tip and the total"],
    ]
    if (customTip) list.push(["custom", "A custom percentage field overrides the buttons"])
    if (split)
      list.push([
        "split",
        `Splits the total between ${people > 1 ? `${Math.round(people)} people (changeable)` : "any number of people"} and shows the amount per person; fewer than 1 person is refused`,
      ])
    list.push([
      "invalid",
      'Refuses a negative bill ("Enter a bill of 0 or more") and shows 0.00 while the bill is empty',
    ])
    return list
  },
  testSetup: () => code`
    function amount(label: string | RegExp) {
      return screen.getByText(label).nextElementSibling
    }
  `,
  tests: ({ Component, values, has }) => {
    const { currency, defaultTip: tip, split } = values
    const options = percentsOf(values.tipOptions)
    const other = options.find((option) => option !== tip) ?? tip
    const bill = 80
    const money = (amount: number) => formatMoney(currency, amount)
    const enterBill = code`
      await user.clear(screen.getByLabelText("Bill amount"))
      await user.type(screen.getByLabelText("Bill amount"), ${String(bill)})
    `
    const out: TestCase[] = [
      testCase(
        "options",
        `offers ${options.map((option) => `${option}%`).join(", ")} tips with ${tip}% selected`,
        code`
          render(<${Component} />)
          const buttons = within(screen.getByRole("group", { name: "Tip" })).getAllByRole("button")
          expect(buttons.map((button) => button.textContent)).toEqual(${options.map((option) => `${option}%`)})
          expect(screen.getByRole("button", { name: ${`${tip}%`} })).toHaveAttribute("aria-pressed", "true")
        `,
      ),
      testCase(
        "calculate",
        "shows the tip and the total for the bill",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          ${enterBill}
          expect(amount(${`Tip (${tip}%)`})).toHaveTextContent(${money((bill * tip) / 100)})
          expect(amount("Total")).toHaveTextContent(${money(bill + (bill * tip) / 100)})
        `,
      ),
      testCase(
        "choose",
        "choosing another percentage recalculates",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          ${enterBill}
          await user.click(screen.getByRole("button", { name: ${`${other}%`} }))
          expect(screen.getByRole("button", { name: ${`${other}%`} })).toHaveAttribute("aria-pressed", "true")
          expect(amount(${`Tip (${other}%)`})).toHaveTextContent(${money((bill * other) / 100)})
          expect(amount("Total")).toHaveTextContent(${money(bill + (bill * other) / 100)})
        `,
      ),
    ]
    if (has("custom"))
      out.push(
        testCase(
          "custom",
          "a custom percentage overrides the buttons",
          code`
            const user = userEvent.setup()
            render(<${Component} />)
            ${enterBill}
            await user.type(screen.getByRole("textbox", { name: "Custom tip percentage" }), "12.5")
            expect(amount("Tip (12.5%)")).toHaveTextContent(${money((bill * 12.5) / 100)})
            expect(screen.getByRole("button", { name: ${`${tip}%`} })).toHaveAttribute("aria-pressed", "false")
          `,
        ),
      )
    if (split) {
      const people = Math.max(1, Math.round(values.people))
      const target = people === 1 ? 4 : people
      out.push(
        testCase(
          "split",
          `splits the total between ${target} people`,
          code`
            const user = userEvent.setup()
            render(<${Component} />)
            ${enterBill}
            ${people === 1 ? code`for (let click = 0; click < 3; click++) await user.click(screen.getByRole("button", { name: "More people" }))` : NO_CODE}
            expect(screen.getByLabelText("Number of people")).toHaveValue(${String(target)})
            expect(amount("Per person")).toHaveTextContent(${money((bill + (bill * tip) / 100) / target)})
            await user.clear(screen.getByLabelText("Number of people"))
            await user.type(screen.getByLabelText("Number of people"), "0")
            expect(screen.getByRole("alert")).toHaveTextContent("At least 1 person")
          `,
        ),
      )
    }
    out.push(
      testCase(
        "invalid",
        "refuses a negative bill and shows nothing for an empty one",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.clear(screen.getByLabelText("Bill amount"))
          expect(amount("Total")).toHaveTextContent(${money(0)})
          await user.type(screen.getByLabelText("Bill amount"), "-5")
          expect(screen.getByRole("alert")).toHaveTextContent("Enter a bill of 0 or more")
          expect(screen.getByLabelText("Bill amount")).toHaveAttribute("aria-invalid", "true")
          expect(amount("Total")).toHaveTextContent(${money(0)})
        `,
      ),
    )
    return out
  },
  followUp: tipFollowUp,
  followUpHints: [
    "other percentages (12, 18 and 22%)",
    "18% by default",
    "split between N people",
    "no split",
    "a currency (in euros)",
  ],
})
