// The model answer corpus through the whole pipeline (`npm run test:corpus`, the vitest "corpus" project): whole runs
// made of the corpus's interpret, scaffold and unit_test answers, streamed by the fake server through the real OpenAI
// client, then formatted, linted, type-checked and tested in the sandbox. Prints the pass rate; each run must be proven.
import { rmSync } from "node:fs"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { StudioEvent } from "@studio/protocol"
import { createEngine, type Engine } from "../src/engine"
import { createOpenAiGenerator } from "../src/generators/llm"
import { collectRun, run } from "../src/pipeline"
import { startFakeChatServer, type PlannedResponse } from "./support/fake-chat-server"
import { readModelAnswer } from "./support/model-answers"

/** Whole runs: the answers of interpret, scaffold and unit_test, in that order (each with its retry, if any). */
const SCENARIOS: { name: string; answers: [string, string, string] }[] = [
  {
    name: "DeepSeek-R1 via Ollama: reasoning before every answer",
    answers: [
      "think-then-contract.interpret.md",
      "think-then-labelled-fence.scaffold.md",
      "think-then-comment-path.unit_test.md",
    ],
  },
  {
    name: "Llama 3 via Ollama: comments in the JSON, unlabeled fences",
    answers: [
      "contract-with-comments.interpret.md",
      "unlabeled-tsx-fence.scaffold.md",
      "unlabeled-tsx-fence.unit_test.md",
    ],
  },
  {
    name: "Qwen2.5-Coder: trailing commas, bold file names",
    answers: [
      "contract-with-trailing-commas.interpret.md",
      "bold-file-prefix-before-fence.scaffold.md",
      "bold-filename-test.unit_test.md",
    ],
  },
  {
    name: "GPT-4o: prose around the contract, headings",
    answers: [
      "contract-prose-around.interpret.md",
      "heading-backticked-filename.scaffold.md",
      "labelled-test-file.unit_test.md",
    ],
  },
  {
    name: "A token limit cuts every answer once",
    answers: [
      "contract-cut-off-then-retry.interpret.md",
      "fence-left-open.scaffold.md",
      "fence-left-open.unit_test.md",
    ],
  },
  {
    name: "DeepSeek-R1 on vLLM: no opening think tag",
    answers: [
      "contract-in-json-fence.interpret.md",
      "think-without-opening-tag.scaffold.md",
      "labelled-test-file.unit_test.md",
    ],
  },
  {
    name: "A prompt-injected answer with a traversal path",
    answers: [
      "contract-wrapped-in-key.interpret.md",
      "dotdot-path-refused.scaffold.md",
      "unlabeled-tsx-fence.unit_test.md",
    ],
  },
  {
    name: "A chatty local model that asks instead of writing",
    answers: [
      "contract-single-quotes.interpret.md",
      "prose-only-no-code.scaffold.md",
      "labelled-test-file.unit_test.md",
    ],
  },
]

const repoRoot = path.resolve(import.meta.dirname, "../../..")
const jobsRoot = path.join(repoRoot, ".studio", `test-model-answers-${process.pid}`)
let engine: Engine
const proven: string[] = []

beforeAll(async () => {
  engine = await createEngine({ sandbox: { jobsRoot }, warmPlugins: [] })
  await engine.warmUp()
}, 120_000)

afterAll(async () => {
  console.log(
    `model answer corpus through the whole pipeline: ${proven.length}/${SCENARIOS.length} runs proven (${Math.round(
      (100 * proven.length) / SCENARIOS.length,
    )}%)`,
  )
  await engine.close()
  rmSync(jobsRoot, { recursive: true, force: true })
})

/** The planned responses of a scenario: each answer, then its retry answer when the fixture has one. */
function scriptOf(answers: readonly string[]): PlannedResponse[] {
  return answers.flatMap((name) => {
    const answer = readModelAnswer(name)
    const retry = answer.expect.then === undefined ? [] : [readModelAnswer(answer.expect.then).text]
    return [answer.text, ...retry].map((text): PlannedResponse => ({ kind: "stream", text, chunkSize: 5 }))
  })
}

describe("the model answer corpus through the whole pipeline", () => {
  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))("%s", async (_name, scenario) => {
    const script = scriptOf(scenario.answers)
    const server = await startFakeChatServer(script)
    try {
      const generator = createOpenAiGenerator({ baseURL: server.baseURL, model: "fake-model", maxRetries: 0 })
      const { events, outcome } = await collectRun(
        run(
          { prompt: "a counter with increment and decrement buttons", maxRepairs: 0 },
          { generator, toolchain: engine.toolchain, sandbox: engine.sandbox },
        ),
      )
      const finished = events.at(-1) as Extract<StudioEvent, { type: "run_finished" }>
      const failing = outcome.tests.filter((test) => test.status !== "pass").map((test) => test.name)
      expect({ verdict: finished.verdict, reasons: finished.reasons, failing }).toEqual({
        verdict: "proven",
        reasons: finished.reasons,
        failing: [],
      })
      expect(server.remaining()).toBe(0)
      expect(outcome.files["src/components/Counter.test.tsx"]).toContain("R3:")
      proven.push(scenario.name)
    } finally {
      await server.close()
    }
  })
})
