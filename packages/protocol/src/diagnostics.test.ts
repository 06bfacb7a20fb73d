import { describe, it, expect } from "vitest"
import { diagnosticSchema } from "./diagnostics"
import type { Diagnostic } from "./diagnostics"

const typeError: Diagnostic = {
  source: "typescript",
  path: "src/components/Counter.tsx",
  line: 12,
  column: 5,
  message: "Type 'string' is not assignable to type 'number'.",
  severity: "error",
  code: "TS2322",
}

describe("diagnosticSchema", () => {
  it("accepts a diagnostic and a whole-run problem with unknown position", () => {
    expect(diagnosticSchema.parse(typeError)).toEqual(typeError)
    const wholeRun = {
      source: "vitest",
      path: "",
      line: 0,
      column: 0,
      message: "No tests found",
      severity: "warning",
    }
    expect(diagnosticSchema.parse(wholeRun)).toEqual(wholeRun)
  })

  it("tolerates unknown extra fields", () => {
    expect(diagnosticSchema.safeParse({ ...typeError, endLine: 13 }).success).toBe(true)
  })

  it("rejects negative or fractional positions, unknown severities and missing fields", () => {
    expect(diagnosticSchema.safeParse({ ...typeError, line: -1 }).success).toBe(false)
    expect(diagnosticSchema.safeParse({ ...typeError, column: 1.5 }).success).toBe(false)
    expect(diagnosticSchema.safeParse({ ...typeError, severity: "fatal" }).success).toBe(false)
    const { message: _message, ...withoutMessage } = typeError
    expect(diagnosticSchema.safeParse(withoutMessage).success).toBe(false)
  })
})
