import { beforeAll, describe, expect, it } from "vitest"
import type { StudioEvent } from "@studio/protocol"
import { sharedTestEngine } from "./support/shared-engine"
import type { Engine } from "../src/engine"
import type { Generator } from "../src/generators/types"
import { buildVersionReport, collectRun, run, type RunRequest } from "../src/pipeline"
import { component, contract, fence, tests } from "./support/counter-answers"
import { createScriptedGenerator } from "./support/scripted-generator"

let engine: Engine

// The test worker's engine (shared with the other integration files); this file's runs bring their own generators.
beforeAll(async () => {
  engine = await sharedTestEngine()
  await engine.warmUp()
}, 120_000)

/** A run on the shared engine's toolchain and sandbox with this test's scripted generator. */
const runWith = (generator: Generator, request: RunRequest) =>
  collectRun(run(request, { generator, toolchain: engine.toolchain, sandbox: engine.sandbox }))

async function collect(
  script: Parameters<typeof createScriptedGenerator>[0],
  maxRepairs?: number,
  plugins?: RunRequest["plugins"],
) {
  const { generator, calls } = createScriptedGenerator(script)
  const { events, outcome } = await runWith(generator, {
    prompt: "a counter",
    maxRepairs,
    ...(plugins ? { plugins } : {}),
  })
  return { events, calls, outcome, finished: events.at(-1) }
}

const ofType = <T extends StudioEvent["type"]>(events: StudioEvent[], type: T) =>
  events.filter((event): event is Extract<StudioEvent, { type: T }> => event.type === type)

