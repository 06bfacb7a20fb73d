import { insideDoubleQuotes } from "../literals"
import { capitalize, mentions, type PromptFacts } from "../facts"
import { bool, num, str, type Recipe, type Values } from "../recipe"

type Topic = "price" | "volume" | "other"

function topicOf(facts: PromptFacts): Topic {
  if (mentions(facts, "price", "prices", "budget", "cost", "costs") || facts.amounts.length > 0)
    return "price"
  if (mentions(facts, "volume", "audio", "sound")) return "volume"
  return "other"
}

/** Two thumbs: a price range, "two handles", "dual", "min and max" … */
function wantsRange(facts: PromptFacts): boolean | undefined {
  if (/\b(?:single|one) (?:thumb|handle|knob)\b|\bjust one value\b/.test(facts.lower)) return false
  if (
    /\b(?:two|2|dual|double|both) (?:thumbs?|handles?|knobs?|ends?)\b|\bdual\b|\bdouble[\s-]ended\b|\bmin(?:imum)? and max(?:imum)? (?:thumbs?|handles?|values?)\b|\b(?:price|budget|age|salary|date) range\b|\bprice filter\b|\brange of prices\b/.test(
      facts.lower,
    )
  )
    return true
  return undefined
}

const STOP = new Set(
  "a an the simple nice basic custom range dual double styled native small big large two thumb accessible".split(
    " ",
  ),
)

function labelOf(facts: PromptFacts, topic: Topic, range: boolean): string {
  const quoted = facts.quoted[0]
  if (quoted) return quoted
  if (topic === "price") {
    if (mentions(facts, "budget")) return "Budget"
    return range ? "Price range" : "Price"
  }
  if (topic === "volume") return "Volume"
  const before = /\b([a-z]+)(?: range)? (?:slider|control|picker|selector|input)\b/.exec(facts.lower)?.[1]
  if (before && !STOP.has(before)) return capitalize(before)
  const forWhat =
    /\b(?:slider|control) (?:for|to (?:set|pick|choose|adjust))(?: the| a| an)? ([a-z]+)\b/.exec(
      facts.lower,
    )?.[1]
  if (forWhat && !STOP.has(forWhat)) return capitalize(forWhat)
  return "Value"
}

const UNITS: [RegExp, string][] = [
  [/%|\bpercent(?:age)?\b|\bopacity\b|\bbrightness\b/, "%"],
  [/°c|\bcelsius\b/, "°C"],
  [/°f|\bfahrenheit\b/, "°F"],
  [/\bkm\b|\bkilomet(?:er|re)s?\b/, " km"],
  [/\bmiles?\b/, " mi"],
  [/\bkg\b|\bkilos?\b|\bkilograms?\b/, " kg"],
  [/\blbs?\b|\bpounds? of\b/, " lb"],
  [/\bpx\b|\bpixels?\b/, "px"],
  [/\bgb\b|\bgigabytes?\b/, " GB"],
  [/\byears? old\b|\bage\b/, " yrs"],
  [/\bminutes\b/, " min"],
]

function unitsOf(facts: PromptFacts, topic: Topic, max: number): { prefix: string; suffix: string } {
  if (topic === "price" || facts.currency) return { prefix: facts.currency ?? "$", suffix: "" }
  // An opacity from 0 to 1 is a fraction, not a percentage.
  const unit = UNITS.find(([pattern, suffix]) => pattern.test(facts.lower) && !(suffix === "%" && max <= 1))
  if (unit) return { prefix: "", suffix: unit[1] }
  return { prefix: "", suffix: topic === "volume" && max > 1 ? "%" : "" }
}

function limitsOf(facts: PromptFacts, topic: Topic): { min: number; max: number } {
  let min = facts.min
  let max = facts.max
  if (min === undefined && max === undefined && facts.amounts.length >= 2) {
    min = facts.amounts[0]
    max = facts.amounts[1]
  } else if (max === undefined && facts.amounts.length === 1) max = facts.amounts[0]
  const fallbackMax = topic === "price" ? 1000 : 100
  const low = min ?? 0
  const high = max ?? (low < fallbackMax ? fallbackMax : low + 100)
  return { min: Math.min(low, high), max: Math.max(low, high) }
}

