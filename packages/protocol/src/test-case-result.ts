import { z } from "zod"

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
