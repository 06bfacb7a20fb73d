import {
  AGENT_STAGES,
  requirementIdFromTestName,
  type AgentStage,
  type Contract,
  type Diagnostic,
  type ErrorCode,
  type RunMetrics,
  type StudioEvent,
  type TestStatus,
  type Verdict,
} from "@studio/protocol"

export type StageStatus = "pending" | "active" | "done" | "skipped"
/** `succeeded` is a proven verdict only; `unverified` ran to the end without proving its requirements. */
export type RunStatus = "running" | "succeeded" | "failed" | "unverified" | "cancelled"

export interface StageView {
  status: StageStatus
  /** Epoch ms when the stage became active (for a live elapsed clock). */
  startedAt?: number
  /** Total ms spent in the stage (repair and execute can run several times). */
  durationMs?: number
  summary?: string
  /** How many times it completed (execute runs again after each repair). */
  passes: number
}

export interface TestView {
  name: string
  requirementId?: string
  status: TestStatus
  durationMs: number
  error?: string
}

export interface BuildStepView {
  plugin: string
  status: "start" | "done" | "ok" | "error"
  percent: number
  message?: string
}

export interface ReasoningView {
  seq: number
  stage: AgentStage
  text: string
  ts: number
}

/** The run's own preview (hot_reload): what the preview panel shows while the run's tests still run. */
export interface RunPreview {
  /** The hot_reload it comes from: a newer one (after a repair) reloads the preview. */
  seq: number
  /** The files the preview is built from (tests left out, given tests aside). */
  files: Record<string, string>
  /** The files that changed since the last one. */
  paths: string[]
  entry?: string
  givenTests?: string[]
}

/** Everything the chat, code and checklist panels show about one run, folded from its events. */
export interface RunView {
  runId: string
  prompt: string
  provider: string
  model: string
  status: RunStatus
  startedAt: number
  finishedAt?: number
  /** While the run waits in the queue: how many runs start before it (`run_queued`); gone once it starts. */
  queuedAhead?: number
  /** The last event applied; a resubscribe asks for what comes after it. */
  lastSeq: number
  stages: Record<AgentStage, StageView>
  currentStage: AgentStage | null
  reasoning: ReasoningView[]
  contract?: Contract
  /** By test name, in the order they first reported. */
  tests: Record<string, TestView>
  testOrder: string[]
  buildSteps: Record<string, BuildStepView>
  diagnostics: Diagnostic[]
  /** Files as they stream in (token deltas), replaced by the whole content when a file closes. */
  files: Record<string, string>
  /** The file tokens are streaming into right now. */
  streamingPath: string | null
  /** Path -> epoch ms it closed, for the brief highlight. */
  closedAt: Record<string, number>
  tokenCount: number
  errors: { code: ErrorCode; message: string }[]
  metrics?: RunMetrics
  /** The latest hot_reload's files, when the run sent one with them. */
  preview?: RunPreview
  versionId?: string
  /** What the run proved, once it finished, and why it is not proven (empty when it is). */
  verdict?: Verdict
  reasons: string[]
}

/** The pipeline's usual order; repair only appears when tests fail. */
const MAIN_STAGES: AgentStage[] = ["interpret", "scaffold", "unit_test", "execute", "report"]

function emptyStages(): Record<AgentStage, StageView> {
  return Object.fromEntries(AGENT_STAGES.map((stage) => [stage, { status: "pending", passes: 0 }])) as Record<
    AgentStage,
    StageView
  >
}

/** A view for a run the client knows only by id (e.g. after a reload), before any event arrived. */
export function createRunView(runId: string, prompt = "", now = Date.now()): RunView {
  return {
    runId,
    prompt,
    provider: "",
    model: "",
    status: "running",
    startedAt: now,
    lastSeq: -1,
    stages: emptyStages(),
    currentStage: null,
    reasoning: [],
    tests: {},
    testOrder: [],
    buildSteps: {},
    diagnostics: [],
    files: {},
    streamingPath: null,
    closedAt: {},
    tokenCount: 0,
    errors: [],
    reasons: [],
  }
}

