import { type PromptFacts } from "../facts"
import { str, type Recipe, type RenderContext, type Values } from "../recipe"

function systemOf(facts: PromptFacts): "metric" | "imperial" | undefined {
  if (/\b(?:imperial|pounds?|lbs?|feet|foot|ft|inches|us units)\b/.test(facts.lower)) return "imperial"
  if (/\b(?:metric|kg|kilograms?|cm|centimet(?:er|re)s?)\b/.test(facts.lower)) return "metric"
  return undefined
}

function component(context: RenderContext): string {
  return `import { useId, useState } from "react"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
${context.lookImports}

${context.propsInterface}

type System = "metric" | "imperial"

const CATEGORIES = [
  { below: 18.5, label: "Underweight", tone: "bg-warning text-warning-foreground" },
  { below: 25, label: "Healthy weight", tone: "bg-success text-success-foreground" },
  { below: 30, label: "Overweight", tone: "bg-warning text-warning-foreground" },
  { below: Number.POSITIVE_INFINITY, label: "Obesity", tone: "bg-destructive text-white" },
]

${context.signature}
  ${context.look}
  const id = useId()
  const [system, setSystem] = useState<System>(units)
  const [values, setValues] = useState<Record<string, string>>({})
  const read = (key: string) => {
    const text = (values[key] ?? "").trim()
    return text === "" ? Number.NaN : Number(text)
  }
  const heightM =
    system === "metric" ? read("cm") / 100 : ((read("ft") || 0) * 12 + (read("in") || 0)) * 0.0254
  const weightKg = system === "metric" ? read("kg") : read("lb") * 0.45359237
  const filled = system === "metric" ? ["cm", "kg"] : ["ft", "lb"]
  const started = filled.some((key) => (values[key] ?? "").trim() !== "")
  const complete = filled.every((key) => (values[key] ?? "").trim() !== "")
  const invalid = complete && !(heightM > 0 && weightKg > 0)
  const bmi = complete && !invalid ? weightKg / (heightM * heightM) : undefined
  const category = bmi === undefined ? undefined : CATEGORIES.find((item) => bmi < item.below)
  const fields =
    system === "metric"
      ? [
          { key: "cm", label: "Height (cm)" },
          { key: "kg", label: "Weight (kg)" },
        ]
      : [
          { key: "ft", label: "Height (ft)" },
          { key: "in", label: "Height (in)" },
          { key: "lb", label: "Weight (lb)" },
        ]
  return (
    <section
      aria-labelledby={\`\${id}-title\`}
      className={cn(look.className, "w-full max-w-sm rounded-xl border bg-card p-6 text-card-foreground shadow-sm")}
      style={look.style}
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id={\`\${id}-title\`} className="text-lg font-semibold">
          {title}
        </h2>
        <div role="group" aria-label="Units" className="inline-flex rounded-md border bg-muted p-0.5">
          {(["metric", "imperial"] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={system === option}
              onClick={() => {
                setSystem(option)
                setValues({})
              }}
              className={cn(
                "rounded px-2.5 py-1 text-xs font-medium capitalize transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                system === option ? "bg-background shadow-sm" : "text-muted-foreground hover:text-foreground",
              )}
            >
              {option === "metric" ? "Metric" : "Imperial"}
            </button>
          ))}
        </div>
      </div>
      <div className={cn("mt-4 grid gap-4", system === "metric" ? "grid-cols-2" : "grid-cols-3")}>
        {fields.map((field) => (
          <div key={field.key} className="flex flex-col gap-2">
            <Label htmlFor={\`\${id}-\${field.key}\`}>{field.label}</Label>
            <Input
              id={\`\${id}-\${field.key}\`}
              inputMode="decimal"
              autoComplete="off"
              value={values[field.key] ?? ""}
              onChange={(event) => setValues((previous) => ({ ...previous, [field.key]: event.target.value }))}
              aria-invalid={invalid ? true : undefined}
              className="tabular-nums"
            />
          </div>
        ))}
      </div>
      <div role="status" className="mt-6 flex min-h-20 flex-col items-center justify-center gap-2 rounded-lg bg-muted p-4 text-center">
        {bmi !== undefined && category ? (
          <>
            <p className="text-sm text-muted-foreground">
              Your BMI <span className="block text-4xl font-semibold text-foreground tabular-nums">{bmi.toFixed(1)}</span>
            </p>
            <span className={cn("rounded-full px-3 py-1 text-xs font-semibold", category.tone)}>{category.label}</span>
          </>
        ) : invalid ? (
          <p className="text-sm text-destructive">Enter a height and a weight above 0</p>
        ) : (
          <p className="text-sm text-muted-foreground">
            {started ? "Fill in both height and weight" : "Enter your height and weight to see your BMI"}
          </p>
        )}
      </div>
      <p className="mt-3 text-xs text-muted-foreground">
        BMI is a screening measure for adults, not a diagnosis. Healthy range: 18.5–24.9.
      </p>
    </section>
  )
}
`
}

