import { randomUUID } from "node:crypto"
import {
  createEventSequencer,
  evaluateRequirements,
  sanitizeMessage,
  StudioError,
  toStudioError,
  type AgentStage,
  type Contract,
  type Diagnostic,
  type StudioEvent,
  type StudioEventInput,
  type TestCaseResult,
} from "@studio/protocol"
import { executeProject, EXECUTE_STAGE_PLUGINS, type ExecuteProjectResult } from "../execute"
import { createFileBlockParser, parseContractAnswer } from "../generators/parsing"
import type { Generator as CodeGenerator, PreviousVersion, StageInput } from "../generators/types"
import type { SandboxBackend } from "../sandbox"
import type { PluginId, ToolchainRegistry } from "../toolchain"
import { extractPublicInterface } from "./public-interface"

export interface RunRequest {
  prompt: string
  runId?: string
  /** A follow-up starts from a previous version's contract and files. */
  previous?: PreviousVersion
  /** Repair attempts after the first execute (default 2). */
  maxRepairs?: number
  /** Toolchain steps of the execute stage (default: all of them). */
  plugins?: readonly PluginId[]
}

export interface RunDependencies {
  generator: CodeGenerator
  toolchain: ToolchainRegistry
  sandbox: SandboxBackend
  signal?: AbortSignal
  now?: () => number
}

/** The files and contract a successful (or failed) run ends with, for whoever stores versions. */
export interface RunOutcome {
  contract?: Contract
  files: Record<string, string>
  css?: string
  tests: TestCaseResult[]
}

const TEST_FILE = /\.test\.tsx?$/

/**
 * One run of the pipeline: interpret -> scaffold -> unit_test -> execute -> (repair -> execute)* -> report, as an
 * async iterable of protocol events (every one stamped with runId, seq and ts). `outcome` is filled as it goes.
 */
