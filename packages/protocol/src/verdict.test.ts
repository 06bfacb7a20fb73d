import { describe, expect, it } from "vitest"
import { computeVerdict, verdictSchema, type VerdictInput } from "./verdict"

const requirements = [{ id: "R1" }, { id: "R2" }]
const ALL_CHECKS = ["prettier", "eslint", "typescript", "tailwind", "vitest"]
const pass = (name: string) => ({ name, status: "pass" as const })
const proven: VerdictInput = {
  requirements,
  tests: [pass("R1: shows the count"), pass("R2: adds one")],
  diagnostics: [{ source: "eslint", severity: "warning" }],
  checks: ALL_CHECKS,
}

describe("computeVerdict", () => {
  it("is proven when every requirement has a passing test, nothing is skipped and no check reports an error", () => {
    expect(computeVerdict(proven)).toEqual({ verdict: "proven", reasons: [] })
    // A test traced by its reported id counts like one traced by its name; untraced extra tests may pass too.
    expect(
      computeVerdict({
        ...proven,
        tests: [
          pass("R1: shows"),
          { name: "adds one", requirementId: "R2", status: "pass" },
          pass("renders"),
        ],
      }).verdict,
    ).toBe("proven")
  })

  it("is unverified when the tests were turned off (plugins without vitest), with no test having run", () => {
    expect(
      computeVerdict({ requirements, tests: [], checks: ["prettier", "eslint", "typescript", "tailwind"] }),
    ).toEqual({ verdict: "unverified", reasons: ["tests were turned off"] })
  })

  it("is unverified when type-check or lint was turned off, even though every test passed", () => {
    expect(computeVerdict({ ...proven, checks: ["vitest", "eslint"] })).toEqual({
      verdict: "unverified",
      reasons: ["type-check was turned off"],
    })
    expect(computeVerdict({ ...proven, checks: ["vitest"] }).reasons).toEqual([
      "type-check was turned off",
      "lint was turned off",
    ])
  })

  it("is unverified when no tests ran", () => {
    expect(computeVerdict({ ...proven, tests: [] })).toEqual({
      verdict: "unverified",
      reasons: ["no tests ran"],
    })
  })

  it("is unverified when a requirement has no traced test, and names it", () => {
    expect(computeVerdict({ ...proven, tests: [pass("R1: shows the count")] })).toEqual({
      verdict: "unverified",
      reasons: ["R2 has no test"],
    })
    expect(
      computeVerdict({
        ...proven,
        requirements: [{ id: "R1" }, { id: "R2" }, { id: "R3" }],
        tests: [pass("R1")],
      }).reasons,
    ).toEqual(["R2 and R3 have no test"])
    // "covers R2" does not start with the id, so it does not trace to R2.
    expect(computeVerdict({ ...proven, tests: [pass("R1: shows"), pass("covers R2")] }).reasons).toEqual([
      "R2 has no test",
    ])
  })

  it("is unverified when a test is skipped or todo (both report as skip), and names it", () => {
    expect(
      computeVerdict({ ...proven, tests: [pass("R1: shows"), { name: "R2: adds one", status: "skip" }] }),
    ).toEqual({ verdict: "unverified", reasons: ['1 test skipped: "R2: adds one"'] })
  })

  it("is unverified when a test is focused with .only, even if every test that ran passed", () => {
    expect(computeVerdict({ ...proven, focused: ["src/components/Counter.test.tsx:7"] })).toEqual({
      verdict: "unverified",
      reasons: ["focused with .only (src/components/Counter.test.tsx:7): the other tests do not run"],
    })
  })

  it("fails when a traced test fails, naming at most three tests", () => {
    const failing = ["R1: a", "R1: b", "R2: c", "R2: d"].map((name) => ({ name, status: "fail" as const }))
    expect(computeVerdict({ ...proven, tests: failing })).toEqual({
      verdict: "failed",
      reasons: ['4 tests failed: "R1: a", "R1: b", "R2: c" and 1 more'],
    })
  })

  it("fails when type-check or lint reports an error, even with every test passing", () => {
    expect(
      computeVerdict({
        ...proven,
        diagnostics: [
          { source: "typescript", severity: "error" },
          { source: "typescript", severity: "error" },
          { source: "eslint", severity: "error" },
          { source: "eslint", severity: "warning" },
        ],
      }),
    ).toEqual({ verdict: "failed", reasons: ["type-check reported 2 errors", "lint reported 1 error"] })
  })

  it("fails over unverified when both hold, and keeps every reason (failures first)", () => {
    expect(
      computeVerdict({
        requirements,
        tests: [{ name: "R1: shows", status: "fail" }],
        checks: ["vitest", "eslint"],
      }),
    ).toEqual({
      verdict: "failed",
      reasons: ['1 test failed: "R1: shows"', "type-check was turned off", "R2 has no test"],
    })
  })

  it("fails on the error a run ended with; a cancel or an interruption leaves it unverified", () => {
    expect(
      computeVerdict({
        tests: [],
        errors: [
          { code: "model_output_invalid", message: "The model gave no usable contract after a retry." },
        ],
      }),
    ).toEqual({
      verdict: "failed",
      reasons: ["The model gave no usable contract after a retry.", "no tests ran"],
    })
    expect(
      computeVerdict({ tests: [], errors: [{ code: "cancelled", message: "The run was cancelled." }] }),
    ).toEqual({ verdict: "unverified", reasons: ["The run was cancelled.", "no tests ran"] })
    // A server that refuses to run unisolated code ran nothing: nothing failed, nothing is proven.
    expect(
      computeVerdict({
        tests: [],
        errors: [{ code: "sandbox_unavailable", message: "This server cannot isolate edited code." }],
      }).verdict,
    ).toBe("unverified")
  })

  it("names the import check when it refuses a job", () => {
    expect(computeVerdict({ ...proven, diagnostics: [{ source: "imports", severity: "error" }] })).toEqual({
      verdict: "failed",
      reasons: ["the import check reported 1 error"],
    })
  })

  it("without a contract, the tests and checks alone decide (studio exec on a bare folder)", () => {
    expect(
      computeVerdict({ tests: [pass("renders")], checks: ["eslint", "typescript", "vitest"] }).verdict,
    ).toBe("proven")
    expect(computeVerdict({ requirements: [], tests: [pass("renders")] }).reasons).toEqual([
      "the contract has no requirements",
    ])
  })

  it("always answers one of the three verdicts", () => {
    for (const input of [
      proven,
      { tests: [] },
      { ...proven, tests: [{ name: "R1", status: "fail" as const }] },
    ])
      expect(verdictSchema.safeParse(computeVerdict(input).verdict).success).toBe(true)
  })
})
