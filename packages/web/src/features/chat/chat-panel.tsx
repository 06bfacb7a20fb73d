import { Badge } from "@studio/kit/components/ui/badge"
import { Button } from "@studio/kit/components/ui/button"
import { cn } from "@studio/kit/lib/utils"
import type { Verdict, VersionSummary } from "@studio/protocol"
import { ChevronDown, Sparkles } from "lucide-react"
import { useEffect, useRef, useState } from "react"
import { FeedbackButtons } from "../insights/feedback-buttons"
import { RunCard } from "../run/run-card"
import { useServices } from "../../services/services-context"
import type { RunView } from "../../state/run-view"
import { useStudioStore } from "../../state/studio-store"
import { NoticeBanner } from "./notice-banner"
import { PromptBox } from "./prompt-box"
import { useNow } from "../../lib/use-now"

const SUGGESTIONS = [
  "A pricing table with three tiers and a monthly/yearly toggle",
  "A login form with email, password and a show-password toggle",
  "A kanban board with Todo, Doing and Done columns",
  "A stats dashboard with MRR $12,400, Signups and Churn",
]

/** The conversation: each version's prompt and what its run proved, the live run, and the prompt box. */
export function ChatPanel() {
  const { controller } = useServices()
  const versions = useStudioStore((state) => state.versions)
  const runs = useStudioStore((state) => state.runs)
  const activeRunId = useStudioStore((state) => state.activeRunId)
  const pendingPrompt = useStudioStore((state) => state.pendingPrompt)
  const selectedVersionId = useStudioStore((state) => state.selectedVersionId)
  const projectId = useStudioStore((state) => state.currentProjectId)
  const activeRun = activeRunId ? runs[activeRunId] : undefined
  const running = activeRun?.status === "running" || pendingPrompt !== null
  const now = useNow(activeRun?.status === "running")
  const scroller = useRef<HTMLDivElement>(null)
  const liveRunShown = activeRun && !versions.some((version) => version.runId === activeRun.runId)
  const selected = versions.find((version) => version.id === selectedVersionId)

  // Keep the newest activity in view as the run streams.
  const activity = `${versions.length}:${activeRun?.lastSeq ?? -1}:${pendingPrompt ?? ""}`
  useEffect(() => {
    const element = scroller.current
    if (element) element.scrollTop = element.scrollHeight
  }, [activity])

  const placeholder = selected
    ? `Ask for a change to v${selected.number}…`
    : "Describe a component: what it shows, what it does…"

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div
        ref={scroller}
        className="min-h-0 flex-1 space-y-6 overflow-y-auto px-4 py-4"
        aria-label="Conversation"
        role="log"
      >
        {versions.length === 0 && !activeRun && !pendingPrompt && (
          <EmptyChat onPick={(prompt) => controller.sendPrompt(prompt)} disabled={!projectId} />
        )}
        {versions.map((version) => (
          <VersionEntry
            key={version.id}
            version={version}
            run={version.runId ? runs[version.runId] : undefined}
            selected={version.id === selectedVersionId}
            now={now}
          />
        ))}
        {liveRunShown && activeRun && (
          <div className="space-y-3">
            <UserBubble text={activeRun.prompt} />
            <RunCard view={activeRun} now={now} />
          </div>
        )}
        {pendingPrompt && (
          <div className="space-y-3">
            <UserBubble text={pendingPrompt} />
            <p className="text-muted-foreground text-sm" role="status">
              Sending…
            </p>
          </div>
        )}
      </div>
      <div className="space-y-2 border-t p-3">
        <NoticeBanner />
        <PromptBox
          placeholder={placeholder}
          running={running}
          disabled={!projectId}
          onSend={(prompt, tests) => controller.sendPrompt(prompt, tests)}
          onCancel={() => {
            if (activeRun?.status === "running") controller.cancelRun(activeRun.runId)
          }}
        />
        <p className="text-muted-foreground px-1 text-[11px]">
          Enter sends · Shift+Enter for a new line
          {selected ? ` · follow-ups build on v${selected.number}` : ""}
        </p>
      </div>
    </div>
  )
}

