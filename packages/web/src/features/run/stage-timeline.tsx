import { Progress } from "@studio/kit/components/ui/progress"
import { cn } from "@studio/kit/lib/utils"
import { motion, useReducedMotion } from "motion/react"
import type { ReactNode } from "react"
import type { AgentStage } from "@studio/protocol"
import { progressOf, type RunView, type StageStatus } from "../../state/run-view"
import { displayedStageStatus, formatDuration, pluralize, stageLabel, timelineStages } from "./format"
import { StatusIcon, toneOfStage } from "./status-icons"

export interface StageTimelineProps {
  view: RunView
  /** Epoch ms, ticking while the run goes on: drives the active stage's clock. */
  now: number
  className?: string
}

const STATUS_WORDS: Record<StageStatus, string> = {
  pending: "waiting",
  active: "in progress",
  done: "done",
  skipped: "skipped",
}

/** The run's stages as a vertical stepper, with a live clock on the active one and an overall progress bar. */
export function StageTimeline({ view, now, className }: StageTimelineProps): ReactNode {
  const progress = progressOf(view)
  const stages = timelineStages(view)
  return (
    <div className={cn("flex flex-col gap-3", className)}>
      <div className="flex items-center gap-3">
        <Progress
          value={progress}
          aria-label="Run progress"
          className="bg-muted h-1 flex-1 [&>[data-slot=progress-indicator]]:bg-studio [&>[data-slot=progress-indicator]]:duration-500"
        />
        <span className="text-muted-foreground w-9 text-right text-xs tabular-nums">{progress}%</span>
      </div>
      <ol aria-label="Stages" className="flex flex-col">
        {stages.map((stage, index) => (
          <StageItem key={stage} view={view} stage={stage} now={now} last={index === stages.length - 1} />
        ))}
      </ol>
    </div>
  )
}

function StageItem({
  view,
  stage,
  now,
  last,
}: {
  view: RunView
  stage: AgentStage
  now: number
  last: boolean
}): ReactNode {
  const reduceMotion = useReducedMotion()
  const entry = view.stages[stage]
  const status = displayedStageStatus(view, stage)
  const elapsedMs =
    status === "active" && entry.startedAt !== undefined
      ? Math.max(0, now - entry.startedAt)
      : status === "done"
        ? entry.durationMs
        : undefined
  // Reported with the run's metrics: the tokens this stage used (every pass of it).
  const stageTokens = view.metrics?.tokensByStage?.[stage]
  const tokens = stageTokens ? stageTokens.prompt + stageTokens.completion : undefined
  return (
    <motion.li
      aria-current={status === "active" ? "step" : undefined}
      data-status={status}
      className="relative grid grid-cols-[1rem_1fr_auto] gap-x-2.5 pb-2.5 last:pb-0"
      initial={reduceMotion ? false : { opacity: 0, y: 4 }}
      animate={{ opacity: 1, y: 0 }}
      transition={reduceMotion ? { duration: 0 } : { duration: 0.2, ease: "easeOut" }}
    >
      {!last && (
        <span
          aria-hidden="true"
          className={cn(
            "absolute top-5 bottom-0.5 left-[calc(0.5rem-0.5px)] w-px",
            status === "done" ? "bg-pass/40" : "bg-border",
          )}
        />
      )}
      <span className="flex h-5 items-center">
        <StatusIcon tone={toneOfStage(status)} />
      </span>
      <span
        className={cn(
          "text-sm leading-5",
          status === "active" && "text-foreground font-medium",
          status === "done" && "text-foreground",
          (status === "pending" || status === "skipped") && "text-muted-foreground",
        )}
      >
        {stageLabel(stage)}
        {entry.passes > 1 && <span className="text-muted-foreground ml-1.5 text-xs">×{entry.passes}</span>}
        <span className="sr-only">, {STATUS_WORDS[status]}</span>
      </span>
      <span className="text-muted-foreground text-xs leading-5 tabular-nums">
        {tokens !== undefined && (
          <span>
            {pluralize(tokens, "token")}
            {elapsedMs !== undefined && " · "}
          </span>
        )}
        {elapsedMs !== undefined && (
          <time dateTime={`PT${(elapsedMs / 1000).toFixed(1)}S`}>{formatDuration(elapsedMs)}</time>
        )}
      </span>
      {status === "done" && entry.summary && (
        <span className="text-muted-foreground col-start-2 col-end-4 truncate text-xs" title={entry.summary}>
          {entry.summary}
        </span>
      )}
    </motion.li>
  )
}
