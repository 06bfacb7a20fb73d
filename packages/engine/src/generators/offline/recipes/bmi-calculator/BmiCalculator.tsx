import { useId, useState } from "react"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface BmiCalculatorProps extends AppearanceOptions {
  /** The units shown at first. */
  units?: "metric" | "imperial"
  /** The heading. */
  title?: string
}

type System = "metric" | "imperial"

const CATEGORIES = [
  { below: 18.5, label: "Underweight", tone: "bg-warning text-warning-foreground" },
  { below: 25, label: "Healthy weight", tone: "bg-success text-success-foreground" },
  { below: 30, label: "Overweight", tone: "bg-warning text-warning-foreground" },
  { below: Number.POSITIVE_INFINITY, label: "Obesity", tone: "bg-destructive text-white" },
]

export default function BmiCalculator({
  units = "metric",
  title = "BMI calculator",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
}: BmiCalculatorProps) {
  const look = appearance({ accent, dark, size, radius })
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
      aria-labelledby={`${id}-title`}
      className={cn(
        look.className,
        "w-full max-w-sm rounded-xl border bg-card p-6 text-card-foreground shadow-sm",
      )}
      style={look.style}
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
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
            <Label htmlFor={`${id}-${field.key}`}>{field.label}</Label>
            <Input
              id={`${id}-${field.key}`}
              inputMode="decimal"
              autoComplete="off"
              value={values[field.key] ?? ""}
              onChange={(event) =>
                setValues((previous) => ({ ...previous, [field.key]: event.target.value }))
              }
              aria-invalid={invalid ? true : undefined}
              className="tabular-nums"
            />
          </div>
        ))}
      </div>
      <div
        role="status"
        className="mt-6 flex min-h-20 flex-col items-center justify-center gap-2 rounded-lg bg-muted p-4 text-center"
      >
        {bmi !== undefined && category ? (
          <>
            <p className="text-sm text-muted-foreground">
              Your BMI{" "}
              <span className="block text-4xl font-semibold text-foreground tabular-nums">
                {bmi.toFixed(1)}
              </span>
            </p>
            <span className={cn("rounded-full px-3 py-1 text-xs font-semibold", category.tone)}>
              {category.label}
            </span>
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
