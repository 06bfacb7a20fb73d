import type { Diagnostic, TestCaseResult } from "@studio/protocol"
import { describe, expect, it } from "vitest"
import { gaveUpStep, sameFailures } from "./repair"

const failing = (name: string, error: string): TestCaseResult => ({
  name,
  fullName: `Counter > ${name}`,
  file: "src/components/Counter.test.tsx",
  status: "fail",
  durationMs: 12,
  error,
})
const passing = (name: string): TestCaseResult => ({ name, status: "pass", durationMs: 3 })
const typeError = (message: string, line: number): Diagnostic => ({
  source: "typescript",
  path: "src/components/Counter.tsx",
  line,
  column: 5,
  message,
  severity: "error",
})

describe("sameFailures", () => {
  const before = {
    tests: [
      passing("R1: shows the count"),
      failing(
        "R2: adds one",
        "\u001b[31mUnable to find an element with the text: Count: 1\u001b[39m\n    at Object.<anonymous> (src/components/Counter.test.tsx:14:20)\n  (timed out after 1000ms)",
      ),
    ],
    diagnostics: [typeError("Type 'string' is not assignable to type 'number'.", 7)],
  }

  it("is true when the same tests fail with the same errors, however colours, frames, positions and timings moved", () => {
    const after = {
      tests: [
        passing("R1: shows the count"),
        failing(
          "R2: adds one",
          "Unable to find an element with the text:   Count: 1\n    at Object.<anonymous> (src/components/Counter.test.tsx:15:22)\n  (timed out after 1004ms)",
        ),
      ],
      diagnostics: [typeError("Type 'string' is not assignable to type 'number'.", 9)],
    }
    expect(sameFailures(before, after)).toBe(true)
  })

  it("is false when an error changed, another test fails, or an error is gone", () => {
    const other = failing("R2: adds one", "Unable to find an element with the text: Count: 2")
    expect(sameFailures(before, { ...before, tests: [passing("R1: shows the count"), other] })).toBe(false)
    expect(
      sameFailures(before, { ...before, tests: [...before.tests, failing("R3: resets", "expected 0")] }),
    ).toBe(false)
    expect(sameFailures(before, { ...before, diagnostics: [] })).toBe(false)
  })

  it("is false when nothing fails: there is nothing to give up on", () => {
    const clean = { tests: [passing("R1: shows the count")], diagnostics: [] }
    expect(sameFailures(clean, clean)).toBe(false)
  })
})

describe("gaveUpStep", () => {
  it("says it gave up because the same tests still fail, naming them", () => {
    const text = gaveUpStep({ tests: [failing("R2: adds one", "x")], diagnostics: [typeError("y", 1)] })
    expect(text).toMatch(/^Gave up: the same tests still fail with the same errors after a change/)
    expect(text).toContain("1 test(s) still fail (R2: adds one) and 1 error(s) remain")
  })
})
