import path from "node:path"
import {
  assertMayRunUntrustedCode,
  buildVersionReport,
  consumeRun,
  EDITOR_MODEL,
  EDITOR_PROVIDER,
  OFFLINE_PROVIDER,
  type Engine,
  type PluginName,
  type RunBudget,
  type RunEvents,
  type RunOutcome,
} from "@studio/engine"
import {
  computeVerdict,
  evaluateRequirements,
  StudioError,
  toStudioError,
  type GivenTestFile,
  type RunMetrics,
  type StudioEvent,
} from "@studio/protocol"
import type { Logger } from "pino"
import type { Version } from "../db/repositories/versions"
import type { RunStatus, StoredEvent } from "../db/schema"
import type { Store } from "../db/store"
import { unifiedDiff } from "../export/unified-diff"
import type { Metrics } from "../metrics"
import { endRunOutsidePipeline } from "./closing-events"
import { hashPrompt } from "./prompt-hash"
import { describeRunPrompt } from "./run-prompt"
import type { JobHandler, RunEventBus, RunJob } from "./run-queue"

/** What one run does and how its outcome is stored; generation runs and test runs of edits differ only here. */
interface RunPlan {
  projectId: string
  /** The run's prompt (a test run's is made up: "Run tests on edited v3"). */
  prompt: string
  /** The version the run starts from, if any. */
  parent: Version | undefined
  /** The prompt of the version the run saves. */
  versionPrompt: string
  /** Who wrote the code, as the version's report names it. */
  author: { provider: string; model: string }
  /** Observations measure the generator for the insights page; a test run of edits is not its work. */
  observe: boolean
  /** The run itself: its events (numbered from 0), then its outcome as the return value. */
  events(signal: AbortSignal): RunEvents
}

export interface RunExecutorDeps {
  store: Store
  engine: Pick<Engine, "generator" | "isolation" | "run" | "testEditedCode">
  /** STUDIO_ALLOW_UNISOLATED of the worker's own machine. */
  policy: { allowUnisolated: boolean }
  /** Prices and the token limit of every generation run (STUDIO_MODEL_PRICES, STUDIO_MAX_TOKENS_PER_RUN). */
  budget?: RunBudget
  bus: RunEventBus
  metrics: Metrics
  log: Logger
}

// Given tests (tests as the spec) may be .js or .jsx.
const TEST_FILE = /\.test\.[jt]sx?$/

/**
 * The worker side of a run: takes a queued run, drives the engine on it, stores every event before it publishes it,
 * saves the version before run_finished goes out (so it can name it), and writes the run's record (and, for a
 * generation, an observation) when it ends. A job carries ids: what the run needs is read from the store.
 */
export function createRunExecutor(deps: RunExecutorDeps): JobHandler {
  const { store, log } = deps
  return async (job, { signal, workerId }) => {
    const started = await store.runs.markStarted(job.runId, workerId)
    // Cancelled, or ended some other way, before this worker took it.
    if (!started) return
    deps.metrics.activeRuns.inc()
    try {
      const plan = await planRun(deps, job, started.run.prompt).catch(async (error: unknown) => {
        const problem = toStudioError(error)
        await endRunOutsidePipeline(deps, job.runId, "failed", problem.code, problem.message)
        return undefined
      })
      if (plan) await drive(deps, job, plan, started.nextSeq, signal)
    } catch (error) {
      log.error({ err: error, runId: job.runId }, "run failed outside the pipeline")
    } finally {
      deps.metrics.activeRuns.dec()
    }
  }
}

