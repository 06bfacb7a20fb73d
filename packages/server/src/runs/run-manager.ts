import { createHash, randomUUID } from "node:crypto"
import {
  assertMayRunUntrustedCode,
  buildVersionReport,
  consumeRun,
  EDITOR_MODEL,
  EDITOR_PROVIDER,
  isPluginId,
  OFFLINE_PROVIDER,
  validateGeneratedPath,
  type Engine,
  type PluginId,
  type RunEvents,
  type RunOutcome,
} from "@studio/engine"
import {
  computeVerdict,
  evaluateRequirements,
  StudioError,
  type GenerateMessage,
  type StudioEvent,
} from "@studio/protocol"
import type { Logger } from "pino"
import type { Version } from "../db/repositories/versions"
import type { StoredEvent } from "../db/schema"
import type { Store } from "../db/store"
import { unifiedDiff } from "../export/unified-diff"
import type { Metrics } from "../metrics"
import { readStoredEvent } from "./run-verdicts"

/** Where a subscriber's events go; the socket layer buffers and batches them. */
export type EventSink = (event: StudioEvent) => void

interface Subscriber {
  deliver(event: StudioEvent): void
}

interface ActiveRun {
  userId: string
  controller: AbortController
  subscribers: Set<Subscriber>
  done: Promise<void>
}

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
  /** The run itself: its events, then its outcome as the return value. */
  events(runId: string, signal: AbortSignal): RunEvents
}

const TEST_FILE = /\.test\.tsx?$/
const PAGE = 1000

/**
 * Runs the pipeline for users: every event is stored before anyone sees it, subscribers (live or catching up from
 * a sequence number) get each event exactly once and in order, a run goes on when its client drops, and the outcome
 * becomes a version with its report (and, for a generation, an observation). Test runs of edited code go the same way.
 */
export class RunManager {
  private readonly active = new Map<string, ActiveRun>()
  private closing = false

  constructor(
    private readonly store: Store,
    private readonly engine: Pick<Engine, "generator" | "toolchain" | "sandbox" | "run" | "testEditedCode">,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private readonly policy: { allowUnisolated: boolean } = { allowUnisolated: false },
  ) {}

  /**
   * Refuses code the offline generator did not write where the sandbox has no namespaces (unless the operator opted
   * in): checked before a prompt is charged or a run recorded.
   */
  private async checkSandboxFor(what: string): Promise<void> {
    assertMayRunUntrustedCode(
      await this.engine.sandbox.describeIsolation(),
      this.policy.allowUnisolated,
      what,
    )
  }

  get activeRuns(): number {
    return this.active.size
  }

  /**
   * What a generation would start from, after checking the request: the user's project, the parent version (which
   * must be in that project) and known plugins. Throws the error to answer otherwise; callers check this before they
   * spend the user's prompt, so a request that cannot run costs nothing.
   */
  async checkStart(
    userId: string,
    request: GenerateMessage,
  ): Promise<{ projectId: string; parent: Version | undefined; plugins: PluginId[] | undefined }> {
    if (this.closing)
      throw new StudioError("interrupted", "The studio is shutting down; try again in a moment.")
    const project = await this.store.projects.get(userId, request.projectId)
    if (!project) throw new StudioError("not_found", "No such project.")
    const parent = request.parentVersionId
      ? await this.store.versions.get(userId, request.parentVersionId)
      : undefined
    if (request.parentVersionId && (!parent || parent.projectId !== project.id))
      throw new StudioError("not_found", "No such version in this project.")
    if (this.engine.generator.provider !== OFFLINE_PROVIDER) await this.checkSandboxFor("model-written code")
    const plugins = request.plugins
    if (plugins?.some((plugin) => !isPluginId(plugin)))
      throw new StudioError(
        "validation_failed",
        `Unknown plugin; known: ${this.engine.toolchain
          .listManifests()
          .map((m) => m.name)
          .join(", ")}`,
      )
    return { projectId: project.id, parent, plugins: plugins as PluginId[] | undefined }
  }

  /** Starts a run for a project (and, for a follow-up, from one of its versions); returns the run id at once. */
  async start(userId: string, request: GenerateMessage): Promise<string> {
    const { projectId, parent, plugins } = await this.checkStart(userId, request)
    const prompt = request.prompt
    return this.launch(userId, {
      projectId,
      prompt,
      parent,
      versionPrompt: prompt,
      author: { provider: this.engine.generator.provider, model: this.engine.generator.model },
      observe: true,
      events: (runId, signal) => {
        const previous = parent?.contract
          ? { prompt: parent.prompt, contract: parent.contract, files: parent.files }
          : undefined
        return this.engine.run({ prompt, runId, previous, plugins }, { signal })
      },
    })
  }

