import { useEffect, useRef, useState } from "react"
import { Pause, Play, RotateCcw } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Progress } from "@/components/ui/progress"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { formatRemaining } from "./inline/format-remaining"

export interface CountdownTimerProps extends AppearanceOptions {
  /** How long the countdown runs, in seconds. */
  durationSeconds?: number
  /** The label above the time. */
  title?: string
  /** What it says when the time is up. */
  doneMessage?: string
  /** Called once when the countdown reaches zero. */
  onComplete?: () => void
}

export default function CountdownTimer({
  durationSeconds = 60,
  title = "Timer",
  doneMessage = "Time's up!",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onComplete,
}: CountdownTimerProps) {
  const look = appearance({ accent, dark, size, radius })
  const totalMs = Math.max(1, Math.round(durationSeconds)) * 1000
  const [remaining, setRemaining] = useState(totalMs)
  const [running, setRunning] = useState(false)
  const endsAt = useRef(0)
  const done = remaining <= 0

  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => {
      const left = Math.max(0, endsAt.current - Date.now())
      setRemaining(left)
      if (left === 0) {
        // Stop ticking now, not after the re-render: a late tick would call onComplete again.
        clearInterval(timer)
        setRunning(false)
        onComplete?.()
      }
    }, 100)
    return () => clearInterval(timer)
  }, [running, onComplete])

  function start() {
    endsAt.current = Date.now() + remaining
    setRunning(true)
  }

  function pause() {
    setRemaining(Math.max(0, endsAt.current - Date.now()))
    setRunning(false)
  }

  function reset() {
    setRunning(false)
    setRemaining(totalMs)
  }

  const percent = Math.round((remaining / totalMs) * 100)
  return (
    <section
      aria-label={title}
      className={cn(
        look.className,
        "w-full max-w-sm rounded-xl border bg-card p-6 text-card-foreground shadow-sm",
      )}
      style={look.style}
    >
      <h2 className="text-sm font-medium text-muted-foreground">{title}</h2>
      <p
        role="timer"
        aria-live="off"
        className={cn(
          "mt-4 text-center text-6xl font-semibold tabular-nums tracking-tight",
          done && "text-primary",
        )}
      >
        <time dateTime={`PT${Math.ceil(remaining / 1000)}S`}>{formatRemaining(remaining)}</time>
      </p>
      <Progress value={percent} aria-label="Time remaining" className="mt-4" />
      <p role="status" className="mt-3 h-5 text-center text-sm font-medium">
        {done ? doneMessage : ""}
      </p>
      <div className="mt-4 flex justify-center gap-3">
        {running ? (
          <Button onClick={pause} variant="secondary" className="min-w-28">
            <Pause aria-hidden="true" />
            Pause
          </Button>
        ) : (
          <Button onClick={start} disabled={done} className="min-w-28">
            <Play aria-hidden="true" />
            {remaining < totalMs && !done ? "Resume" : "Start"}
          </Button>
        )}
        <Button onClick={reset} variant="outline" disabled={!running && remaining === totalMs}>
          <RotateCcw aria-hidden="true" />
          Reset
        </Button>
      </div>
    </section>
  )
}
