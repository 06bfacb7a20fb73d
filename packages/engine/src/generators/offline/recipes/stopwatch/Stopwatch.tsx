import { useEffect, useRef, useState } from "react"
import { Flag, Pause, Play, RotateCcw } from "lucide-react"
import { Button } from "@/components/ui/button"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface StopwatchProps extends AppearanceOptions {
  /** The label above the time. */
  title?: string
  /** Shows a Lap button and the list of lap times. */
  laps?: boolean
  /** Called with the elapsed milliseconds on Stop. */
  onStop?: (elapsedMs: number) => void
  /** Called with the elapsed milliseconds at each lap. */
  onLap?: (elapsedMs: number) => void
}

function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 10))
  const centis = total % 100
  const seconds = Math.floor(total / 100) % 60
  const minutes = Math.floor(total / 6000) % 60
  const hours = Math.floor(total / 360000)
  const pad = (value: number) => String(value).padStart(2, "0")
  return `${hours > 0 ? `${hours}:` : ""}${pad(minutes)}:${pad(seconds)}.${pad(centis)}`
}

function isoDuration(ms: number): string {
  return `PT${(Math.max(0, ms) / 1000).toFixed(2)}S`
}

export default function Stopwatch({
  title = "Stopwatch",
  laps = false,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onStop,
  onLap,
}: StopwatchProps) {
  const look = appearance({ accent, dark, size, radius })
  const [elapsed, setElapsed] = useState(0)
  const [running, setRunning] = useState(false)
  // Split times (total elapsed at each lap), newest first.
  const [splits, setSplits] = useState<number[]>([])
  const startedAt = useRef(0)

  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => setElapsed(Date.now() - startedAt.current), 10)
    return () => clearInterval(timer)
  }, [running])

  function start() {
    startedAt.current = Date.now() - elapsed
    setRunning(true)
  }

  function stop() {
    const total = Date.now() - startedAt.current
    setElapsed(total)
    setRunning(false)
    onStop?.(total)
  }

  function reset() {
    setRunning(false)
    setElapsed(0)
    setSplits([])
  }

  function lap() {
    const total = Date.now() - startedAt.current
    setSplits((previous) => [total, ...previous])
    onLap?.(total)
  }

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
        aria-live={running ? "off" : "polite"}
        className="mt-4 text-center text-5xl font-semibold tabular-nums tracking-tight"
      >
        <time dateTime={isoDuration(elapsed)}>{formatElapsed(elapsed)}</time>
      </p>
      <div className="mt-6 flex justify-center gap-3">
        {running ? (
          <Button onClick={stop} variant="secondary" className="min-w-24">
            <Pause aria-hidden="true" />
            Stop
          </Button>
        ) : (
          <Button onClick={start} className="min-w-24">
            <Play aria-hidden="true" />
            {elapsed > 0 ? "Resume" : "Start"}
          </Button>
        )}
        {laps && (
          <Button onClick={lap} variant="outline" disabled={!running}>
            <Flag aria-hidden="true" />
            Lap
          </Button>
        )}
        <Button onClick={reset} variant="outline" disabled={running || elapsed === 0}>
          <RotateCcw aria-hidden="true" />
          Reset
        </Button>
      </div>
      {laps && splits.length > 0 && (
        <ol aria-label="Laps" className="mt-6 max-h-60 divide-y overflow-y-auto rounded-lg border text-sm">
          {splits.map((split, index) => {
            const number = splits.length - index
            const previous = splits[index + 1] ?? 0
            return (
              <li key={number} className="flex items-center justify-between px-4 py-2">
                <span className="text-muted-foreground">Lap {number}</span>
                <span className="font-mono tabular-nums">{formatElapsed(split - previous)}</span>
                <span className="font-mono text-muted-foreground tabular-nums">{formatElapsed(split)}</span>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
