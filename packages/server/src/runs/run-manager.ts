import { randomUUID } from "node:crypto"
import {
  assertMayRunUntrustedCode,
  OFFLINE_PROVIDER,
  EDITOR_MODEL,
  EDITOR_PROVIDER,
  validateEditedPath,
  type Engine,
  type PluginName,
} from "@studio/engine"
import { StudioError, toStudioError, type GenerateMessage, type StudioEvent } from "@studio/protocol"
import type { Logger } from "pino"
import type { NewRun } from "../db/repositories/runs"
import type { Version } from "../db/repositories/versions"
import type { Store } from "../db/store"
import { endRunOutsidePipeline } from "./closing-events"
import { describeRunPrompt } from "./run-prompt"
import type { RunQueueHooks } from "./queue-hooks"
import type { RunEventBus, RunJob, RunQueue, RunWorker } from "./run-queue"
import { readStoredEvent } from "./run-verdicts"

/** Where a subscriber's events go; the socket layer buffers and batches them. */
export type EventSink = (event: StudioEvent) => void

export interface RunManagerDeps {
  store: Store
  /** The checks before a run is queued: the generator it will name, the known plugins, the sandbox's isolation. */
  engine: Pick<Engine, "generator" | "toolchain"> & { sandbox: Pick<Engine["sandbox"], "describeIsolation"> }
  queue: RunQueue
  bus: RunEventBus
  hooks: RunQueueHooks
  log: Logger
  policy?: { allowUnisolated: boolean }
  /** The worker in this process, if it runs one: a graceful stop lets its runs finish (or interrupts them). */
  worker?: RunWorker
}

const PAGE = 1000
const UNFINISHED = new Set(["queued", "running"])

/**
 * Runs the pipeline for users, through the run queue: a run is recorded and queued here, a worker (in this process or
 * another) runs it and stores every event before it publishes it, and subscribers (live or catching up from a
 * sequence number) get each event exactly once and in order, on any instance. A run goes on when its client drops.
 */
export class RunManager {
  private closing = false
  private readonly store: Store
  private readonly engine: RunManagerDeps["engine"]
  private readonly policy: { allowUnisolated: boolean }

  constructor(private readonly deps: RunManagerDeps) {
    this.store = deps.store
    this.engine = deps.engine
    this.policy = deps.policy ?? { allowUnisolated: false }
  }

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

  /** Runs going on this process's worker. */
  get activeRuns(): number {
    return this.deps.worker?.active ?? 0
  }

  /**
   * What a generation would start from, after checking the request: the user's project, the parent version (which
   * must be in that project) and known plugins. Throws the error to answer otherwise; callers check this before they
   * spend the user's prompt, so a request that cannot run costs nothing.
   */
  async checkStart(
    userId: string,
    request: GenerateMessage,
  ): Promise<{ projectId: string; parent: Version | undefined; plugins: PluginName[] | undefined }> {
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
    // The registry is the plugin table (the built-ins and the STUDIO_PLUGINS_DIR plugins every instance upserts at
    // start), so an instance decides the same way whichever engine it has.
    const plugins = request.plugins
    if (plugins && plugins.length > 0) {
      const registered = (await this.store.plugins.list()).map((manifest) => manifest.name)
      const known = new Set<string>(registered)
      const unknown = plugins.filter((plugin) => !known.has(plugin))
      if (unknown.length > 0)
        throw new StudioError(
          "validation_failed",
          `Unknown plugin ${unknown.map((name) => JSON.stringify(name)).join(", ")}; known: ${[...known].join(", ")}`,
        )
    }
    return { projectId: project.id, parent, plugins }
  }

  /** Starts a run for a project (and, for a follow-up, from one of its versions); returns the run id at once. */
  async start(userId: string, request: GenerateMessage): Promise<string> {
    const { projectId, parent, plugins } = await this.checkStart(userId, request)
    const runId = randomUUID()
    const { prompt, tests } = request
    return this.queueRun(
      {
        id: runId,
        userId,
        projectId,
        parentVersionId: parent?.id,
        prompt: describeRunPrompt(prompt, tests),
        provider: this.engine.generator.provider,
        model: this.engine.generator.model,
      },
      {
        kind: "generate",
        runId,
        userId,
        projectId,
        prompt,
        ...(parent ? { parentVersionId: parent.id } : {}),
        ...(plugins ? { plugins } : {}),
        ...(tests ? { tests } : {}),
      },
    )
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
      // A given test of the version (tests as the spec) keeps its .js name.
      const checked = validateEditedPath(path, version.givenTests ?? [])
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
    const runId = randomUUID()
    return this.queueRun(
      {
        id: runId,
        userId,
        projectId: version.projectId,
        parentVersionId: version.id,
        prompt: `Run tests on edited v${version.number}`,
        provider: EDITOR_PROVIDER,
        model: EDITOR_MODEL,
      },
      { kind: "test", runId, userId, versionId: version.id, files },
    )
  }

