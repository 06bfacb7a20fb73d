export { BuildSteps, type BuildStepsProps } from "./build-steps"
export { DiagnosticsList, diagnosticLocation, type DiagnosticsListProps } from "./diagnostics-list"
export {
  STAGE_LABELS,
  displayedStageStatus,
  formatCount,
  formatDuration,
  pluralize,
  stageLabel,
  timelineStages,
} from "./format"
export { ReasoningSteps, type ReasoningStepsProps } from "./reasoning-steps"
export { RequirementsChecklist, type RequirementsChecklistProps } from "./requirements-checklist"
export { RunCard, metricsLine, type RunCardProps } from "./run-card"
export { StageTimeline, type StageTimelineProps } from "./stage-timeline"
export { StatusIcon, type StatusTone } from "./status-icons"
