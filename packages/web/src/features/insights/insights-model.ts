import {
  AGENT_STAGES,
  type AgentStage,
  type CostBasis,
  type DiffSize,
  type Observation,
  type Verdict,
} from "@studio/protocol"

/** How many runs the charts show (the newest ones). */
export const CHART_RUN_LIMIT = 30

export const STAGE_LABELS: Record<AgentStage, string> = {
  interpret: "Interpret",
  scaffold: "Scaffold",
  unit_test: "Unit tests",
  execute: "Execute",
  repair: "Repair",
  report: "Report",
}

// Five chart colours for six stages: the report stage is short and last, so it takes the neutral tone.
export const STAGE_COLORS: Record<AgentStage, string> = {
  interpret: "var(--chart-1)",
  scaffold: "var(--chart-2)",
  unit_test: "var(--chart-3)",
  execute: "var(--chart-4)",
  repair: "var(--chart-5)",
  report: "var(--muted-foreground)",
}

/** One run as the charts and the runs table see it. */
export interface RunPoint {
  observationId: string
  runId: string
  projectId: string
  createdAt: string
  /** 1-based position among all the loaded runs, oldest first: "run #12". */
  ordinal: number
  /** The run's verdict proven: the only "Passed". */
  success: boolean
  /** What the run proved; null when it never finished. */
  verdict: Verdict | null
  testsPassed: number
  testsTotal: number
  requirementsMet: number
  requirements: number
  repairAttempts: number
  promptTokens: number
  completionTokens: number
  tokens: number
  /** Dollars the run's tokens cost; null when the model's price was not known (or the run predates costs). */
  costUsd: number | null
  /** Why a run cost nothing: a local model or the offline generator; `price` for a priced model. */
  costBasis: CostBasis | null
  /** Tokens per stage that asked the model (0 for the others, and for runs that predate the breakdown). */
  stageTokens: Record<AgentStage, number>
  latencyMs: number
  /** Milliseconds per stage; 0 for a stage that did not run. */
  stageMs: Record<AgentStage, number>
  /** Share of runs that passed, from the first loaded run up to and including this one (0..1). */
  runningPassRate: number
  userSatisfaction: 1 | -1 | null
  prompt: string
  /** The normalised prompt's hash: runs of a prompt typed again share it. */
  promptHash: string
  /** The run changed an earlier version (its diff is against that version). */
  followUp: boolean
  /** Its version against the parent: files touched, lines added and removed. */
  diff: DiffSize
}

export interface InsightsSummary {
  runs: number
  passedRuns: number
  /** 0..100, or null without runs. */
  passRatePercent: number | null
  medianLatencyMs: number | null
  /** Median over the runs in which the stage ran; null when it never ran. */
  medianStageMs: Record<AgentStage, number | null>
  totalTokens: number
  /** Dollars over the runs whose price was known. */
  totalCostUsd: number
  /** Runs that used tokens of a model with no known price: not in totalCostUsd. */
  unpricedRuns: number
  meanRepairAttempts: number | null
  thumbsUp: number
  thumbsDown: number
}

function metric(observation: Observation, key: string): number {
  const value = observation.testMetrics[key]
  return typeof value === "number" && Number.isFinite(value) ? value : 0
}

/**
 * The cost the server stored with the observation (`costUsd`, with `costLocal` / `costOffline` saying why it is 0);
 * null when the run's model had no known price or the run predates costs.
 */
export function costOf(observation: Observation): { costUsd: number | null; costBasis: CostBasis | null } {
  const stored = observation.testMetrics["costUsd"]
  if (observation.testMetrics["costOffline"] === 1) return { costUsd: 0, costBasis: "offline" }
  if (observation.testMetrics["costLocal"] === 1) return { costUsd: 0, costBasis: "local" }
  if (typeof stored !== "number" || !Number.isFinite(stored) || stored < 0)
    return { costUsd: null, costBasis: null }
  return { costUsd: stored, costBasis: "price" }
}

