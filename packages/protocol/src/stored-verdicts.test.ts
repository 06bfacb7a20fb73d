import { describe, expect, it } from "vitest"
import { versionReportSchema } from "./api"
import { runFinishedEventSchema } from "./events"
import {
  storedRunFinishedEventSchema,
  upgradeRunFinishedEvent,
  upgradeVersionReport,
  verdictOfEarlierRun,
} from "./stored-verdicts"

const requirements = [
  { id: "R1", text: "Shows the count" },
  { id: "R2", text: "Adds one" },
]
const test = (name: string, status: "pass" | "fail" | "skip" = "pass") => ({ name, status, durationMs: 3 })

/** A report as `buildVersionReport` stored it before verdicts: `success` meant "no test failed". */
function earlierReport(overrides: Record<string, unknown> = {}) {
  return {
    success: true,
    provider: "offline",
    model: "recipes",
    requirements: requirements.map((requirement) => ({ ...requirement, met: true, tests: [] })),
    tests: [test("R1: shows the count"), test("R2: adds one")],
    metrics: { durations: { execute: 800 }, tokens: { prompt: 0, completion: 0 }, repairAttempts: 0 },
    errors: [],
    ...overrides,
  }
}

const metrics = { durations: {}, tokens: { prompt: 0, completion: 0 }, repairAttempts: 0 }
const earlierFinished = (success: boolean) => ({
  type: "run_finished" as const,
  runId: "run-1",
  seq: 9,
  ts: 1,
  success,
  metrics,
})

describe("upgradeVersionReport", () => {
  it("reads a report stored before verdicts with the new rule: proven only when its tests prove it", () => {
    const upgraded = upgradeVersionReport(earlierReport())
    expect(upgraded).toMatchObject({ verdict: "proven", reasons: [], success: true })
    expect(versionReportSchema.safeParse(upgraded).success).toBe(true)
  })

  it("an earlier 'success' with no tests at all (vitest turned off) is not verified, not Passed", () => {
    expect(upgradeVersionReport(earlierReport({ tests: [] }))).toMatchObject({
      verdict: "unverified",
      reasons: ["no tests ran"],
      success: false,
    })
  })

  it("an earlier 'success' with an untested requirement or a skipped test is not verified", () => {
    expect(upgradeVersionReport(earlierReport({ tests: [test("R1: shows the count")] }))).toMatchObject({
      verdict: "unverified",
      reasons: ["R2 has no test"],
      success: false,
    })
    expect(
      upgradeVersionReport(earlierReport({ tests: [test("R1: shows"), test("R2: adds", "skip")] })),
    ).toMatchObject({ verdict: "unverified", reasons: ['1 test skipped: "R2: adds"'], success: false })
  })

  it("an earlier failure stays failed even when its tests passed (its type-check or lint had errors)", () => {
    expect(upgradeVersionReport(earlierReport({ success: false }))).toMatchObject({
      verdict: "failed",
      reasons: ["its checks reported errors when it ran"],
      success: false,
    })
    expect(
      upgradeVersionReport(earlierReport({ success: false, tests: [test("R1: a"), test("R2: b", "fail")] })),
    ).toMatchObject({ verdict: "failed", reasons: ['1 test failed: "R2: b"'] })
  })

  it("keeps the verdict of a report written with one, and refuses what is not a report", () => {
    const current = {
      ...earlierReport(),
      verdict: "unverified",
      reasons: ["lint was turned off"],
      success: false,
    }
    expect(upgradeVersionReport(current)).toEqual(current)
    expect(upgradeVersionReport({ success: true })).toBeUndefined()
    expect(upgradeVersionReport(null)).toBeUndefined()
  })

  it("the current report schema requires the verdict: new reports always carry one", () => {
    expect(versionReportSchema.safeParse(earlierReport()).success).toBe(false)
  })
})

describe("upgradeRunFinishedEvent", () => {
  it("gives an earlier run_finished the verdict of the run's stored tests, never trusting success alone", () => {
    const stored = storedRunFinishedEventSchema.parse(earlierFinished(true))
    const upgraded = upgradeRunFinishedEvent(stored, { requirements, tests: [test("R1: shows")] })
    expect(upgraded).toMatchObject({ verdict: "unverified", reasons: ["R2 has no test"], success: false })
    expect(runFinishedEventSchema.safeParse(upgraded).success).toBe(true)
    // The same event without the upgrade is not a current event: verdict is required on the wire.
    expect(runFinishedEventSchema.safeParse(earlierFinished(true)).success).toBe(false)
  })

  it("a cancelled earlier run is unverified; one that stopped on an error is failed", () => {
    const stored = storedRunFinishedEventSchema.parse(earlierFinished(false))
    expect(
      upgradeRunFinishedEvent(stored, {
        tests: [],
        errors: [{ code: "cancelled", message: "The run was cancelled." }],
      }),
    ).toMatchObject({ verdict: "unverified", success: false })
    expect(
      upgradeRunFinishedEvent(stored, {
        tests: [],
        errors: [{ code: "model_output_invalid", message: "The scaffold did not write Counter.tsx." }],
      }),
    ).toMatchObject({
      verdict: "failed",
      reasons: ["The scaffold did not write Counter.tsx.", "no tests ran"],
    })
  })

  it("keeps the verdict a current event carries", () => {
    const current = {
      ...earlierFinished(false),
      verdict: "failed" as const,
      reasons: ["lint reported 1 error"],
    }
    expect(upgradeRunFinishedEvent(current, { tests: [] })).toEqual(current)
  })
})

describe("verdictOfEarlierRun", () => {
  it("a run stored as passed keeps only what its tests prove; recovered-from errors do not fail it", () => {
    expect(
      verdictOfEarlierRun({
        success: true,
        requirements,
        tests: [test("R1: a"), test("R2: b")],
        errors: [{ code: "unsafe_path", message: "refused ../x.ts" }],
      }),
    ).toEqual({ verdict: "proven", reasons: [] })
  })

  it("a run that never finished (success null) is not proven", () => {
    expect(
      verdictOfEarlierRun({ success: null, requirements, tests: [test("R1: a"), test("R2: b")] }),
    ).toEqual({
      verdict: "unverified",
      reasons: ["the run did not finish"],
    })
  })
})