describe("run()", () => {
  it("right first time: every stage in order, strictly increasing seq, no repair asked", async () => {
    const { events, calls, finished } = await collect({
      interpret: [JSON.stringify(contract)],
      scaffold: [component(1)],
      unit_test: [tests],
    })
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index))
    expect(ofType(events, "stage_complete").map((event) => event.stage)).toEqual([
      "interpret",
      "scaffold",
      "unit_test",
      "execute",
      "report",
    ])
    expect(
      ofType(events, "test_result").map((event) => [event.name, event.status, event.requirementId]),
    ).toEqual([
      ["R1: shows the initial count", "pass", "R1"],
      ["R2: the Increment button adds one", "pass", "R2"],
    ])
    expect(ofType(events, "file_closed").map((event) => event.path)).toEqual([
      "src/components/Counter.tsx",
      "src/components/Counter.test.tsx",
    ])
    expect(calls.map((call) => call.input.stage)).toEqual(["interpret", "scaffold", "unit_test"])
    // the test writer sees the interface, not the body
    const unitTest = calls[2]?.input
    expect(unitTest?.stage === "unit_test" && unitTest.publicInterface).toContain(
      "export interface CounterProps",
    )
    expect(unitTest?.stage === "unit_test" && unitTest.publicInterface).not.toContain("setCount")
    expect(finished).toMatchObject({
      type: "run_finished",
      verdict: "proven",
      reasons: [],
      success: true,
      metrics: { repairAttempts: 0 },
    })
  })

  it("a bug fixed by one repair", async () => {
    const { events, calls, finished, outcome } = await collect({
      interpret: [JSON.stringify(contract)],
      scaffold: [component(2)],
      unit_test: [tests],
      repair: [component(1)],
    })
    expect(calls.map((call) => call.input.stage)).toEqual(["interpret", "scaffold", "unit_test", "repair"])
    const repair = calls[3]?.input
    expect(repair?.stage === "repair" && repair.failingTests.map((test) => test.name)).toEqual([
      "R2: the Increment button adds one",
    ])
    const results = ofType(events, "test_result").map((event) => `${event.name}=${event.status}`)
    expect(results).toEqual([
      "R1: shows the initial count=pass",
      "R2: the Increment button adds one=fail",
      "R1: shows the initial count=pass",
      "R2: the Increment button adds one=pass",
    ])
    expect(outcome.files["src/components/Counter.tsx"]).toContain("count + 1")
    expect(finished).toMatchObject({ success: true, metrics: { repairAttempts: 1 } })
  })

  it("never fixed: exactly two repairs, then an honest failed report", async () => {
    const { events, calls, finished } = await collect({
      interpret: [JSON.stringify(contract)],
      scaffold: [component(2)],
      unit_test: [tests],
      repair: [component(3), component(5)],
    })
    expect(calls.filter((call) => call.input.stage === "repair")).toHaveLength(2)
    expect(ofType(events, "stage_complete").at(-1)).toMatchObject({
      stage: "report",
      summary: expect.stringMatching(/1\/2 requirements met.*Failed: 1 test failed: "R2/),
    })
    expect(finished).toMatchObject({ verdict: "failed", success: false, metrics: { repairAttempts: 2 } })
  })

  it("a repair that breaks a passing test is discarded, and a repair may not touch the tests", async () => {
    const breaksR1 = component(1).replace("Count: {count}", "Total: {count}")
    const rewritesTests = `${component(2)}\n${tests.replace("Count: 1", "Count: 2")}`
    const { events, outcome, finished } = await collect(
      {
        interpret: [JSON.stringify(contract)],
        scaffold: [component(2)],
        unit_test: [tests],
        repair: [breaksR1, rewritesTests],
      },
      2,
    )
    const reasoning = ofType(events, "reasoning_step")
      .map((event) => event.text)
      .join("\n")
    expect(reasoning).toMatch(/broke test\(s\) that passed before \(R1: shows the initial count\)/)
    expect(reasoning).toMatch(/Ignored changes to test files \(src\/components\/Counter\.test\.tsx\)/)
    expect(outcome.files["src/components/Counter.test.tsx"]).toContain("Count: 1")
    // The preview showed the discarded attempt while it was tested, then the version kept again.
    const previews = ofType(events, "hot_reload").map((event) => event.files?.["src/components/Counter.tsx"])
    expect(previews.some((source) => source?.includes("Total: {count}"))).toBe(true)
    expect(previews.at(-1)).toBe(outcome.files["src/components/Counter.tsx"])
    expect(finished).toMatchObject({ success: false })
  })

  it("a traversal path is refused with an error event and never becomes a file", async () => {
    const hostile = `${component(1)}\n${fence}ts file="../../etc/evil.ts"\nexport const x = 1\n${fence}\n`
    const { events, outcome } = await collect({
      interpret: [JSON.stringify(contract)],
      scaffold: [hostile],
      unit_test: [tests],
    })
    expect(ofType(events, "error")).toEqual([expect.objectContaining({ code: "unsafe_path" })])
    expect(Object.keys(outcome.files).some((file) => file.includes("evil"))).toBe(false)
    expect(ofType(events, "file_closed").map((event) => event.path)).not.toContain("../../etc/evil.ts")
  })

  it("a model that answers prose instead of a contract is asked once more, then the run ends clearly", async () => {
    const { events, calls, finished } = await collect({
      interpret: ["Sure! I'd love to build a counter.", "A counter, coming up."],
    })
    expect(calls.map((call) => call.input.stage)).toEqual(["interpret", "interpret"])
    expect(calls[1]?.context.retryReason).toBeTruthy()
    expect(ofType(events, "error")).toEqual([expect.objectContaining({ code: "model_output_invalid" })])
    expect(finished).toMatchObject({
      type: "run_finished",
      verdict: "failed",
      reasons: expect.arrayContaining(["The model gave no usable contract after a retry."]),
      success: false,
    })
  })
})

