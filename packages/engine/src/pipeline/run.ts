import { randomUUID } from "node:crypto"
import {
  API_LIMITS,
  describeIssue,
  runRequestSchema,
  sanitizeMessage,
  type GivenTestFile,
  type StudioEvent,
} from "@studio/protocol"
import type { PreviousVersion } from "../generators/types"
import type { ModelPriceTable } from "../pricing"
import type { ToolchainRegistry } from "../toolchain/registry"
import type { PluginName } from "../toolchain/types"
import {
  componentPathOf,
  createRunContext,
  endedOn,
  hotReload,
  runFailure,
  runFinished,
  type RunDependencies,
  type RunOutcome,
} from "./run-context"
import { executeStage, type ExecuteResult } from "./stages/execute"
import {
  givenTestsExecution,
  givenTestsInterpretStage,
  givenTestsUnitTestStage,
  keepGivenTestsStep,
  readGivenTests,
} from "./stages/given-tests"
import { interpretStage } from "./stages/interpret"
import { brokenTests, gaveUpStep, repairStage, sameFailures } from "./stages/repair"
import { reportStage } from "./stages/report"
import { scaffoldStage } from "./stages/scaffold"
import { unitTestStage } from "./stages/unit-test"

export interface RunRequest {
  prompt: string
  runId?: string
  /** A follow-up starts from a previous version's contract and files. */
  previous?: PreviousVersion
  /** Repair attempts after the first execute (0 to 5, default 2). */
  maxRepairs?: number
  /** Toolchain steps of the execute stage (default: the built-in ones); custom plugins by name. */
  plugins?: readonly PluginName[]
  /** Tests as the spec: the run makes these pass (the prompt may then be empty); they are never changed. */
  tests?: readonly GivenTestFile[]
  /** Tokens the run may use (STUDIO_MAX_TOKENS_PER_RUN); the first usage over it stops it with `token_limit`. */
  maxTokens?: number
  /** Dollars per million tokens by model, for run_finished's costUsd (default: the built-in list prices). */
  prices?: ModelPriceTable
}

/**
 * One run of the pipeline: interpret -> scaffold -> unit_test -> execute -> (repair -> execute)* -> report, as
 * protocol events (each stamped with runId, seq and ts), ending with run_finished; the files and contract it ends
 * with are the generator's return value. Failures, an invalid request included, are events (error, then
 * run_finished), never a throw.
 *
 * @example
 * const outcome = await consumeRun(run({ prompt: "a counter" }, deps), (event) => console.log(event.type))
 */
export async function* run(
  request: RunRequest,
  deps: RunDependencies,
): AsyncGenerator<StudioEvent, RunOutcome> {
  const context = {
    ...createRunContext(request.runId ?? randomUUID(), deps),
    generator: deps.generator,
    pricing: { generator: deps.generator, ...(request.prices ? { prices: request.prices } : {}) },
  }
  const { emit } = context
  const outcome: RunOutcome = { files: {}, tests: [] }
  const parsed = runRequestSchema.safeParse(request)
  yield emit({
    type: "run_started",
    prompt: parsed.success ? parsed.data.prompt : String(request.prompt).slice(0, API_LIMITS.promptChars),
    provider: deps.generator.provider,
    model: deps.generator.model,
  })
  const invalid = parsed.success
    ? unknownPlugins(parsed.data.plugins, deps.toolchain)
    : describeRequestIssue(parsed.error.issues[0])
  if (!parsed.success || invalid) {
    const error = {
      code: "validation_failed" as const,
      message: sanitizeMessage(invalid ?? "invalid request"),
    }
    yield emit({ type: "error", ...error })
    yield runFinished(context, endedOn(error))
    return outcome
  }
  const { prompt, previous, maxRepairs } = parsed.data
  if (parsed.data.maxTokens !== undefined) context.maxTokens = parsed.data.maxTokens
  const record = (result: ExecuteResult) => {
    Object.assign(outcome, { files: result.files, css: result.css, tests: result.tests })
    return result
  }
  try {
    // Tests as the spec: the contract comes from the given tests and unit_test is skipped (stages/given-tests.ts).
    const given = parsed.data.tests ? readGivenTests(parsed.data.tests, prompt) : undefined
    // The version keeps the mode, so a later test run of it runs the given tests as given (testEditedCode).
    if (given) outcome.givenTests = Object.keys(given.files)
    const contract = given
      ? yield* givenTestsInterpretStage(context, given)
      : yield* interpretStage(context, { prompt, previous })
    outcome.contract = contract
    const scaffold = yield* scaffoldStage(context, contract, previous, given)
    outcome.scaffoldFiles = { ...scaffold.files }
    const files = given
      ? yield* givenTestsUnitTestStage(context, given, scaffold.files)
      : yield* unitTestStage(context, contract, scaffold)
    const execution = {
      ...context,
      plugins: request.plugins,
      requirements: contract.requirements,
      ...(given ? givenTestsExecution(given) : {}),
    }
    let current = record(yield* executeStage(files, execution))
    while (!current.ok && context.repairAttempts < maxRepairs) {
      const attempted = yield* repairStage(context, contract, current, maxRepairs, given)
      const repaired = given ? yield* keepGivenTestsStep(context, attempted, given) : attempted
      const next = yield* executeStage(repaired, execution)
      const broken = brokenTests(current.tests, next.tests)
      if (broken.length > 0) {
        yield emit({
          type: "reasoning_step",
          stage: "repair",
          text: `The attempt broke test(s) that passed before (${broken.join(", ")}); it is discarded.`,
        })
        // The preview showed the attempt as soon as it was written; it goes back to the version kept.
        const back = await hotReload(context, repaired, current.files, {
          entry: componentPathOf(contract, given),
          ...(given ? { givenTests: given.files } : {}),
        })
        if (back) yield back
        continue
      }
      // Attempts left, but this one changed nothing that matters: stop rather than spend them on repeats.
      const stuck = sameFailures(current, next) && context.repairAttempts < maxRepairs
      current = record(next)
      if (stuck) {
        yield emit({ type: "reasoning_step", stage: "repair", text: gaveUpStep(next) })
        break
      }
    }
    yield* reportStage(context, contract, current)
    yield runFinished(context, current)
  } catch (thrown) {
    const visible = runFailure(thrown, deps.signal).toPublic()
    const error = { code: visible.code, message: sanitizeMessage(visible.message) }
    yield emit({ type: "error", ...error })
    yield runFinished(context, endedOn(error))
  }
  return outcome
}

/** "plugins: unknown plugin acme; known: ..." or undefined when every name is one of the toolchain's plugins. */
function unknownPlugins(
  plugins: readonly string[] | undefined,
  toolchain: Pick<ToolchainRegistry, "listManifests">,
): string | undefined {
  const known = toolchain.listManifests().map((manifest) => manifest.name)
  const unknown = (plugins ?? []).filter((plugin) => !known.includes(plugin))
  if (unknown.length === 0) return undefined
  return `plugins: unknown plugin ${unknown.join(", ")}; known: ${known.join(", ")}`
}

function describeRequestIssue(issue: Parameters<typeof describeIssue>[0] | undefined): string {
  return issue ? describeIssue(issue) : "invalid request"
}
