import { readFileSync } from "node:fs"
import path from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import type { GivenTestFile, StudioEvent } from "@studio/protocol"
import type { Engine } from "../src/engine"
import { collectRun, run, testEditedCode, type RunRequest } from "../src/pipeline"
import { readGivenTests } from "../src/pipeline/stages/given-tests"
import { buildPreviewHtml } from "../src/preview"
import {
  contract as counterContract,
  component as counterComponent,
  fence,
  tests as counterTests,
} from "./support/counter-answers"
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

describe("the mode follows the run: react-router-dom through the toolchain, Jest only for given tests", () => {
  const navTest: GivenTestFile = { name: "TaskNav.test.js", content: fixture("taskNav", "TaskNav.test.js") }
  const navComponent = fixture("taskNav", "TaskNav.tsx")
  const navPath = "src/components/TaskNav.tsx"
  const errorsOf = (events: StudioEvent[], plugin: string) =>
    ofType(events, "build_error")
      .filter((event) => event.plugin === plugin)
      .flatMap((event) => event.diagnostics)
      .filter((diagnostic) => diagnostic.severity === "error")
  let given: Awaited<ReturnType<typeof runGiven>>

  beforeAll(async () => {
    given = await runGiven({ scaffold: [answer(navPath, navComponent)] }, { tests: [navTest] })
  }, 120_000)

  it("proves a given-tests run whose component uses useNavigate and Link: lint and type-check clean, and it previews", async () => {
    const { events, outcome, finished } = given
    for (const plugin of ["imports", "eslint", "typescript", "tailwind"])
      expect(errorsOf(events, plugin)).toEqual([])
    expect(ofType(events, "build_ok").map((event) => event.plugin)).toEqual(
      expect.arrayContaining(["eslint", "typescript", "tailwind"]),
    )
    expect(
      ofType(events, "test_result").map((event) => [event.name, event.status, event.requirementId]),
    ).toEqual([
      ["links to the task list", "pass", "R1"],
      ["goes to the new task page", "pass", "R2"],
    ])
    expect(finished).toMatchObject({ type: "run_finished", verdict: "proven", success: true })
    expect(outcome.givenTests).toEqual(["src/components/TaskNav.test.js"])

    const preview = await buildPreviewHtml(outcome.files, {
      toolchain: engine.toolchain,
      title: "TaskNav",
      entry: navPath,
      ...(outcome.givenTests ? { givenTests: outcome.givenTests } : {}),
    })
    expect(preview.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([])
    expect(preview.html).toContain('<div id="root"></div>')
    expect(preview.html).not.toContain("could not be built")
  })

  it("refuses the same component in a normal run, and each tool refuses it without the mode", async () => {
    const { events, calls, finished } = await runGiven(
      {
        interpret: [JSON.stringify({ ...counterContract, name: "TaskNav", props: [] })],
        scaffold: [answer(navPath, navComponent)],
        unit_test: [counterTests.replaceAll("Counter", "TaskNav")],
      },
      { prompt: "task navigation", maxRepairs: 0 },
    )
    expect(calls.map((call) => call.input.stage)).toEqual(["interpret", "scaffold", "unit_test"])
    expect(errorsOf(events, "imports")).toEqual([
      expect.objectContaining({
        path: navPath,
        line: 1,
        message: expect.stringMatching(
          /"react-router-dom" refused: it is not a package generated code may import/,
        ),
      }),
    ])
    expect(ofType(events, "test_result")).toEqual([])
    expect(finished).toMatchObject({ type: "run_finished", success: false })

    // Each tool on its own, on the same warm toolchain that just accepted it in the other mode.
    const files = { [navPath]: navComponent }
    const [lint, types, bundle] = await Promise.all(
      (["eslint", "typescript", "esbuild"] as const).map((id) => engine.toolchain.runPlugin(id, { files })),
    )
    expect(lint?.diagnostics).toContainEqual(
      expect.objectContaining({
        ruleId: "studio/allowed-imports",
        path: navPath,
        line: 1,
        severity: "error",
      }),
    )
    expect(types?.diagnostics).toContainEqual(
      expect.objectContaining({ code: "TS2307", path: navPath, line: 1, severity: "error" }),
    )
    expect(bundle?.diagnostics).toContainEqual(
      expect.objectContaining({
        message: expect.stringMatching(/"react-router-dom" refused/),
        severity: "error",
      }),
    )
    const page = await buildPreviewHtml(files, { toolchain: engine.toolchain, title: "TaskNav" })
    expect(page.html).toContain("could not be built")
  })

  it("gives a model-written test that forgot its vitest import no Jest mode in a normal run", async () => {
    const { events, outcome, finished } = await runGiven(
      {
        interpret: [JSON.stringify(counterContract)],
        scaffold: [counterComponent(1)],
        unit_test: [counterTests.replace('import { describe, it, expect } from "vitest"\n', "")],
      },
      { prompt: "a counter", maxRepairs: 0 },
    )
    // Linted and type-checked as the code under review (a given test never is), and run without globals.
    expect(errorsOf(events, "typescript")).toContainEqual(
      expect.objectContaining({
        path: "src/components/Counter.test.tsx",
        message: expect.stringMatching(/describe/),
      }),
    )
    expect(errorsOf(events, "vitest")).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(/failed to run: describe is not defined/) }),
    )
    expect(outcome.tests.map((test) => [test.name, test.status])).toEqual([
      ["R1: shows the initial count", "fail"],
      ["R2: the Increment button adds one", "fail"],
    ])
    expect(finished).toMatchObject({ type: "run_finished", verdict: "failed", success: false })
  })

  it("re-tests a version of given tests in Jest mode, and never a version without them", async () => {
    const { outcome } = given
    const contract = outcome.contract!
    const edited = { ...outcome.files, [navPath]: outcome.files[navPath]!.replace("All tasks", "Every task") }
    const retest = await collectRun(
      testEditedCode(
        { prompt: "Run tests on edited v1", contract, files: edited, givenTests: outcome.givenTests ?? [] },
        { toolchain: engine.toolchain, sandbox: engine.sandbox },
      ),
    )
    expect(errorsOf(retest.events, "eslint")).toEqual([])
    expect(errorsOf(retest.events, "typescript")).toEqual([])
    expect(
      ofType(retest.events, "test_result").map((event) => [event.name, event.status, event.requirementId]),
    ).toEqual([
      ["links to the task list", "fail", "R1"],
      ["goes to the new task page", "pass", "R2"],
    ])
    expect(retest.outcome.givenTests).toEqual(["src/components/TaskNav.test.js"])

    // The same files without the version's given tests: not a tests-as-spec job, so the .js test is not a path
    // edited code may have, and nothing runs.
    const normal = await collectRun(
      testEditedCode(
        { prompt: "Run tests on edited v1", contract, files: edited },
        { toolchain: engine.toolchain, sandbox: engine.sandbox },
      ),
    )
    expect(ofType(normal.events, "error")).toEqual([
      expect.objectContaining({ code: "unsafe_path", message: expect.stringMatching(/TaskNav\.test\.js/) }),
    ])
    expect(ofType(normal.events, "test_result")).toEqual([])
  })
})
