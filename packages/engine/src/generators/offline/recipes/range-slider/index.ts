import { boolean, defineRecipe, number, text } from "../../define-recipe"
import { code, testCase } from "../../test-builder"
import { formatValue, snapValue } from "./inline/slider-values"
import { readRangeSlider, startOf, stepOf, topicOf, wantsRange } from "./reader"

interface SliderValues {
  readonly min: number
  readonly max: number
  readonly step: number
  readonly defaultValue: number
  readonly defaultHigh: number
  readonly prefix: string
  readonly suffix: string
}

/** The slider's grid as the component sees it: its ends, its step and where the thumbs start. */
function grid(values: SliderValues) {
  const min = values.min
  const max = Math.max(values.max, min)
  const step = values.step > 0 ? values.step : 1
  const at = (value: number) => snapValue(value, min, max, step)
  const low = at(Math.min(values.defaultValue, values.defaultHigh))
  const high = at(Math.max(values.defaultValue, values.defaultHigh))
  return { min, max, step, at, value: at(values.defaultValue), low, high }
}

/** A labelled slider (one thumb, or two for a range) on a styled native range input, with the value shown. */
export const rangeSlider = defineRecipe({
  kind: "range-slider",
  title: "Range slider",
  names: ["RangeSlider", "VolumeSlider", "PriceRangeSlider", "DualRangeSlider"],
  keywords: {
    strong: [
      "slider",
      "range slider",
      "range input",
      "volume control",
      "volume slider",
      "price range",
      "price slider",
      "price filter",
      "dual slider",
      "range picker",
    ],
    weak: ["range", "volume", "drag", "thumb", "handles", "knob", "brightness", "budget"],
  },
  callbacks: [
    {
      name: "onValueChange",
      type: "(value: number[]) => void",
      description: "Called with the new value: [value], or [low, high] when the slider has two thumbs.",
    },
  ],
  name: (facts) => {
    const topic = topicOf(facts)
    const range = wantsRange(facts) ?? false
    if (range) return topic === "price" ? "PriceRangeSlider" : "DualRangeSlider"
    return topic === "volume" ? "VolumeSlider" : "RangeSlider"
  },
  params: {
    label: text("The slider's label."),
    min: number("The lowest value."),
    max: number("The highest value."),
    step: number("How much one arrow-key press (one notch) changes the value."),
    range: boolean("Two thumbs: pick a low and a high value."),
    defaultValue: number("The value at first (the low end when the slider has two thumbs)."),
    defaultHigh: number("The high end at first, when the slider has two thumbs."),
    prefix: text('Written before the value ("$").'),
    suffix: text('Written after the value ("%", " km").'),
  },
  read: readRangeSlider,
  summary: (values) => {
    const { min, max, step } = grid(values)
    const format = (value: number) => formatValue(value, values.prefix, values.suffix)
    return `A ${values.range ? "two-thumb range " : ""}slider for ${values.label} from ${format(min)} to ${format(max)} in steps of ${step}, showing the value.`
  },
  requirements: (values) => {
    const { min, max, step, value, low, high } = grid(values)
    const { label, range } = values
    const format = (n: number) => formatValue(n, values.prefix, values.suffix)
    const list: [string, string][] = [
      [
        "label",
        range
          ? `Shows "${label}" with a Minimum and a Maximum slider, each from ${format(min)} to ${format(max)}`
          : `Shows a slider labelled "${label}" from ${format(min)} to ${format(max)}`,
      ],
      [
        "initial",
        range ? `Shows ${format(low)} – ${format(high)} at first` : `Shows ${format(value)} at first`,
      ],
      ["change", "Moving a thumb shows the new value and calls onValueChange with it"],
      ["keyboard", `Arrow keys move by ${step}; Home and End jump to ${format(min)} and ${format(max)}`],
    ]
    if (range)
      list.push(["order", "The Minimum thumb cannot pass the Maximum thumb, nor the Maximum the Minimum"])
    return list
  },
  tests: ({ Component, values }) => {
    const { min, max, step, at, value, low, high } = grid(values)
    const { label, range } = values
    const format = (n: number) => formatValue(n, values.prefix, values.suffix)
    const status = code`screen.getByRole("status")`
    const span = max - min
    const target = at(min + span * 0.8) !== value ? at(min + span * 0.8) : at(min + span * 0.2)
    if (!range) {
      const slider = code`screen.getByRole("slider", { name: ${label} })`
      const up = at(value + step) !== value
      const afterStep = at(up ? value + step : value - step)
      const [there, back] = up ? ["ArrowRight", "ArrowLeft"] : ["ArrowLeft", "ArrowRight"]
      return [
        testCase(
          "label",
          `shows a slider labelled ${label} from ${format(min)} to ${format(max)}`,
          code`
            render(<${Component} />)
            const slider = ${slider}
            expect(slider).toHaveAttribute("min", ${String(min)})
            expect(slider).toHaveAttribute("max", ${String(max)})
            expect(screen.getByText(${format(min)})).toBeInTheDocument()
            expect(screen.getByText(${format(max)})).toBeInTheDocument()
          `,
        ),
        testCase(
          "initial",
          `shows ${format(value)} at first`,
          code`
            render(<${Component} />)
            expect(${slider}).toHaveValue(${String(value)})
            expect(${status}).toHaveTextContent(${format(value)})
          `,
        ),
        testCase(
          "change",
          "moving the thumb shows the new value and calls onValueChange",
          code`
            const onValueChange = vi.fn()
            render(<${Component} onValueChange={onValueChange} />)
            fireEvent.change(${slider}, { target: { value: ${String(target)} } })
            expect(${status}).toHaveTextContent(${format(target)})
            expect(${slider}).toHaveAttribute("aria-valuetext", ${format(target)})
            expect(onValueChange).toHaveBeenLastCalledWith([${target}])
          `,
        ),
        testCase(
          "keyboard",
          `arrow keys move by ${step}, Home and End jump to the ends`,
          code`
            const user = userEvent.setup()
            const onValueChange = vi.fn()
            render(<${Component} onValueChange={onValueChange} />)
            await user.tab()
            expect(${slider}).toHaveFocus()
            await user.keyboard(${`{${there}}`})
            expect(${status}).toHaveTextContent(${format(afterStep)})
            expect(onValueChange).toHaveBeenLastCalledWith([${afterStep}])
            await user.keyboard(${`{${back}}`})
            expect(${status}).toHaveTextContent(${format(value)})
            await user.keyboard("{End}")
            expect(${status}).toHaveTextContent(${format(max)})
            await user.keyboard("{Home}")
            expect(${status}).toHaveTextContent(${format(min)})
            expect(onValueChange).toHaveBeenLastCalledWith([${min}])
          `,
        ),
      ]
    }
    const upper = [max, at((low + high) / 2), low].find((candidate) => candidate !== high) ?? max
    const between = (a: number, b: number) => `${format(a)} – ${format(b)}`
    const lowAfterStep = Math.min(at(low + step), high)
    const minimum = code`screen.getByRole("slider", { name: "Minimum" })`
    const maximum = code`screen.getByRole("slider", { name: "Maximum" })`
    return [
      testCase(
        "label",
        `shows ${label} with a Minimum and a Maximum slider`,
        code`
          render(<${Component} />)
          const group = screen.getByRole("group", { name: ${label} })
          for (const name of ["Minimum", "Maximum"]) {
            const slider = within(group).getByRole("slider", { name })
            expect(slider).toHaveAttribute("min", ${String(min)})
            expect(slider).toHaveAttribute("max", ${String(max)})
          }
          expect(screen.getByText(${format(min)})).toBeInTheDocument()
          expect(screen.getByText(${format(max)})).toBeInTheDocument()
        `,
      ),
      testCase(
        "initial",
        `shows ${between(low, high)} at first`,
        code`
          render(<${Component} />)
          expect(${status}).toHaveTextContent(${between(low, high)})
          expect(${minimum}).toHaveValue(${String(low)})
          expect(${maximum}).toHaveValue(${String(high)})
        `,
      ),
      testCase(
        "change",
        "moving a thumb shows the new range and calls onValueChange",
        code`
          const onValueChange = vi.fn()
          render(<${Component} onValueChange={onValueChange} />)
          fireEvent.change(${maximum}, { target: { value: ${String(upper)} } })
          expect(${status}).toHaveTextContent(${between(low, upper)})
          expect(onValueChange).toHaveBeenLastCalledWith([${low}, ${upper}])
        `,
      ),
      testCase(
        "keyboard",
        `arrow keys move by ${step}, Home and End jump to the ends`,
        code`
          const user = userEvent.setup()
          const onValueChange = vi.fn()
          render(<${Component} onValueChange={onValueChange} />)
          await user.tab()
          expect(${minimum}).toHaveFocus()
          await user.keyboard("{ArrowRight}")
          expect(onValueChange).toHaveBeenLastCalledWith([${lowAfterStep}, ${high}])
          await user.keyboard("{Home}")
          expect(${status}).toHaveTextContent(${between(min, high)})
          await user.tab()
          expect(${maximum}).toHaveFocus()
          await user.keyboard("{End}")
          expect(${status}).toHaveTextContent(${between(min, max)})
          expect(onValueChange).toHaveBeenLastCalledWith([${min}, ${max}])
        `,
      ),
      testCase(
        "order",
        "the thumbs cannot pass each other",
        code`
          render(<${Component} />)
          fireEvent.change(${minimum}, { target: { value: ${String(max)} } })
          expect(${status}).toHaveTextContent(${between(high, high)})
          fireEvent.change(${maximum}, { target: { value: ${String(min)} } })
          expect(${status}).toHaveTextContent(${between(high, high)})
        `,
      ),
    ]
  },
  followUp: (facts, values) => {
    const next: {
      range?: boolean
      min?: number
      max?: number
      step?: number
      prefix?: string
      suffix?: string
      defaultValue?: number
      defaultHigh?: number
    } = {}
    const applied: string[] = []
    const range = wantsRange(facts)
    if (range !== undefined && range !== values.range) {
      next.range = range
      applied.push(range ? "two thumbs" : "one thumb")
    }
    if (facts.min !== undefined || facts.max !== undefined) {
      const min = facts.min ?? values.min
      const max = facts.max ?? values.max
      next.min = Math.min(min, max)
      next.max = Math.max(min, max)
      applied.push(`range ${Math.min(min, max)} to ${Math.max(min, max)}`)
    }
    const step = stepOf(facts, 0, "other")
    if (step !== undefined) {
      next.step = step
      applied.push(`steps of ${step}`)
    }
    if (facts.currency && facts.currency !== values.prefix) {
      next.prefix = facts.currency
      next.suffix = ""
      applied.push(`values in ${facts.currency}`)
    } else if (/\b(?:percent|percentage|%)/.test(facts.lower) && values.suffix !== "%") {
      next.suffix = "%"
      applied.push("values in %")
    }
    if (applied.length > 0) {
      // The thumbs move onto the new grid: kept where they fit, else back to a quarter and three quarters.
      const merged = { ...values, ...next }
      const { min, max, step: stepSize } = merged
      const span = max - min
      const start = startOf(facts)
      const defaultValue = snapValue(
        start ?? Math.min(Math.max(merged.defaultValue, min), max),
        min,
        max,
        stepSize,
      )
      let defaultHigh = snapValue(
        Math.max(merged.defaultHigh, defaultValue) > max ? min + (span * 3) / 4 : merged.defaultHigh,
        min,
        max,
        stepSize,
      )
      let low = defaultValue
      if (merged.range && defaultHigh <= low) {
        low = snapValue(min + span / 4, min, max, stepSize)
        defaultHigh = snapValue(min + (span * 3) / 4, min, max, stepSize)
      }
      next.defaultValue = low
      next.defaultHigh = defaultHigh
    }
    return { values: next, applied }
  },
  followUpHints: ["min/max (between 0 and 500)", "step 5", "two thumbs", "a currency or %"],
})