function activate(view: RunView, stage: AgentStage, ts: number): RunView {
  if (view.currentStage === stage && view.stages[stage].status === "active") return view
  const stages = { ...view.stages }
  if (view.currentStage && view.currentStage !== stage && stages[view.currentStage].status === "active")
    stages[view.currentStage] = { ...stages[view.currentStage], status: "done" }
  stages[stage] = { ...stages[stage], status: "active", startedAt: ts }
  return { ...view, stages, currentStage: stage }
}

function nextStage(stage: AgentStage): AgentStage | null {
  if (stage === "repair") return "execute"
  const index = MAIN_STAGES.indexOf(stage)
  return MAIN_STAGES[index + 1] ?? null
}

/**
 * Folds one event into the view. Events at or below `lastSeq` are ignored, so a replay that overlaps live delivery
 * changes nothing: applying a run's log twice gives the same view as applying it once.
 */
export function applyRunEvent(view: RunView, event: StudioEvent): RunView {
  if (event.runId !== view.runId || event.seq <= view.lastSeq) return view
  const next = reduce(view, event)
  return { ...next, lastSeq: event.seq }
}

function reduce(view: RunView, event: StudioEvent): RunView {
  switch (event.type) {
    case "run_queued":
      return { ...view, queuedAhead: event.position }
    case "run_started": {
      const { queuedAhead: _started, ...rest } = view
      return activate(
        { ...rest, prompt: event.prompt, provider: event.provider, model: event.model, startedAt: event.ts },
        event.provider === "editor" ? "execute" : "interpret",
        event.ts,
      )
    }
    case "token": {
      const stage: AgentStage =
        view.stages.execute.passes > 0
          ? "repair"
          : /\.test\.tsx?$/.test(event.path)
            ? "unit_test"
            : "scaffold"
      const moved = view.currentStage === stage ? view : activate(view, stage, event.ts)
      return {
        ...moved,
        files: { ...view.files, [event.path]: (view.files[event.path] ?? "") + event.delta },
        streamingPath: event.path,
        tokenCount: view.tokenCount + 1,
      }
    }
    case "file_closed":
      return {
        ...view,
        files: { ...view.files, [event.path]: event.content },
        streamingPath: view.streamingPath === event.path ? null : view.streamingPath,
        closedAt: { ...view.closedAt, [event.path]: event.ts },
      }
    case "build_progress": {
      const moved = view.currentStage === "execute" ? view : activate(view, "execute", event.ts)
      return {
        ...moved,
        buildSteps: {
          ...moved.buildSteps,
          [event.plugin]: {
            plugin: event.plugin,
            status: event.status,
            percent: event.percent,
            ...(event.message ? { message: event.message } : {}),
          },
        },
      }
    }
    case "build_ok":
    case "build_error": {
      const plugin = event.plugin ?? "build"
      const previous = view.buildSteps[plugin]
      return {
        ...view,
        buildSteps: {
          ...view.buildSteps,
          [plugin]: {
            plugin,
            status: event.type === "build_ok" ? "ok" : "error",
            percent: 100,
            ...(previous?.message ? { message: previous.message } : {}),
          },
        },
        // Diagnostics of a plugin are replaced by its latest report (a repair pass re-runs the build).
        diagnostics: [...view.diagnostics.filter((entry) => entry.source !== plugin), ...event.diagnostics],
      }
    }
    case "test_result": {
      const moved = view.currentStage === "execute" ? view : activate(view, "execute", event.ts)
      const requirementId = event.requirementId ?? requirementIdFromTestName(event.name) ?? undefined
      const known = event.name in moved.tests
      return {
        ...moved,
        tests: {
          ...moved.tests,
          [event.name]: {
            name: event.name,
            status: event.status,
            durationMs: event.durationMs,
            ...(requirementId ? { requirementId } : {}),
            ...(event.error ? { error: event.error } : {}),
          },
        },
        testOrder: known ? moved.testOrder : [...moved.testOrder, event.name],
      }
    }
    case "reasoning_step": {
      const moved =
        event.stage === "repair" && view.currentStage !== "repair" ? activate(view, "repair", event.ts) : view
      return {
        ...moved,
        reasoning: [
          ...moved.reasoning,
          { seq: event.seq, stage: event.stage, text: event.text, ts: event.ts },
        ],
      }
    }
    case "stage_complete": {
      const stages = { ...view.stages }
      const before = stages[event.stage]
      stages[event.stage] = {
        ...before,
        status: "done",
        durationMs: (before.durationMs ?? 0) + event.durationMs,
        passes: before.passes + 1,
        ...(event.summary ? { summary: event.summary } : {}),
      }
      let next: RunView = {
        ...view,
        stages,
        currentStage: view.currentStage === event.stage ? null : view.currentStage,
        ...(event.contract ? { contract: event.contract } : {}),
      }
      const following = nextStage(event.stage)
      // After execute, repair or report follows; whichever event comes next decides, so activate nothing here.
      if (following && event.stage !== "execute") next = activate(next, following, event.ts)
      if (event.stage === "execute") next = activate(next, "report", event.ts)
      return next
    }
    case "hot_reload":
      // Without files (an older server) there is nothing to build; the version's preview comes at the end.
      return event.files
        ? {
            ...view,
            preview: {
              seq: event.seq,
              files: event.files,
              paths: event.paths,
              ...(event.entry ? { entry: event.entry } : {}),
              ...(event.givenTests ? { givenTests: event.givenTests } : {}),
            },
          }
        : view
    case "error":
      return { ...view, errors: [...view.errors, { code: event.code, message: event.message }] }
    case "run_finished": {
      const stages = { ...view.stages }
      for (const stage of AGENT_STAGES) {
        const entry = stages[stage]
        if (entry.status === "active")
          stages[stage] = { ...entry, status: entry.passes > 0 ? "done" : "skipped" }
      }
      const cancelled = view.errors.some((error) => error.code === "cancelled")
      const { queuedAhead: _ended, ...rest } = view
      return {
        ...rest,
        stages,
        currentStage: null,
        streamingPath: null,
        status: statusOf(event.verdict, cancelled),
        verdict: event.verdict,
        reasons: event.reasons,
        finishedAt: event.ts,
        metrics: event.metrics,
        ...(event.versionId ? { versionId: event.versionId } : {}),
      }
    }
    default: {
      const unknown: never = event
      return unknown
    }
  }
}

