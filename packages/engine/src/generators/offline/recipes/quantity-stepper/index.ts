import { boolean, defineRecipe, number, text } from "../../define-recipe"
import { code, testCase } from "../../test-builder"
import { stepperLimits } from "./inline/stepper-limits"
import { readQuantityStepper, startOf, stepOf, wantsReset } from "./reader"

/** The range and the value at first as the component keeps them. */
function limits(values: { min: number; max: number; step: number; defaultValue: number }) {
  const { lowest: min, highest: max, notch: step, clamp } = stepperLimits(values.min, values.max, values.step)
  return { min, max, step, clamp, start: clamp(values.defaultValue) }
}

/** − / + buttons around a numeric field (APG spinbutton), clamped to min and max. */
export const quantityStepper = defineRecipe({
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
  params: {
    label: text("The field's label."),
    min: number("The lowest value."),
    max: number("The highest value."),
    step: number("How much − and + change the value."),
    defaultValue: number("The value at first."),
    showReset: boolean("Show a Reset button that returns to the first value."),
  },
  read: readQuantityStepper,
  summary: (values) => {
    const { min, max, step } = limits(values)
    return `A ${values.label.toLowerCase()} stepper from ${min} to ${max}${step !== 1 ? ` in steps of ${step}` : ""} with − and + buttons and a typed value.`
  },
  requirements: (values) => {
    const { min, max, step, start } = limits(values)
    const label = values.label.toLowerCase()
    const list: [string, string][] = [
      ["start", `Shows ${values.label} at ${start} at first, between ${min} and ${max}`],
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
    if (values.showReset) list.push(["reset", `A Reset button returns the value to ${start}`])
    return list
  },
  tests: ({ Component, values, has }) => {
    const { min, max, step, clamp, start } = limits(values)
    const { label } = values
    const field = code`screen.getByRole("spinbutton", { name: ${label} })`
    const inc = code`screen.getByRole("button", { name: ${`Increase ${label.toLowerCase()}`} })`
    const dec = code`screen.getByRole("button", { name: ${`Decrease ${label.toLowerCase()}`} })`
    const up = clamp(start + step) !== start
    const moved = up ? clamp(start + step) : clamp(start - step)
    const middle = clamp((min + max) / 2)
    const shows = (value: number) => code`toHaveValue(${String(value)})`
    const tests = [
      testCase(
        "start",
        `shows ${label} at ${start} at first`,
        code`
          render(<${Component} />)
          expect(${field}).${shows(start)}
          expect(${field}).toHaveAttribute("aria-valuemin", ${String(min)})
          expect(${field}).toHaveAttribute("aria-valuemax", ${String(max)})
          expect(screen.getByText(${`From ${min} to ${max}`})).toBeInTheDocument()
        `,
      ),
      testCase(
        "buttons",
        `the buttons change the value by ${step} and call onChange`,
        code`
          const user = userEvent.setup()
          const onChange = vi.fn()
          render(<${Component} onChange={onChange} />)
          await user.click(${up ? inc : dec})
          expect(${field}).${shows(moved)}
          expect(onChange).toHaveBeenLastCalledWith(${moved})
          await user.click(${up ? dec : inc})
          expect(${field}).${shows(start)}
          expect(onChange).toHaveBeenLastCalledWith(${start})
        `,
      ),
      testCase(
        "limits",
        `Decrease is disabled at ${min} and Increase at ${max}`,
        code`
          const user = userEvent.setup()
          const { unmount } = render(<${Component} defaultValue={${min}} />)
          expect(${dec}).toBeDisabled()
          expect(${inc}).toBeEnabled()
          unmount()
          const onChange = vi.fn()
          render(<${Component} defaultValue={${max}} onChange={onChange} />)
          expect(${inc}).toBeDisabled()
          await user.click(${inc})
          expect(${field}).${shows(max)}
          expect(onChange).not.toHaveBeenCalled()
        `,
      ),
      testCase(
        "typed",
        `a typed value is kept between ${min} and ${max}`,
        code`
          const user = userEvent.setup()
          const onChange = vi.fn()
          render(<${Component} defaultValue={${middle}} onChange={onChange} />)
          const field = ${field}
          await user.clear(field)
          await user.type(field, ${String(max + 100 * step)})
          await user.tab()
          expect(field).${shows(max)}
          expect(onChange).toHaveBeenLastCalledWith(${max})
          await user.clear(field)
          await user.type(field, ${`${min - 100 * step}{Enter}`})
          expect(field).${shows(min)}
          expect(onChange).toHaveBeenLastCalledWith(${min})
          await user.clear(field)
          await user.type(field, "lots{Enter}")
          expect(field).${shows(min)}
        `,
      ),
      testCase(
        "keyboard",
        "Arrow Up and Arrow Down change the value",
        code`
          const user = userEvent.setup()
          render(<${Component} defaultValue={${middle}} />)
          await user.click(${field})
          await user.keyboard("{ArrowUp}")
          expect(${field}).${shows(clamp(middle + step))}
          await user.keyboard("{ArrowDown}{ArrowDown}")
          expect(${field}).${shows(clamp(clamp(middle + step) - 2 * step))}
        `,
      ),
    ]
    if (has("reset"))
      tests.push(
        testCase(
          "reset",
          `Reset returns the value to ${start}`,
          code`
            const user = userEvent.setup()
            const onChange = vi.fn()
            render(<${Component} onChange={onChange} />)
            const reset = screen.getByRole("button", { name: "Reset" })
            expect(reset).toBeDisabled()
            await user.click(${up ? inc : dec})
            await user.click(reset)
            expect(${field}).${shows(start)}
            expect(onChange).toHaveBeenLastCalledWith(${start})
            expect(reset).toBeDisabled()
          `,
        ),
      )
    return tests
  },
  followUp: (facts, values) => {
    const next: { showReset?: boolean; min?: number; max?: number; step?: number; defaultValue?: number } = {}
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
      const min = next.min ?? values.min
      const max = next.max ?? values.max
      const low = Math.min(min, max)
      const high = Math.max(min, max)
      next.defaultValue = Math.min(Math.max(next.defaultValue ?? values.defaultValue, low), high)
    }
    return { values: next, applied }
  },
  followUpHints: ["add a reset button", "min N / max N", "step N"],
})
