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