/** What the job asks for, read again from the store: the version it starts from may be gone since it was queued. */
async function planRun(deps: RunExecutorDeps, job: RunJob, recordedPrompt: string): Promise<RunPlan> {
  const { store, engine } = deps
  // The API instance checked its own machine; with a shared queue the worker may be on another one, so code that is
  // not the offline generator's runs only where this worker's sandbox has namespaces (or the operator opted in).
  if (job.kind === "test" || engine.generator.provider !== OFFLINE_PROVIDER)
    assertMayRunUntrustedCode(
      engine.isolation,
      deps.policy.allowUnisolated,
      job.kind === "test" ? "edited code" : "model-written code",
    )
  if (job.kind === "generate") {
    const parent = job.parentVersionId ? await store.versions.get(job.userId, job.parentVersionId) : undefined
    if (job.parentVersionId && !parent)
      throw new StudioError("not_found", "The version this run starts from no longer exists.")
    const { prompt, runId } = job
    // A follow-up of a version of given tests keeps them as its spec, unless it brings tests of its own.
    const tests = job.tests ?? (parent ? givenTestsOf(parent) : undefined)
    const plugins: PluginName[] | undefined = job.plugins
    return {
      projectId: job.projectId,
      // As the run was recorded: a follow-up's prompt describes the change, the parent's tests stay the proof.
      prompt: describeRunPrompt(prompt, job.tests),
      parent,
      versionPrompt: describeRunPrompt(prompt, job.tests),
      author: { provider: engine.generator.provider, model: engine.generator.model },
      observe: true,
      events: (signal) => {
        // The parent's given tests come back through `tests` (or give way to the follow-up's own), never as its code.
        const previous = parent?.contract
          ? { prompt: parent.prompt, contract: parent.contract, files: withoutGivenTests(parent) }
          : undefined
        const { budget } = deps
        const bounds = budget
          ? {
              prices: budget.prices,
              ...(budget.maxTokensPerRun === undefined ? {} : { maxTokens: budget.maxTokensPerRun }),
            }
          : {}
        return engine.run(
          { prompt, runId, previous, plugins, ...bounds, ...(tests ? { tests } : {}) },
          { signal },
        )
      },
    }
  }
  const version = await store.versions.get(job.userId, job.versionId)
  const contract = version?.contract
  if (!version || !contract) throw new StudioError("not_found", "The edited version no longer exists.")
  return {
    projectId: version.projectId,
    prompt: recordedPrompt,
    parent: version,
    versionPrompt: `Edited v${version.number}`,
    author: { provider: EDITOR_PROVIDER, model: EDITOR_MODEL },
    observe: false,
    // A version of given tests is tested in that mode again; one of generated tests never is.
    events: (signal) =>
      engine.testEditedCode(
        {
          runId: job.runId,
          prompt: recordedPrompt,
          contract,
          files: job.files,
          ...(version.givenTests ? { givenTests: version.givenTests } : {}),
        },
        { signal },
      ),
  }
}

/**
 * A version's given tests (tests as the spec) as a run is given them: each file's name and its content as stored.
 * Undefined for a version of generated tests.
 */
function givenTestsOf(version: Version): GivenTestFile[] | undefined {
  const tests = (version.givenTests ?? []).flatMap((filePath) => {
    const content = version.files[filePath]
    return content === undefined ? [] : [{ name: path.posix.basename(filePath), content }]
  })
  return tests.length > 0 ? tests : undefined
}

function withoutGivenTests(version: Version): Record<string, string> {
  const given = new Set(version.givenTests ?? [])
  return pick(version.files, (filePath) => !given.has(filePath))
}

