import { describe, it, expect } from "vitest"
import { evaluateRequirements, execResultSchema, requirementIdFromTestName } from "./exec-result"
import type { ExecResult } from "./exec-result"

const result: ExecResult = {
  ok: false,
  tests: [
    {
      name: "R1: shows 0",
      fullName: "Counter > R1: shows 0",
      file: "src/components/Counter.test.tsx",
      requirementId: "R1",
      status: "pass",
      durationMs: 12,
    },
    {
      name: "R2: increments",
      requirementId: "R2",
      status: "fail",
      durationMs: 30,
      error: "expected 1, got 0",
    },
  ],
  diagnostics: [
    {
      source: "eslint",
      path: "src/components/Counter.tsx",
      line: 1,
      column: 1,
      message: "x",
      severity: "warning",
      ruleId: "no-unused-vars",
    },
  ],
  durationMs: 950,
  isolation: "bubblewrap",
  verdict: "failed",
  reasons: ['1 test failed: "R2: increments"'],
}

describe("execResultSchema", () => {
  it("accepts a result and tolerates extra fields", () => {
    expect(execResultSchema.parse(result)).toEqual(result)
    expect(execResultSchema.safeParse({ ...result, vitestVersion: "4.1" }).success).toBe(true)
  })

  it("rejects missing fields and unknown statuses", () => {
    const { diagnostics: _diagnostics, ...withoutDiagnostics } = result
    expect(execResultSchema.safeParse(withoutDiagnostics).success).toBe(false)
    expect(
      execResultSchema.safeParse({ ...result, tests: [{ name: "x", status: "todo", durationMs: 0 }] })
        .success,
    ).toBe(false)
  })
})

describe("requirementIdFromTestName", () => {
  it.each([
    ["R2: shows the total", "R2"],
    ["R2 - shows the total", "R2"],
    ["R12 — em dash", "R12"],
    ["  R3:leading space", "R3"],
    ["[R4] bracketed", "R4"],
    ["R5", "R5"],
  ])("reads the id from %j", (name, id) => {
    expect(requirementIdFromTestName(name)).toBe(id)
  })

  it.each(["shows the total", "R2D2 walks", "r2: lower case", "covers R2: later", "R: no number", ""])(
    "returns null for %j",
    (name) => {
      expect(requirementIdFromTestName(name)).toBeNull()
    },
  )
})

describe("evaluateRequirements", () => {
  it("traces tests by id and meets a requirement only when it has tests and all pass", () => {
    const statuses = evaluateRequirements(
      [
        { id: "R1", text: "shows" },
        { id: "R2", text: "adds" },
        { id: "R3", text: "resets" },
      ],
      [
        { name: "R1: shows the count", status: "pass", durationMs: 1 },
        { name: "adds one", requirementId: "R2", status: "pass", durationMs: 1 },
        { name: "R2: adds two", status: "fail", durationMs: 1 },
      ],
    )
    expect(statuses.map((status) => [status.id, status.met, status.tests.length])).toEqual([
      ["R1", true, 1],
      ["R2", false, 2],
      ["R3", false, 0],
    ])
  })
})
