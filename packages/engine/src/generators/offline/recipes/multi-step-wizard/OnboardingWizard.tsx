import { useId, useState, type FormEvent } from "react"
import { Check } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { Progress } from "@/components/ui/progress"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { progressPercent, stepOf } from "./inline/step-progress"

export interface WizardStep {
  title: string
  /** The required field's label; "" for a review step. */
  field: string
  type: string
}

export interface OnboardingWizardProps extends AppearanceOptions {
  /** The wizard's heading. */
  title?: string
  /** The steps in order: a title, the required field's label and its type ("review" for a summary step). */
  steps?: WizardStep[]
  /** The button on the last step. */
  finishLabel?: string
  /** Shown once the wizard is finished. */
  doneMessage?: string
  /** Called with every answer (by field label) when the last step is finished. */
  onFinish?: (values: Record<string, string>) => void
}

const DEFAULT_STEPS: WizardStep[] = [
  { title: "Profile", field: "Full name", type: "text" },
  { title: "Workspace", field: "Workspace name", type: "text" },
  { title: "Goals", field: "Main goal", type: "text" },
  { title: "Review", field: "", type: "review" },
]

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export default function OnboardingWizard({
  title = "Set up your workspace",
  steps = DEFAULT_STEPS,
  finishLabel = "Finish",
  doneMessage = "You're all set!",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onFinish,
}: OnboardingWizardProps) {
  const look = appearance({ accent, dark, size, radius })
  const id = useId()
  const [current, setCurrent] = useState(0)
  const [answers, setAnswers] = useState<Record<number, string>>({})
  const [error, setError] = useState("")
  const [finished, setFinished] = useState(false)
  const total = steps.length
  const index = Math.min(current, Math.max(total - 1, 0))
  const step = steps[index]
  const last = index === total - 1
  const asked = steps.flatMap((candidate, position) =>
    candidate.field && candidate.type !== "review"
      ? [{ label: candidate.field, value: answers[position] ?? "" }]
      : [],
  )

  function problem(): string {
    if (!step || !step.field || step.type === "review") return ""
    const value = (answers[index] ?? "").trim()
    if (!value) return step.field + " is required"
    if (step.type === "email" && !EMAIL_PATTERN.test(value)) return "Enter a valid email address"
    return ""
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const found = problem()
    setError(found)
    if (found) return
    if (!last) {
      setCurrent(index + 1)
      return
    }
    onFinish?.(Object.fromEntries(asked.map((answer) => [answer.label, answer.value.trim()])))
    setFinished(true)
  }

  function summary() {
    return (
      <dl className="divide-y rounded-lg border">
        {asked.map((answer) => (
          <div key={answer.label} className="flex justify-between gap-4 px-4 py-3 text-sm">
            <dt className="text-muted-foreground">{answer.label}</dt>
            <dd className="text-right font-medium">{answer.value}</dd>
          </div>
        ))}
      </dl>
    )
  }

  return (
    <div className={cn(look.className, "w-full max-w-xl p-4")} style={look.style}>
      <section
        aria-labelledby={id + "-title"}
        className="flex flex-col gap-6 rounded-xl border bg-card p-6 text-card-foreground shadow-sm"
      >
        <div className="flex flex-col gap-3">
          <h2 id={id + "-title"} className="text-xl font-semibold leading-tight">
            {title}
          </h2>
          <p aria-live="polite" className="text-sm font-medium text-muted-foreground">
            {finished ? "Completed" : stepOf(index + 1, total)}
          </p>
          <Progress value={finished ? 100 : progressPercent(index + 1, total)} aria-label="Progress" />
          <ol className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
            {steps.map((candidate, position) => {
              const done = finished || position < index
              return (
                <li
                  key={candidate.title + position}
                  aria-current={!finished && position === index ? "step" : undefined}
                  className={cn(
                    "flex items-center gap-2",
                    position === index && !finished ? "font-medium text-foreground" : "text-muted-foreground",
                  )}
                >
                  <span
                    className={cn(
                      "flex size-6 items-center justify-center rounded-full border text-xs",
                      done && "border-primary bg-primary text-primary-foreground",
                      position === index && !finished && "border-primary text-primary",
                    )}
                  >
                    {done ? <Check className="size-3.5" aria-hidden="true" /> : position + 1}
                  </span>
                  {candidate.title}
                </li>
              )
            })}
          </ol>
        </div>
        {finished ? (
          <div role="status" className="flex flex-col gap-4">
            <p className="flex items-center gap-2 font-medium">
              <Check className="size-5 text-primary" aria-hidden="true" />
              {doneMessage}
            </p>
            {summary()}
          </div>
        ) : (
          step && (
            <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-6">
              <div className="flex flex-col gap-4">
                <h3 className="text-lg font-semibold">{step.title}</h3>
                {step.field && step.type !== "review" ? (
                  <div className="flex flex-col gap-2">
                    <Label htmlFor={id + "-field-" + index}>{step.field}</Label>
                    <Input
                      key={index}
                      id={id + "-field-" + index}
                      type={step.type === "email" || step.type === "tel" ? step.type : "text"}
                      value={answers[index] ?? ""}
                      onChange={(event) => {
                        const value = event.target.value
                        setAnswers((currentAnswers) => ({ ...currentAnswers, [index]: value }))
                        setError("")
                      }}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? id + "-error" : undefined}
                    />
                    {error && (
                      <p id={id + "-error"} role="alert" className="text-sm text-destructive">
                        {error}
                      </p>
                    )}
                  </div>
                ) : (
                  <>
                    <p className="text-sm text-muted-foreground">Check your answers before you finish.</p>
                    {summary()}
                  </>
                )}
              </div>
              <div className="flex justify-between gap-2">
                <Button
                  type="button"
                  variant="outline"
                  disabled={index === 0}
                  onClick={() => {
                    setError("")
                    setCurrent(index - 1)
                  }}
                >
                  Back
                </Button>
                <Button type="submit">{last ? finishLabel : "Next"}</Button>
              </div>
            </form>
          )
        )}
      </section>
    </div>
  )
}
