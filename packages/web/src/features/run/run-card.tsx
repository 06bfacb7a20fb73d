import { Alert, AlertDescription, AlertTitle } from "@studio/kit/components/ui/alert"
import { Badge } from "@studio/kit/components/ui/badge"
import { Button } from "@studio/kit/components/ui/button"
import { cn } from "@studio/kit/lib/utils"
import { CircleAlert, LoaderCircle, Square } from "lucide-react"
import { motion, useReducedMotion } from "motion/react"
import { useId, type ReactNode } from "react"
import type { RunStatus, RunView } from "../../state/run-view"
import { BuildSteps } from "./build-steps"
import { DiagnosticsList } from "./diagnostics-list"
import { describeCost, formatCount, formatDuration, type RunCost } from "./format"
import { ReasoningSteps } from "./reasoning-steps"
import { RequirementsChecklist } from "./requirements-checklist"
import { SandboxBadge } from "./sandbox-badge"
import { StageTimeline } from "./stage-timeline"

export interface RunCardProps {
  view: RunView
  /** Epoch ms, ticking while the run goes on. */
  now: number
  /** Shown as a Cancel button while the run goes on. */
  onCancel?: () => void
  /** A cancel was asked for and the run has not ended yet. */
  cancelling?: boolean
  /** The pipeline's repair budget, for "repairs 1/2". */
  maxRepairs?: number
  /** Repeat the prompt in the header (off when the chat already shows it as a bubble). */
  showPrompt?: boolean
  className?: string
}

const STATUS_BADGES: Record<RunStatus, { label: string; className: string }> = {
  running: { label: "Running", className: "border-studio/30 bg-studio/10 text-studio" },
  succeeded: { label: "Passed", className: "border-pass/30 bg-pass/10 text-pass" },
  failed: { label: "Failed", className: "border-fail/30 bg-fail/10 text-fail" },
  unverified: { label: "Not verified", className: "border-caution/30 bg-caution/10 text-caution" },
  cancelled: { label: "Cancelled", className: "border-border bg-muted text-muted-foreground" },
}

/** One run as the chat shows it: status, stages, reasoning, requirements with live tests, build and metrics. */
export function RunCard({
  view,
  now,
  onCancel,
  cancelling = false,
  maxRepairs = 2,
  showPrompt = false,
  className,
}: RunCardProps): ReactNode {
  const reduceMotion = useReducedMotion()
  const buildHeadingId = useId()
  const running = view.status === "running"
  const queued = running && view.queuedAhead !== undefined
  const badge = STATUS_BADGES[view.status]
  const visibleErrors = view.errors.filter((error) => error.code !== "cancelled")
  const hasBuild = Object.keys(view.buildSteps).length > 0 || view.diagnostics.length > 0
  const source = [view.provider, view.model].filter(Boolean).join(" · ")

  return (
    <motion.article
      aria-label={view.prompt ? `Run: ${view.prompt}` : "Run"}
      aria-busy={running}
      data-status={view.status}
      className={cn("bg-card text-card-foreground flex flex-col rounded-xl border shadow-xs", className)}
      initial={reduceMotion ? false : { opacity: 0, y: 6 }}
      animate={{ opacity: 1, y: 0 }}
      transition={reduceMotion ? { duration: 0 } : { duration: 0.25, ease: "easeOut" }}
    >
      <header className="flex items-start gap-3 px-4 pt-3.5 pb-3">
        <div className="flex min-w-0 flex-1 flex-col gap-1.5">
          <div className="flex min-w-0 items-center gap-2">
            <Badge variant="outline" className={cn("gap-1 rounded-full", badge.className)}>
              {running && !queued && <LoaderCircle aria-hidden="true" className="animate-spin" />}
              {queued ? queuedLabel(view.queuedAhead ?? 0) : badge.label}
            </Badge>
            {source && <span className="text-muted-foreground truncate font-mono text-xs">{source}</span>}
          </div>
          {showPrompt && view.prompt && (
            <p className="line-clamp-2 text-sm leading-snug font-medium">{view.prompt}</p>
          )}
          <VerdictReasons view={view} />
        </div>
        {running && onCancel && (
          <Button
            type="button"
            variant="outline"
            size="sm"
            className="h-7 px-2.5 text-xs"
            onClick={onCancel}
            disabled={cancelling}
            aria-busy={cancelling}
          >
            {cancelling ? (
              <LoaderCircle aria-hidden="true" className="size-3 animate-spin" />
            ) : (
              <Square aria-hidden="true" className="size-3 fill-current" />
            )}
            Cancel
          </Button>
        )}
      </header>

      <div className="flex flex-col gap-4 px-4 pb-4">
        <StageTimeline view={view} now={now} />
        <ReasoningSteps view={view} />
        {visibleErrors.length > 0 && (
          <Alert variant="destructive" className="border-fail/30 bg-fail/5 text-fail py-2.5">
            <CircleAlert aria-hidden="true" />
            <AlertTitle>
              {visibleErrors.length === 1 ? "The run hit a problem" : "The run hit problems"}
            </AlertTitle>
            <AlertDescription className="text-foreground/80">
              {visibleErrors.map((error, index) => (
                <p key={index}>{error.message}</p>
              ))}
            </AlertDescription>
          </Alert>
        )}
        <RequirementsChecklist view={view} />
        {hasBuild && (
          <section aria-labelledby={buildHeadingId} className="flex flex-col gap-2">
            <div className="flex items-center gap-2">
              <h3 id={buildHeadingId} className="text-sm font-medium">
                Build
              </h3>
              <SandboxBadge />
            </div>
            <BuildSteps steps={view.buildSteps} />
            <DiagnosticsList diagnostics={view.diagnostics} />
          </section>
        )}
      </div>

      <footer className="text-muted-foreground border-t px-4 py-2 font-mono text-[11px] tabular-nums">
        {metricsLine(view, now, maxRepairs)}
      </footer>
    </motion.article>
  )
}

