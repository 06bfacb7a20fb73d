import { describe, it, expect } from "vitest"
import { isAbortError, isModuleNotFoundError, pluginFailureDiagnostic, runDiagnostic } from "./diagnostic"

describe("runDiagnostic", () => {
  it("has no position", () => {
    expect(runDiagnostic("eslint", "boom")).toEqual({
      source: "eslint",
      path: "",
      line: 0,
      column: 0,
      message: "boom",
      severity: "error",
    })
  })
})

describe("pluginFailureDiagnostic", () => {
  it("names a missing package without the host path", async () => {
    const error: unknown = await import("not-a-real-package-xyz" as string).catch((caught: unknown) => caught)
    expect(isModuleNotFoundError(error)).toBe(true)
    const diagnostic = pluginFailureDiagnostic("prettier", error, "prettier")
    expect(diagnostic.severity).toBe("error")
    expect(diagnostic.message).toContain("prettier is not available")
    expect(diagnostic.message).toContain("not-a-real-package-xyz")
    expect(diagnostic.message).not.toContain("/work/")
  })

  it("keeps the message of any other error, minus stack and paths", () => {
    const error = new Error("exploded reading /home/someone/project/secret.ts")
    const diagnostic = pluginFailureDiagnostic("tailwind", error, "tailwindcss")
    expect(diagnostic.message).toBe("tailwind failed: exploded reading secret.ts")
    expect(diagnostic.message).not.toContain("    at ")
    expect(pluginFailureDiagnostic("x", "plain string", "x").message).toBe("x failed: plain string")
  })

  it("recognizes aborts", () => {
    expect(isAbortError(new DOMException("stop", "AbortError"))).toBe(true)
    expect(isAbortError(new Error("stop"))).toBe(false)
  })
})
