import { ThumbsDown, ThumbsUp } from "lucide-react"
import { useEffect, useRef, useState } from "react"
import { Button } from "@studio/kit/components/ui/button"
import { cn } from "@studio/kit/lib/utils"
import { useServices } from "../../services/services-context"

export interface FeedbackButtonsProps {
  observationId: string
  /** The stored vote: 1, -1 or null when there is none. */
  value: number | null
  /** Called once the server has stored a vote. */
  onVoted?(value: 1 | -1): void
  className?: string
}

const asVote = (value: number | null): 1 | -1 | null => (value === 1 || value === -1 ? value : null)

/**
 * Thumbs up / down for one run. The vote shows at once and is rolled back with a short message when the server
 * refuses it. A vote can be changed but not withdrawn (the API stores 1 or -1), so pressing the active one again
 * does nothing.
 */
export function FeedbackButtons({ observationId, value, onVoted, className }: FeedbackButtonsProps) {
  const { api } = useServices()
  const [vote, setVote] = useState<1 | -1 | null>(asVote(value))
  const [failed, setFailed] = useState(false)
  // The last vote the server accepted, to roll back to; and which request is the latest, so a slow older answer
  // cannot undo a newer vote.
  const confirmed = useRef<1 | -1 | null>(asVote(value))
  const latestRequest = useRef(0)
  const [seenValue, setSeenValue] = useState(value)

  // A parent that learns of a newer stored vote (another tab, a reload) wins over local state.
  if (value !== seenValue) {
    setSeenValue(value)
    setVote(asVote(value))
  }
  useEffect(() => {
    confirmed.current = asVote(value)
  }, [value])

  async function castVote(next: 1 | -1) {
    if (vote === next) return
    const request = ++latestRequest.current
    setVote(next)
    setFailed(false)
    try {
      await api.sendFeedback(observationId, next)
      confirmed.current = next
      if (request === latestRequest.current) onVoted?.(next)
    } catch {
      if (request !== latestRequest.current) return
      setVote(confirmed.current)
      setFailed(true)
    }
  }

  return (
    <div className={cn("inline-flex flex-col items-start gap-0.5", className)}>
      <div className="inline-flex items-center gap-0.5" role="group" aria-label="Rate this result">
        <Button
          type="button"
          variant="ghost"
          size="icon-sm"
          aria-label="Good result"
          aria-pressed={vote === 1}
          className="text-muted-foreground aria-pressed:bg-pass/10 aria-pressed:text-pass"
          onClick={() => void castVote(1)}
        >
          <ThumbsUp aria-hidden className={cn(vote === 1 && "fill-current")} />
        </Button>
        <Button
          type="button"
          variant="ghost"
          size="icon-sm"
          aria-label="Bad result"
          aria-pressed={vote === -1}
          className="text-muted-foreground aria-pressed:bg-fail/10 aria-pressed:text-fail"
          onClick={() => void castVote(-1)}
        >
          <ThumbsDown aria-hidden className={cn(vote === -1 && "fill-current")} />
        </Button>
      </div>
      {failed ? (
        <span role="alert" className="text-fail text-xs">
          Vote not saved. Try again.
        </span>
      ) : null}
    </div>
  )
}
