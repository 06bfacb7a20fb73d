import { capitalize, firstList, mentions, NUMBER_WORDS, type PromptFacts } from "../facts"
import { records, sentenceList, str, type Recipe, type Values } from "../recipe"
import { BUTTON_ROLES, HEADING_ROLES, quotedFor } from "../readers"

interface WizardStep extends Record<string, string> {
  title: string
  /** The required field's label; "" for a review step. */
  field: string
  type: string
}

type Flavour = "onboarding" | "signup" | "checkout"

const REVIEW = /^(?:review|summary|confirm|confirmation|overview|finish|done|check)\b/i

// Step titles and the field each asks for.
const STEP_FIELDS: readonly [RegExp, string, string][] = [
  [/account|login|credentials|sign ?up|e-?mail/i, "Email", "email"],
  [/company|organi[sz]ation|business/i, "Company name", "text"],
  [/team/i, "Team name", "text"],
  [/workspace|project/i, "Workspace name", "text"],
  [/address|shipping/i, "Street address", "text"],
  [/delivery/i, "Delivery instructions", "text"],
  [/payment|billing|card/i, "Card number", "text"],
  [/contact|phone/i, "Phone number", "tel"],
  [/preference|interest/i, "Interests", "text"],
  [/goal/i, "Main goal", "text"],
  [/role|job/i, "Job title", "text"],
  [/experience/i, "Years of experience", "text"],
  [/profile|personal|about|details|info|name|welcome|you\b/i, "Full name", "text"],
]

const POOLS: Record<Flavour, string[]> = {
  checkout: ["Shipping", "Delivery", "Payment", "Contact", "Billing address", "Notes"],
  signup: ["Account", "Profile", "Preferences", "Company", "Contact", "Goals"],
  onboarding: ["Profile", "Workspace", "Goals", "Team", "Preferences", "Role"],
}

const SAMPLES: Record<string, string> = {
  Email: "ada@example.com",
  "Full name": "Ada Lovelace",
  "Phone number": "5550100",
  "Street address": "12 Analytical Way",
  "Delivery instructions": "Leave at the front desk",
  "Card number": "4242 4242 4242 4242",
  "Company name": "Analytical Engines",
  "Team name": "Research",
  "Workspace name": "Engines HQ",
  Interests: "Mathematics",
  "Main goal": "Ship faster",
  "Job title": "Engineer",
  "Years of experience": "5",
}

function flavourOf(facts: PromptFacts): Flavour {
  if (mentions(facts, "checkout", "check out", "payment", "shipping", "order", "purchase")) return "checkout"
  if (mentions(facts, "sign up", "signup", "register", "registration", "create account", "account"))
    return "signup"
  return "onboarding"
}

function stepFor(title: string): WizardStep {
  if (REVIEW.test(title)) return { title, field: "", type: "review" }
  const match = STEP_FIELDS.find(([pattern]) => pattern.test(title))
  return { title, field: match?.[1] ?? title, type: match?.[2] ?? "text" }
}

function stepCountOf(facts: PromptFacts): number | undefined {
  const match = /\b(\d+|two|three|four|five|six|seven)[\s-]*steps?\b/.exec(facts.lower)
  const value = match ? (NUMBER_WORDS[match[1]!] ?? Number(match[1])) : undefined
  return value !== undefined && value >= 2 && value <= 7 ? value : undefined
}

// Steps a prompt may name in passing ("shipping address, payment, then a review of the order").
const NAMED_STEPS: readonly [RegExp, string][] = [
  [/\baccount\b/, "Account"],
  [/\b(?:profile|personal (?:info|details))\b/, "Profile"],
  [/\bcompany\b/, "Company"],
  [/\bteam\b/, "Team"],
  [/\bworkspace\b/, "Workspace"],
  [/\bshipping\b/, "Shipping"],
  [/\bdelivery\b/, "Delivery"],
  [/\b(?:payment|billing)\b/, "Payment"],
  [/\bcontact\b/, "Contact"],
  [/\bpreferences\b/, "Preferences"],
  [/\bgoals?\b/, "Goals"],
  [/\b(?:review|summary|confirm(?:ation)?)\b/, "Review"],
]