  /**
   * The edited version a test run would start from, after checking the request: the user's version, with a contract
   * to test against, and files at paths a model could have written. Throws the error to answer otherwise.
   */
  async checkTestRun(
    userId: string,
    versionId: string,
    files: Record<string, string>,
  ): Promise<Version & { contract: NonNullable<Version["contract"]> }> {
    const version = await this.store.versions.get(userId, versionId)
    if (!version) throw new StudioError("not_found", "No such version.")
    const contract = version.contract
    if (!contract)
      throw new StudioError(
        "validation_failed",
        `v${version.number} has no contract, so there are no requirements to test against; generate it again first.`,
      )
    if (Object.keys(files).length === 0)
      throw new StudioError("validation_failed", "files: there are no files.")
    for (const path of Object.keys(files)) {
      const checked = validateGeneratedPath(path)
      if (!checked.ok) throw new StudioError("validation_failed", `files: ${checked.message}`)
    }
    await this.checkSandboxFor("edited code")
    return { ...version, contract }
  }

  /**
   * Runs the tests of a version on edited files (no model, no repair): the run is recorded like a generation, and
   * the files become the project's next version, child of the edited one, whether the tests pass or not.
   */
  async startTestRun(userId: string, versionId: string, files: Record<string, string>): Promise<string> {
    if (this.closing)
      throw new StudioError("interrupted", "The studio is shutting down; try again in a moment.")
    const version = await this.checkTestRun(userId, versionId, files)
    const contract = version.contract
    const prompt = `Run tests on edited v${version.number}`
    return this.launch(userId, {
      projectId: version.projectId,
      prompt,
      parent: version,
      versionPrompt: `Edited v${version.number}`,
      author: { provider: EDITOR_PROVIDER, model: EDITOR_MODEL },
      observe: false,
      events: (runId, signal) => this.engine.testEditedCode({ runId, prompt, contract, files }, { signal }),
    })
  }

  /** Records the run, then drives it in the background; returns its id at once. */
  private async launch(userId: string, plan: RunPlan): Promise<string> {
    const runId = randomUUID()
    await this.store.runs.create({
      id: runId,
      userId,
      projectId: plan.projectId,
      parentVersionId: plan.parent?.id,
      prompt: plan.prompt,
      provider: plan.author.provider,
      model: plan.author.model,
    })
    const controller = new AbortController()
    const active: ActiveRun = { userId, controller, subscribers: new Set(), done: Promise.resolve() }
    this.active.set(runId, active)
    this.metrics.activeRuns.set(this.active.size)
    active.done = this.drive(runId, userId, plan, active)
      .catch((error: unknown) => this.log.error({ err: error, runId }, "run failed outside the pipeline"))
      .finally(() => {
        this.active.delete(runId)
        this.metrics.activeRuns.set(this.active.size)
      })
    return runId
  }