  /**
   * Records the run (status "queued") and queues it; returns its id at once. A run that has to wait says so with
   * `run_queued`. When the queue cannot take it, the run is ended (failed, with the reason in its log) and the
   * error is thrown, so it is refused rather than lost.
   */
  private async queueRun(record: NewRun, job: RunJob): Promise<string> {
    await this.store.runs.create(record)
    let position: number
    try {
      ;({ position } = await this.deps.queue.enqueue(job))
    } catch (error) {
      const problem = toStudioError(error)
      await endRunOutsidePipeline(this.deps, job.runId, "failed", problem.code, problem.message).catch(
        (failure: unknown) =>
          this.deps.log.warn({ err: failure, runId: job.runId }, "could not end a refused run"),
      )
      throw problem
    }
    // Not awaited: the run is accepted at once, and its place reaches the subscriber as a stored (then published)
    // event, whether it was written before the subscription's replay or after it.
    if (position > 0) void this.deps.hooks.announceQueued(job, position)
    return job.runId
  }

  /**
   * Sends a run's events after `afterSeq` to `sink`: the stored ones first, then live ones as they happen, each
   * exactly once and in order (wherever the run executes). Returns the function that ends the subscription.
   */
  async subscribe(userId: string, runId: string, afterSeq: number, sink: EventSink): Promise<() => void> {
    const record = await this.store.runs.get(userId, runId)
    if (!record) throw new StudioError("not_found", "No such run.")
    let cursor = afterSeq
    // While the store is read (the first replay, or a catch-up), live events wait here.
    let reading = true
    const pending: StudioEvent[] = []
    let stopped = false
    const forward = (event: StudioEvent) => {
      if (stopped || event.seq <= cursor) return
      cursor = event.seq
      sink(event)
    }
    const readStore = async () => {
      for (;;) {
        const page = await this.store.events.list(runId, cursor, PAGE)
        for (const row of page) forward(readStoredEvent(row.event, record))
        if (page.length < PAGE) break
      }
    }
    // Events missed live (the bus dropped them, or lost its connection for a while) are in the store: every event is
    // stored before it is published. Read from the cursor, then go on with what arrived meanwhile.
    const catchUp = () => {
      if (reading) return
      reading = true
      void readStore()
        .catch((error: unknown) =>
          this.deps.log.warn({ err: error, runId }, "catching up a subscriber failed"),
        )
        .finally(() => {
          reading = false
          drain(true)
        })
    }
    /** Forwards what arrived live; a gap before it is read from the store first (once: what the store lacks is lost). */
    const drain = (afterStore = false) => {
      while (pending.length > 0) {
        const event = pending[0]!
        if (event.seq > cursor + 1 && !afterStore) {
          catchUp()
          return
        }
        pending.shift()
        forward(event)
      }
    }
    const live = (event: StudioEvent) => {
      pending.push(event)
      if (!reading) drain()
    }
    // Listening starts before the replay, and every event is stored before it is published: an event is in the
    // replay, or heard live, or both (the cursor drops the repeat). A run that had ended has nothing more to say.
    const unfinished = UNFINISHED.has(record.status)
    const unsubscribe = unfinished ? await this.deps.bus.subscribe(runId, live) : () => {}
    const stopResume = unfinished ? (this.deps.bus.onResume?.(catchUp) ?? (() => {})) : () => {}
    try {
      await readStore()
    } catch (error) {
      unsubscribe()
      stopResume()
      throw error
    } finally {
      reading = false
    }
    drain()
    return () => {
      stopped = true
      unsubscribe()
      stopResume()
    }
  }

  /** Stops the user's run wherever it is (queued, or on a worker in any process); false when there is none going. */
  async cancel(userId: string, runId: string): Promise<boolean> {
    const record = await this.store.runs.get(userId, runId)
    if (!record || !UNFINISHED.has(record.status)) return false
    return this.deps.queue.cancel(runId)
  }

  /**
   * Takes no more runs; this process's worker gets up to `graceMs` for the runs it holds, then stops the rest (they
   * are stored as interrupted, as are runs still waiting for it).
   */
  async shutdown(graceMs: number): Promise<void> {
    this.closing = true
    await this.deps.worker?.close(graceMs)
    await this.deps.queue.close()
  }
}