/** Only a proven version is "Passed"; one saved without a report (a restore of an old copy) is just saved. */
const VERSION_BADGES: Record<Verdict | "none", { label: string; className: string }> = {
  proven: { label: "Passed", className: "text-pass border-pass/40" },
  failed: { label: "Failed", className: "text-fail border-fail/40" },
  unverified: { label: "Not verified", className: "text-caution border-caution/40" },
  none: { label: "Saved", className: "text-muted-foreground" },
}

function UserBubble({ text }: { text: string }) {
  return (
    <div className="flex justify-end">
      <p className="bg-muted max-w-[85%] rounded-2xl rounded-br-md px-3.5 py-2 text-sm whitespace-pre-wrap">
        {text}
      </p>
    </div>
  )
}

function VersionEntry({
  version,
  run,
  selected,
  now,
}: {
  version: VersionSummary
  run: RunView | undefined
  selected: boolean
  now: number
}) {
  const { controller } = useServices()
  const observation = useStudioStore((state) =>
    version.runId ? state.observations[version.runId] : undefined,
  )
  const [loading, setLoading] = useState(false)
  const badge = VERSION_BADGES[version.verdict ?? "none"]
  return (
    <article className="space-y-3" aria-label={`Version ${version.number}`}>
      <UserBubble text={version.prompt} />
      {run ? (
        <RunCard view={run} now={now} />
      ) : (
        <div className="bg-card rounded-xl border p-3 text-sm">
          <div className="flex items-center gap-2">
            <Badge variant="outline" className={badge.className}>
              {badge.label}
            </Badge>
            <span className="text-muted-foreground text-xs">
              {new Date(version.createdAt).toLocaleString()}
            </span>
            {version.runId && (
              <Button
                variant="ghost"
                size="sm"
                className="ml-auto h-7 gap-1 text-xs"
                disabled={loading}
                onClick={() => {
                  setLoading(true)
                  controller
                    .loadRun(version.runId!)
                    .catch((error: unknown) => controller.showError(error))
                    .finally(() => setLoading(false))
                }}
              >
                Show run <ChevronDown className="size-3" aria-hidden="true" />
              </Button>
            )}
          </div>
          {version.verdict && version.verdict !== "proven" && version.reasons.length > 0 && (
            <p
              className={cn("mt-2 text-xs", version.verdict === "unverified" ? "text-caution" : "text-fail")}
            >
              <span className="font-medium">{badge.label}:</span> {version.reasons.join("; ")}
            </p>
          )}
        </div>
      )}
      <div className="flex items-center gap-2">
        <Button
          variant={selected ? "secondary" : "outline"}
          size="sm"
          className="h-7 text-xs"
          aria-pressed={selected}
          onClick={() =>
            void controller.selectVersion(version.id).catch((error: unknown) => controller.showError(error))
          }
        >
          v{version.number}
          {selected ? " · shown" : " · show"}
        </Button>
        {observation && (
          <div className="ml-auto">
            <FeedbackButtons observationId={observation.id} value={observation.userSatisfaction} />
          </div>
        )}
      </div>
    </article>
  )
}

function EmptyChat({ onPick, disabled }: { onPick(prompt: string): void; disabled: boolean }) {
  return (
    <div className="flex flex-col items-center gap-4 px-2 pt-8 text-center">
      <span className="bg-studio/10 text-studio flex size-10 items-center justify-center rounded-xl">
        <Sparkles className="size-5" aria-hidden="true" />
      </span>
      <div>
        <h2 className="font-semibold tracking-tight">What shall we build?</h2>
        <p className="text-muted-foreground mt-1 text-sm">
          Describe a component. You get the code, the tests that prove each requirement, and a live preview.
        </p>
      </div>
      <ul className="grid w-full gap-2">
        {SUGGESTIONS.map((suggestion) => (
          <li key={suggestion}>
            <button
              type="button"
              disabled={disabled}
              onClick={() => onPick(suggestion)}
              className="hover:bg-muted w-full rounded-lg border px-3 py-2 text-left text-sm transition-colors disabled:opacity-50"
            >
              {suggestion}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