/** Only a proven run shows as passed; a cancel reads as cancelled whatever it had proven so far. */
function statusOf(verdict: Verdict, cancelled: boolean): RunStatus {
  if (cancelled) return "cancelled"
  switch (verdict) {
    case "proven":
      return "succeeded"
    case "unverified":
      return "unverified"
    case "failed":
      return "failed"
  }
}

export interface RequirementView {
  id: string
  text: string
  tests: TestView[]
  /** pending until a test reports; met when every test passed; unmet when one failed or none exist at the end. */
  state: "pending" | "running" | "met" | "unmet"
}

/** The requirements checklist: each requirement with the tests traced to it, live. */
export function requirementsOf(view: RunView): RequirementView[] {
  if (!view.contract) return []
  const tests = view.testOrder
    .map((name) => view.tests[name])
    .filter((test): test is TestView => Boolean(test))
  return view.contract.requirements.map((requirement) => {
    const traced = tests.filter((test) => test.requirementId === requirement.id)
    const finished = view.status !== "running"
    let state: RequirementView["state"]
    if (traced.some((test) => test.status === "fail")) state = "unmet"
    else if (traced.length > 0 && traced.every((test) => test.status === "pass")) state = "met"
    else if (finished) state = "unmet"
    else state = view.stages.execute.status === "active" ? "running" : "pending"
    return { id: requirement.id, text: requirement.text, tests: traced, state }
  })
}

/** 0..100: how far the run is, for the progress bar. */
export function progressOf(view: RunView): number {
  if (view.status !== "running") return 100
  const done = MAIN_STAGES.filter((stage) => view.stages[stage].status === "done").length
  const active = view.currentStage && view.stages[view.currentStage].status === "active" ? 0.5 : 0
  return Math.min(99, Math.round(((done + active) / MAIN_STAGES.length) * 100))
}