export async function* run(
  request: RunRequest,
  deps: RunDependencies,
  outcome: RunOutcome = { files: {}, tests: [] },
): AsyncGenerator<StudioEvent> {
  const runId = request.runId ?? randomUUID()
  const emit = createEventSequencer(runId, deps.now)
  const maxRepairs = request.maxRepairs ?? 2
  const durations: Partial<Record<AgentStage, number>> = {}
  const tokens = { prompt: 0, completion: 0 }
  let repairAttempts = 0

  const finish = (success: boolean) =>
    emit({
      type: "run_finished",
      success,
      metrics: { durations, tokens, repairAttempts },
    } as StudioEventInput)
  // stage_complete carries this occurrence's duration; the run's metrics add up every occurrence (repairs repeat).
  const stageDone = (stage: AgentStage, started: number, summary?: string) => {
    const durationMs = Math.round(performance.now() - started)
    durations[stage] = (durations[stage] ?? 0) + durationMs
    return emit({ type: "stage_complete", stage, durationMs, ...(summary ? { summary } : {}) })
  }

  yield emit({
    type: "run_started",
    prompt: request.prompt,
    provider: deps.generator.provider,
    model: deps.generator.model,
  })
  try {
    // interpret: the contract, with one retry when the answer does not parse
    let started = performance.now()
    let contract: Contract | undefined
    let retryReason: string | undefined
    for (let attempt = 0; attempt < 2 && !contract; attempt++) {
      const notes: string[] = []
      const text = await collectText(
        deps,
        { stage: "interpret", prompt: request.prompt, previous: request.previous },
        tokens,
        notes,
        retryReason,
      )
      for (const note of notes) {
        yield emit({ type: "reasoning_step", stage: "interpret", text: sanitizeMessage(note) })
      }
      const parsed = parseContractAnswer(text)
      if (parsed.ok) contract = parsed.contract
      else {
        retryReason = parsed.message
        yield emit({
          type: "reasoning_step",
          stage: "interpret",
          text: `The contract did not parse (${sanitizeMessage(parsed.message)}); asking again.`,
        })
      }
    }
    if (!contract) {
      yield emit({
        type: "error",
        code: "model_output_invalid",
        message: "The model gave no usable contract after a retry.",
      })
      yield finish(false)
      return
    }
    outcome.contract = contract
    const requirementList = contract.requirements
      .map((requirement) => `${requirement.id}: ${requirement.text}`)
      .join("; ")
    yield emit({
      type: "reasoning_step",
      stage: "interpret",
      text: `${contract.name}: ${contract.summary} Requirements: ${requirementList}`,
    })
    yield stageDone(
      "interpret",
      started,
      `${contract.name} with ${contract.requirements.length} requirements`,
    )

    // scaffold: the implementation
    started = performance.now()
    // A follow-up keeps the previous version's implementation files unless the scaffold rewrites them; its tests
    // are written anew from the new contract.
    const files: Record<string, string> = Object.fromEntries(
      Object.entries(request.previous?.files ?? {}).filter(([path]) => !TEST_FILE.test(path)),
    )
    yield* streamFiles(
      deps,
      { stage: "scaffold", contract, previous: request.previous },

      emit,
      tokens,
      (path, content) => {
        if (!TEST_FILE.test(path)) files[path] = content
      },
    )
    const componentPath = `src/components/${contract.name}.tsx`
    const componentSource = files[componentPath]
    if (componentSource === undefined) {
      yield emit({
        type: "error",
        code: "model_output_invalid",
        message: `The scaffold did not write ${componentPath}.`,
      })
      yield finish(false)
      return
    }
    yield stageDone("scaffold", started, `${Object.keys(files).length} file(s)`)

    // unit_test: tests from the contract and the public interface only
    started = performance.now()
    const publicInterface = extractPublicInterface(componentSource, componentPath)
    yield* streamFiles(
      deps,
      { stage: "unit_test", contract, publicInterface, componentPath },

      emit,
      tokens,
      (path, content) => {
        if (TEST_FILE.test(path)) files[path] = content
      },
    )
    if (!Object.keys(files).some((path) => TEST_FILE.test(path))) {
      yield emit({
        type: "error",
        code: "model_output_invalid",
        message: "The unit_test stage wrote no test file.",
      })
      yield finish(false)
      return
    }
    yield stageDone(
      "unit_test",
      started,
      `${Object.keys(files).filter((path) => TEST_FILE.test(path)).length} test file(s)`,
    )

    // execute, then repair while tests fail
    let current = yield* executeStage(files, request, deps, emit, durations)
    Object.assign(outcome, { files: current.files, css: current.css, tests: current.tests })
    while (!current.ok && repairAttempts < maxRepairs) {
      repairAttempts++
      started = performance.now()
      const failingTests = current.tests.filter((test) => test.status === "fail")
      const errors = current.diagnostics.filter((diagnostic) => diagnostic.severity === "error")
      yield emit({
        type: "reasoning_step",
        stage: "repair",
        text: `Attempt ${repairAttempts} of ${maxRepairs}: ${failingTests.length} failing test(s), ${errors.length} error(s) to fix.`,
      })
      const repaired = { ...current.files }
      const refusedTests: string[] = []
      yield* streamFiles(
        deps,
        {
          stage: "repair",
          contract,
          files: current.files,
          failingTests,
          diagnostics: errors,
          attempt: repairAttempts,
        },

        emit,
        tokens,
        (path, content) => {
          // The tests are the proof: a repair changes the implementation, never the tests it must pass.
          if (TEST_FILE.test(path)) refusedTests.push(path)
          else repaired[path] = content
        },
      )
      if (refusedTests.length > 0) {
        yield emit({
          type: "reasoning_step",
          stage: "repair",
          text: `Ignored changes to test files (${refusedTests.join(", ")}): a repair may only change the implementation.`,
        })
      }
      yield stageDone("repair", started)
      const next = yield* executeStage(repaired, request, deps, emit, durations)
      const broken = brokenTests(current.tests, next.tests)
      if (broken.length > 0) {
        yield emit({
          type: "reasoning_step",
          stage: "repair",
          text: `The attempt broke test(s) that passed before (${broken.join(", ")}); it is discarded.`,
        })
        continue
      }
      current = next
      Object.assign(outcome, { files: current.files, css: current.css, tests: current.tests })
    }

    // report
    started = performance.now()
    const summary = summarize(contract, current)
    yield emit({ type: "reasoning_step", stage: "report", text: summary.text })
    yield stageDone("report", started, summary.text)
    yield finish(current.ok)
  } catch (thrown) {
    const reason: unknown = deps.signal?.reason
    const error = deps.signal?.aborted
      ? StudioError.isInstance(reason)
        ? reason
        : new StudioError("cancelled")
      : toStudioError(thrown)
    const visible = error.toPublic()
    yield emit({ type: "error", code: visible.code, message: sanitizeMessage(visible.message) })
    yield finish(false)
  }
}

/** Streams one stage's text, counting tokens; returns the whole text. */
async function collectText(
  deps: RunDependencies,
  input: StageInput,
  tokens: { prompt: number; completion: number },
  notes: string[],
  retryReason?: string,
): Promise<string> {
  let text = ""
  for await (const chunk of deps.generator.generate(input, { signal: deps.signal, retryReason })) {
    if (deps.signal?.aborted) throw new StudioError("cancelled")
    if (chunk.type === "text") text += chunk.delta
    else if (chunk.type === "reasoning") notes.push(chunk.text)
    else {
      tokens.prompt += chunk.promptTokens
      tokens.completion += chunk.completionTokens
    }
  }
  return text
}

