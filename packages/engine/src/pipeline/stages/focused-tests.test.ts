// The `.only` below are in generated test sources handed to findFocusedTests, on purpose; none focuses this file.
import { describe, expect, it } from "vitest"
import { findFocusedTests } from "./focused-tests"

describe("findFocusedTests", () => {
  it("finds it.only, test.only, describe.only and chained forms, by file and line", () => {
    const source = [
      'import { describe, it, test } from "vitest"',
      'it.only("R1: shows", () => {})',
      'describe.only("group", () => {',
      '  test.concurrent.only("R2: adds", () => {})',
      "})",
      'it.only.each([1, 2])("R3: %i", () => {})',
    ].join("\n")
    expect(findFocusedTests({ "src/components/Counter.test.tsx": source })).toEqual([
      "src/components/Counter.test.tsx:2",
      "src/components/Counter.test.tsx:3",
      "src/components/Counter.test.tsx:4",
      "src/components/Counter.test.tsx:6",
    ])
  })

  it("ignores .only in comments, strings, other objects and files that are not tests", () => {
    const source = [
      "// it.only would focus this file",
      'it("R1: the only option", () => { expect(options.only).toBe(true) })',
      'const text = "describe.only("',
    ].join("\n")
    expect(
      findFocusedTests({
        "src/components/Counter.test.tsx": source,
        "src/components/Counter.tsx": 'it.only("not a test file", () => {})',
      }),
    ).toEqual([])
  })
})
