import { Clock, Info, TriangleAlert, X } from "lucide-react"
import { useStudioStore } from "../../state/studio-store"
import { useNow } from "../../lib/use-now"

function formatWait(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000))
  const minutes = Math.floor(seconds / 60)
  return minutes > 0 ? `${minutes} min ${String(seconds % 60).padStart(2, "0")} s` : `${seconds} s`
}

/** Errors, information and the hourly limit (with the time left until the next prompt can be sent). */
export function NoticeBanner() {
  const notice = useStudioStore((state) => state.notice)
  const setNotice = useStudioStore((state) => state.setNotice)
  const now = useNow(notice?.kind === "rate_limit", 1000)
  if (!notice) return null
  const left = notice.until !== undefined ? notice.until - now : undefined
  const Icon = notice.kind === "rate_limit" ? Clock : notice.kind === "error" ? TriangleAlert : Info
  return (
    <div
      role={notice.kind === "info" ? "status" : "alert"}
      className={
        notice.kind === "info"
          ? "bg-muted text-foreground flex items-start gap-2 rounded-lg border px-3 py-2 text-sm"
          : "border-fail/30 bg-fail/5 text-foreground flex items-start gap-2 rounded-lg border px-3 py-2 text-sm"
      }
    >
      <Icon
        className={notice.kind === "info" ? "mt-0.5 size-4 shrink-0" : "text-fail mt-0.5 size-4 shrink-0"}
        aria-hidden="true"
      />
      <div className="min-w-0 flex-1">
        {notice.kind === "rate_limit" ? (
          <>
            <p className="font-medium">You have reached this hour's prompt limit.</p>
            <p className="text-muted-foreground">
              {left !== undefined && left > 0
                ? `You can send again in ${formatWait(left)}.`
                : "You can send again now."}{" "}
              {notice.message}
            </p>
          </>
        ) : (
          <p>{notice.message}</p>
        )}
      </div>
      <button
        type="button"
        aria-label="Dismiss"
        className="text-muted-foreground hover:text-foreground rounded p-0.5"
        onClick={() => setNotice(null)}
      >
        <X className="size-4" aria-hidden="true" />
      </button>
    </div>
  )
}
