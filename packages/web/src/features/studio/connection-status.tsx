import { cn } from "@studio/kit/lib/utils"
import { useServices } from "../../services/services-context"
import { useStudioStore } from "../../state/studio-store"
import { useNow } from "../../lib/use-now"

const LABEL = { connected: "Connected", connecting: "Connecting…", disconnected: "Disconnected" } as const

/** The live socket's state; while disconnected it counts down to the next attempt and offers to retry now. */
export function ConnectionStatus() {
  const { controller } = useServices()
  const status = useStudioStore((state) => state.connectionStatus)
  const retryAt = useStudioStore((state) =>
    state.connectionStatus === "disconnected" ? state.retryAt : undefined,
  )
  const now = useNow(retryAt !== undefined, 500)
  const seconds = retryAt !== undefined ? Math.max(0, Math.ceil((retryAt - now) / 1000)) : null
  return (
    <div className="flex items-center gap-2 text-xs" role="status" aria-live="polite" data-status={status}>
      <span
        aria-hidden="true"
        className={cn(
          "size-2 rounded-full",
          status === "connected" && "bg-pass",
          status === "connecting" && "bg-caution animate-pulse",
          status === "disconnected" && "bg-fail",
        )}
      />
      <span className="text-muted-foreground">
        {LABEL[status]}
        {status === "disconnected" && seconds !== null ? ` · retrying in ${seconds}s` : ""}
      </span>
      {status === "disconnected" && (
        <button
          type="button"
          className="text-foreground rounded px-1 font-medium underline-offset-4 hover:underline"
          onClick={() => controller.reconnect()}
        >
          Reconnect
        </button>
      )}
    </div>
  )
}