function namedSteps(facts: PromptFacts): string[] {
  return NAMED_STEPS.map(([pattern, title]) => ({ title, at: pattern.exec(facts.lower)?.index ?? -1 }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)
    .map(({ title }) => title)
}

function titlesOf(facts: PromptFacts): string[] {
  const listed = firstList(facts)?.filter((item) => item.length <= 30)
  if (listed && listed.length >= 2) return listed.map((item) => capitalize(item.replace(/\s+steps?$/i, "")))
  const count = stepCountOf(facts)
  const pool = POOLS[flavourOf(facts)]
  const named = namedSteps(facts)
  if (named.length >= 2 && (count === undefined || named.length <= count)) {
    const review = named.includes("Review")
    const asking = named.filter((title) => title !== "Review")
    for (const title of pool)
      if (count !== undefined && asking.length < count - 1 && !asking.includes(title)) asking.push(title)
    return [...asking, ...(review || count === undefined || asking.length < count ? ["Review"] : [])]
  }
  return [...pool.slice(0, (count ?? 4) - 1), "Review"]
}

function stepsOf(facts: PromptFacts): WizardStep[] {
  const titles = titlesOf(facts)
  const steps = titles.filter((title, index) => titles.indexOf(title) === index).map(stepFor)
  // Two steps asking the same thing would confuse: the later one asks about its own title instead.
  return steps.map((step, index) =>
    step.field && steps.slice(0, index).some((other) => other.field === step.field)
      ? { ...step, field: step.title, type: "text" }
      : step,
  )
}

const COPY: Record<Flavour, { title: string; finish: string; done: string }> = {
  checkout: { title: "Checkout", finish: "Place order", done: "Order placed! We've emailed your receipt." },
  signup: {
    title: "Create your account",
    finish: "Create account",
    done: "Account created. Welcome aboard!",
  },
  onboarding: { title: "Set up your workspace", finish: "Finish", done: "You're all set!" },
}

function sampleFor(step: WizardStep): string {
  if (step.type === "email") return "ada@example.com"
  return SAMPLES[step.field] ?? `My ${step.field.toLowerCase()}`
}

/** Steps with one required field each, Next/Back, "Step n of N" progress and a summary before finishing. */
export const multiStepWizard: Recipe = {
  kind: "multi-step-wizard",
  title: "Multi-step wizard",
  names: ["OnboardingWizard", "SignupWizard", "CheckoutWizard"],
  keywords: {
    strong: [
      "wizard",
      "multi step",
      "multi step form",
      "multi step sign up",
      "multi step checkout",
      "step by step form",
      "form wizard",
      "onboarding flow",
      "onboarding wizard",
      "checkout wizard",
      "signup wizard",
      "checkout flow",
      "stepped form",
    ],
    weak: ["steps", "next and back", "back and next", "onboarding", "step 1 of", "progress indicator"],
  },
  name: (facts) => {
    const flavour = flavourOf(facts)
    return flavour === "checkout"
      ? "CheckoutWizard"
      : flavour === "signup"
        ? "SignupWizard"
        : "OnboardingWizard"
  },
  callbacks: [
    {
      name: "onFinish",
      type: "(values: Record<string, string>) => void",
      description: "Called with every answer (by field label) when the last step is finished.",
    },
  ],
  params: (facts) => {
    const copy = COPY[flavourOf(facts)]
    return [
      {
        name: "title",
        type: "string",
        value: quotedFor(facts, HEADING_ROLES) ?? copy.title,
        description: "The wizard's heading.",
        control: "text",
      },
      {
        name: "steps",
        type: "WizardStep[]",
        value: stepsOf(facts),
        description:
          'The steps in order: a title, the required field\'s label and its type ("review" for a summary step).',
      },
      {
        name: "finishLabel",
        type: "string",
        value: quotedFor(facts, BUTTON_ROLES) ?? copy.finish,
        description: "The button on the last step.",
        control: "text",
      },
      {
        name: "doneMessage",
        type: "string",
        value: copy.done,
        description: "Shown once the wizard is finished.",
        control: "text",
      },
    ]
  },
  summary: (values) => {
    const steps = records<WizardStep>(values, "steps")
    return `A ${steps.length}-step wizard (${sentenceList(steps.map((step) => step.title))}) with Next and Back, a "Step n of ${steps.length}" indicator and a summary before "${str(values, "finishLabel")}".`
  },
  requirements: (values) => {
    const steps = records<WizardStep>(values, "steps")
    const first = steps[0]
    return [
      [
        "progress",
        `Shows ${steps.length} steps (${sentenceList(steps.map((step) => step.title))}) and "Step 1 of ${steps.length}" at first`,
      ],
      [
        "required",
        `Next does not leave a step whose field is empty and says so ("${first?.field || "Field"} is required")`,
      ],
      [
        "navigate",
        `Next moves to the following step ("Step 2 of ${steps.length}") and Back returns, keeping the answers`,
      ],
      [
        "finish",
        `The last step shows a summary of the answers; "${str(values, "finishLabel")}" calls onFinish with them and shows "${str(values, "doneMessage")}"`,
      ],
    ]
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    const steps = records<WizardStep>(values, "steps")
    const listed = firstList(facts)
    const count = stepCountOf(facts)
    const add = /\badd (?:an? )?(?:extra |new |another )?([a-z][a-z ]{1,20}?) step\b/.exec(facts.lower)
    if (listed && listed.length >= 2) {
      next.steps = stepsOf(facts)
      applied.push(`steps ${sentenceList(listed)}`)
    } else if (add) {
      const step = stepFor(capitalize(add[1]!.trim()))
      const at = steps.findIndex((existing) => existing.type === "review")
      steps.splice(at < 0 ? steps.length : at, 0, step)
      next.steps = steps
      applied.push(`a ${step.title} step`)
    } else if (count !== undefined && count !== steps.length) {
      const review = steps.find((step) => step.type === "review")
      const asking = steps.filter((step) => step.type !== "review")
      const pool = POOLS.signup.concat(POOLS.onboarding, POOLS.checkout)
      while (asking.length < count - (review ? 1 : 0)) {
        const title =
          pool.find((candidate) => !asking.some((step) => step.title === candidate)) ??
          `Step ${asking.length + 1}`
        asking.push(stepFor(title))
      }
      next.steps = [...asking.slice(0, count - (review ? 1 : 0)), ...(review ? [review] : [])]
      applied.push(`${count} steps`)
    }
    const finish = quotedFor(facts, BUTTON_ROLES)
    if (finish) {
      next.finishLabel = finish
      applied.push(`the last button reads "${finish}"`)
    }
    return { values: next, applied }
  },
  followUpHints: ["N steps", "steps A, B and C", "add a … step", 'finish button "…"'],
  component: (context) => `import { useId, useState, type FormEvent } from "react"
import { Check } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { Progress } from "@/components/ui/progress"
${context.lookImports}

export interface WizardStep {
  title: string
  /** The required field's label; "" for a review step. */
  field: string
  type: string
}

${context.propsInterface}

${context.defaults}

const EMAIL_PATTERN = /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/

${context.signature}
  ${context.look}
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
    candidate.field && candidate.type !== "review" ? [{ label: candidate.field, value: answers[position] ?? "" }] : [],
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
            {finished ? "Completed" : "Step " + (index + 1) + " of " + total}
          </p>
          <Progress
            value={finished ? 100 : Math.round(((index + 1) / Math.max(total, 1)) * 100)}
            aria-label="Progress"
          />
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
`,
  tests: (context) => {
    const { name, values, lit } = context
    const steps = records<WizardStep>(values, "steps")
    const total = steps.length
    const finish = str(values, "finishLabel")
    const nextName = (index: number) => (index === total - 1 ? finish : "Next")
    const walk = steps
      .map((step, index) => {
        const lines = []
        if (step.field && step.type !== "review")
          lines.push(
            `  await user.click(screen.getByLabelText(${lit(step.field)}))\n  await user.paste(${lit(sampleFor(step))})`,
          )
        if (index < total - 1) lines.push(`  await user.click(screen.getByRole("button", { name: "Next" }))`)
        return lines.join("\n")
      })
      .filter(Boolean)
      .join("\n")
    const answers = Object.fromEntries(
      steps
        .filter((step) => step.field && step.type !== "review")
        .map((step) => [step.field, sampleFor(step)]),
    )
    const first = steps[0]
    const second = steps[1]
    const tests = [
      `it("${context.id("progress")}: shows the ${total} steps and Step 1 of ${total}", () => {
  render(<${name} />)
  expect(screen.getByRole("heading", { name: ${lit(str(values, "title"))} })).toBeInTheDocument()
  expect(screen.getByText("Step 1 of ${total}")).toBeInTheDocument()
  expect(screen.getAllByRole("listitem").map((item) => item.textContent)).toEqual(${lit(steps.map((step, index) => `${index + 1}${step.title}`))})
  expect(screen.getByRole("heading", { name: ${lit(first?.title ?? "")}, level: 3 })).toBeInTheDocument()
  expect(screen.getByRole("progressbar", { name: "Progress" })).toHaveAttribute("aria-valuenow", "${Math.round((1 / Math.max(total, 1)) * 100)}")
})`,
    ]
    if (first?.field && first.type !== "review")
      tests.push(`it("${context.id("required")}: Next does not leave a step with an empty field", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.click(screen.getByRole("button", { name: ${lit(nextName(0))} }))
  expect(screen.getByRole("alert")).toHaveTextContent(${lit(`${first.field} is required`)})
  expect(screen.getByText("Step 1 of ${total}")).toBeInTheDocument()
  expect(screen.getByLabelText(${lit(first.field)})).toHaveAttribute("aria-invalid", "true")
})`)
    else
      tests.push(`it("${context.id("required")}: a step with an empty required field cannot be left", async () => {
  const user = userEvent.setup()
  render(<${name} steps={[{ title: "Profile", field: "Full name", type: "text" }, { title: "Review", field: "", type: "review" }]} />)
  await user.click(screen.getByRole("button", { name: "Next" }))
  expect(screen.getByRole("alert")).toHaveTextContent("Full name is required")
  expect(screen.getByText("Step 1 of 2")).toBeInTheDocument()
})`)
    tests.push(`it("${context.id("navigate")}: Next moves on and Back returns, keeping the answer", async () => {
  const user = userEvent.setup()
  render(<${name} />)
${first?.field && first.type !== "review" ? `  await user.type(screen.getByLabelText(${lit(first.field)}), ${lit(sampleFor(first))})\n` : ""}  await user.click(screen.getByRole("button", { name: "Next" }))
  expect(screen.getByText("Step 2 of ${total}")).toBeInTheDocument()
  expect(screen.getByRole("heading", { name: ${lit(second?.title ?? "")}, level: 3 })).toBeInTheDocument()
  await user.click(screen.getByRole("button", { name: "Back" }))
  expect(screen.getByText("Step 1 of ${total}")).toBeInTheDocument()
${first?.field && first.type !== "review" ? `  expect(screen.getByLabelText(${lit(first.field)})).toHaveValue(${lit(sampleFor(first))})\n` : ""}  expect(screen.getByRole("button", { name: "Back" })).toBeDisabled()
})`)
    const lastStep = steps[total - 1]
    tests.push(`it("${context.id("finish")}: the last step summarises the answers and finishing calls onFinish", async () => {
  const user = userEvent.setup()
  const onFinish = vi.fn()
  render(<${name} onFinish={onFinish} />)
${walk}
  expect(screen.getByText("Step ${total} of ${total}")).toBeInTheDocument()
${
  lastStep?.type === "review"
    ? Object.values(answers)
        .map((value) => `  expect(screen.getByText(${lit(value)})).toBeInTheDocument()`)
        .join("\n") + "\n"
    : ""
}  await user.click(screen.getByRole("button", { name: ${lit(finish)} }))
  expect(onFinish).toHaveBeenCalledWith(${JSON.stringify(answers)})
  expect(within(screen.getByRole("status")).getByText(${lit(str(values, "doneMessage"))})).toBeInTheDocument()
})`)
    return tests.join("\n\n")
  },
}
