import { randomUUID } from "node:crypto"
import {
  computeVerdict,
  createEventSequencer,
  sanitizeMessage,
  StudioError,
  type AgentStage,
  type Contract,
  type ErrorCode,
  type StudioEvent,
  type TestCaseResult,
  type VerdictOutcome,
} from "@studio/protocol"
import { createFileBlockParser, parseContractAnswer } from "../generators/parsing"
import type { Generator as CodeGenerator, PreviousVersion, StageInput } from "../generators/types"
import type { SandboxBackend } from "../sandbox"
import type { PluginId, ToolchainRegistry } from "../toolchain"
import { executeStage, runFailure, summarizeExecution } from "./execute-stage"
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

  const finish = ({ verdict, reasons }: VerdictOutcome) =>
    emit({
      type: "run_finished",
      verdict,
      reasons,
      success: verdict === "proven",
      metrics: { durations, tokens, repairAttempts },
    })
  // A run that ends before its tests decide is judged on the error it ended with (a cancel leaves it unverified).
  const endedOn = (code: ErrorCode, message: string) =>
    computeVerdict({ tests: [], errors: [{ code, message }] })
  // stage_complete carries this occurrence's duration; the run's metrics add up every occurrence (repairs repeat).
  const stageDone = (stage: AgentStage, started: number, summary?: string, contract?: Contract) => {
    const durationMs = Math.round(performance.now() - started)
    durations[stage] = (durations[stage] ?? 0) + durationMs
    return emit({
      type: "stage_complete",
      stage,
      durationMs,
      ...(summary ? { summary } : {}),
      ...(contract ? { contract } : {}),
    })
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
      const message = "The model gave no usable contract after a retry."
      yield emit({ type: "error", code: "model_output_invalid", message })
      yield finish(endedOn("model_output_invalid", message))
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
      contract,
    )

    // scaffold: the implementation
    started = performance.now()
    // A follow-up keeps the previous version's implementation files unless the scaffold rewrites them; its tests
    // are written anew from the new contract. A follow-up that makes another component drops the old one's file,
    // so the version holds one component (the one the preview, the design panel and the export show).
    const previousName = request.previous?.contract.name
    const replacedComponent =
      previousName && previousName !== contract.name ? `src/components/${previousName}.tsx` : undefined
    const files: Record<string, string> = Object.fromEntries(
      Object.entries(request.previous?.files ?? {}).filter(
        ([path]) => !TEST_FILE.test(path) && path !== replacedComponent,
      ),
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
      const message = `The scaffold did not write ${componentPath}.`
      yield emit({ type: "error", code: "model_output_invalid", message })
      yield finish(endedOn("model_output_invalid", message))
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
      const message = "The unit_test stage wrote no test file."
      yield emit({ type: "error", code: "model_output_invalid", message })
      yield finish(endedOn("model_output_invalid", message))
      return
    }
    yield stageDone(
      "unit_test",
      started,
      `${Object.keys(files).filter((path) => TEST_FILE.test(path)).length} test file(s)`,
    )

    // execute, then repair while tests fail
    const execution = {
      toolchain: deps.toolchain,
      sandbox: deps.sandbox,
      signal: deps.signal,
      plugins: request.plugins,
      emit,
      durations,
      requirements: contract.requirements,
    }
    let current = yield* executeStage(files, execution)
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
      const next = yield* executeStage(repaired, execution)
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
    const summary = summarizeExecution(contract, current)
    yield emit({ type: "reasoning_step", stage: "report", text: summary })
    yield stageDone("report", started, summary)
    yield finish(current)
  } catch (thrown) {
    const visible = runFailure(thrown, deps.signal).toPublic()
    const message = sanitizeMessage(visible.message)
    yield emit({ type: "error", code: visible.code, message })
    yield finish(endedOn(visible.code, message))
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

/** Tests that passed before and do not pass now. */
function brokenTests(before: TestCaseResult[], after: TestCaseResult[]): string[] {
  const status = new Map(after.map((test) => [test.fullName ?? test.name, test.status]))
  return before
    .filter((test) => test.status === "pass" && status.get(test.fullName ?? test.name) !== "pass")
    .map((test) => test.name)
}
