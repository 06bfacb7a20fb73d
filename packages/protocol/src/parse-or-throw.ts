import { z } from "zod"
import { StudioError, type ErrorCode } from "./errors"

export type ParseOrThrowOptions = {
  /** The error's code (default `validation_failed`), e.g. `config_invalid` for the environment, `usage` for a CLI. */
  code?: ErrorCode
  /** Names what was parsed, before the problems: `invalid environment` gives "invalid environment: PORT: ...". */
  subject?: string
  /** Every problem, joined with "; " (the environment at start-up); by default only the first (a request). */
  allIssues?: boolean
}

/** One zod issue as a person reads it: `path.to.field: message`, or the message alone at the top level. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  return issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ${issue.message}` : issue.message
}

/** The issue a value gets when its schema throws on it instead of answering. */
const WRONG_TYPE = "invalid value: a field has the wrong type"

/**
 * `schema.safeParse(value)` that never throws: zod runs a string's length checks even on a value that is no string,
 * and comparing a hostile object's length (e.g. `{ length: { toString: "" } }`, which JSON can spell) throws. Such a
 * value has the wrong shape, so it fails like one. Use it for anything a user, a model or another process sent.
 *
 * @example
 * const parsed = safeParse(contractSchema, JSON.parse(modelText))
 * if (!parsed.success) return repairWith(parsed.error.issues)
 */
export function safeParse<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
): z.ZodSafeParseResult<z.output<Schema>> {
  try {
    return schema.safeParse(value)
  } catch {
    return {
      success: false,
      // The error's type parameter only types `format()`; these issues are the same shape for any schema.
      error: new z.ZodError([{ code: "custom", message: WRONG_TYPE, path: [], input: value }]) as z.ZodError<
        z.output<Schema>
      >,
    }
  }
}

/**
 * Parses `value` with `schema` at a boundary (a request, a message, the environment, a stored row); a value that
 * does not fit becomes a StudioError whose message says where and why, with every issue in `details.issues`.
 *
 * @example
 * const { name } = parseOrThrow(createProjectSchema, request.body)
 * const env = parseOrThrow(environmentSchema, process.env, { code: "config_invalid", subject: "invalid environment", allIssues: true })
 */
export function parseOrThrow<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  options: ParseOrThrowOptions = {},
): z.output<Schema> {
  const parsed = safeParse(schema, value)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues
  const problems = (options.allIssues ? issues : issues.slice(0, 1)).map(describeIssue)
  const problem = problems.length > 0 ? problems.join("; ") : "invalid value"
  throw new StudioError(
    options.code ?? "validation_failed",
    options.subject === undefined ? problem : `${options.subject}: ${problem}`,
    {
      details: { issues: issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })) },
      cause: parsed.error,
    },
  )
}