function stepOf(facts: PromptFacts, span: number, topic: Topic): number | undefined {
  const match =
    /\bsteps? (?:size )?(?:of |is |=\s*)?(\d+(?:\.\d+)?)\b/.exec(facts.lower) ??
    /\b(?:increments?|steps|jumps) of [$€£¥₹]?(\d+(?:\.\d+)?)\b/.exec(facts.lower) ??
    /\bin (\d+(?:\.\d+)?)s\b/.exec(facts.lower) ??
    /\b(?:by|every) [$€£¥₹]?(\d+(?:\.\d+)?)\b/.exec(facts.lower)
  if (match) return Number(match[1]) > 0 ? Number(match[1]) : undefined
  if (topic === "price" && span >= 200) return span >= 2000 ? 50 : 10
  return undefined
}

function startOf(facts: PromptFacts): number | undefined {
  const match =
    /\b(?:defaults?(?: value)?|start(?:s|ing)?(?: value)?(?: at)?|initial(?:ly)?(?: value)?(?: at)?|set to)\s*(?:of|at|to|is|=|:)?\s*[$€£¥₹]?(-?\d+(?:\.\d+)?)/.exec(
      facts.lower,
    )
  return match ? Number(match[1]) : undefined
}

function decimals(step: number): number {
  return (String(step).split(".")[1] ?? "").length
}

/** The value on the step grid between min and max (as the component snaps it). */
function snap(value: number, min: number, max: number, step: number): number {
  const size = step > 0 ? step : 1
  const snapped = Math.round((value - min) / size) * size + min
  return Number(Math.min(Math.max(snapped, min), max).toFixed(decimals(size)))
}

function format(values: Values, value: number): string {
  return `${str(values, "prefix")}${value.toLocaleString("en-US")}${str(values, "suffix")}`
}

function grid(values: Values) {
  const min = num(values, "min")
  const max = Math.max(num(values, "max", 100), min)
  const step = num(values, "step", 1) > 0 ? num(values, "step", 1) : 1
  const at = (value: number) => snap(value, min, max, step)
  const low = at(Math.min(num(values, "defaultValue"), num(values, "defaultHigh")))
  const high = at(Math.max(num(values, "defaultValue"), num(values, "defaultHigh")))
  return { min, max, step, at, value: at(num(values, "defaultValue")), low, high }
}

