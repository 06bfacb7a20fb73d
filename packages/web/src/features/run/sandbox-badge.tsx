import { Badge } from "@studio/kit/components/ui/badge"
import { Tooltip, TooltipContent, TooltipTrigger } from "@studio/kit/components/ui/tooltip"
import { cn } from "@studio/kit/lib/utils"
import type { SandboxIsolation } from "@studio/protocol"
import { ShieldAlert, ShieldCheck } from "lucide-react"
import { useEffect, useState, type ReactNode } from "react"
import type { ApiClient } from "../../services/api-client"
import { useOptionalServices } from "../../services/services-context"

const BACKEND_NAMES: Record<SandboxIsolation["backend"], string> = {
  bubblewrap: "bubblewrap",
  unshare: "unshare",
  process: "no isolation",
}

const BACKEND_TITLES: Record<SandboxIsolation["backend"], string> = {
  bubblewrap: "Tests run in bubblewrap namespaces",
  unshare: "Tests run in util-linux unshare namespaces",
  process: "Tests run as a plain process: no namespaces on this server",
}

// One answer per API client (the server's isolation does not change while it runs); a failed one is asked again.
const answers = new WeakMap<ApiClient, Promise<SandboxIsolation>>()

/** The server's sandbox isolation, fetched once per session; null until it answers, or outside the app. */
export function useSandboxIsolation(): SandboxIsolation | null {
  const api = useOptionalServices()?.api
  const [isolation, setIsolation] = useState<SandboxIsolation | null>(null)
  useEffect(() => {
    if (!api) return
    let answer = answers.get(api)
    if (!answer) {
      // Through a promise, so a client without the call (an older server's stand-in) is a failed answer, not a throw.
      answer = Promise.resolve().then(() => api.sandboxIsolation())
      answers.set(api, answer)
      answer.catch(() => answers.delete(api))
    }
    let current = true
    answer.then(
      (value) => current && setIsolation(value),
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [api])
  return isolation
}

/** The Build section's badge: the server's sandbox backend, with what it protects against in a tooltip. */
export function SandboxBadge({
  isolation,
  className,
}: {
  isolation?: SandboxIsolation | null
  className?: string
}) {
  const fetched = useSandboxIsolation()
  const shown = isolation ?? fetched
  if (!shown) return null
  return <SandboxBadgeView isolation={shown} className={className} />
}

export function SandboxBadgeView({
  isolation,
  className,
}: {
  isolation: SandboxIsolation
  className?: string
}): ReactNode {
  const contained = isolation.backend !== "process"
  const Icon = contained ? ShieldCheck : ShieldAlert
  const name = BACKEND_NAMES[isolation.backend]
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Badge
          asChild
          variant="outline"
          className={cn(
            "gap-1 rounded-full font-mono text-[11px]",
            contained
              ? "border-pass/30 bg-pass/10 text-pass"
              : "border-caution/30 bg-caution/10 text-caution",
            className,
          )}
        >
          <button
            type="button"
            aria-label={`Sandbox: ${name} (${isolation.level})`}
            data-backend={isolation.backend}
          >
            <Icon aria-hidden="true" />
            {name}
          </button>
        </Badge>
      </TooltipTrigger>
      <TooltipContent side="bottom" align="start" className="max-w-sm text-left text-balance">
        <div className="flex flex-col gap-1.5 py-0.5">
          <p className="font-medium">
            {BACKEND_TITLES[isolation.backend]} ({isolation.level})
          </p>
          <TooltipList title="Protects against" lines={isolation.protectsAgainst} />
          <TooltipList title="Does not protect against" lines={isolation.doesNotProtectAgainst} />
          {!isolation.runsUntrustedCode && (
            <p>
              Model-written and edited code is refused on this server; only the offline generator&apos;s own
              components run.
            </p>
          )}
          {isolation.runsUntrustedCode && !contained && (
            <p>STUDIO_ALLOW_UNISOLATED=1 is set: model-written and edited code runs without isolation.</p>
          )}
        </div>
      </TooltipContent>
    </Tooltip>
  )
}

function TooltipList({ title, lines }: { title: string; lines: string[] }): ReactNode {
  if (lines.length === 0) return null
  return (
    <div>
      <p className="font-medium">{title}:</p>
      <ul className="list-disc pl-4">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  )
}