/** The Counter's tests with R2's test rewritten by `change` (e.g. marked skip), as the unit_test stage writes them. */
const testsWithR2 = (change: (line: string) => string) =>
  tests.replace(/ {2}it\("R2: the Increment button adds one"/, (line) => change(line))

describe("run()'s verdict: only what the tests prove is proven", () => {
  const script = (testAnswer: string) => ({
    interpret: [JSON.stringify(contract)],
    scaffold: [component(1)],
    unit_test: [testAnswer],
  })

  it("a run with the tests turned off (plugins without vitest) is unverified, not a success", async () => {
    const { events, finished, outcome } = await collect(script(tests), undefined, [
      "prettier",
      "eslint",
      "typescript",
      "tailwind",
    ])
    expect(ofType(events, "test_result")).toEqual([])
    expect(finished).toMatchObject({
      type: "run_finished",
      verdict: "unverified",
      reasons: ["tests were turned off"],
      success: false,
    })
    expect(ofType(events, "stage_complete").at(-1)?.summary).toBe(
      "0/2 requirements met; 0/0 tests pass. Not verified: tests were turned off.",
    )
    // The version report carries the same verdict.
    expect(buildVersionReport(outcome, events, { provider: "scripted", model: "m" })).toMatchObject({
      verdict: "unverified",
      reasons: ["tests were turned off"],
      success: false,
    })
  })

  it("a run with type-check turned off is unverified even though every test passes", async () => {
    const { events, finished } = await collect(script(tests), undefined, ["prettier", "eslint", "vitest"])
    expect(ofType(events, "test_result").map((event) => event.status)).toEqual(["pass", "pass"])
    expect(finished).toMatchObject({
      verdict: "unverified",
      reasons: ["type-check was turned off"],
      success: false,
    })
  })

  it("a requirement no test traces to leaves the run unverified, named in the reasons", async () => {
    const untraced = testsWithR2((line) => line.replace("R2: the Increment button adds one", "adds one"))
    const { events, finished, calls } = await collect(script(untraced))
    expect(ofType(events, "test_result").map((event) => [event.name, event.status])).toEqual([
      ["R1: shows the initial count", "pass"],
      ["adds one", "pass"],
    ])
    expect(finished).toMatchObject({ verdict: "unverified", reasons: ["R2 has no test"], success: false })
    // Nothing failed, so nothing is repaired: a repair may not write tests.
    expect(calls.map((call) => call.input.stage)).not.toContain("repair")
  })

  it("a test marked .skip leaves the run unverified", async () => {
    const { events, finished } = await collect(script(testsWithR2((line) => line.replace("it(", "it.skip("))))
    expect(ofType(events, "test_result").map((event) => [event.requirementId, event.status])).toEqual([
      ["R1", "pass"],
      ["R2", "skip"],
    ])
    expect(finished).toMatchObject({
      verdict: "unverified",
      reasons: ['1 test skipped: "R2: the Increment button adds one"'],
      success: false,
    })
  })

  it("a test marked .todo leaves the run unverified", async () => {
    const todo = tests.replace(
      /it\("R2: the Increment button adds one", async \(\) => \{[\s\S]*?\n {2}\}\)\n/,
      'it.todo("R2: the Increment button adds one")\n',
    )
    expect(todo).toContain("it.todo(")
    const { events, finished } = await collect(script(todo))
    expect(ofType(events, "test_result").map((event) => [event.requirementId, event.status])).toEqual([
      ["R1", "pass"],
      ["R2", "skip"],
    ])
    expect(finished).toMatchObject({
      verdict: "unverified",
      reasons: ['1 test skipped: "R2: the Increment button adds one"'],
      success: false,
    })
  })

  it("a focused test (.only) leaves the run unverified, even when every test in the file is focused", async () => {
    const bothFocused = tests.replaceAll('  it("R', '  it.only("R')
    const { events, finished } = await collect(script(bothFocused))
    const focused =
      "focused with .only (src/components/Counter.test.tsx:7, src/components/Counter.test.tsx:11): the other tests do not run"
    // The sandbox runs focused tests as written (allowOnly), whatever the studio's own CI variable says.
    expect(ofType(events, "test_result").map((event) => event.status)).toEqual(["pass", "pass"])
    expect(finished).toMatchObject({ verdict: "unverified", reasons: [focused], success: false })
  })
})

describe("run() as a follow-up", () => {
  it("starts from the previous version: the model sees its contract and files, untouched files carry over", async () => {
    const { generator, calls } = createScriptedGenerator({
      interpret: [JSON.stringify({ ...contract, summary: "A counter with a red increment button." })],
      scaffold: [component(1).replace('type="button"', 'type="button" className="bg-red-500"')],
      unit_test: [tests],
    })
    const previous = {
      prompt: "a counter",
      contract,
      files: {
        "src/components/Counter.tsx": component(1),
        "src/components/counter-format.ts": "export const format = (n: number) => `Count: ${n}`\n",
        "src/components/Counter.test.tsx": "stale tests",
      },
    }
    const { events, outcome } = await runWith(generator, { prompt: "make the button red", previous })
    expect(events.at(-1)).toMatchObject({ type: "run_finished", success: true })
    const interpret = calls[0]?.input
    expect(interpret?.stage === "interpret" && interpret.previous?.contract.name).toBe("Counter")
    expect(
      calls[1]?.input.stage === "scaffold" && calls[1].input.previous?.files["src/components/Counter.tsx"],
    ).toContain("count + 1")
    expect(outcome.files["src/components/Counter.tsx"]).toContain("bg-red-500")
    expect(outcome.files["src/components/counter-format.ts"]).toContain("export const format")
    expect(outcome.files["src/components/Counter.test.tsx"]).toContain("R2: the Increment button adds one")
  })

  it("a follow-up that makes another component drops the old component's file and keeps its helpers", async () => {
    const { generator } = createScriptedGenerator({
      interpret: [JSON.stringify(contract)],
      scaffold: [component(1)],
      unit_test: [tests],
    })
    const previous = {
      prompt: "a star rating",
      contract: { ...contract, name: "StarRating" },
      files: {
        "src/components/StarRating.tsx": "export default function StarRating() { return null }\n",
        "src/components/counter-format.ts": "export const format = (n: number) => `Count: ${n}`\n",
        "src/components/StarRating.test.tsx": "stale tests",
      },
    }
    const { outcome } = await runWith(generator, { prompt: "a counter instead", previous })
    expect(Object.keys(outcome.files).sort()).toEqual([
      "src/components/Counter.test.tsx",
      "src/components/Counter.tsx",
      "src/components/counter-format.ts",
    ])
  })
})

describe("run()'s request and return value", () => {
  const rightFirstTime = () =>
    createScriptedGenerator({
      interpret: [JSON.stringify(contract)],
      scaffold: [component(1)],
      unit_test: [tests],
    })

  it("returns what it ended with (contract, files as tested, css, tests) after its run_finished", async () => {
    const { generator } = rightFirstTime()
    const stream = run(
      { prompt: "  a counter  " },
      { generator, toolchain: engine.toolchain, sandbox: engine.sandbox },
    )
    const events: StudioEvent[] = []
    let next = await stream.next()
    for (; !next.done; next = await stream.next()) events.push(next.value)
    expect(events[0]).toMatchObject({ type: "run_started", prompt: "a counter" })
    expect(events.at(-1)).toMatchObject({ type: "run_finished", success: true })
    const outcome = next.value
    expect(outcome.contract).toEqual(contract)
    expect(Object.keys(outcome.files).sort()).toEqual([
      "src/components/Counter.test.tsx",
      "src/components/Counter.tsx",
    ])
    expect(outcome.tests.map((test) => [test.requirementId, test.status])).toEqual([
      ["R1", "pass"],
      ["R2", "pass"],
    ])
    expect(typeof outcome.css).toBe("string")
  })

  it.each([
    ["an empty prompt", { prompt: "   " }, "prompt: the prompt is empty"],
    [
      "a prompt over the limit",
      { prompt: "x".repeat(8_001) },
      "prompt: the prompt is 8001 characters; at most 8000",
    ],
    [
      "too many repairs",
      { prompt: "a counter", maxRepairs: 6 },
      "maxRepairs: must be a whole number from 0 to 5",
    ],
    [
      "an unknown plugin",
      { prompt: "a counter", plugins: ["acme"] as unknown as RunRequest["plugins"] },
      "plugins: unknown plugin acme; known: prettier, eslint, typescript, tailwind, esbuild, vitest, axe",
    ],
  ])(
    "%s: run_started, a validation_failed error, run_finished; nothing is generated",
    async (_, request, message) => {
      const { generator, calls } = rightFirstTime()
      const { events, outcome } = await runWith(generator, request)
      expect(events.map((event) => event.type)).toEqual(["run_started", "error", "run_finished"])
      expect(events[1]).toMatchObject({ type: "error", code: "validation_failed", message })
      expect(events[2]).toMatchObject({
        verdict: "failed",
        reasons: [message, "no tests ran"],
        success: false,
      })
      expect(calls).toEqual([])
      expect(outcome).toEqual({ files: {}, tests: [] })
    },
  )
})

describe("run()'s tokens, cost and bounds", () => {
  const rightFirstTime = () => ({
    interpret: [JSON.stringify(contract)],
    scaffold: [component(1)],
    unit_test: [tests],
  })

  it("counts tokens per stage, adds them up, and prices them with the request's price table", async () => {
    const { generator } = createScriptedGenerator(rightFirstTime())
    const { events } = await runWith(generator, {
      prompt: "a counter",
      prices: { "test-script": { input: 2, output: 10 } },
    })
    const finished = events.at(-1)
    if (finished?.type !== "run_finished") throw new Error("the run did not finish")
    const { tokens, tokensByStage, costUsd, costBasis } = finished.metrics
    // The scripted model reports 100 prompt tokens per call, and a completion token per 4 characters of its answer.
    expect(tokensByStage).toEqual({
      interpret: { prompt: 100, completion: Math.ceil(JSON.stringify(contract).length / 4) },
      scaffold: { prompt: 100, completion: Math.ceil(component(1).length / 4) },
      unit_test: { prompt: 100, completion: Math.ceil(tests.length / 4) },
    })
    const stages = Object.values(tokensByStage ?? {})
    expect(tokens).toEqual({
      prompt: 300,
      completion: stages.reduce((sum, stage) => sum + stage.completion, 0),
    })
    expect(costBasis).toBe("price")
    expect(costUsd).toBeCloseTo((300 * 2 + tokens.completion * 10) / 1_000_000, 12)
  })

  it("gives no cost for a model whose price is not known", async () => {
    const { generator } = createScriptedGenerator(rightFirstTime())
    const { events } = await runWith(generator, { prompt: "a counter" })
    const finished = events.at(-1)
    expect(finished?.type === "run_finished" && finished.metrics.tokens.prompt).toBe(300)
    expect(finished?.type === "run_finished" && "costUsd" in finished.metrics).toBe(false)
  })

  it("stops at the first usage over the token limit, with an error that says what was used, not proven", async () => {
    const { generator, calls } = createScriptedGenerator(rightFirstTime())
    // interpret alone stays under 250 tokens; scaffold's usage takes the run over it.
    const { events, outcome } = await runWith(generator, { prompt: "a counter", maxTokens: 250 })
    expect(calls.map((call) => call.input.stage)).toEqual(["interpret", "scaffold"])
    const finished = events.at(-1)
    if (finished?.type !== "run_finished") throw new Error("the run did not finish")
    const used = finished.metrics.tokens.prompt + finished.metrics.tokens.completion
    expect(used).toBeGreaterThan(250)
    expect(ofType(events, "error")).toEqual([
      expect.objectContaining({
        code: "token_limit",
        message: `The run was stopped at its token limit: it used ${used.toLocaleString("en-US")} tokens, over the limit of 250 per run.`,
      }),
    ])
    expect(ofType(events, "test_result")).toEqual([])
    expect(finished).toMatchObject({ verdict: "unverified", success: false })
    expect(outcome.tests).toEqual([])
  })

  it("refuses a token limit that is not a whole number of at least 1", async () => {
    const { generator, calls } = createScriptedGenerator(rightFirstTime())
    const { events } = await runWith(generator, { prompt: "a counter", maxTokens: 0 })
    expect(calls).toEqual([])
    expect(ofType(events, "error")).toEqual([
      expect.objectContaining({ code: "validation_failed", message: expect.stringContaining("maxTokens") }),
    ])
  })

  it("a repair that leaves the same tests failing with the same errors stops the loop early, honestly", async () => {
    const sameBug = component(2).replace("export default", "// Fixed, surely.\nexport default")
    const { events, calls, finished } = await collect(
      {
        interpret: [JSON.stringify(contract)],
        scaffold: [component(2)],
        unit_test: [tests],
        repair: [sameBug, component(1)],
      },
      2,
    )
    expect(calls.filter((call) => call.input.stage === "repair")).toHaveLength(1)
    const reasoning = ofType(events, "reasoning_step").map((event) => event.text)
    expect(reasoning.find((text) => text.startsWith("Gave up"))).toMatch(
      /^Gave up: the same tests still fail with the same errors after a change; 1 test\(s\) still fail \(R2: the Increment button adds one\)/,
    )
    expect(finished).toMatchObject({ verdict: "failed", success: false, metrics: { repairAttempts: 1 } })
  })
})
