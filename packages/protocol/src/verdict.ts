import { z } from "zod"
import type { Diagnostic } from "./diagnostics"
import { requirementIdOf, type TracedTest } from "./requirement-trace"

/**
 * What a run, a version or `studio exec` proved: `proven` (every requirement has a traced test, every test passes,
 * none is skipped or focused, no check reports an error), `failed` (something ran and did not hold) or `unverified`
 * (nothing failed, but the proof is incomplete: a check was turned off, no tests ran, a requirement has no test, a
 * test was skipped or focused, or the run was stopped). Only `proven` is "Passed".
 */
export const VERDICTS = ["proven", "failed", "unverified"] as const
export const verdictSchema = z.enum(VERDICTS)
export type Verdict = z.infer<typeof verdictSchema>

/** A verdict with why it is not `proven` (short sentences a person reads; empty when it is proven). */
export const verdictOutcomeSchema = z.object({ verdict: verdictSchema, reasons: z.array(z.string()) })
export type VerdictOutcome = z.infer<typeof verdictOutcomeSchema>

/** The checks a proof needs, by toolchain plugin id, with the reason given when one did not run. */
export const VERDICT_CHECKS = {
  vitest: "tests were turned off",
  typescript: "type-check was turned off",
  eslint: "lint was turned off",
} as const

/**
 * Error codes that stop a run without saying anything about its code (a cancel, a restart, a server that may not
 * run unisolated code, a spent token budget): such a run is unverified, not failed.
 */
const STOPPING_ERRORS: ReadonlySet<string> = new Set([
  "cancelled",
  "interrupted",
  "sandbox_unavailable",
  "token_limit",
])

/** Whether an error with this code stopped a run without judging its code. */
export function isStoppingError(code: string): boolean {
  return STOPPING_ERRORS.has(code)
}

/** How a plugin's errors read in a reason. */
const CHECK_NAMES: Readonly<Record<string, string>> = {
  typescript: "type-check",
  eslint: "lint",
  vitest: "the test run",
  prettier: "formatting",
  tailwind: "Tailwind",
  imports: "the import check",
  esbuild: "the build",
  axe: "the accessibility check",
}

export interface VerdictInput {
  /**
   * The contract's requirements; each needs at least one traced test (test names start with the id, `R2: ...`).
   * Omitted when there is no contract (`studio exec` on a folder without contract.json): the tests alone decide.
   */
  requirements?: readonly { id: string }[]
  tests: readonly TracedTest[]
  /** What the toolchain reported; any `error` fails the verdict. */
  diagnostics?: readonly Pick<Diagnostic, "source" | "severity">[]
  /**
   * Plugin ids of the steps that ran; vitest, typescript and eslint must all be among them. Omitted when not known
   * (a report stored before verdicts), and then not held against the run.
   */
  checks?: readonly string[]
  /** Where tests are focused with `.only` ("src/components/Counter.test.tsx:7"): a focused run skips the others. */
  focused?: readonly string[]
  /** The errors a run ended on before its tests could decide (a model that wrote no contract, a cancel). */
  errors?: readonly { code: string; message: string }[]
}

/** The one rule for what a run, a version or `studio exec` proved, with the reasons when it is not proven. */
export function computeVerdict(input: VerdictInput): VerdictOutcome {
  const failures: string[] = []
  const gaps: string[] = []
  const errors = input.errors ?? []
  for (const error of errors) (isStoppingError(error.code) ? gaps : failures).push(error.message)

  const failing = input.tests.filter((test) => test.status === "fail")
  if (failing.length > 0) failures.push(`${count(failing.length, "test")} failed: ${names(failing)}`)
  const errorsBySource = new Map<string, number>()
  for (const diagnostic of input.diagnostics ?? [])
    if (diagnostic.severity === "error")
      errorsBySource.set(diagnostic.source, (errorsBySource.get(diagnostic.source) ?? 0) + 1)
  for (const [source, errorCount] of errorsBySource)
    failures.push(`${CHECK_NAMES[source] ?? source} reported ${count(errorCount, "error")}`)

  const checks = input.checks
  const testsOff = checks !== undefined && !checks.includes("vitest")
  if (checks !== undefined)
    for (const [check, reason] of Object.entries(VERDICT_CHECKS))
      if (!checks.includes(check)) gaps.push(reason)
  const testsRan = input.tests.length > 0
  if (!testsRan && !testsOff) gaps.push("no tests ran")
  if (input.requirements && testsRan) {
    if (input.requirements.length === 0) gaps.push("the contract has no requirements")
    const traced = new Set(input.tests.map(requirementIdOf))
    const untested = input.requirements.map((requirement) => requirement.id).filter((id) => !traced.has(id))
    if (untested.length > 0)
      gaps.push(`${listed(untested)} ${untested.length === 1 ? "has" : "have"} no test`)
  }
  const skipped = input.tests.filter((test) => test.status === "skip")
  if (skipped.length > 0) gaps.push(`${count(skipped.length, "test")} skipped: ${names(skipped)}`)
  const focused = input.focused ?? []
  if (focused.length > 0)
    gaps.push(`focused with .only (${focused.slice(0, 3).join(", ")}): the other tests do not run`)

  if (failures.length > 0) return { verdict: "failed", reasons: [...failures, ...gaps] }
  if (gaps.length > 0) return { verdict: "unverified", reasons: gaps }
  return { verdict: "proven", reasons: [] }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`
}

/** Up to three test names, quoted, then how many more. */
function names(tests: readonly TracedTest[]): string {
  const shown = tests.slice(0, 3).map((test) => `"${test.name}"`)
  return tests.length > 3 ? `${shown.join(", ")} and ${tests.length - 3} more` : shown.join(", ")
}

/** "R1", "R1 and R2", "R1, R2 and R3". */
function listed(ids: readonly string[]): string {
  return ids.length === 1 ? (ids[0] ?? "") : `${ids.slice(0, -1).join(", ")} and ${ids.at(-1) ?? ""}`
}
