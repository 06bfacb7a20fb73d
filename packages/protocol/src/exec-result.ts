import { z } from "zod"
import { diagnosticSchema } from "./diagnostics"
import { verdictSchema } from "./verdict"

export { evaluateRequirements, requirementIdFromTestName } from "./requirement-trace"
export type { RequirementStatus } from "./requirement-trace"

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

/** What `studio exec --json` prints: the tests and diagnostics of one execute stage, and what they prove. */
export const execResultSchema = z.object({
  /** No test failed and no check reported an error; `verdict` says whether that proves anything. */
  ok: z.boolean(),
  tests: z.array(testCaseResultSchema),
  diagnostics: z.array(diagnosticSchema),
  durationMs: z.number().nonnegative(),
  /** The sandbox backend that ran the tests, e.g. "bubblewrap". */
  isolation: z.string().optional(),
  verdict: verdictSchema,
  /** Why the verdict is not `proven`; empty when it is. */
  reasons: z.array(z.string()),
})
export type ExecResult = z.infer<typeof execResultSchema>
