import { z } from "zod"
import { diagnosticSchema } from "./diagnostics"
import { testCaseResultSchema } from "./test-case-result"
import { verdictSchema } from "./verdict"

export { evaluateRequirements, requirementIdFromTestName } from "./requirement-trace"
export type { RequirementStatus } from "./requirement-trace"

// In a file of its own so requirement-trace.ts can use the type without a cycle through verdict.ts.
export { TEST_STATUSES, testCaseResultSchema, testStatusSchema } from "./test-case-result"
export type { TestCaseResult, TestStatus } from "./test-case-result"

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
