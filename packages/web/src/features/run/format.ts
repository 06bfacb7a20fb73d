import type { AgentStage } from "@studio/protocol"
import type { RunView, StageStatus } from "../../state/run-view"

/** What a person reads for each pipeline stage. */
export const STAGE_LABELS = {
  interpret: "Understand",
  scaffold: "Write component",
  unit_test: "Write tests",
  execute: "Run tests",
  repair: "Repair",
  report: "Report",
} as const satisfies Record<AgentStage, string>

export function stageLabel(stage: AgentStage): string {
  return STAGE_LABELS[stage]
}

const TIMELINE_ORDER: AgentStage[] = ["interpret", "scaffold", "unit_test", "execute", "repair", "report"]

/** The stages a timeline shows, in order: repair only when it ran. */
export function timelineStages(view: RunView): AgentStage[] {
  return TIMELINE_ORDER.filter((stage) => stage !== "repair" || view.stages.repair.status !== "pending")
}

/** A stage's status as a person should read it: a stage a finished run never reached was skipped. */
export function displayedStageStatus(view: RunView, stage: AgentStage): StageStatus {
  const status = view.stages[stage].status
  return status === "pending" && view.status !== "running" ? "skipped" : status
}

const SECOND = 1000

/** "850 ms", "1.2 s", "12 s", "1 min 5 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "0 ms"
  if (ms < SECOND) return `${Math.round(ms)} ms`
  if (ms < 10 * SECOND) {
    const tenths = Math.round(ms / 100) / 10
    return tenths < 10 ? `${tenths.toFixed(1)} s` : "10 s"
  }
  const seconds = Math.round(ms / SECOND)
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`
}

const COUNT_FORMAT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 })

/** "1,234". */
export function formatCount(count: number): string {
  return COUNT_FORMAT.format(Number.isFinite(count) ? count : 0)
}

/** "1 test", "3 tests". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`
}

const USD_CENTS = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
})
const USD_SMALL = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumSignificantDigits: 2,
})

/** "$0", "$0.004", "$0.0042", "$0.42", "$12.30": two significant digits under a cent (a run often costs less). */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd) || usd <= 0) return "$0"
  if (usd < 0.000_01) return "<$0.00001"
  return usd < 0.01 ? USD_SMALL.format(usd) : USD_CENTS.format(usd)
}

/** What a run's tokens cost, as far as it is known. */
export interface RunCost {
  tokens: number
  /** Dollars; undefined when the model's price is not known. */
  costUsd?: number
  /** `local`: a model on the operator's machine; `offline`: the offline generator (no model, no tokens). */
  costBasis?: "price" | "local" | "offline"
}

/** "1,234 tokens · $0.004", "1,234 tokens · local", "offline, no tokens", "1,234 tokens · price unknown". */
export function describeCost({ tokens, costUsd, costBasis }: RunCost): string {
  if (costBasis === "offline" && tokens === 0) return "offline, no tokens"
  const counted = pluralize(tokens, "token")
  if (costBasis === "local" || costBasis === "offline") return `${counted} · ${costBasis}`
  if (costUsd === undefined) return `${counted} · price unknown`
  return `${counted} · ${formatUsd(costUsd)}`
}
