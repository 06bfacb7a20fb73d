import { cn } from "@studio/kit/lib/utils"
import { CircleCheck, CircleMinus, CircleX, LoaderCircle, Circle, type LucideIcon } from "lucide-react"
import { motion, useReducedMotion } from "motion/react"
import type { ReactNode } from "react"
import type { TestStatus } from "@studio/protocol"
import type { RequirementView, StageStatus } from "../../state/run-view"

export type StatusTone = "pending" | "active" | "pass" | "fail" | "skipped"

const TONE_ICONS: Record<StatusTone, { icon: LucideIcon; className: string }> = {
  pending: { icon: Circle, className: "text-muted-foreground/60" },
  active: { icon: LoaderCircle, className: "text-studio animate-spin" },
  pass: { icon: CircleCheck, className: "text-pass" },
  fail: { icon: CircleX, className: "text-fail" },
  skipped: { icon: CircleMinus, className: "text-muted-foreground" },
}

export function toneOfStage(status: StageStatus): StatusTone {
  switch (status) {
    case "pending":
      return "pending"
    case "active":
      return "active"
    case "done":
      return "pass"
    case "skipped":
      return "skipped"
  }
}

export function toneOfTest(status: TestStatus): StatusTone {
  switch (status) {
    case "pass":
      return "pass"
    case "fail":
      return "fail"
    case "skip":
      return "skipped"
  }
}

export function toneOfRequirement(state: RequirementView["state"]): StatusTone {
  switch (state) {
    case "pending":
      return "pending"
    case "running":
      return "active"
    case "met":
      return "pass"
    case "unmet":
      return "fail"
  }
}

/**
 * A decorative status icon that pops in when its tone changes (a test turning pass or fail), or simply appears
 * when the person prefers reduced motion. The state is always also given in text.
 */
export function StatusIcon({ tone, className }: { tone: StatusTone; className?: string }): ReactNode {
  const reduceMotion = useReducedMotion()
  const { icon: Icon, className: toneClass } = TONE_ICONS[tone]
  return (
    <motion.span
      key={tone}
      data-tone={tone}
      aria-hidden="true"
      className="inline-flex shrink-0"
      initial={reduceMotion ? false : { scale: 0.5, opacity: 0 }}
      animate={{ scale: 1, opacity: 1 }}
      transition={reduceMotion ? { duration: 0 } : { type: "spring", stiffness: 500, damping: 28 }}
    >
      <Icon className={cn("size-4", toneClass, className)} strokeWidth={2} />
    </motion.span>
  )
}
