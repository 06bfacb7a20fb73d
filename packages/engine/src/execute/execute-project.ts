import { computeVerdict, type Diagnostic, type ExecResult, type TestCaseResult } from "@studio/protocol"
import type { SandboxBackend } from "../sandbox"
import type { PluginId, ToolchainRegistry } from "../toolchain"
import { checkJobImports } from "../toolchain/module-resolver"
import { findFocusedTests } from "./focused-tests"

/** What the execute stage reports while it works (the pipeline turns these into protocol events). */
export type ExecuteProgress =
  | { type: "plugin_start"; plugin: PluginId }
  | { type: "plugin_done"; plugin: PluginId; diagnostics: Diagnostic[]; durationMs: number }
  | { type: "test_result"; result: TestCaseResult }
  /** The module resolver's pre-check of every import, after formatting; refused imports stop the steps after it. */
  | { type: "imports_checked"; diagnostics: Diagnostic[] }

export interface ExecuteProjectOptions {
  toolchain: ToolchainRegistry
  sandbox: SandboxBackend
  /** Which steps run, in order; vitest means the tests in the sandbox. Default: the full execute stage. */
  plugins?: readonly PluginId[]
  signal?: AbortSignal
  onProgress?: (progress: ExecuteProgress) => void
  /** The contract's requirements, each of which needs a traced test for the verdict to be `proven`. */
  requirements?: readonly { id: string }[]
}

export interface ExecuteProjectResult extends ExecResult {
  /** The files after formatting (equal to the input when prettier did not run or changed nothing). */
  files: Record<string, string>
  css?: string
  /** Milliseconds per step. */
  timings: Partial<Record<PluginId, number>>
}

export const EXECUTE_STAGE_PLUGINS = [
  "prettier",
  "eslint",
  "typescript",
  "tailwind",
  "vitest",
] as const satisfies readonly PluginId[]

const TEST_FILE = /\.test\.(tsx|ts)$/

/**
 * Format -> lint -> type-check -> Tailwind -> tests in the sandbox. The tests start as soon as the files are
 * final (after formatting) and run in their own process while lint and type-check use this one.
 */
export async function executeProject(
  inputFiles: Record<string, string>,
  options: ExecuteProjectOptions,
): Promise<ExecuteProjectResult> {
  const started = performance.now()
  const plugins = options.plugins ?? EXECUTE_STAGE_PLUGINS
  const enabled = (id: PluginId) => plugins.includes(id)
  const timings: Partial<Record<PluginId, number>> = {}
  const diagnostics: Diagnostic[] = []
  let files = inputFiles
  let css: string | undefined

  const runStep = async (id: PluginId) => {
    options.onProgress?.({ type: "plugin_start", plugin: id })
    const result = await options.toolchain.runPlugin(id, { files, signal: options.signal })
    timings[id] = Math.round(result.durationMs)
    options.onProgress?.({
      type: "plugin_done",
      plugin: id,
      diagnostics: result.diagnostics,
      durationMs: timings[id],
    })
    return result
  }

  if (enabled("prettier")) {
    const formatted = await runStep("prettier")
    diagnostics.push(...formatted.diagnostics)
    if (formatted.files) files = formatted.files
  }

  // Before any tool reads a file for the job: a job that imports what it may not (a host file, a URL, a query, …)
  // is refused here, at the file and line, and nothing after this runs on it.
  const refusedImports = checkJobImports(files)
  options.onProgress?.({ type: "imports_checked", diagnostics: refusedImports })
  diagnostics.push(...refusedImports)
  const runs = (id: PluginId) => enabled(id) && refusedImports.length === 0

  let tests: TestCaseResult[] = []
  const testsDone = runs("vitest") ? runTests(files, options, timings) : Promise.resolve(undefined)

  // The checks read the same final files and are independent: started together, they run in parallel where the
  // plugins run off this thread (lint and type-check in worker threads), and one after another where they do not.
  const checks = await Promise.all((["eslint", "typescript", "tailwind"] as const).filter(runs).map(runStep))
  for (const result of checks) {
    diagnostics.push(...result.diagnostics)
    if (result.artifacts?.css !== undefined) css = result.artifacts.css
  }

  const testOutcome = await testsDone
  if (testOutcome) {
    tests = testOutcome.tests
    diagnostics.push(...testOutcome.diagnostics)
  }

  const hasError = diagnostics.some((diagnostic) => diagnostic.severity === "error")
  const ok =
    !hasError && tests.every((test) => test.status !== "fail") && (!enabled("vitest") || tests.length > 0)
  const verdict = computeVerdict({
    tests,
    diagnostics,
    checks: plugins,
    focused: enabled("vitest") ? findFocusedTests(files) : [],
    ...(options.requirements ? { requirements: options.requirements } : {}),
  })
  return {
    ok,
    ...verdict,
    tests,
    diagnostics,
    durationMs: Math.round(performance.now() - started),
    files,
    timings,
    ...(css !== undefined ? { css } : {}),
    ...(testOutcome ? { isolation: testOutcome.isolation } : {}),
  }
}

async function runTests(
  files: Record<string, string>,
  options: ExecuteProjectOptions,
  timings: Partial<Record<PluginId, number>>,
): Promise<{ tests: TestCaseResult[]; diagnostics: Diagnostic[]; isolation: string }> {
  options.onProgress?.({ type: "plugin_start", plugin: "vitest" })
  const started = performance.now()
  if (!Object.keys(files).some((file) => TEST_FILE.test(file))) {
    const diagnostic: Diagnostic = {
      source: "vitest",
      path: "",
      line: 0,
      column: 0,
      message: "no test files: expected src/components/<Name>.test.tsx beside the component",
      severity: "error",
    }
    options.onProgress?.({ type: "plugin_done", plugin: "vitest", diagnostics: [diagnostic], durationMs: 0 })
    return { tests: [], diagnostics: [diagnostic], isolation: "none" }
  }
  const result = await options.sandbox.runTests({
    files,
    signal: options.signal,
    onTestResult: (test) => options.onProgress?.({ type: "test_result", result: test }),
  })
  timings.vitest = Math.round(performance.now() - started)
  options.onProgress?.({
    type: "plugin_done",
    plugin: "vitest",
    diagnostics: result.diagnostics,
    durationMs: timings.vitest,
  })
  return { tests: result.tests, diagnostics: result.diagnostics, isolation: result.isolation }
}
