// Every whole model answer of the corpus (test/fixtures/model-answers/), streamed by the fake server through the real
// OpenAI client into the real stage functions: what the stage writes, says and refuses must match the fixture's
// expectation. No sandbox: the execute stage is not run here (model-answers-pipeline.test.ts does). The toolchain is
// real: scaffold and repair build the preview their hot_reload announces.
import { afterAll, afterEach, describe, expect, it } from "vitest"
import type { StudioEvent } from "@studio/protocol"
import { createOpenAiGenerator } from "../src/generators/llm"
import { createRunContext, type GenerationContext } from "../src/pipeline/run-context"
import { interpretStage } from "../src/pipeline/stages/interpret"
import { repairStage } from "../src/pipeline/stages/repair"
import { scaffoldStage } from "../src/pipeline/stages/scaffold"
import { unitTestStage } from "../src/pipeline/stages/unit-test"
import { createToolchainRegistry } from "../src/toolchain/registry"
import { startFakeChatServer, type FakeChatServer, type PlannedResponse } from "./support/fake-chat-server"
import {
  COUNTER_CONTRACT,
  COUNTER_FILES,
  COUNTER_FOLLOW_UP_CONTRACT,
  COUNTER_SOURCE,
  COUNTER_TESTS,
  loadModelAnswers,
  readModelAnswer,
  type ModelAnswer,
} from "./support/model-answers"

const COMPONENT_PATH = "src/components/Counter.tsx"
const COMPONENT_SOURCE = `import { useState } from "react"

export interface CounterProps {
  /** The count to start from. */
  initial?: number
}

export default function Counter({ initial = 0 }: CounterProps) {
  const [count, setCount] = useState(initial)
  return <button onClick={() => setCount(count + 1)}>Count: {count}</button>
}
`

const answers = loadModelAnswers()
let server: FakeChatServer | undefined

const toolchain = createToolchainRegistry()
afterAll(() => toolchain.dispose())

afterEach(async () => {
  await server?.close()
  server = undefined
})

interface StageRun {
  events: StudioEvent[]
  /** What the stage returned: written files, or the contract. */
  files?: Record<string, string>
  contract?: { name: string; requirements: unknown[] }
  thrown?: unknown
}

async function drain<T>(
  stage: AsyncGenerator<StudioEvent, T>,
): Promise<{ events: StudioEvent[]; value?: T; thrown?: unknown }> {
  const events: StudioEvent[] = []
  try {
    for (;;) {
      const next = await stage.next()
      if (next.done) return { events, value: next.value }
      events.push(next.value)
    }
  } catch (thrown) {
    return { events, thrown }
  }
}

/** Streams the fixture (and its retry answer) from the fake server into its stage. */
async function runFixture(answer: ModelAnswer, chunkSize: number): Promise<StageRun> {
  const script: PlannedResponse[] = [{ kind: "stream", text: answer.text, chunkSize }]
  if (answer.expect.then !== undefined)
    script.push({ kind: "stream", text: readModelAnswer(answer.expect.then).text, chunkSize })
  server = await startFakeChatServer(script)
  const generator = createOpenAiGenerator({ baseURL: server.baseURL, model: "fake-model", maxRetries: 0 })
  const context: GenerationContext = {
    ...createRunContext("run-model-answers", { toolchain, sandbox: undefined as never }),
    generator,
  }
  switch (answer.stage) {
    case "interpret": {
      const { events, value, thrown } = await drain(interpretStage(context, { prompt: "a counter" }))
      return { events, thrown, ...(value ? { contract: value } : {}) }
    }
    case "scaffold": {
      const stage = answer.expect.followUp
        ? scaffoldStage(context, COUNTER_FOLLOW_UP_CONTRACT, {
            prompt: "a counter",
            contract: COUNTER_CONTRACT,
            files: { [COMPONENT_PATH]: COUNTER_SOURCE, "src/components/Counter.test.tsx": COUNTER_TESTS },
          })
        : scaffoldStage(context, COUNTER_CONTRACT, undefined)
      const { events, value, thrown } = await drain(stage)
      return { events, thrown, ...(value ? { files: value.files } : {}) }
    }
    case "repair": {
      const failing = { name: "R2: the Increment button adds one", status: "fail" as const, durationMs: 5 }
      const current = {
        ok: false,
        files: { ...COUNTER_FILES },
        tests: [
          { name: "R1: shows the initial count", status: "pass" as const, durationMs: 5 },
          { ...failing, error: "Unable to find an element with the text: Count: 1" },
          { name: "R3: the Decrement button subtracts one", status: "pass" as const, durationMs: 5 },
        ],
        diagnostics: [],
        durationMs: 0,
        verdict: "failed" as const,
        reasons: [],
        timings: {},
      }
      const { events, value, thrown } = await drain(repairStage(context, COUNTER_CONTRACT, current, 2))
      return { events, thrown, ...(value ? { files: value } : {}) }
    }
    case "unit_test": {
      const scaffold = {
        files: { [COMPONENT_PATH]: COMPONENT_SOURCE },
        componentPath: COMPONENT_PATH,
        componentSource: COMPONENT_SOURCE,
      }
      const { events, value, thrown } = await drain(unitTestStage(context, COUNTER_CONTRACT, scaffold))
      return { events, thrown, ...(value ? { files: value } : {}) }
    }
  }
}

