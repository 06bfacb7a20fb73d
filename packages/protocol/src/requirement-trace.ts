import type { TestCaseResult } from "./test-case-result"

// "R2: ...", "R2 - ...", "R2 — ...", "R2) ...", "[R2] ..."; the id must stand alone, so "R2D2" is not one.
const LEADING_REQUIREMENT_ID = /^\s*\[?(R\d+)\]?(?=\s|[:.)\-–—]|$)/

/** The requirement id a test name starts with ("R2: shows the total" -> "R2"), or null. */
export function requirementIdFromTestName(name: string): string | null {
  return LEADING_REQUIREMENT_ID.exec(name)?.[1] ?? null
}

/** What tracing needs of a test: its name, its requirement id when the reporter knew it, and its status. */
export type TracedTest = Pick<TestCaseResult, "name" | "requirementId" | "status">

/** A requirement with the tests traced to it; met when it has at least one test and all of them pass. */
export interface RequirementStatus<T extends TracedTest = TestCaseResult> {
  id: string
  text: string
  met: boolean
  tests: T[]
}

/** Traces tests to requirements by their id (the test's `requirementId`, or the id its name starts with). */
export function evaluateRequirements<R extends { id: string; text: string }, T extends TracedTest>(
  requirements: readonly R[],
  tests: readonly T[],
): (R & { met: boolean; tests: T[] })[] {
  return requirements.map((requirement) => {
    const traced = tests.filter((test) => requirementIdOf(test) === requirement.id)
    return {
      ...requirement,
      met: traced.length > 0 && traced.every((test) => test.status === "pass"),
      tests: traced,
    }
  })
}

/** The requirement a test traces to, or null. */
export function requirementIdOf(test: Pick<TestCaseResult, "name" | "requirementId">): string | null {
  return test.requirementId ?? requirementIdFromTestName(test.name)
}