/** A labelled slider (one thumb, or two for a range) on a styled native range input, with the value shown. */
export const rangeSlider: Recipe = {
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
  params: (facts) => {
    const topic = topicOf(facts)
    const range = wantsRange(facts) ?? false
    const { min, max } = limitsOf(facts, topic)
    const step = stepOf(facts, max - min, topic) ?? 1
    const start = startOf(facts)
    const { prefix, suffix } = unitsOf(facts, topic, max)
    const span = max - min
    const value = snap(
      start ?? (range ? min + span / 4 : topic === "volume" ? min + span * 0.6 : min + span / 2),
      min,
      max,
      step,
    )
    const high = snap(min + (span * 3) / 4, min, max, step)
    return [
      {
        name: "label",
        type: "string",
        value: labelOf(facts, topic, range),
        description: "The slider's label.",
        control: "text",
      },
      { name: "min", type: "number", value: min, description: "The lowest value.", control: "number" },
      { name: "max", type: "number", value: max, description: "The highest value.", control: "number" },
      {
        name: "step",
        type: "number",
        value: step,
        description: "How much one arrow-key press (one notch) changes the value.",
        control: "number",
      },
      {
        name: "range",
        type: "boolean",
        value: range,
        description: "Two thumbs: pick a low and a high value.",
        control: "boolean",
      },
      {
        name: "defaultValue",
        type: "number",
        value,
        description: "The value at first (the low end when the slider has two thumbs).",
        control: "number",
      },
      {
        name: "defaultHigh",
        type: "number",
        value: Math.max(high, value),
        description: "The high end at first, when the slider has two thumbs.",
        control: "number",
      },
      {
        name: "prefix",
        type: "string",
        value: prefix,
        description: 'Written before the value ("$").',
        control: "text",
      },
      {
        name: "suffix",
        type: "string",
        value: suffix,
        description: 'Written after the value ("%", " km").',
        control: "text",
      },
    ]
  },
  summary: (values) => {
    const { min, max, step } = grid(values)
    return `A ${bool(values, "range") ? "two-thumb range" : ""} slider for ${str(values, "label")} from ${format(values, min)} to ${format(values, max)} in steps of ${step}, showing the value.`.replace(
      "A  slider",
      "A slider",
    )
  },
  requirements: (values) => {
    const { min, max, step, value, low, high } = grid(values)
    const label = str(values, "label")
    const range = bool(values, "range")
    const list: [string, string][] = [
      [
        "label",
        range
          ? `Shows "${label}" with a Minimum and a Maximum slider, each from ${format(values, min)} to ${format(values, max)}`
          : `Shows a slider labelled "${label}" from ${format(values, min)} to ${format(values, max)}`,
      ],
      [
        "initial",
        range
          ? `Shows ${format(values, low)} – ${format(values, high)} at first`
          : `Shows ${format(values, value)} at first`,
      ],
      ["change", "Moving a thumb shows the new value and calls onValueChange with it"],
      [
        "keyboard",
        `Arrow keys move by ${step}; Home and End jump to ${format(values, min)} and ${format(values, max)}`,
      ],
    ]
    if (range)
      list.push(["order", "The Minimum thumb cannot pass the Maximum thumb, nor the Maximum the Minimum"])
    return list
  },
  component: (context) => `import { useId, useState, type KeyboardEvent } from "react"
import { Label } from "@/components/ui/label"

${context.lookImports}

${context.propsInterface}

// The native range input, restyled: a transparent track (drawn below) and a round thumb.
const THUMB =
  "[&::-webkit-slider-thumb]:pointer-events-auto [&::-webkit-slider-thumb]:size-5 [&::-webkit-slider-thumb]:cursor-grab [&::-webkit-slider-thumb]:appearance-none [&::-webkit-slider-thumb]:rounded-full [&::-webkit-slider-thumb]:border-2 [&::-webkit-slider-thumb]:border-primary [&::-webkit-slider-thumb]:bg-background [&::-webkit-slider-thumb]:shadow-sm [&::-moz-range-thumb]:pointer-events-auto [&::-moz-range-thumb]:size-5 [&::-moz-range-thumb]:cursor-grab [&::-moz-range-thumb]:rounded-full [&::-moz-range-thumb]:border-2 [&::-moz-range-thumb]:border-primary [&::-moz-range-thumb]:bg-background focus-visible:[&::-webkit-slider-thumb]:ring-4 focus-visible:[&::-webkit-slider-thumb]:ring-ring/40 focus-visible:[&::-moz-range-thumb]:ring-4 focus-visible:[&::-moz-range-thumb]:ring-ring/40"

${context.signature}
  ${context.look}
  const id = useId()
  const lowest = Math.min(min, max)
  const highest = Math.max(min, max)
  const notch = step > 0 ? step : 1
  const places = (String(notch).split(".")[1] ?? "").length
  const snap = (next: number) =>
    Number(Math.min(Math.max(Math.round((next - lowest) / notch) * notch + lowest, lowest), highest).toFixed(places))
  const [values, setValues] = useState<number[]>(() =>
    range
      ? [snap(Math.min(defaultValue, defaultHigh)), snap(Math.max(defaultValue, defaultHigh))]
      : [snap(defaultValue)],
  )
  const low = values[0] ?? lowest
  const high = values[1] ?? snap(Math.max(defaultValue, defaultHigh))
  const format = (value: number) => \`\${prefix}\${value.toLocaleString("en-US")}\${suffix}\`
  const percent = (value: number) => (highest === lowest ? 0 : ((value - lowest) / (highest - lowest)) * 100)

  function update(index: number, raw: number) {
    const value = snap(raw)
    const next = range ? (index === 0 ? [Math.min(value, high), high] : [low, Math.max(value, low)]) : [value]
    setValues(next)
    onValueChange?.(next)
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>, index: number) {
    const current = index === 0 ? low : high
    const page = Math.max(notch, snap(lowest + (highest - lowest) / 10) - lowest)
    const moves: Record<string, number> = {
      ArrowRight: current + notch,
      ArrowUp: current + notch,
      ArrowLeft: current - notch,
      ArrowDown: current - notch,
      PageUp: current + page,
      PageDown: current - page,
      Home: lowest,
      End: highest,
    }
    const next = moves[event.key]
    if (next === undefined) return
    event.preventDefault()
    update(index, next)
  }

  const thumbs = range
    ? [
        { index: 0, name: "Minimum", value: low },
        { index: 1, name: "Maximum", value: high },
      ]
    : [{ index: 0, name: label, value: low }]

  return (
    <div className={cn(look.className, "flex w-full max-w-sm flex-col gap-4 rounded-xl border bg-card p-6 text-card-foreground shadow-sm")} style={look.style}>
      <div className="flex items-baseline justify-between gap-4">
        {range ? (
          <p id={\`\${id}-label\`} className="text-sm font-medium">
            {label}
          </p>
        ) : (
          <Label htmlFor={\`\${id}-0\`}>{label}</Label>
        )}
        <output htmlFor={thumbs.map((thumb) => \`\${id}-\${thumb.index}\`).join(" ")} className="text-sm font-semibold tabular-nums">
          {range ? \`\${format(low)} – \${format(high)}\` : format(low)}
        </output>
      </div>
      <div role={range ? "group" : undefined} aria-labelledby={range ? \`\${id}-label\` : undefined} className="relative h-6">
        <div className="absolute inset-x-0 top-1/2 h-1.5 -translate-y-1/2 rounded-full bg-muted" />
        <div
          className="absolute top-1/2 h-1.5 -translate-y-1/2 rounded-full bg-primary"
          style={{ left: \`\${range ? percent(low) : 0}%\`, right: \`\${100 - percent(range ? high : low)}%\` }}
        />
        {thumbs.map((thumb) => (
          <input
            key={thumb.index}
            id={\`\${id}-\${thumb.index}\`}
            type="range"
            min={lowest}
            max={highest}
            step={notch}
            value={thumb.value}
            aria-label={range ? thumb.name : undefined}
            aria-valuetext={format(thumb.value)}
            onChange={(event) => update(thumb.index, Number(event.target.value))}
            onKeyDown={(event) => handleKeyDown(event, thumb.index)}
            className={cn(
              THUMB,
              "absolute inset-0 h-6 w-full cursor-pointer appearance-none bg-transparent focus-visible:outline-none",
              range && "pointer-events-none",
              range && thumb.index === 1 && thumb.value <= lowest && "z-10",
            )}
          />
        ))}
      </div>
      <div className="flex justify-between text-xs text-muted-foreground tabular-nums">
        <span>{format(lowest)}</span>
        <span>{format(highest)}</span>
      </div>
    </div>
  )
}
`,
  tests: (context) => {
    const { values, name, id, lit } = context
    const { min, max, step, at, value, low, high } = grid(values)
    const range = bool(values, "range")
    const label = str(values, "label")
    const f = (n: number) => lit(format(values, n))
    const span = max - min
    const target = at(min + span * 0.8) !== value ? at(min + span * 0.8) : at(min + span * 0.2)
    if (!range) {
      const slider = `screen.getByRole("slider", { name: ${lit(label)} })`
      const up = at(value + step) !== value
      const afterStep = at(up ? value + step : value - step)
      const [there, back] = up ? ["ArrowRight", "ArrowLeft"] : ["ArrowLeft", "ArrowRight"]
      return `it("${id("label")}: shows a slider labelled ${insideDoubleQuotes(label)} from ${insideDoubleQuotes(format(values, min))} to ${insideDoubleQuotes(format(values, max))}", () => {
  render(<${name} />)
  const slider = ${slider}
  expect(slider).toHaveAttribute("min", "${min}")
  expect(slider).toHaveAttribute("max", "${max}")
  expect(screen.getByText(${f(min)})).toBeInTheDocument()
  expect(screen.getByText(${f(max)})).toBeInTheDocument()
})

it("${id("initial")}: shows ${insideDoubleQuotes(format(values, value))} at first", () => {
  render(<${name} />)
  expect(${slider}).toHaveValue("${value}")
  expect(screen.getByRole("status")).toHaveTextContent(${f(value)})
})

it("${id("change")}: moving the thumb shows the new value and calls onValueChange", () => {
  const onValueChange = vi.fn()
  render(<${name} onValueChange={onValueChange} />)
  fireEvent.change(${slider}, { target: { value: "${target}" } })
  expect(screen.getByRole("status")).toHaveTextContent(${f(target)})
  expect(${slider}).toHaveAttribute("aria-valuetext", ${f(target)})
  expect(onValueChange).toHaveBeenLastCalledWith([${target}])
})

it("${id("keyboard")}: arrow keys move by ${step}, Home and End jump to the ends", async () => {
  const user = userEvent.setup()
  const onValueChange = vi.fn()
  render(<${name} onValueChange={onValueChange} />)
  await user.tab()
  expect(${slider}).toHaveFocus()
  await user.keyboard("{${there}}")
  expect(screen.getByRole("status")).toHaveTextContent(${f(afterStep)})
  expect(onValueChange).toHaveBeenLastCalledWith([${afterStep}])
  await user.keyboard("{${back}}")
  expect(screen.getByRole("status")).toHaveTextContent(${f(value)})
  await user.keyboard("{End}")
  expect(screen.getByRole("status")).toHaveTextContent(${f(max)})
  await user.keyboard("{Home}")
  expect(screen.getByRole("status")).toHaveTextContent(${f(min)})
  expect(onValueChange).toHaveBeenLastCalledWith([${min}])
})`
    }
    const group = `screen.getByRole("group", { name: ${lit(label)} })`
    const upper = [max, at((low + high) / 2), low].find((candidate) => candidate !== high) ?? max
    const range2 = (a: number, b: number) => lit(`${format(values, a)} – ${format(values, b)}`)
    const lowAfterStep = Math.min(at(low + step), high)
    return `it("${id("label")}: shows ${insideDoubleQuotes(label)} with a Minimum and a Maximum slider", () => {
  render(<${name} />)
  const group = ${group}
  for (const name of ["Minimum", "Maximum"]) {
    const slider = within(group).getByRole("slider", { name })
    expect(slider).toHaveAttribute("min", "${min}")
    expect(slider).toHaveAttribute("max", "${max}")
  }
  expect(screen.getByText(${f(min)})).toBeInTheDocument()
  expect(screen.getByText(${f(max)})).toBeInTheDocument()
})

it("${id("initial")}: shows ${insideDoubleQuotes(format(values, low))} – ${insideDoubleQuotes(format(values, high))} at first", () => {
  render(<${name} />)
  expect(screen.getByRole("status")).toHaveTextContent(${range2(low, high)})
  expect(screen.getByRole("slider", { name: "Minimum" })).toHaveValue("${low}")
  expect(screen.getByRole("slider", { name: "Maximum" })).toHaveValue("${high}")
})

it("${id("change")}: moving a thumb shows the new range and calls onValueChange", () => {
  const onValueChange = vi.fn()
  render(<${name} onValueChange={onValueChange} />)
  fireEvent.change(screen.getByRole("slider", { name: "Maximum" }), { target: { value: "${upper}" } })
  expect(screen.getByRole("status")).toHaveTextContent(${range2(low, upper)})
  expect(onValueChange).toHaveBeenLastCalledWith([${low}, ${upper}])
})

it("${id("keyboard")}: arrow keys move by ${step}, Home and End jump to the ends", async () => {
  const user = userEvent.setup()
  const onValueChange = vi.fn()
  render(<${name} onValueChange={onValueChange} />)
  await user.tab()
  expect(screen.getByRole("slider", { name: "Minimum" })).toHaveFocus()
  await user.keyboard("{ArrowRight}")
  expect(onValueChange).toHaveBeenLastCalledWith([${lowAfterStep}, ${high}])
  await user.keyboard("{Home}")
  expect(screen.getByRole("status")).toHaveTextContent(${range2(min, high)})
  await user.tab()
  expect(screen.getByRole("slider", { name: "Maximum" })).toHaveFocus()
  await user.keyboard("{End}")
  expect(screen.getByRole("status")).toHaveTextContent(${range2(min, max)})
  expect(onValueChange).toHaveBeenLastCalledWith([${min}, ${max}])
})

it("${id("order")}: the thumbs cannot pass each other", () => {
  render(<${name} />)
  fireEvent.change(screen.getByRole("slider", { name: "Minimum" }), { target: { value: "${max}" } })
  expect(screen.getByRole("status")).toHaveTextContent(${range2(high, high)})
  fireEvent.change(screen.getByRole("slider", { name: "Maximum" }), { target: { value: "${min}" } })
  expect(screen.getByRole("status")).toHaveTextContent(${range2(high, high)})
})`
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    const range = wantsRange(facts)
    if (range !== undefined && range !== values.range) {
      next.range = range
      applied.push(range ? "two thumbs" : "one thumb")
    }
    if (facts.min !== undefined || facts.max !== undefined) {
      const min = facts.min ?? num(values, "min")
      const max = facts.max ?? num(values, "max", 100)
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
      const min = num(next, "min")
      const max = num(next, "max", 100)
      const stepSize = num(next, "step", 1)
      const span = max - min
      const start = startOf(facts)
      next.defaultValue = snap(
        start ?? Math.min(Math.max(num(next, "defaultValue"), min), max),
        min,
        max,
        stepSize,
      )
      next.defaultHigh = snap(
        Math.max(num(next, "defaultHigh"), num(next, "defaultValue")) > max
          ? min + (span * 3) / 4
          : num(next, "defaultHigh"),
        min,
        max,
        stepSize,
      )
      if (next.range === true && num(next, "defaultHigh") <= num(next, "defaultValue")) {
        next.defaultValue = snap(min + span / 4, min, max, stepSize)
        next.defaultHigh = snap(min + (span * 3) / 4, min, max, stepSize)
      }
    }
    return { values: next, applied }
  },
  followUpHints: ["min/max (between 0 and 500)", "step 5", "two thumbs", "a currency or %"],
}
