import { readFileSync } from "node:fs"
import path from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import type { GivenTestFile, StudioEvent } from "@studio/protocol"
import type { Engine } from "../src/engine"
import { collectRun, run, type RunRequest } from "../src/pipeline"
import { readGivenTests } from "../src/pipeline/stages/given-tests"
import { fence } from "./support/counter-answers"
import { createScriptedGenerator } from "./support/scripted-generator"
import { sharedTestEngine } from "./support/shared-engine"

// Tests as the spec (issue 14): WebApp1K-style Jest files written here (fixtures/tests-as-spec/), run through the
// real pipeline, toolchain and sandbox with a scripted model that answers scaffold and repair.

const fixtures = path.join(import.meta.dirname, "fixtures", "tests-as-spec")
const fixture = (task: string, name: string) => readFileSync(path.join(fixtures, task, name), "utf8")
const likeTest: GivenTestFile = {
  name: "LikeButton.test.js",
  content: fixture("likeButton", "LikeButton.test.js"),
}
const likeComponent = fixture("likeButton", "LikeButton.tsx")
const answer = (filePath: string, content: string) => `${fence}tsx file="${filePath}"\n${content}${fence}\n`

let engine: Engine
beforeAll(async () => {
  engine = await sharedTestEngine()
  await engine.warmUp()
}, 120_000)

async function runGiven(script: Parameters<typeof createScriptedGenerator>[0], request: Partial<RunRequest>) {
  const { generator, calls } = createScriptedGenerator(script)
  const { events, outcome } = await collectRun(
    run({ prompt: "", ...request }, { generator, toolchain: engine.toolchain, sandbox: engine.sandbox }),
  )
  return { events, outcome, calls, finished: events.at(-1) }
}

const ofType = <T extends StudioEvent["type"]>(events: StudioEvent[], type: T) =>
  events.filter((event): event is Extract<StudioEvent, { type: T }> => event.type === type)

describe("reading the given tests", () => {
  it("makes the requirements from the test names and the component's path from the import", () => {
    const given = readGivenTests([likeTest], "")
    expect(given.componentPath).toBe("src/components/LikeButton.tsx")
    expect(given.contract).toMatchObject({
      name: "LikeButton",
      props: [],
      requirements: [
        { id: "R1", text: "sends the like and shows the new count" },
        { id: "R2", text: "shows an error when the server refuses the like" },
      ],
    })
    const nested = readGivenTests(
      [
        {
          name: "addTask.test.js",
          content:
            "import AddTask from './addTask';\ndescribe('tasks', () => { it('adds one', () => {}); test.skip('later', () => {}) })",
        },
      ],
      "a task adder",
    )
    expect(nested.componentPath).toBe("src/components/addTask.tsx")
    expect(nested.contract.name).toBe("AddTask")
    expect(nested.contract.summary).toBe("a task adder")
    expect(nested.contract.requirements.map((requirement) => requirement.text)).toEqual([
      "tasks > adds one",
      "tasks > later",
    ])
  })

  it("refuses tests that name no test or import no component, clearly", () => {
    expect(() => readGivenTests([{ name: "A.test.js", content: "import A from './A'\n" }], "")).toThrow(
      /name no test/,
    )
    expect(() =>
      readGivenTests([{ name: "A.test.js", content: "import x from 'react'\ntest('a', () => {})" }], ""),
    ).toThrow(/import no component/)
  })
})

describe("run() with tests as the spec", () => {
  it("skips interpret's model call and unit_test, runs the given tests verbatim and proves them", async () => {
    const { events, outcome, calls, finished } = await runGiven(
      { scaffold: [answer("src/components/LikeButton.tsx", likeComponent)] },
      { tests: [likeTest] },
    )
    expect(calls.map((call) => call.input.stage)).toEqual(["scaffold"])
    expect(calls[0]?.input).toMatchObject({
      componentPath: "src/components/LikeButton.tsx",
      givenTests: { "src/components/LikeButton.test.js": likeTest.content },
    })
    expect(ofType(events, "stage_complete").map((event) => event.stage)).toEqual([
      "interpret",
      "scaffold",
      "unit_test",
      "execute",
      "report",
    ])
    expect(ofType(events, "reasoning_step").find((step) => step.stage === "unit_test")?.text).toMatch(
      /the given tests are the spec/,
    )
    expect(
      ofType(events, "test_result").map((event) => [event.name, event.status, event.requirementId]),
    ).toEqual([
      ["sends the like and shows the new count", "pass", "R1"],
      ["shows an error when the server refuses the like", "pass", "R2"],
    ])
    expect(outcome.files["src/components/LikeButton.test.js"]).toBe(likeTest.content)
    expect(finished).toMatchObject({ type: "run_finished", verdict: "proven", success: true })
  })

  it("refuses a repair's change to the given tests and repairs the component instead", async () => {
    const given: GivenTestFile = { name: "LikeButton.test.tsx", content: likeTest.content }
    const weakened = given.content.replace("'4 likes'", "'4 like(s)'")
    const broken = likeComponent.replace("{count} likes", "{count} like(s)")
    const { events, outcome, finished } = await runGiven(
      {
        scaffold: [answer("src/components/LikeButton.tsx", broken)],
        repair: [
          answer("src/components/LikeButton.test.tsx", weakened) +
            answer("src/components/LikeButton.tsx", likeComponent),
        ],
      },
      { prompt: "a like button", tests: [given], maxRepairs: 1 },
    )
    expect(ofType(events, "reasoning_step").map((step) => step.text)).toContainEqual(
      expect.stringMatching(/Ignored changes to test files \(src\/components\/LikeButton\.test\.tsx\)/),
    )
    expect(outcome.files["src/components/LikeButton.test.tsx"]).toBe(given.content)
    expect(outcome.contract?.summary).toBe("a like button")
    expect(ofType(events, "test_result").map((event) => event.status)).toEqual([
      "fail",
      "pass",
      "pass",
      "pass",
    ])
    expect(finished).toMatchObject({ verdict: "proven" })
  })

  it("ends with a clear validation error when the tests import no component", async () => {
    const { events, calls, finished } = await runGiven(
      {},
      { tests: [{ name: "A.test.js", content: "test('a', () => {})" }] },
    )
    expect(calls).toEqual([])
    expect(ofType(events, "error")).toMatchObject([
      { code: "validation_failed", message: expect.stringMatching(/import no component/) },
    ])
    expect(finished).toMatchObject({ success: false })
  })
})
