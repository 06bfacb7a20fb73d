import { cn } from "@studio/kit/lib/utils"
import { ChevronRight } from "lucide-react"
import { motion, useReducedMotion } from "motion/react"
import { useId, useState, type ReactNode } from "react"
import type { TestStatus } from "@studio/protocol"
import { requirementsOf, type RequirementView, type RunView, type TestView } from "../../state/run-view"
import { formatDuration } from "./format"
import { StatusIcon, toneOfRequirement, toneOfTest } from "./status-icons"

export interface RequirementsChecklistProps {
  view: RunView
  className?: string
}

const TEST_STATUS_WORDS: Record<TestStatus, string> = { pass: "passed", fail: "failed", skip: "skipped" }

/** "R2: shows the total" reads "shows the total" under R2's own heading. */
const REQUIREMENT_PREFIX = /^\s*\[?R\d+\]?\s*[:\-–—]?\s*/

/** Each requirement of the contract with the tests traced to it, turning met or unmet as results arrive. */
export function RequirementsChecklist({ view, className }: RequirementsChecklistProps): ReactNode {
  const headingId = useId()
  const requirements = requirementsOf(view)
  const known = new Set(requirements.map((requirement) => requirement.id))
  const untraced = view.testOrder
    .map((name) => view.tests[name])
    .filter(
      (test): test is TestView =>
        test !== undefined && !(test.requirementId && known.has(test.requirementId)),
    )
  const met = requirements.filter((requirement) => requirement.state === "met").length

  return (
    <section aria-labelledby={headingId} className={cn("flex flex-col gap-2", className)}>
      <header className="flex items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-sm font-medium">
          Requirements
        </h3>
        {requirements.length > 0 && (
          <span
            className={cn(
              "text-xs tabular-nums",
              met === requirements.length ? "text-pass" : "text-muted-foreground",
            )}
          >
            {met}/{requirements.length} met
          </span>
        )}
      </header>
      {requirements.length === 0 ? (
        <p className="text-muted-foreground text-sm">
          {view.status === "running"
            ? "The requirements appear once the request is understood."
            : "This run ended before it had requirements."}
        </p>
      ) : (
        <ul role="list" aria-label="Requirements" className="flex flex-col gap-1.5">
          {requirements.map((requirement) => (
            <RequirementItem key={requirement.id} requirement={requirement} />
          ))}
        </ul>
      )}
      {untraced.length > 0 && (
        <div className="flex flex-col gap-1">
          <h4 className="text-muted-foreground text-xs font-medium">Other tests</h4>
          <TestList tests={untraced} label="Other tests" />
        </div>
      )}
    </section>
  )
}

function RequirementItem({ requirement }: { requirement: RequirementView }): ReactNode {
  return (
    <li
      aria-label={`${requirement.id} ${requirement.state}: ${requirement.text}`}
      data-state={requirement.state}
      className="flex flex-col gap-1"
    >
      <div className="grid grid-cols-[1rem_1fr] items-start gap-x-2.5">
        <span className="flex h-5 items-center">
          <StatusIcon tone={toneOfRequirement(requirement.state)} />
        </span>
        <p className="text-sm leading-5">
          <span className="text-muted-foreground font-mono text-xs">{requirement.id}</span>
          <span className="text-muted-foreground"> — </span>
          <span className={cn(requirement.state === "unmet" && "text-foreground")}>{requirement.text}</span>
        </p>
      </div>
      {requirement.tests.length > 0 && (
        <TestList tests={requirement.tests} label={`Tests for ${requirement.id}`} className="ml-[1.625rem]" />
      )}
    </li>
  )
}

function TestList({
  tests,
  label,
  className,
}: {
  tests: TestView[]
  label: string
  className?: string
}): ReactNode {
  return (
    <ul role="list" aria-label={label} className={cn("flex flex-col gap-0.5", className)}>
      {tests.map((test) => (
        <TestItem key={test.name} test={test} />
      ))}
    </ul>
  )
}

function TestItem({ test }: { test: TestView }): ReactNode {
  const reduceMotion = useReducedMotion()
  const [showError, setShowError] = useState(false)
  const errorId = useId()
  const displayName = test.name.replace(REQUIREMENT_PREFIX, "") || test.name
  return (
    <motion.li
      data-status={test.status}
      className="flex flex-col"
      initial={reduceMotion ? false : { opacity: 0, x: -4 }}
      animate={{ opacity: 1, x: 0 }}
      transition={reduceMotion ? { duration: 0 } : { duration: 0.18, ease: "easeOut" }}
    >
      <div className="grid grid-cols-[0.875rem_1fr_auto] items-center gap-x-2 text-xs leading-5">
        <StatusIcon tone={toneOfTest(test.status)} className="size-3.5" />
        <span
          className={cn("truncate", test.status === "fail" ? "text-foreground" : "text-muted-foreground")}
        >
          <span title={test.name}>{displayName}</span>
          <span className="sr-only">, {TEST_STATUS_WORDS[test.status]}</span>
        </span>
        <span className="text-muted-foreground tabular-nums">{formatDuration(test.durationMs)}</span>
      </div>
      {test.status === "fail" && test.error && (
        <div className="ml-[1.375rem] flex flex-col gap-1">
          <button
            type="button"
            aria-expanded={showError}
            aria-controls={errorId}
            onClick={() => setShowError((open) => !open)}
            className="text-fail hover:text-fail/80 inline-flex w-fit items-center gap-0.5 rounded-sm text-xs"
          >
            <ChevronRight
              aria-hidden="true"
              className={cn("size-3 transition-transform", showError && "rotate-90")}
            />
            {showError ? "Hide error" : "Show error"}
          </button>
          <pre
            id={errorId}
            hidden={!showError}
            className="bg-fail/5 border-fail/20 text-foreground max-h-48 overflow-auto rounded-md border px-2.5 py-2 font-mono text-[11px] leading-relaxed whitespace-pre-wrap"
          >
            {test.error}
          </pre>
        </div>
      )}
    </motion.li>
  )
}
