import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { appendResult, readEarlierResults, summarizeResults, type WebApp1kResult } from "./index"

const folder = mkdtempSync(path.join(tmpdir(), "webapp1k-results-"))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const model = { provider: "openai", model: "gpt-4o" }
const result = (task: string, fields: Partial<WebApp1kResult> = {}): WebApp1kResult => ({
  task,
  domain: "blogging",
  suite: "tests",
  ...model,
  pass: true,
  passBeforeRepair: true,
  repairs: 0,
  tokens: { prompt: 100, completion: 10 },
  costUsd: 0.1,
  durationMs: 1_000,
  ...fields,
})

describe("the results file", () => {
  it("reuses this model's results, the later of a task written twice, and skips what is not a result", () => {
    const file = path.join(folder, "results.jsonl")
    appendResult(file, result("addComment", { pass: false }))
    appendResult(file, result("addComment"))
    appendResult(file, result("addTag", { model: "llama3" }))
    writeFileSync(file, '{"summary":{"tasks":2}}\n{"task":"cutOff","dom', { flag: "a" })
    const earlier = readEarlierResults(file, model)
    expect([...earlier.byTask.keys()]).toEqual(["tests/blogging/addComment"])
    expect(earlier.byTask.get("tests/blogging/addComment")?.pass).toBe(true)
    expect(earlier).toMatchObject({ unreadLines: 1, otherModel: 1 })
    expect(readEarlierResults(path.join(folder, "none.jsonl"), model).byTask.size).toBe(0)
  })
})

describe("summarizeResults", () => {
  it("gives pass@1 before and after repair per domain and overall, and sums tokens and the known costs", () => {
    const summary = summarizeResults(
      [
        result("a"),
        result("b", { passBeforeRepair: false, repairs: 2, costUsd: 0.2 }),
        result("c", { domain: "weather", pass: false, passBeforeRepair: false, costUsd: null, error: "x" }),
      ],
      { suite: "tests", ...model, ran: 2, resumed: 1, interrupted: false },
    )
    expect(summary).toMatchObject({
      tasks: 3,
      passed: 2,
      passedBeforeRepair: 1,
      pass1: 0.6667,
      pass1BeforeRepair: 0.3333,
      errors: 1,
      repairs: 2,
      tokens: { prompt: 300, completion: 30 },
      unpricedTasks: 1,
      durationMs: 3_000,
      domains: {
        blogging: { tasks: 2, passed: 2, passedBeforeRepair: 1, pass1: 1, pass1BeforeRepair: 0.5 },
        weather: { tasks: 1, passed: 0, pass1: 0 },
      },
    })
    expect(summary.costUsd).toBeCloseTo(0.3, 9)
    expect(
      summarizeResults([], { suite: "tests", ...model, ran: 0, resumed: 0, interrupted: true }),
    ).toMatchObject({ tasks: 0, pass1: 0, costUsd: null, interrupted: true })
  })
})
