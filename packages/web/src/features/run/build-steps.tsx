import { cn } from "@studio/kit/lib/utils"
import type { ReactNode } from "react"
import type { BuildStepView } from "../../state/run-view"
import { StatusIcon, type StatusTone } from "./status-icons"

export interface BuildStepsProps {
  steps: Record<string, BuildStepView>
  className?: string
}

const STEP_STATES: Record<BuildStepView["status"], { tone: StatusTone; word: string }> = {
  start: { tone: "active", word: "running" },
  done: { tone: "active", word: "checking" },
  ok: { tone: "pass", word: "ok" },
  error: { tone: "fail", word: "error" },
}

/** Each toolchain plugin of the build (typescript, eslint, ...) with its progress and outcome. */
export function BuildSteps({ steps, className }: BuildStepsProps): ReactNode {
  const entries = Object.values(steps)
  if (entries.length === 0) return null
  return (
    <ul role="list" aria-label="Build steps" className={cn("flex flex-col gap-1", className)}>
      {entries.map((step) => {
        const { tone, word } = STEP_STATES[step.status]
        const percent = Math.round(Math.min(100, Math.max(0, step.percent)))
        return (
          <li
            key={step.plugin}
            aria-label={`${step.plugin} ${word}`}
            data-status={step.status}
            className="grid grid-cols-[0.875rem_auto_1fr_auto] items-center gap-x-2 text-xs leading-5"
          >
            <StatusIcon tone={tone} className="size-3.5" />
            <span className="font-mono">{step.plugin}</span>
            <span className="text-muted-foreground truncate">{step.message}</span>
            <span
              className={cn(
                "tabular-nums",
                step.status === "error"
                  ? "text-fail"
                  : step.status === "ok"
                    ? "text-pass"
                    : "text-muted-foreground",
              )}
            >
              {step.status === "ok" ? "ok" : step.status === "error" ? "error" : `${percent}%`}
            </span>
          </li>
        )
      })}
    </ul>
  )
}