function tests(context: RenderContext): string {
  const { name } = context
  const metric = str(context.values, "units", "metric") === "metric"
  const toMetric = metric ? "" : `  await user.click(screen.getByRole("button", { name: "Metric" }))\n`
  const toImperial = metric ? `  await user.click(screen.getByRole("button", { name: "Imperial" }))\n` : ""
  return `it("${context.id("units")}: starts in ${metric ? "metric" : "imperial"} units and can switch", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  expect(screen.getByRole("button", { name: ${metric ? '"Metric"' : '"Imperial"'} })).toHaveAttribute("aria-pressed", "true")
  expect(screen.getByLabelText(${metric ? '"Height (cm)"' : '"Height (ft)"'})).toBeInTheDocument()
  await user.click(screen.getByRole("button", { name: ${metric ? '"Imperial"' : '"Metric"'} }))
  expect(screen.getByLabelText(${metric ? '"Weight (lb)"' : '"Weight (kg)"'})).toBeInTheDocument()
})

it("${context.id("metric")}: works out the BMI from centimetres and kilograms", async () => {
  const user = userEvent.setup()
  render(<${name} />)
${toMetric}  await user.type(screen.getByLabelText("Height (cm)"), "180")
  await user.type(screen.getByLabelText("Weight (kg)"), "75")
  expect(screen.getByRole("status")).toHaveTextContent("23.1")
  expect(screen.getByRole("status")).toHaveTextContent("Healthy weight")
})

it("${context.id("imperial")}: works out the BMI from feet, inches and pounds", async () => {
  const user = userEvent.setup()
  render(<${name} />)
${toImperial}  await user.type(screen.getByLabelText("Height (ft)"), "5")
  await user.type(screen.getByLabelText("Height (in)"), "10")
  await user.type(screen.getByLabelText("Weight (lb)"), "160")
  expect(screen.getByRole("status")).toHaveTextContent("23.0")
})

it("${context.id("categories")}: names the category", async () => {
  const user = userEvent.setup()
  render(<${name} />)
${toMetric}  await user.type(screen.getByLabelText("Height (cm)"), "170")
  await user.type(screen.getByLabelText("Weight (kg)"), "95")
  expect(screen.getByRole("status")).toHaveTextContent("32.9")
  expect(screen.getByRole("status")).toHaveTextContent("Obesity")
  await user.clear(screen.getByLabelText("Weight (kg)"))
  await user.type(screen.getByLabelText("Weight (kg)"), "50")
  expect(screen.getByRole("status")).toHaveTextContent("Underweight")
})

it("${context.id("invalid")}: asks for both values and refuses zero or negative ones", async () => {
  const user = userEvent.setup()
  render(<${name} />)
${toMetric}  expect(screen.getByRole("status")).toHaveTextContent("Enter your height and weight to see your BMI")
  await user.type(screen.getByLabelText("Height (cm)"), "180")
  expect(screen.getByRole("status")).toHaveTextContent("Fill in both height and weight")
  await user.type(screen.getByLabelText("Weight (kg)"), "-4")
  expect(screen.getByRole("status")).toHaveTextContent("Enter a height and a weight above 0")
})`
}

function followUp(facts: PromptFacts, values: Values): { values: Values; applied: string[] } {
  const next: Record<string, Values[string]> = { ...values }
  const applied: string[] = []
  const system = systemOf(facts)
  if (system && system !== str(values, "units")) {
    next.units = system
    applied.push(`${system} units first`)
  }
  return { values: next, applied }
}

/** A BMI calculator: height and weight in metric or imperial units, the BMI and its category. */
export const bmiCalculator: Recipe = {
  kind: "bmi-calculator",
  title: "BMI calculator",
  names: ["BmiCalculator"],
  keywords: {
    strong: ["bmi", "bmi calculator", "body mass index"],
    weak: ["height and weight", "healthy weight"],
  },
  params: (facts) => [
    {
      name: "units",
      type: '"metric" | "imperial"',
      value: systemOf(facts) ?? "metric",
      description: "The units shown at first.",
      control: "select",
      options: ["metric", "imperial"],
    },
    {
      name: "title",
      type: "string",
      value: facts.quoted[0] ?? "BMI calculator",
      description: "The heading.",
      control: "text",
    },
  ],
  summary: (values) =>
    `A BMI calculator in ${str(values, "units")} units (switchable) that shows the BMI to one decimal and its category.`,
  requirements: (values) => [
    ["units", `Starts in ${str(values, "units")} units; a Metric/Imperial switch changes the fields`],
    ["metric", "Works out the BMI from centimetres and kilograms (180 cm, 75 kg → 23.1)"],
    ["imperial", "Works out the BMI from feet, inches and pounds (5 ft 10 in, 160 lb → 23.0)"],
    ["categories", "Names the category: Underweight, Healthy weight, Overweight or Obesity"],
    ["invalid", "Asks for both values and refuses zero or negative ones"],
  ],
  component,
  tests,
  followUp,
  followUpHints: ["imperial or metric units"],
}
