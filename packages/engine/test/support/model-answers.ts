// The corpus of whole model answers in test/fixtures/model-answers/: `<shape>.<stage>.md` is the answer as a model
// streams it, `<shape>.<stage>.expect.json` what the stage must make of it. Repair answers fix COUNTER_BUG in
// COUNTER_FILES; follow-up answers (scaffold, `followUp: true`) change COUNTER_FILES for COUNTER_FOLLOW_UP_CONTRACT.
import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"
import { z } from "zod"
import type { Contract } from "@studio/protocol"

export const MODEL_ANSWERS_DIR = path.resolve(import.meta.dirname, "../fixtures/model-answers")

const expectationSchema = z.strictObject({
  /** Which model answers this way (documentation). */
  model: z.string(),
  /** Exactly the files the stage's answer(s) wrote, each with lines its content must contain. */
  files: z.record(z.string(), z.array(z.string())).optional(),
  /** Text no written file may contain. */
  absent: z.array(z.string()).optional(),
  /** Text some reasoning_step of the stage must contain. */
  reasoning: z.array(z.string()).optional(),
  /** Exactly these error events, in order. */
  errors: z.array(z.strictObject({ code: z.string(), includes: z.string() })).optional(),
  /** The answer to the stage's one retry (another fixture's file name). */
  then: z.string().optional(),
  /** The retry's prompt must contain this. */
  retryReasonIncludes: z.string().optional(),
  /** The stage must end with an error whose message contains this. */
  fails: z.string().optional(),
  /** The interpret stage's contract. */
  contract: z.strictObject({ name: z.string(), requirements: z.number() }).optional(),
  /** How the answer is sent: CRLF line endings. */
  lineEndings: z.enum(["lf", "crlf"]).optional(),
  /** A scaffold answer to a follow-up of COUNTER_FILES (the edit format is in its prompt). */
  followUp: z.boolean().optional(),
  /** Files the stage must return exactly as they were (edits that never applied). */
  unchanged: z.array(z.string()).optional(),
})
export type ModelAnswerExpectation = z.infer<typeof expectationSchema>

export const MODEL_ANSWER_STAGES = ["interpret", "scaffold", "unit_test", "repair"] as const
export type ModelAnswerStage = (typeof MODEL_ANSWER_STAGES)[number]

export interface ModelAnswer {
  /** The fixture's file name, e.g. `unlabeled-tsx-fence.scaffold.md`. */
  name: string
  stage: ModelAnswerStage
  /** The answer as the server streams it (CRLF applied when the expectation asks for it). */
  text: string
  expect: ModelAnswerExpectation
}

/** The contract the scaffold and unit_test fixtures answer (the interpret fixtures describe it too). */
export const COUNTER_CONTRACT: Contract = {
  name: "Counter",
  summary: "A counter with buttons to add and subtract one.",
  props: [
    {
      name: "initial",
      type: "number",
      required: false,
      default: "0",
      description: "The count to start from.",
      control: "number",
    },
  ],
  requirements: [
    { id: "R1", text: "Shows the count, starting at the initial value." },
    { id: "R2", text: "The Increment button adds one to the count." },
    { id: "R3", text: "The Decrement button subtracts one from the count." },
  ],
}

export const COUNTER_PATH = "src/components/Counter.tsx"
export const COUNTER_TEST_PATH = "src/components/Counter.test.tsx"

/** The Counter of COUNTER_CONTRACT as the corpus's scaffold answers write it. */
export const COUNTER_SOURCE = `import { useState } from "react"
import { Button } from "@/components/ui/button"

export interface CounterProps {
  /** The count to start from. */
  initial?: number
}

export default function Counter({ initial = 0 }: CounterProps) {
  const [count, setCount] = useState(initial)
  return (
    <div className="flex items-center gap-3">
      <Button variant="outline" onClick={() => setCount((value) => value - 1)}>
        Decrement
      </Button>
      <p className="min-w-20 text-center tabular-nums" aria-live="polite">
        Count: {count}
      </p>
      <Button onClick={() => setCount((value) => value + 1)}>Increment</Button>
    </div>
  )
}
`

/** The bug the repair answers fix: Increment adds two. */
export const COUNTER_BUG = { correct: "value + 1", buggy: "value + 2" } as const

export const COUNTER_TESTS = `import { describe, it, expect } from "vitest"
import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import Counter from "./Counter"

describe("Counter", () => {
  it("R1: shows the initial count", () => {
    render(<Counter initial={3} />)
    expect(screen.getByText("Count: 3")).toBeInTheDocument()
  })

  it("R2: the Increment button adds one", async () => {
    const user = userEvent.setup()
    render(<Counter />)
    await user.click(screen.getByRole("button", { name: "Increment" }))
    expect(screen.getByText("Count: 1")).toBeInTheDocument()
  })

  it("R3: the Decrement button subtracts one", async () => {
    const user = userEvent.setup()
    render(<Counter initial={2} />)
    await user.click(screen.getByRole("button", { name: "Decrement" }))
    expect(screen.getByText("Count: 1")).toBeInTheDocument()
  })
})
`

/** The files a repair answer starts from: the Counter with COUNTER_BUG, and its tests. */
export const COUNTER_FILES: Record<string, string> = {
  [COUNTER_PATH]: COUNTER_SOURCE.replace(COUNTER_BUG.correct, COUNTER_BUG.buggy),
  [COUNTER_TEST_PATH]: COUNTER_TESTS,
}

/** The follow-up the follow-up answers make: "let me choose the step". */
export const COUNTER_FOLLOW_UP_CONTRACT: Contract = {
  ...COUNTER_CONTRACT,
  props: [
    ...COUNTER_CONTRACT.props,
    {
      name: "step",
      type: "number",
      required: false,
      default: "1",
      description: "How much each click adds or subtracts.",
      control: "number",
    },
  ],
  requirements: [
    { id: "R1", text: "Shows the count, starting at the initial value." },
    { id: "R2", text: "The Increment button adds the step to the count." },
    { id: "R3", text: "The Decrement button subtracts the step from the count." },
  ],
}

/** The file a stage of the Counter expects (the parser's `expectedFile`). */
export function expectedFileOf(stage: ModelAnswerStage): string | undefined {
  if (stage === "scaffold") return "src/components/Counter.tsx"
  if (stage === "unit_test") return "src/components/Counter.test.tsx"
  return undefined
}

/** Reads one fixture's answer by file name. */
export function readModelAnswer(name: string): ModelAnswer {
  const match = /^(.+)\.(interpret|scaffold|unit_test|repair)\.md$/.exec(name)
  const stage = match?.[2] as ModelAnswerStage | undefined
  if (stage === undefined) throw new Error(`model answer ${name}: not named <shape>.<stage>.md`)
  const expect = expectationSchema.parse(
    JSON.parse(readFileSync(path.join(MODEL_ANSWERS_DIR, name.replace(/\.md$/, ".expect.json")), "utf8")),
  )
  const raw = readFileSync(path.join(MODEL_ANSWERS_DIR, name), "utf8")
  const text = expect.lineEndings === "crlf" ? raw.replaceAll("\n", "\r\n") : raw
  return { name, stage, text, expect }
}

/** Every fixture of the corpus, sorted by name. */
export function loadModelAnswers(): ModelAnswer[] {
  return readdirSync(MODEL_ANSWERS_DIR)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map(readModelAnswer)
}