  /**
   * Drives one run: every event is stored before it is delivered, the version is saved before run_finished goes out
   * (so it can name it), and the run's record (and observation) is written when it ends.
   */
  private async drive(runId: string, userId: string, plan: RunPlan, active: ActiveRun): Promise<void> {
    const { projectId, parent } = plan
    const started = performance.now()
    // What the run ended with; a run whose events could not be stored ends with nothing kept.
    let outcome: RunOutcome = { files: {}, tests: [] }
    const events: StudioEvent[] = []
    let lastSeq = -1
    let versionId: string | undefined
    const publish = async (event: StudioEvent) => {
      await this.store.events.append(runId, event.seq, event as StoredEvent)
      lastSeq = event.seq
      for (const subscriber of active.subscribers) subscriber.deliver(event)
    }
    try {
      // consumeRun hands run_finished over with the run's outcome, so the version is saved before it is published.
      outcome = await consumeRun(plan.events(runId, active.controller.signal), async (produced, ended) => {
        let event = produced
        if (event.type === "stage_complete")
          this.metrics.stageSeconds.observe({ stage: event.stage }, event.durationMs / 1000)
        if (event.type === "run_finished") {
          // The version exists before anyone hears the run finished, so run_finished can name it.
          versionId = await this.saveVersion(runId, plan, ended ?? outcome, [...events, event])
          event = versionId ? { ...event, versionId } : event
          this.metrics.runs.inc({
            outcome: event.success
              ? "succeeded"
              : active.controller.signal.aborted
                ? "cancelled"
                : event.verdict === "unverified"
                  ? "unverified"
                  : "failed",
          })
          this.metrics.tokens.inc({ kind: "prompt" }, event.metrics.tokens.prompt)
          this.metrics.tokens.inc({ kind: "completion" }, event.metrics.tokens.completion)
        }
        events.push(event)
        await publish(event)
      })
    } catch (error) {
      // The pipeline turns its own failures into events; this is storage failing under it. Stop the run and tell
      // whoever is watching, without pretending the notice was stored.
      this.log.error({ err: error, runId }, "run stopped: its events could not be stored")
      active.controller.abort()
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
      for (const subscriber of active.subscribers) subscriber.deliver(finished)
    }
    const finished = events.findLast((event) => event.type === "run_finished")
    const success = finished?.type === "run_finished" && finished.success
    const status = success
      ? "succeeded"
      : active.controller.signal.aborted
        ? this.closing
          ? "interrupted"
          : "cancelled"
        : "failed"
    await this.store.runs.finish(runId, {
      status,
      success,
      contract: outcome.contract ?? null,
      scaffoldFiles: pick(outcome.files, (path) => !TEST_FILE.test(path)),
      testFiles: pick(outcome.files, (path) => TEST_FILE.test(path)),
      testResults: outcome.tests,
      repairAttempts: finished?.type === "run_finished" ? finished.metrics.repairAttempts : 0,
      versionId: versionId ?? null,
    })
    if (plan.observe && outcome.contract) {
      const statuses = evaluateRequirements(outcome.contract.requirements, outcome.tests)
      const metrics = finished?.type === "run_finished" ? finished.metrics : undefined
      await this.store.observations.create({
        runId,
        userId,
        projectId,
        promptHash: createHash("sha256").update(plan.prompt).digest("hex"),
        diffPatch: unifiedDiff(parent?.files ?? {}, outcome.files),
        testMetrics: {
          total: outcome.tests.length,
          passed: outcome.tests.filter((test) => test.status === "pass").length,
          failed: outcome.tests.filter((test) => test.status === "fail").length,
          requirements: statuses.length,
          requirementsMet: statuses.filter((entry) => entry.met).length,
          repairAttempts: metrics?.repairAttempts ?? 0,
          promptTokens: metrics?.tokens.prompt ?? 0,
          completionTokens: metrics?.tokens.completion ?? 0,
          success: success ? 1 : 0,
          ...Object.fromEntries(
            Object.entries(metrics?.durations ?? {}).map(([stage, ms]) => [`${stage}Ms`, ms ?? 0]),
          ),
        },
        latencyMs: Math.round(performance.now() - started),
      })
    }
  }

  private async saveVersion(
    runId: string,
    plan: RunPlan,
    outcome: RunOutcome,
    events: StudioEvent[],
  ): Promise<string | undefined> {
    if (!outcome.contract || Object.keys(outcome.files).length === 0) return undefined
    const report = buildVersionReport(outcome, events, plan.author)
    const version = await this.store.versions.create({
      projectId: plan.projectId,
      parentVersionId: plan.parent?.id,
      prompt: plan.versionPrompt,
      files: outcome.files,
      contract: outcome.contract,
      report,
      runId,
    })
    return version.id
  }

  /**
   * Sends a run's events after `afterSeq` to `sink`: the stored ones first, then live ones as they happen, each
   * exactly once and in order. Returns the function that ends the subscription.
   */
  async subscribe(userId: string, runId: string, afterSeq: number, sink: EventSink): Promise<() => void> {
    const record = await this.store.runs.get(userId, runId)
    if (!record) throw new StudioError("not_found", "No such run.")
    const active = this.active.get(runId)
    let cursor = afterSeq
    let replaying = true
    const pending: StudioEvent[] = []
    const forward = (event: StudioEvent) => {
      if (event.seq <= cursor) return
      cursor = event.seq
      sink(event)
    }
    const subscriber: Subscriber = {
      deliver: (event) => (replaying ? pending.push(event) : forward(event)),
    }
    active?.subscribers.add(subscriber)
    try {
      for (;;) {
        const page = await this.store.events.list(runId, cursor, PAGE)
        for (const row of page) forward(readStoredEvent(row.event, record))
        if (page.length < PAGE) break
      }
    } finally {
      replaying = false
    }
    for (const event of pending.splice(0)) forward(event)
    return () => active?.subscribers.delete(subscriber)
  }

  cancel(userId: string, runId: string): boolean {
    const active = this.active.get(runId)
    if (!active || active.userId !== userId) return false
    active.controller.abort()
    return true
  }

  /** Waits up to `graceMs` for running runs to finish, then stops the rest; they are stored as interrupted. */
  async shutdown(graceMs: number): Promise<void> {
    this.closing = true
    const runs = [...this.active.values()]
    const all = Promise.allSettled(runs.map((entry) => entry.done))
    const timeout = new Promise((resolve) => setTimeout(resolve, graceMs).unref())
    await Promise.race([all, timeout])
    for (const entry of this.active.values())
      entry.controller.abort(new StudioError("interrupted", "The studio restarted during this run."))
    await all
  }
}

function pick(files: Record<string, string>, keep: (path: string) => boolean): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([path]) => keep(path)))
}
