import { describe, expect, it } from "vitest"
import { API_LIMITS } from "./api"
import { RUN_REPAIR_LIMITS, runRequestSchema } from "./run-request"

describe("runRequestSchema", () => {
  it("trims the prompt and fills in the default repairs", () => {
    expect(runRequestSchema.parse({ prompt: "  a counter  " })).toEqual({
      prompt: "a counter",
      maxRepairs: RUN_REPAIR_LIMITS.default,
    })
  })

  it("refuses an empty prompt and one over the limit, saying how long it is", () => {
    const messages = (input: unknown) =>
      runRequestSchema.safeParse(input).error?.issues.map((issue) => issue.message)
    expect(messages({ prompt: "   " })).toEqual(["the prompt is empty"])
    expect(messages({ prompt: "x".repeat(API_LIMITS.promptChars + 1) })).toEqual([
      `the prompt is ${API_LIMITS.promptChars + 1} characters; at most ${API_LIMITS.promptChars}`,
    ])
    expect(runRequestSchema.safeParse({ prompt: "x".repeat(API_LIMITS.promptChars) }).success).toBe(true)
  })

  it("bounds the repairs to whole numbers from 0 to 5", () => {
    for (const maxRepairs of [0, 5])
      expect(runRequestSchema.safeParse({ prompt: "p", maxRepairs }).success).toBe(true)
    for (const maxRepairs of [-1, 6, 1.5])
      expect(runRequestSchema.safeParse({ prompt: "p", maxRepairs }).error?.issues[0]).toMatchObject({
        path: ["maxRepairs"],
        message: "must be a whole number from 0 to 5",
      })
  })

  it("checks a follow-up's previous version (its contract is a contract)", () => {
    const previous = {
      prompt: "p",
      contract: { name: "lower", summary: "", props: [], requirements: [] },
      files: {},
    }
    expect(runRequestSchema.safeParse({ prompt: "p", previous }).error?.issues[0]?.path).toEqual([
      "previous",
      "contract",
      "name",
    ])
  })
})

describe("runRequestSchema: tests as the spec", () => {
  const test = { name: "Counter.test.js", content: "test('adds one', () => {})\n" }
  const messages = (input: unknown) =>
    runRequestSchema.safeParse(input).error?.issues.map((issue) => issue.message)

  it("takes tests with or without a prompt; neither is refused as an empty prompt", () => {
    expect(runRequestSchema.parse({ tests: [test] })).toMatchObject({ prompt: "", tests: [test] })
    expect(runRequestSchema.parse({ prompt: " a counter ", tests: [test] }).prompt).toBe("a counter")
    expect(messages({ prompt: "  ", tests: [] })).toEqual([
      "give at least one test file",
      "the prompt is empty",
    ])
    expect(messages({})).toEqual(["the prompt is empty"])
  })

  it("bounds the files' names, sizes and count", () => {
    expect(messages({ tests: [{ ...test, name: "../Counter.test.js" }] })).toEqual([
      "a test file name must look like Counter.test.js (.js, .jsx, .ts or .tsx)",
    ])
    expect(messages({ tests: [{ ...test, name: "Counter.js" }] })).toHaveLength(1)
    expect(messages({ tests: [{ ...test, content: " \n" }] })).toEqual(["the test file is empty"])
    expect(messages({ tests: [{ ...test, content: "x".repeat(API_LIMITS.testFileChars + 1) }] })).toEqual([
      `a test file may have at most ${API_LIMITS.testFileChars} characters`,
    ])
    const many = Array.from({ length: API_LIMITS.testFiles + 1 }, (_, index) => ({
      ...test,
      name: `T${index}.test.js`,
    }))
    expect(messages({ tests: many })).toEqual([`at most ${API_LIMITS.testFiles} test files`])
    expect(messages({ tests: [test, test] })).toEqual(["test file names must differ"])
  })
})
