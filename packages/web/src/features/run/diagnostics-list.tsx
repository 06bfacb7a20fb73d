import { cn } from "@studio/kit/lib/utils"
import { CircleCheck, CircleX, Info, TriangleAlert, type LucideIcon } from "lucide-react"
import type { ReactNode } from "react"
import { DIAGNOSTIC_SEVERITIES, type Diagnostic, type DiagnosticSeverity } from "@studio/protocol"
import { pluralize } from "./format"

export interface DiagnosticsListProps {
  diagnostics: Diagnostic[]
  className?: string
}

const SEVERITIES: Record<
  DiagnosticSeverity,
  { title: string; noun: string; icon: LucideIcon; tone: string }
> = {
  error: { title: "Errors", noun: "error", icon: CircleX, tone: "text-fail" },
  warning: { title: "Warnings", noun: "warning", icon: TriangleAlert, tone: "text-caution" },
  info: { title: "Notes", noun: "note", icon: Info, tone: "text-muted-foreground" },
}

/** Where a diagnostic points: "src/App.tsx:4:10", "src/App.tsx" or nothing for whole-run problems. */
export function diagnosticLocation(diagnostic: Diagnostic): string {
  if (!diagnostic.path) return ""
  if (diagnostic.line <= 0) return diagnostic.path
  return diagnostic.column > 0
    ? `${diagnostic.path}:${diagnostic.line}:${diagnostic.column}`
    : `${diagnostic.path}:${diagnostic.line}`
}

/** The toolchain's problems grouped by severity, errors first. */
export function DiagnosticsList({ diagnostics, className }: DiagnosticsListProps): ReactNode {
  if (diagnostics.length === 0) {
    return (
      <p className={cn("text-muted-foreground flex items-center gap-1.5 text-xs", className)}>
        <CircleCheck aria-hidden="true" className="text-pass size-3.5" />
        No build problems
      </p>
    )
  }
  const groups = DIAGNOSTIC_SEVERITIES.map((severity) => ({
    severity,
    entries: diagnostics.filter((diagnostic) => diagnostic.severity === severity),
  })).filter((group) => group.entries.length > 0)

  return (
    <section aria-label="Build problems" className={cn("flex flex-col gap-2", className)}>
      <p className="text-muted-foreground text-xs">
        {groups.map((group) => pluralize(group.entries.length, SEVERITIES[group.severity].noun)).join(" · ")}
      </p>
      {groups.map(({ severity, entries }) => {
        const { title, icon: Icon, tone } = SEVERITIES[severity]
        return (
          <div key={severity} className="flex flex-col gap-1">
            <h4 className="flex items-center gap-1.5 text-xs font-medium">
              <Icon aria-hidden="true" className={cn("size-3.5", tone)} />
              {title}
              <span className="text-muted-foreground tabular-nums">({entries.length})</span>
            </h4>
            <ul role="list" aria-label={title} className="flex flex-col gap-1">
              {entries.map((diagnostic, index) => (
                <DiagnosticItem key={index} diagnostic={diagnostic} />
              ))}
            </ul>
          </div>
        )
      })}
    </section>
  )
}

function DiagnosticItem({ diagnostic }: { diagnostic: Diagnostic }): ReactNode {
  const location = diagnosticLocation(diagnostic)
  const rule = diagnostic.ruleId ?? diagnostic.code
  return (
    <li className="bg-muted/40 flex flex-col gap-0.5 rounded-md px-2.5 py-1.5">
      <p className="text-sm leading-snug break-words">{diagnostic.message}</p>
      <p className="text-muted-foreground flex flex-wrap items-center gap-x-2 font-mono text-[11px]">
        {location && <span className="break-all">{location}</span>}
        <span>
          {diagnostic.source}
          {rule && ` · ${rule}`}
        </span>
      </p>
    </li>
  )
}