function satisfactionOf(observation: Observation): 1 | -1 | null {
  if (observation.userSatisfaction === 1) return 1
  if (observation.userSatisfaction === -1) return -1
  return null
}

/** Observations oldest first; the API sends newest first, and equal timestamps keep that order reversed. */
export function sortOldestFirst(observations: readonly Observation[]): Observation[] {
  return observations
    .map((observation, index) => ({ observation, time: Date.parse(observation.createdAt), index }))
    .sort((a, b) => {
      const byTime = (Number.isNaN(a.time) ? 0 : a.time) - (Number.isNaN(b.time) ? 0 : b.time)
      return byTime !== 0 ? byTime : b.index - a.index
    })
    .map((entry) => entry.observation)
}

/** Every observation as a chart point, oldest first, numbered and with the running pass rate. */
export function toRunPoints(observations: readonly Observation[]): RunPoint[] {
  let passedSoFar = 0
  return sortOldestFirst(observations).map((observation, index) => {
    const success = observation.verdict === "proven"
    if (success) passedSoFar += 1
    const promptTokens = metric(observation, "promptTokens")
    const completionTokens = metric(observation, "completionTokens")
    const stageMs = Object.fromEntries(
      AGENT_STAGES.map((stage) => [stage, metric(observation, `${stage}Ms`)]),
    ) as Record<AgentStage, number>
    return {
      observationId: observation.id,
      runId: observation.runId,
      projectId: observation.projectId,
      createdAt: observation.createdAt,
      ordinal: index + 1,
      success,
      verdict: observation.verdict,
      testsPassed: metric(observation, "passed"),
      testsTotal: metric(observation, "total"),
      requirementsMet: metric(observation, "requirementsMet"),
      requirements: metric(observation, "requirements"),
      repairAttempts: metric(observation, "repairAttempts"),
      promptTokens,
      completionTokens,
      tokens: promptTokens + completionTokens,
      ...costOf(observation),
      stageTokens: Object.fromEntries(
        AGENT_STAGES.map((stage) => [stage, metric(observation, `${stage}Tokens`)]),
      ) as Record<AgentStage, number>,
      latencyMs: observation.latencyMs,
      stageMs,
      runningPassRate: passedSoFar / (index + 1),
      userSatisfaction: satisfactionOf(observation),
      prompt: observation.prompt,
      promptHash: observation.promptHash,
      followUp: observation.parentVersionId !== null,
      diff: observation.diff,
    }
  })
}

/** The newest `limit` points, still oldest first: what the charts draw. */
export function chartWindow(points: readonly RunPoint[], limit = CHART_RUN_LIMIT): RunPoint[] {
  return points.slice(Math.max(0, points.length - limit))
}

/** Stages that took time in at least one of the points, in pipeline order (the chart legend). */
export function stagesThatRan(points: readonly RunPoint[]): AgentStage[] {
  return AGENT_STAGES.filter((stage) => points.some((point) => point.stageMs[stage] > 0))
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length
}

/** The headline figures over every loaded run. */
export function summarizeRuns(points: readonly RunPoint[]): InsightsSummary {
  const passed = points.filter((point) => point.success).length
  return {
    runs: points.length,
    passedRuns: passed,
    passRatePercent: points.length === 0 ? null : (passed / points.length) * 100,
    medianLatencyMs: median(points.map((point) => point.latencyMs)),
    medianStageMs: Object.fromEntries(
      AGENT_STAGES.map((stage) => [
        stage,
        median(points.map((point) => point.stageMs[stage]).filter((ms) => ms > 0)),
      ]),
    ) as Record<AgentStage, number | null>,
    totalTokens: points.reduce((sum, point) => sum + point.tokens, 0),
    totalCostUsd: points.reduce((sum, point) => sum + (point.costUsd ?? 0), 0),
    unpricedRuns: points.filter(isUnpriced).length,
    meanRepairAttempts: mean(points.map((point) => point.repairAttempts)),
    thumbsUp: points.filter((point) => point.userSatisfaction === 1).length,
    thumbsDown: points.filter((point) => point.userSatisfaction === -1).length,
  }
}

