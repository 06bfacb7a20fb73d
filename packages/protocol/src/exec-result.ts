import { z } from "zod"
import { diagnosticSchema } from "./diagnostics"

export const TEST_STATUSES = ["pass", "fail", "skip"] as const
export const testStatusSchema = z.enum(TEST_STATUSES)
export type TestStatus = z.infer<typeof testStatusSchema>

/** One test as the sandbox reports it; the same facts plain Vitest reports. */
export const testCaseResultSchema = z.object({
  /** The it() title, e.g. "R2: shows the total". */
  name: z.string(),
  /** Describe blocks and title joined, e.g. "Counter > R2: shows the total". */
  fullName: z.string().optional(),
  /** Job-relative test file. */
  file: z.string().optional(),
  requirementId: z.string().optional(),
  status: testStatusSchema,
  durationMs: z.number().nonnegative(),
  error: z.string().optional(),
})
export type TestCaseResult = z.infer<typeof testCaseResultSchema>

/** What `studio exec --json` prints: the tests and diagnostics of one execute stage. */
export const execResultSchema = z.object({
  ok: z.boolean(),
  tests: z.array(testCaseResultSchema),
  diagnostics: z.array(diagnosticSchema),
  durationMs: z.number().nonnegative(),
  /** The sandbox backend that ran the tests, e.g. "bubblewrap". */
  isolation: z.string().optional(),
})
export type ExecResult = z.infer<typeof execResultSchema>

// "R2: ...", "R2 - ...", "R2 — ...", "R2) ...", "[R2] ..."; the id must stand alone, so "R2D2" is not one.
const LEADING_REQUIREMENT_ID = /^\s*\[?(R\d+)\]?(?=\s|[:.)\-–—]|$)/

/** The requirement id a test name starts with ("R2: shows the total" -> "R2"), or null. */
export function requirementIdFromTestName(name: string): string | null {
  return LEADING_REQUIREMENT_ID.exec(name)?.[1] ?? null
}

/** A requirement with the tests traced to it; met when it has at least one test and all of them pass. */
export interface RequirementStatus {
  id: string
  text: string
  met: boolean
  tests: TestCaseResult[]
}

/** Traces tests to requirements by their id (the test's `requirementId`, or the id its name starts with). */
export function evaluateRequirements(
  requirements: readonly { id: string; text: string }[],
  tests: readonly TestCaseResult[],
): RequirementStatus[] {
  return requirements.map((requirement) => {
    const traced = tests.filter(
      (test) => (test.requirementId ?? requirementIdFromTestName(test.name)) === requirement.id,
    )
    return {
      ...requirement,
      met: traced.length > 0 && traced.every((test) => test.status === "pass"),
      tests: traced,
    }
  })
}