/** The files the answers wrote, as the consumer of file_closed keeps them (the last one of a path wins). */
function writtenFiles(events: StudioEvent[]): Record<string, string> {
  const files: Record<string, string> = {}
  for (const event of events) if (event.type === "file_closed") files[event.path] = event.content
  return files
}

describe("the model answer corpus through the real client and stages", () => {
  it("has at least 30 answers, for every stage", () => {
    expect(answers.length).toBeGreaterThanOrEqual(30)
    expect(new Set(answers.map((answer) => answer.stage))).toEqual(
      new Set(["interpret", "scaffold", "unit_test", "repair"]),
    )
  })

  it.each(answers.map((answer, index) => [answer.name, answer, (index % 7) + 1] as const))(
    "%s",
    async (_name, answer, chunkSize) => {
      const { expect: expectation } = answer
      const result = await runFixture(answer, chunkSize)
      const requests = server!.chatRequests()
      expect(requests.length).toBe(expectation.then === undefined ? 1 : 2)
      expect(requests.every((request) => request.headers["x-studio-stage"] === answer.stage)).toBe(true)
      // Repairs and follow-ups are told the edit format.
      const takesEdits = answer.stage === "repair" || expectation.followUp === true
      expect(JSON.stringify(requests[0]?.body).includes("<<<<<<< SEARCH")).toBe(takesEdits)
      if (expectation.retryReasonIncludes !== undefined) {
        expect(JSON.stringify(requests[1]?.body)).toContain(
          JSON.stringify(expectation.retryReasonIncludes).slice(1, -1),
        )
      }

      if (expectation.fails !== undefined) {
        expect(result.thrown).toBeInstanceOf(Error)
        expect((result.thrown as Error).message).toContain(expectation.fails)
      } else {
        expect(result.thrown).toBeUndefined()
      }

      const errors = result.events.flatMap((event) => (event.type === "error" ? [event] : []))
      expect(errors.map((error) => error.code)).toEqual((expectation.errors ?? []).map((error) => error.code))
      expectation.errors?.forEach((expected, index) => {
        expect(errors[index]?.message).toContain(expected.includes)
      })

      const reasoning = result.events.flatMap((event) =>
        event.type === "reasoning_step" ? [event.text] : [],
      )
      for (const text of expectation.reasoning ?? []) {
        expect(
          reasoning.some((step) => step.includes(text)),
          `a reasoning step with ${JSON.stringify(text)}`,
        ).toBe(true)
      }
      expect(
        result.events.filter((event) => event.type === "reasoning_step" && event.stage !== answer.stage),
      ).toEqual([])

      if (answer.stage === "interpret") {
        expect(result.contract?.name).toBe(expectation.contract?.name)
        expect(result.contract?.requirements).toHaveLength(expectation.contract?.requirements ?? -1)
        return
      }
      const written = writtenFiles(result.events)
      expect(Object.keys(written).sort()).toEqual(Object.keys(expectation.files ?? {}).sort())
      for (const [filePath, keyLines] of Object.entries(expectation.files ?? {})) {
        const content = written[filePath] ?? ""
        for (const keyLine of keyLines) expect(content).toContain(keyLine)
        expect(content.endsWith("\n")).toBe(true)
        expect(content).not.toMatch(/<\/?think(ing)?>|^`{3,}/m)
        if (result.files) expect(result.files[filePath]).toBe(content)
      }
      for (const filePath of expectation.unchanged ?? []) {
        const before = answer.stage === "repair" ? COUNTER_FILES[filePath] : COUNTER_SOURCE
        expect(result.files?.[filePath]).toBe(before)
      }
      for (const text of expectation.absent ?? []) {
        for (const content of Object.values(result.files ?? written)) expect(content).not.toContain(text)
      }
    },
  )
})