/** Runs the plan; the engine numbers its events from 0, and they are stored from `firstSeq` (after any run_queued). */
async function drive(
  deps: RunExecutorDeps,
  job: RunJob,
  plan: RunPlan,
  firstSeq: number,
  signal: AbortSignal,
): Promise<void> {
  const { store, bus, metrics, log } = deps
  const { runId } = job
  const begun = performance.now()
  // Stopped from outside (cancel, shutdown) or here, when the run's events cannot be stored.
  const storageFailed = new AbortController()
  const stop = AbortSignal.any([signal, storageFailed.signal])
  // What the run ended with; a run whose events could not be stored ends with nothing kept.
  let outcome: RunOutcome = { files: {}, tests: [] }
  const events: StudioEvent[] = []
  let lastSeq = firstSeq - 1
  let versionId: string | undefined
  let busDown = false
  const publish = async (event: StudioEvent) => {
    await store.events.append(runId, event.seq, event as StoredEvent)
    lastSeq = event.seq
    // Stored is what counts: a subscriber that misses it live reads it from the store at the next event, or when
    // the bus is back. A bus that cannot be reached (Redis down) does not stop the run.
    await bus.publish(event).catch((error: unknown) => {
      if (!busDown) log.warn({ err: error, runId }, "live events are not reaching other processes")
      busDown = true
    })
  }
  try {
    // consumeRun hands run_finished over with the run's outcome, so the version is saved before it is published.
    outcome = await consumeRun(plan.events(stop), async (produced, ended) => {
      let event: StudioEvent = { ...produced, seq: produced.seq + firstSeq }
      if (event.type === "stage_complete")
        metrics.stageSeconds.observe({ stage: event.stage }, event.durationMs / 1000)
      if (event.type === "run_finished") {
        // The version exists before anyone hears the run finished, so run_finished can name it.
        versionId = await saveVersion(store, runId, plan, ended ?? outcome, [...events, event])
        event = versionId ? { ...event, versionId } : event
        metrics.runs.inc({
          outcome: event.success
            ? "succeeded"
            : stop.aborted
              ? "cancelled"
              : event.verdict === "unverified"
                ? "unverified"
                : "failed",
        })
        metrics.tokens.inc({ kind: "prompt" }, event.metrics.tokens.prompt)
        metrics.tokens.inc({ kind: "completion" }, event.metrics.tokens.completion)
      }
      events.push(event)
      await publish(event)
    })
  } catch (error) {
    // The pipeline turns its own failures into events; this is storage failing under it. Stop the run and tell
    // whoever is watching, without pretending the notice was stored.
    log.error({ err: error, runId }, "run stopped: its events could not be stored")
    storageFailed.abort(new StudioError("interrupted", "The run stopped: its events could not be stored."))
    const finished: StudioEvent = {
      type: "run_finished",
      runId,
      seq: lastSeq + 1,
      ts: Date.now(),
      // Whatever the run proved was not kept: nothing is proven, and nothing was shown to fail.
      ...computeVerdict({
        tests: [],
        errors: [{ code: "interrupted", message: "The run stopped: its events could not be stored." }],
      }),
      success: false,
      metrics: { durations: {}, tokens: { prompt: 0, completion: 0 }, repairAttempts: 0 },
    }
    events.push(finished)
    await bus.publish(finished).catch(() => undefined)
  }
  const finished = events.findLast((event) => event.type === "run_finished")
  const success = finished?.type === "run_finished" && finished.success
  await store.runs.finish(runId, {
    status: statusOf(success, stop),
    success,
    verdict: finished?.type === "run_finished" ? finished.verdict : null,
    verdictReasons: finished?.type === "run_finished" ? finished.reasons : null,
    contract: outcome.contract ?? null,
    // The scaffold's own files; the files the run ended with are its version's. A test run of edits has no scaffold.
    scaffoldFiles: outcome.scaffoldFiles ?? null,
    testFiles: pick(outcome.files, (path) => TEST_FILE.test(path)),
    testResults: outcome.tests,
    repairAttempts: finished?.type === "run_finished" ? finished.metrics.repairAttempts : 0,
    versionId: versionId ?? null,
  })
  if (plan.observe && outcome.contract) {
    const statuses = evaluateRequirements(outcome.contract.requirements, outcome.tests)
    const runMetrics = finished?.type === "run_finished" ? finished.metrics : undefined
    await store.observations.create({
      runId,
      userId: job.userId,
      projectId: plan.projectId,
      promptHash: hashPrompt(plan.prompt),
      // The version against its parent (a first version: every file added); no version, no change.
      diffPatch: versionId ? unifiedDiff(plan.parent?.files ?? {}, outcome.files) : "",
      testMetrics: {
        total: outcome.tests.length,
        passed: outcome.tests.filter((test) => test.status === "pass").length,
        failed: outcome.tests.filter((test) => test.status === "fail").length,
        requirements: statuses.length,
        requirementsMet: statuses.filter((entry) => entry.met).length,
        repairAttempts: runMetrics?.repairAttempts ?? 0,
        promptTokens: runMetrics?.tokens.prompt ?? 0,
        completionTokens: runMetrics?.tokens.completion ?? 0,
        ...costMetrics(runMetrics),
        success: success ? 1 : 0,
        ...Object.fromEntries(
          Object.entries(runMetrics?.durations ?? {}).map(([stage, ms]) => [`${stage}Ms`, ms ?? 0]),
        ),
      },
      latencyMs: Math.round(performance.now() - begun),
    })
  }
}

/**
 * The observation's cost figures: `costUsd` when the price was known (0 for a local model or the offline generator,
 * with `costLocal` / `costOffline` set to 1 so the insights page can say why) and `<stage>Tokens` per stage.
 */
function costMetrics(metrics: RunMetrics | undefined): Record<string, number> {
  if (!metrics) return {}
  return {
    ...(metrics.costUsd === undefined ? {} : { costUsd: metrics.costUsd }),
    ...(metrics.costBasis === "local" ? { costLocal: 1 } : {}),
    ...(metrics.costBasis === "offline" ? { costOffline: 1 } : {}),
    ...Object.fromEntries(
      Object.entries(metrics.tokensByStage ?? {}).map(([stage, tokens]) => [
        `${stage}Tokens`,
        tokens.prompt + tokens.completion,
      ]),
    ),
  }
}

/** A stop's reason says what it was: a shutdown (or lost storage) interrupts, anything else is a cancel. */
function statusOf(success: boolean, stop: AbortSignal): Exclude<RunStatus, "queued" | "running"> {
  if (success) return "succeeded"
  if (!stop.aborted) return "failed"
  return StudioError.isInstance(stop.reason) && stop.reason.code === "interrupted"
    ? "interrupted"
    : "cancelled"
}

async function saveVersion(
  store: Store,
  runId: string,
  plan: RunPlan,
  outcome: RunOutcome,
  events: StudioEvent[],
): Promise<string | undefined> {
  if (!outcome.contract || Object.keys(outcome.files).length === 0) return undefined
  const report = buildVersionReport(outcome, events, plan.author)
  const version = await store.versions.create({
    projectId: plan.projectId,
    parentVersionId: plan.parent?.id,
    prompt: plan.versionPrompt,
    files: outcome.files,
    contract: outcome.contract,
    report,
    runId,
    givenTests: outcome.givenTests ?? null,
  })
  return version.id
}

function pick(files: Record<string, string>, keep: (path: string) => boolean): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([path]) => keep(path)))
}
