import { cn } from "@studio/kit/lib/utils"
import { ChevronRight } from "lucide-react"
import { motion, useReducedMotion } from "motion/react"
import { useId, useState, type ReactNode } from "react"
import type { ReasoningView, RunView } from "../../state/run-view"
import { stageLabel } from "./format"

export interface ReasoningStepsProps {
  view: RunView
  /** Open at first; by default open while the run goes on and collapsed once it ends, until the person toggles. */
  defaultOpen?: boolean
  className?: string
}

/** The agent's reasoning notes, grouped under the stage that wrote them, in a disclosure. */
export function ReasoningSteps({ view, defaultOpen, className }: ReasoningStepsProps): ReactNode {
  const [chosen, setChosen] = useState<boolean | null>(defaultOpen ?? null)
  const listId = useId()
  const reduceMotion = useReducedMotion()
  const open = chosen ?? view.status === "running"
  const steps = view.reasoning
  if (steps.length === 0) return null
  const latest = steps[steps.length - 1]

  return (
    <section className={cn("flex flex-col gap-1.5", className)}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setChosen(!open)}
        className="text-muted-foreground hover:text-foreground group flex min-w-0 items-center gap-1 rounded-sm text-left text-xs font-medium"
      >
        <ChevronRight
          aria-hidden="true"
          className={cn("size-3.5 shrink-0 transition-transform", open && "rotate-90")}
        />
        <span className="shrink-0">Reasoning ({steps.length})</span>
        {!open && latest && view.status === "running" && (
          <span aria-hidden="true" className="truncate font-normal opacity-70">
            · {latest.text}
          </span>
        )}
      </button>
      <ol
        id={listId}
        hidden={!open}
        aria-label="Reasoning steps"
        className="border-border ml-1.5 flex flex-col gap-1.5 border-l pl-3"
      >
        {steps.map((step, index) => (
          <motion.li
            key={step.seq}
            className="flex flex-col gap-0.5"
            initial={reduceMotion ? false : { opacity: 0, y: 3 }}
            animate={{ opacity: 1, y: 0 }}
            transition={reduceMotion ? { duration: 0 } : { duration: 0.2, ease: "easeOut" }}
          >
            {startsGroup(steps, index) && (
              <span className="text-muted-foreground text-[11px] font-medium tracking-wide uppercase">
                {stageLabel(step.stage)}
              </span>
            )}
            <p className="text-foreground/90 text-sm leading-snug break-words">
              <span className="sr-only">{stageLabel(step.stage)}: </span>
              {step.text}
            </p>
          </motion.li>
        ))}
      </ol>
    </section>
  )
}

function startsGroup(steps: ReasoningView[], index: number): boolean {
  return index === 0 || steps[index - 1]?.stage !== steps[index]?.stage
}
