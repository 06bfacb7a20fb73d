import {
  computeVerdict,
  createEventSequencer,
  StudioError,
  type AgentStage,
  type Diagnostic,
  type EmitStudioEvent,
  type ExecResult,
  type StudioEvent,
  type TestCaseResult,
} from "@studio/protocol"
import type { SandboxBackend, SandboxJob, SandboxResult } from "../../sandbox"
import {
  accessibilityRequestFor,
  accessibilityResultDiagnostics,
  notCheckedDiagnostic,
} from "../../sandbox/axe-check"
import type { PluginId, PluginName, PluginResult, ToolchainRegistry } from "../../toolchain"
import { isPluginId } from "../../toolchain/types"
import { checkJobImports, IMPORT_CHECK_SOURCE } from "../../toolchain/module-resolver"
import { createEventChannel } from "../event-channel"
import { TEST_FILE } from "../model-stream"
import { findFocusedTests } from "./focused-tests"

export const EXECUTE_STAGE_PLUGINS = [
  "prettier",
  "eslint",
  "typescript",
  "tailwind",
  "vitest",
  "axe",
] as const satisfies readonly PluginId[]

export interface ExecuteOptions {
  toolchain: ToolchainRegistry
  sandbox: SandboxBackend
  /**
   * Which steps run, in order; vitest means the tests in the sandbox. Default: the full execute stage. Names that are
   * no built-in id are custom plugins (STUDIO_PLUGINS_DIR), run after the built-in checks.
   */
  plugins?: readonly PluginName[]
  signal?: AbortSignal
  /** The contract's requirements, each of which needs a traced test for the verdict to be `proven`. */
  requirements?: readonly { id: string }[]
  /**
   * Tests as the spec: the test files a person gave (job paths), from the run's `tests` or the version it tests. They
   * are run as written (Jest-style, in the sandbox), never formatted, linted or type-checked: they are the spec, not
   * the code under review. Non-empty puts the whole job in that mode (the toolchain and sandbox are told so); a test
   * a model wrote is never in it, whatever it imports.
   */
  givenTests?: readonly string[]
  /** Traces a test to its requirement when its name does not start with the id (given tests). */
  traceTest?: (test: TestCaseResult) => TestCaseResult
}

export interface ExecuteStageContext extends ExecuteOptions {
  emit: EmitStudioEvent
  /** The run's durations per stage; execute's time is added to it (and tells a repair pass from the first). */
  durations: Partial<Record<AgentStage, number>>
}

export interface ExecuteResult extends ExecResult {
  /** The files after formatting (equal to the input when prettier did not run or changed nothing). */
  files: Record<string, string>
  css?: string
  /** Milliseconds per step (custom plugins by name). */
  timings: Partial<Record<PluginName, number>>
}

/**
 * execute: format -> import check -> lint, type-check and Tailwind beside the tests in the sandbox, as events as
 * they happen (build_progress and build_ok / build_error per step, test_result per test as it finishes), then
 * stage_complete. The tests start as soon as the files are final (after formatting) and run in their own process
 * while lint and type-check use threads. Shared by generation runs and test runs of edited code, so both tell the
 * same story. Throws `cancelled` when the signal fired while it worked.
 */
export async function* executeStage(
  files: Record<string, string>,
  context: ExecuteStageContext,
): AsyncGenerator<StudioEvent, ExecuteResult> {
  const started = performance.now()
  // The steps run in parallel and push their events here, stamped as they happen, so seq follows real order.
  const channel = createEventChannel<StudioEvent>()
  const work = executeSteps(files, context, channel.push).finally(() => channel.close())
  let settled = false
  try {
    yield* channel
    settled = true
    const result = await work
    // Results of a cancelled execution are partial (killed workers): they must not read as the code's verdict.
    if (context.signal?.aborted) throw new StudioError("cancelled")
    const durationMs = Math.round(performance.now() - started)
    context.durations.execute = (context.durations.execute ?? 0) + durationMs
    const passed = result.tests.filter((test) => test.status === "pass").length
    yield context.emit({
      type: "stage_complete",
      stage: "execute",
      durationMs,
      summary: `${passed}/${result.tests.length} tests pass`,
    })
    return result
  } finally {
    // A consumer that stops early leaves the steps to finish on their own; their failure is nobody's to report.
    if (!settled) work.catch(() => undefined)
  }
}

