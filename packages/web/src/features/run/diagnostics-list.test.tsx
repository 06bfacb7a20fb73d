import { render, screen, within } from "@testing-library/react"
import { describe, expect, it } from "vitest"
import type { Diagnostic } from "@studio/protocol"
import { DiagnosticsList, diagnosticLocation } from "./diagnostics-list"
import { lintWarning, typeError } from "./run-fixtures"

describe("DiagnosticsList", () => {
  it("says so when the build is clean", () => {
    render(<DiagnosticsList diagnostics={[]} />)
    expect(screen.getByText("No build problems")).toBeInTheDocument()
  })

  it("groups problems by severity, errors first, with counts", () => {
    const whole: Diagnostic = {
      source: "vitest",
      path: "",
      line: 0,
      column: 0,
      severity: "info",
      message: "1 test skipped",
    }
    const second: Diagnostic = { ...lintWarning, line: 7, message: "Missing key prop." }
    render(<DiagnosticsList diagnostics={[lintWarning, whole, typeError, second]} />)

    expect(screen.getByText("1 error · 2 warnings · 1 note")).toBeInTheDocument()
    const headings = screen.getAllByRole("heading").map((heading) => heading.textContent)
    expect(headings).toEqual(["Errors(1)", "Warnings(2)", "Notes(1)"])

    const errors = within(screen.getByRole("list", { name: "Errors" })).getAllByRole("listitem")
    expect(errors).toHaveLength(1)
    expect(errors[0]).toHaveTextContent("Type 'string' is not assignable to type 'number'.")
    expect(errors[0]).toHaveTextContent("src/components/PricingTable.tsx:4:10")
    expect(errors[0]).toHaveTextContent("typescript · TS2322")
    const warnings = within(screen.getByRole("list", { name: "Warnings" })).getAllByRole("listitem")
    expect(warnings[0]).toHaveTextContent("eslint · no-console")
    expect(warnings[1]).toHaveTextContent("Missing key prop.")
  })

  it.each([
    [{ path: "", line: 3, column: 1 }, ""],
    [{ path: "src/a.tsx", line: 0, column: 0 }, "src/a.tsx"],
    [{ path: "src/a.tsx", line: 3, column: 0 }, "src/a.tsx:3"],
    [{ path: "src/a.tsx", line: 3, column: 9 }, "src/a.tsx:3:9"],
  ])("locates %j as %j", (where, text) => {
    expect(diagnosticLocation({ ...typeError, ...where })).toBe(text)
  })
})
