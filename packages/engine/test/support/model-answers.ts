// The corpus of whole model answers in test/fixtures/model-answers/: `<shape>.<stage>.md` is the answer as a model
// streams it, `<shape>.<stage>.expect.json` what the stage must make of it.
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
})
export type ModelAnswerExpectation = z.infer<typeof expectationSchema>

export const MODEL_ANSWER_STAGES = ["interpret", "scaffold", "unit_test"] as const
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

/** The file a stage of the Counter expects (the parser's `expectedFile`). */
export function expectedFileOf(stage: ModelAnswerStage): string | undefined {
  if (stage === "scaffold") return "src/components/Counter.tsx"
  if (stage === "unit_test") return "src/components/Counter.test.tsx"
  return undefined
}

/** Reads one fixture's answer by file name. */
export function readModelAnswer(name: string): ModelAnswer {
  const match = /^(.+)\.(interpret|scaffold|unit_test)\.md$/.exec(name)
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
