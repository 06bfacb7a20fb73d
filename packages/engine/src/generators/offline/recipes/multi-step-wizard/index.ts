import { defineRecipe, records, text } from "../../define-recipe"
import { capitalize, firstList } from "../../facts"
import { sentenceList } from "../../recipe"
import { BUTTON_ROLES, quotedFor } from "../../readers"
import { code, codeLines, NO_CODE, TestCode, testCase, type TestCase } from "../../test-builder"
import { progressPercent, stepOf } from "./inline/step-progress"
import {
  flavourOf,
  POOLS,
  readMultiStepWizard,
  stepCountOf,
  stepFor,
  stepsOf,
  type WizardStep,
} from "./reader"

// What the tests type into each field.
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

function sampleFor(step: WizardStep): string {
  if (step.type === "email") return "ada@example.com"
  return SAMPLES[step.field] ?? `My ${step.field.toLowerCase()}`
}

/** Whether a step asks for something (a review step only shows the answers). */
function asks(step: WizardStep | undefined): step is WizardStep {
  return Boolean(step?.field) && step?.type !== "review"
}

/** Steps with one required field each, Next/Back, "Step n of N" progress and a summary before finishing. */
export const multiStepWizard = defineRecipe({
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
  params: {
    title: text("The wizard's heading."),
    steps: records<WizardStep>(
      "WizardStep",
      'The steps in order: a title, the required field\'s label and its type ("review" for a summary step).',
    ),
    finishLabel: text("The button on the last step."),
    doneMessage: text("Shown once the wizard is finished."),
  },
  read: readMultiStepWizard,
  summary: ({ steps, finishLabel }) =>
    `A ${steps.length}-step wizard (${sentenceList(steps.map((step) => step.title))}) with Next and Back, a "Step n of ${steps.length}" indicator and a summary before "${finishLabel}".`,
  requirements: ({ steps, finishLabel, doneMessage }) => [
    [
      "progress",
      `Shows ${steps.length} steps (${sentenceList(steps.map((step) => step.title))}) and "${stepOf(1, steps.length)}" at first`,
    ],
    [
      "required",
      `Next does not leave a step whose field is empty and says so ("${steps[0]?.field || "Field"} is required")`,
    ],
    [
      "navigate",
      `Next moves to the following step ("${stepOf(2, steps.length)}") and Back returns, keeping the answers`,
    ],
    [
      "finish",
      `The last step shows a summary of the answers; "${finishLabel}" calls onFinish with them and shows "${doneMessage}"`,
    ],
  ],
  followUp: (facts, values) => {
    const next: { steps?: readonly WizardStep[]; finishLabel?: string } = {}
    const applied: string[] = []
    const steps = [...values.steps]
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
  tests: ({ Component, values: { title, steps, finishLabel: finish, doneMessage } }) => {
    const total = steps.length
    const nextName = (index: number) => (index === total - 1 ? finish : "Next")
    const walk = codeLines(
      steps
        .map(
          (step, index) => code`
          ${
            asks(step)
              ? code`
                  await user.click(screen.getByLabelText(${step.field}))
                  await user.paste(${sampleFor(step)})
                `
              : NO_CODE
          }
          ${index < total - 1 ? code`await user.click(screen.getByRole("button", { name: "Next" }))` : NO_CODE}
        `,
        )
        .filter((fragment) => fragment.text.trim() !== ""),
    )
    const answered = steps.filter(asks)
    const byLabel: Record<string, string> = Object.fromEntries(
      answered.map((step) => [step.field, sampleFor(step)]),
    )
    const answers = new TestCode(JSON.stringify(byLabel))
    const first = steps[0]
    const second = steps[1]
    const lastStep = steps[total - 1]
    const tests: TestCase[] = [
      testCase(
        "progress",
        `shows the ${total} steps and ${stepOf(1, total)}`,
        code`
          render(<${Component} />)
          expect(screen.getByRole("heading", { name: ${title} })).toBeInTheDocument()
          expect(screen.getByText(${stepOf(1, total)})).toBeInTheDocument()
          expect(screen.getAllByRole("listitem").map((item) => item.textContent)).toEqual(${steps.map((step, index) => `${index + 1}${step.title}`)})
          expect(screen.getByRole("heading", { name: ${first?.title ?? ""}, level: 3 })).toBeInTheDocument()
          expect(screen.getByRole("progressbar", { name: "Progress" })).toHaveAttribute("aria-valuenow", ${String(progressPercent(1, total))})
        `,
      ),
      asks(first)
        ? testCase(
            "required",
            "Next does not leave a step with an empty field",
            code`
              const user = userEvent.setup()
              render(<${Component} />)
              await user.click(screen.getByRole("button", { name: ${nextName(0)} }))
              expect(screen.getByRole("alert")).toHaveTextContent(${`${first.field} is required`})
              expect(screen.getByText(${stepOf(1, total)})).toBeInTheDocument()
              expect(screen.getByLabelText(${first.field})).toHaveAttribute("aria-invalid", "true")
            `,
          )
        : testCase(
            "required",
            "a step with an empty required field cannot be left",
            code`
              const user = userEvent.setup()
              render(<${Component} steps={[{ title: "Profile", field: "Full name", type: "text" }, { title: "Review", field: "", type: "review" }]} />)
              await user.click(screen.getByRole("button", { name: "Next" }))
              expect(screen.getByRole("alert")).toHaveTextContent("Full name is required")
              expect(screen.getByText(${stepOf(1, 2)})).toBeInTheDocument()
            `,
          ),
      testCase(
        "navigate",
        "Next moves on and Back returns, keeping the answer",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          ${asks(first) ? code`await user.type(screen.getByLabelText(${first.field}), ${sampleFor(first)})` : NO_CODE}
          await user.click(screen.getByRole("button", { name: "Next" }))
          expect(screen.getByText(${stepOf(2, total)})).toBeInTheDocument()
          expect(screen.getByRole("heading", { name: ${second?.title ?? ""}, level: 3 })).toBeInTheDocument()
          await user.click(screen.getByRole("button", { name: "Back" }))
          expect(screen.getByText(${stepOf(1, total)})).toBeInTheDocument()
          ${asks(first) ? code`expect(screen.getByLabelText(${first.field})).toHaveValue(${sampleFor(first)})` : NO_CODE}
          expect(screen.getByRole("button", { name: "Back" })).toBeDisabled()
        `,
      ),
      testCase(
        "finish",
        "the last step summarises the answers and finishing calls onFinish",
        code`
          const user = userEvent.setup()
          const onFinish = vi.fn()
          render(<${Component} onFinish={onFinish} />)
          ${walk}
          expect(screen.getByText(${stepOf(total, total)})).toBeInTheDocument()
          ${
            lastStep?.type === "review"
              ? codeLines(
                  Object.values(byLabel).map(
                    (value) => code`expect(screen.getByText(${value})).toBeInTheDocument()`,
                  ),
                )
              : NO_CODE
          }
          await user.click(screen.getByRole("button", { name: ${finish} }))
          expect(onFinish).toHaveBeenCalledWith(${answers})
          expect(within(screen.getByRole("status")).getByText(${doneMessage})).toBeInTheDocument()
        `,
      ),
    ]
    return tests
  },
})
