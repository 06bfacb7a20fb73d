import { z } from "zod"

export const DIAGNOSTIC_SEVERITIES = ["error", "warning", "info"] as const
export const diagnosticSeveritySchema = z.enum(DIAGNOSTIC_SEVERITIES)
export type DiagnosticSeverity = z.infer<typeof diagnosticSeveritySchema>

/** One problem reported by a toolchain plugin (typescript, eslint, vitest, ...). */
export const diagnosticSchema = z.object({
  /** Id of the plugin that reported it, e.g. "typescript". */
  source: z.string().min(1),
  /** Job-relative path, e.g. "src/components/Counter.tsx"; "" for problems with the whole run. */
  path: z.string(),
  /** 1-based; 0 when unknown. */
  line: z.int().nonnegative(),
  /** 1-based; 0 when unknown. */
  column: z.int().nonnegative(),
  message: z.string(),
  severity: diagnosticSeveritySchema,
  /** The tool's own code, e.g. "TS2322". */
  code: z.string().optional(),
  /** Lint rule, e.g. "react-hooks/rules-of-hooks". */
  ruleId: z.string().optional(),
})
export type Diagnostic = z.infer<typeof diagnosticSchema>