/** A waiting run's place: "Queued, 3 ahead" (the runs that start before it). */
function queuedLabel(ahead: number): string {
  return ahead > 0 ? `Queued, ${ahead} ahead` : "Queued, next"
}

/** Why a finished run is not proven, in its verdict's words: "Not verified: tests were turned off". */
function VerdictReasons({ view }: { view: RunView }): ReactNode {
  if (view.status !== "failed" && view.status !== "unverified") return null
  if (view.reasons.length === 0) return null
  const unverified = view.status === "unverified"
  return (
    <p data-verdict={view.verdict} className={cn("text-xs", unverified ? "text-caution" : "text-fail")}>
      <span className="font-medium">{unverified ? "Not verified" : "Failed"}:</span> {view.reasons.join("; ")}
    </p>
  )
}

/**
 * "1,234 tokens · $0.004 · repairs 1/2 · 3.4 s" once the run reports its metrics ("offline, no tokens", "... · local"
 * when nothing is charged); "tokens 12 · repairs 0/2 · 3.4 s" with the streamed chunks until then.
 */
export function metricsLine(view: RunView, now: number, maxRepairs: number): string {
  const repairStage = view.stages.repair
  const repairs = view.metrics
    ? view.metrics.repairAttempts
    : repairStage.passes + (repairStage.status === "active" ? 1 : 0)
  const elapsed = (view.finishedAt ?? now) - view.startedAt
  const tokens = view.metrics ? describeCost(runCostOf(view)) : `tokens ${formatCount(view.tokenCount)}`
  return `${tokens} · repairs ${repairs}/${maxRepairs} · ${formatDuration(elapsed)}`
}

/** The run's tokens and cost; a run stored before costs were reported is judged by its provider. */
export function runCostOf(view: RunView): RunCost {
  const metrics = view.metrics
  const tokens = metrics ? metrics.tokens.prompt + metrics.tokens.completion : view.tokenCount
  const costBasis =
    metrics?.costBasis ??
    (view.provider === "offline" ? "offline" : view.provider === "ollama" ? "local" : undefined)
  return {
    tokens,
    ...(metrics?.costUsd === undefined ? {} : { costUsd: metrics.costUsd }),
    ...(costBasis ? { costBasis } : {}),
  }
}