/** A run that used tokens of a model whose price is not known. */
function isUnpriced(point: RunPoint): boolean {
  return point.costUsd === null && point.tokens > 0
}

/** What one project's runs used and cost. */
export interface ProjectCost {
  projectId: string
  runs: number
  tokens: number
  /** Dollars over the runs whose price was known. */
  costUsd: number
  /** Runs with tokens but no known price. */
  unpricedRuns: number
}

/** Tokens and dollars per project, the costliest first (then the most tokens). */
export function costByProject(points: readonly RunPoint[]): ProjectCost[] {
  const byProject = new Map<string, ProjectCost>()
  for (const point of points) {
    const entry = byProject.get(point.projectId) ?? {
      projectId: point.projectId,
      runs: 0,
      tokens: 0,
      costUsd: 0,
      unpricedRuns: 0,
    }
    entry.runs += 1
    entry.tokens += point.tokens
    entry.costUsd += point.costUsd ?? 0
    if (isUnpriced(point)) entry.unpricedRuns += 1
    byProject.set(point.projectId, entry)
  }
  return [...byProject.values()].sort((a, b) => b.costUsd - a.costUsd || b.tokens - a.tokens)
}

/** One prompt that was run more than once (runs grouped by the hash of the normalised prompt). */
export interface PromptGroup {
  promptHash: string
  /** The newest run's wording (the hash ignores case and spacing). */
  prompt: string
  runs: number
  passedRuns: number
  /** 0..100 */
  passRatePercent: number
  latestAt: string
  latestVerdict: Verdict | null
  /** Runs of the prompt that changed an earlier version. */
  followUps: number
  /** Median lines changed (added + removed) by those follow-ups; null without any. */
  medianFollowUpLines: number | null
}

/** Lines a run's version added and removed against its parent. */
export function changedLines(diff: DiffSize): number {
  return diff.additions + diff.deletions
}

/** The prompts run more than once, the most runs first, then the most recently run. */
export function groupRepeatedPrompts(points: readonly RunPoint[]): PromptGroup[] {
  const byHash = new Map<string, RunPoint[]>()
  for (const point of points) byHash.set(point.promptHash, [...(byHash.get(point.promptHash) ?? []), point])
  const groups: PromptGroup[] = []
  for (const [promptHash, runs] of byHash) {
    if (runs.length < 2) continue
    // Points come oldest first, so the last one is the newest run.
    const latest = runs.at(-1)!
    const passed = runs.filter((point) => point.success).length
    const followUps = runs.filter((point) => point.followUp)
    groups.push({
      promptHash,
      prompt: latest.prompt,
      runs: runs.length,
      passedRuns: passed,
      passRatePercent: (passed / runs.length) * 100,
      latestAt: latest.createdAt,
      latestVerdict: latest.verdict,
      followUps: followUps.length,
      medianFollowUpLines: median(followUps.map((point) => changedLines(point.diff))),
    })
  }
  return groups.sort((a, b) => b.runs - a.runs || Date.parse(b.latestAt) - Date.parse(a.latestAt))
}

/** Milliseconds for people: "850 ms", "12.3 s", "2 m 05 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  const seconds = ms / 1000
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`
  const whole = Math.round(seconds)
  return `${Math.floor(whole / 60)} m ${String(whole % 60).padStart(2, "0")} s`
}

const integerFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 })

/** Whole numbers with thousands separators: "12,345". */
export function formatCount(value: number): string {
  return integerFormat.format(value)
}

/** A 0..100 share as "67%". */
export function formatPercent(percent: number): string {
  return `${Math.round(percent)}%`
}

/** One decimal when it matters: "1.5", "2". */
export function formatMean(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1)
}