/** Streams a stage's file blocks as token / file_closed events; unsafe paths become error events, never files. */
async function* streamFiles(
  deps: RunDependencies,
  input: StageInput,
  emit: ReturnType<typeof createEventSequencer>,
  tokens: { prompt: number; completion: number },
  accept: (path: string, content: string) => void,
): AsyncGenerator<StudioEvent> {
  const parser = createFileBlockParser()
  const translate = function* (events: ReturnType<typeof parser.push>): Generator<StudioEvent> {
    for (const event of events) {
      if (event.type === "token") yield emit({ type: "token", path: event.path, delta: event.delta })
      else if (event.type === "file_closed") {
        accept(event.path, event.content)
        yield emit({ type: "file_closed", path: event.path, content: event.content })
      } else if (event.type === "error") {
        yield emit({
          type: "error",
          code: event.code === "unsafe_path" ? "unsafe_path" : "model_output_invalid",
          message: sanitizeMessage(event.message),
        })
      }
    }
  }
  for await (const chunk of deps.generator.generate(input, { signal: deps.signal })) {
    if (deps.signal?.aborted) throw new StudioError("cancelled")
    if (chunk.type === "text") yield* translate(parser.push(chunk.delta))
    else if (chunk.type === "reasoning") {
      yield emit({ type: "reasoning_step", stage: input.stage, text: sanitizeMessage(chunk.text) })
    } else {
      tokens.prompt += chunk.promptTokens
      tokens.completion += chunk.completionTokens
    }
  }
  yield* translate(parser.end())
}

/** The execute stage with its progress as events. */
async function* executeStage(
  files: Record<string, string>,
  request: RunRequest,
  deps: RunDependencies,
  emit: ReturnType<typeof createEventSequencer>,
  durations: Partial<Record<AgentStage, number>>,
): AsyncGenerator<StudioEvent, ExecuteProjectResult> {
  const started = performance.now()
  const plugins = request.plugins ?? EXECUTE_STAGE_PLUGINS
  const queue: StudioEvent[] = []
  let wake: (() => void) | undefined
  let finished = false
  let done = 0
  const push = (event: StudioEvent) => {
    queue.push(event)
    wake?.()
  }
  const execution = executeProject(files, {
    toolchain: deps.toolchain,
    sandbox: deps.sandbox,
    plugins,
    signal: deps.signal,
    onProgress(progress) {
      if (progress.type === "plugin_start") {
        push(
          emit({
            type: "build_progress",
            plugin: progress.plugin,
            status: "start",
            percent: Math.round((done / plugins.length) * 100),
          }),
        )
      } else if (progress.type === "plugin_done") {
        done++
        push(
          emit({
            type: "build_progress",
            plugin: progress.plugin,
            status: "done",
            percent: Math.round((done / plugins.length) * 100),
          }),
        )
        const errors = progress.diagnostics.filter(
          (diagnostic: Diagnostic) => diagnostic.severity === "error",
        )
        push(
          emit({
            type: errors.length > 0 ? "build_error" : "build_ok",
            plugin: progress.plugin,
            diagnostics: progress.diagnostics,
          }),
        )
      } else {
        const result = progress.result
        push(
          emit({
            type: "test_result",
            name: result.name,
            status: result.status,
            durationMs: result.durationMs,
            ...(result.requirementId ? { requirementId: result.requirementId } : {}),
            ...(result.error ? { error: result.error } : {}),
          }),
        )
      }
    },
  }).finally(() => {
    finished = true
    wake?.()
  })
  while (!finished || queue.length > 0) {
    const next = queue.shift()
    if (next) {
      yield next
      continue
    }
    await new Promise<void>((resolve) => {
      wake = resolve
    })
    wake = undefined
  }
  const result = await execution
  const durationMs = Math.round(performance.now() - started)
  durations.execute = (durations.execute ?? 0) + durationMs
  const passed = result.tests.filter((test) => test.status === "pass").length
  yield emit({
    type: "stage_complete",
    stage: "execute",
    durationMs,
    summary: `${passed}/${result.tests.length} tests pass`,
  })
  return result
}

/** Tests that passed before and do not pass now. */
function brokenTests(before: TestCaseResult[], after: TestCaseResult[]): string[] {
  const status = new Map(after.map((test) => [test.fullName ?? test.name, test.status]))
  return before
    .filter((test) => test.status === "pass" && status.get(test.fullName ?? test.name) !== "pass")
    .map((test) => test.name)
}

function summarize(contract: Contract, result: ExecuteProjectResult): { text: string } {
  const met = evaluateRequirements(contract.requirements, result.tests).filter((status) => status.met)
  const passed = result.tests.filter((test) => test.status === "pass").length
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error").length
  return {
    text:
      `${met.length}/${contract.requirements.length} requirements met; ${passed}/${result.tests.length} tests pass` +
      (errors > 0 ? `; ${errors} error diagnostic(s)` : "") +
      (result.ok
        ? "."
        : ". Still failing: " +
          result.tests
            .filter((test) => test.status === "fail")
            .map((test) => test.name)
            .join(", ")),
  }
}