/** The execute stage without its events, for one-off checks (`studio exec`, the bench): drains the same stage. */
export async function executeProject(
  files: Record<string, string>,
  options: ExecuteOptions,
): Promise<ExecuteResult> {
  const stage = executeStage(files, { ...options, emit: createEventSequencer("execute"), durations: {} })
  for (;;) {
    const next = await stage.next()
    if (next.done) return next.value
  }
}

async function executeSteps(
  inputFiles: Record<string, string>,
  context: ExecuteStageContext,
  push: (event: StudioEvent) => void,
): Promise<ExecuteResult> {
  const { emit, signal } = context
  const started = performance.now()
  const plugins: readonly PluginName[] = context.plugins ?? EXECUTE_STAGE_PLUGINS
  const enabled = (id: PluginName) => plugins.includes(id)
  const repeated = context.durations.execute !== undefined
  const timings: Partial<Record<PluginName, number>> = {}
  const diagnostics: Diagnostic[] = []
  let files = inputFiles
  let css: string | undefined
  let done = 0
  const givenTests = (context.givenTests ?? []).filter((path) => Object.hasOwn(inputFiles, path))
  const verbatim = new Set(givenTests)
  /** What the tools and the sandbox are told of the mode: the given tests, when there are any. */
  const mode = givenTests.length > 0 ? { givenTests } : {}
  /** The files the tools see: all but the given tests. */
  const reviewed = (all: Record<string, string>) =>
    verbatim.size === 0
      ? all
      : Object.fromEntries(Object.entries(all).filter(([path]) => !verbatim.has(path)))
  const trace = context.traceTest ?? ((test: TestCaseResult) => test)

  const progress = (plugin: PluginName, status: "start" | "done") => {
    if (status === "done") done++
    push(emit({ type: "build_progress", plugin, status, percent: Math.round((done / plugins.length) * 100) }))
  }
  const built = (plugin: string, found: Diagnostic[]) =>
    push(
      emit({
        type: found.some((diagnostic) => diagnostic.severity === "error") ? "build_error" : "build_ok",
        plugin,
        diagnostics: found,
      }),
    )
  const runStep = async (id: PluginName): Promise<PluginResult> => {
    progress(id, "start")
    const result = await context.toolchain.runPlugin(id, { files: reviewed(files), signal, ...mode })
    timings[id] = Math.round(result.durationMs)
    progress(id, "done")
    built(id, result.diagnostics)
    return result
  }
  /** The tests in the sandbox; with `axe`, the accessibility check in the same job (its own step in the events). */
  const runTestsStep = async (axe: boolean) => {
    progress("vitest", "start")
    if (axe) progress("axe", "start")
    const accessibility = axe
      ? accessibilityRequestFor(files, { testsAsSpec: givenTests.length > 0 })
      : undefined
    const job = { files, signal, ...mode, ...(accessibility ? { accessibility } : {}) }
    const outcome = await testsInSandbox(job, context.sandbox, (result) => {
      const test = trace(result)
      push(
        emit({
          type: "test_result",
          name: test.name,
          status: test.status,
          durationMs: test.durationMs,
          ...(test.requirementId ? { requirementId: test.requirementId } : {}),
          ...(test.error ? { error: test.error } : {}),
        }),
      )
    })
    if (outcome.durationMs !== undefined) timings.vitest = outcome.durationMs
    progress("vitest", "done")
    built("vitest", outcome.diagnostics)
    if (!axe) return { ...outcome, axe: [] }
    const found = accessibility
      ? accessibilityResultDiagnostics(outcome.accessibility, accessibility.entry)
      : [notCheckedDiagnostic("", "the job has no component to render")]
    // The check's own time inside the tests' job (0 when it did not report).
    timings.axe =
      outcome.accessibility && "durationMs" in outcome.accessibility ? outcome.accessibility.durationMs : 0
    progress("axe", "done")
    built("axe", found)
    return { ...outcome, axe: found }
  }

  if (enabled("prettier")) {
    const formatted = await runStep("prettier")
    diagnostics.push(...formatted.diagnostics)
    if (formatted.files) files = { ...files, ...formatted.files }
  }

  // Before any tool reads a file for the job: a job that imports what it may not (a host file, a URL, a query, …)
  // is refused here, at the file and line, and nothing after this runs on it. A clean check is news only after a
  // pass that had refusals (a repair pass), whose diagnostics it replaces.
  const refusedImports = checkJobImports(files, { testsAsSpec: givenTests.length > 0 })
  if (refusedImports.length > 0 || repeated) built(IMPORT_CHECK_SOURCE, refusedImports)
  diagnostics.push(...refusedImports)
  const runs = (id: PluginName) => enabled(id) && refusedImports.length === 0

  // The checks read the same final files and are independent: started together, they run in parallel where the
  // plugins run off this thread (lint and type-check in worker threads), and one after another where they do not.
  // The accessibility check rides along in the tests' own sandbox job (no second worker); without them, its own job.
  const axeWithTests = runs("axe") && runs("vitest") && hasSandboxTestFiles(files)
  const testsDone = runs("vitest") ? runTestsStep(axeWithTests) : Promise.resolve(undefined)
  const axeAlone = runs("axe") && !axeWithTests ? runStep("axe") : undefined
  const checks = await Promise.all((["eslint", "typescript", "tailwind"] as const).filter(runs).map(runStep))
  for (const result of checks) {
    diagnostics.push(...result.diagnostics)
    if (result.artifacts?.css !== undefined) css = result.artifacts.css
  }
  // Custom plugins after the built-in checks, one at a time (each is a sandboxed process), beside the tests.
  for (const name of plugins.filter((name) => !isPluginId(name) && runs(name)))
    diagnostics.push(...(await runStep(name)).diagnostics)
  let tests: TestCaseResult[] = []
  const testOutcome = await testsDone
  if (testOutcome) {
    tests = testOutcome.tests.map(trace)
    diagnostics.push(...testOutcome.diagnostics, ...testOutcome.axe)
  }
  if (axeAlone) diagnostics.push(...(await axeAlone).diagnostics)

  const hasError = diagnostics.some((diagnostic) => diagnostic.severity === "error")
  const ok =
    !hasError && tests.every((test) => test.status !== "fail") && (!enabled("vitest") || tests.length > 0)
  const verdict = computeVerdict({
    tests,
    diagnostics,
    checks: plugins,
    focused: enabled("vitest") ? findFocusedTests(files) : [],
    ...(context.requirements ? { requirements: context.requirements } : {}),
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

/** The generated tests in the sandbox, timed; a job without test files does not reach it. */
async function testsInSandbox(
  job: Pick<SandboxJob, "files" | "signal" | "givenTests" | "accessibility">,
  sandbox: SandboxBackend,
  onTestResult: (test: TestCaseResult) => void,
): Promise<{
  tests: TestCaseResult[]
  diagnostics: Diagnostic[]
  isolation: string
  durationMs?: number
  accessibility?: SandboxResult["accessibility"]
}> {
  if (!hasSandboxTestFiles(job.files)) {
    const diagnostic: Diagnostic = {
      source: "vitest",
      path: "",
      line: 0,
      column: 0,
      message: "no test files: expected src/components/<Name>.test.tsx beside the component",
      severity: "error",
    }
    return { tests: [], diagnostics: [diagnostic], isolation: "none" }
  }
  const started = performance.now()
  const result = await sandbox.runTestsInSandbox({ ...job, onTestResult })
  return {
    tests: result.tests,
    diagnostics: result.diagnostics,
    isolation: result.isolation,
    durationMs: Math.round(performance.now() - started),
    ...(result.accessibility ? { accessibility: result.accessibility } : {}),
  }
}

/** Whether the job has test files for the sandbox to run. */
function hasSandboxTestFiles(files: Record<string, string>): boolean {
  return Object.keys(files).some((file) => TEST_FILE.test(file) || /\.test\.jsx?$/.test(file))
}
