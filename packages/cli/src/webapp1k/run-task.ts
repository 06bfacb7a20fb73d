import { readFileSync, statSync } from "node:fs"
import path from "node:path"
import { consumeRun, EXECUTE_STAGE_PLUGINS, type Engine, type RunRequest } from "@studio/engine"
import {
  API_LIMITS,
  computeVerdict,
  runRequestSchema,
  sanitizeMessage,
  type Contract,
  type Diagnostic,
  type ErrorCode,
  type GivenTestFile,
  type StudioEvent,
  type StudioEventOf,
} from "@studio/protocol"
import type { WebApp1kResult } from "./results"
import type { WebApp1kTask } from "./tasks"

export interface TaskRunOptions {
  engine: Engine
  signal: AbortSignal
  maxRepairs?: number
  /** STUDIO_MODEL_PRICES and STUDIO_MAX_TOKENS_PER_RUN, as generate passes them. */
  bounds: Pick<RunRequest, "prices" | "maxTokens">
}

/**
 * The execute stage's built-in checks without the accessibility check: a WebApp1K task passes when its tests do,
 * as in the published results, so an axe finding must not change pass@1 against them.
 */
const BENCHMARK_PLUGINS = EXECUTE_STAGE_PLUGINS.filter((plugin) => plugin !== "axe")

/**
 * One WebApp1K task through tests as the spec: its test file, verbatim, is the whole spec (the prompt is empty).
 * Returns the task's result, a failure with `error` when the file cannot be read or its tests cannot be a spec, or
 * undefined when the signal stopped it (an interrupted task has no result: it runs again on resume).
 */
export async function runWebApp1kTask(
  task: WebApp1kTask,
  options: TaskRunOptions,
): Promise<WebApp1kResult | undefined> {
  const started = performance.now()
  const { provider, model } = options.engine.generator
  const base = { task: task.task, domain: task.domain, suite: task.suite, provider, model }
  const failed = (code: ErrorCode, message: string): WebApp1kResult => ({
    ...base,
    pass: false,
    passBeforeRepair: false,
    repairs: 0,
    tokens: { prompt: 0, completion: 0 },
    costUsd: 0,
    durationMs: Math.round(performance.now() - started),
    error: `${code}: ${message}`,
  })

  const read = readTaskFile(task)
  if ("code" in read) return failed(read.code, read.message)
  const request = runRequestSchema.safeParse({
    prompt: "",
    tests: [read],
    ...(options.maxRepairs === undefined ? {} : { maxRepairs: options.maxRepairs }),
  })
  if (!request.success) {
    const issue = request.error.issues[0]
    return failed("validation_failed", issue?.message ?? "the test file is not a valid spec")
  }

  const watcher = createRunWatcher()
  try {
    await consumeRun(
      options.engine.run(
        {
          prompt: "",
          tests: [read],
          plugins: BENCHMARK_PLUGINS,
          maxRepairs: request.data.maxRepairs,
          ...options.bounds,
        },
        { signal: options.signal },
      ),
      watcher.see,
    )
  } catch (error) {
    if (options.signal.aborted) return undefined
    return failed("internal", sanitizeMessage(error instanceof Error ? error.message : String(error)))
  }
  if (options.signal.aborted) return undefined
  const finished = watcher.finished
  if (!finished) return failed("internal", "the run ended without run_finished")
  const { metrics } = finished
  const pass = finished.verdict === "proven"
  // No repair ran: the verdict is the first execute's. After a repair, the first execute's own events decide.
  const passBeforeRepair = metrics.repairAttempts === 0 ? pass : watcher.firstExecuteProven()
  const error = watcher.errors[0]
  return {
    ...base,
    pass,
    passBeforeRepair,
    repairs: metrics.repairAttempts,
    tokens: metrics.tokens,
    costUsd: metrics.costUsd ?? null,
    durationMs: Math.round(performance.now() - started),
    ...(error ? { error: `${error.code}: ${error.message}` } : {}),
  }
}

/** The task's test file as the run takes it, or why it cannot be: unreadable, or too large to be read at all. */
function readTaskFile(task: WebApp1kTask): GivenTestFile | { code: ErrorCode; message: string } {
  const name = path.basename(task.file)
  try {
    // Characters are at most bytes, so a file this much larger cannot fit; it is not read at all.
    if (statSync(task.file).size > API_LIMITS.testFileChars * 4)
      return {
        code: "payload_too_large",
        message: `${name} is too large (a test file may have at most ${API_LIMITS.testFileChars} characters)`,
      }
    return { name, content: readFileSync(task.file, "utf8") }
  } catch {
    return { code: "not_found", message: `cannot read ${name}` }
  }
}

/**
 * What a task's result needs from its run's events: the errors, run_finished, and the first execute's tests and
 * diagnostics (everything up to its stage_complete) to judge the code before any repair.
 */
function createRunWatcher() {
  let contract: Contract | undefined
  let firstExecuteDone = false
  const firstTests: StudioEventOf<"test_result">[] = []
  const firstDiagnostics: Diagnostic[] = []
  const errors: StudioEventOf<"error">[] = []
  let finished: StudioEventOf<"run_finished"> | undefined
  return {
    see(event: StudioEvent) {
      switch (event.type) {
        case "stage_complete":
          if (event.stage === "interpret" && event.contract) contract = event.contract
          if (event.stage === "execute") firstExecuteDone = true
          return
        case "test_result":
          if (!firstExecuteDone) firstTests.push(event)
          return
        case "build_ok":
        case "build_error":
          if (!firstExecuteDone) firstDiagnostics.push(...event.diagnostics)
          return
        case "error":
          errors.push(event)
          return
        case "run_finished":
          finished = event
          return
        default:
          return
      }
    },
    get errors() {
      return errors
    },
    get finished() {
      return finished
    },
    firstExecuteProven(): boolean {
      if (!firstExecuteDone || !contract) return false
      return (
        computeVerdict({
          requirements: contract.requirements,
          tests: firstTests,
          diagnostics: firstDiagnostics,
        }).verdict === "proven"
      )
    },
  }
}
