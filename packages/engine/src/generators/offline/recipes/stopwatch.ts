import { mentions, type PromptFacts } from "../facts"
import { bool, str, type Recipe, type RenderContext, type Values } from "../recipe"

function lapsWanted(facts: PromptFacts): boolean {
  if (/\b(?:no|without)\s+laps?\b/.test(facts.lower)) return false
  return mentions(facts, "lap", "laps", "split", "splits", "lap times")
}

function titleOf(facts: PromptFacts): string {
  return facts.quoted[0] ?? "Stopwatch"
}

/** "mm:ss.cs" as the component writes it (hours are added past one hour). */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 10))
  const centis = total % 100
  const seconds = Math.floor(total / 100) % 60
  const minutes = Math.floor(total / 6000) % 60
  const hours = Math.floor(total / 360000)
  const pad = (value: number) => String(value).padStart(2, "0")
  return `${hours > 0 ? `${hours}:` : ""}${pad(minutes)}:${pad(seconds)}.${pad(centis)}`
}

function component(context: RenderContext): string {
  return `import { useEffect, useRef, useState } from "react"
import { Flag, Pause, Play, RotateCcw } from "lucide-react"
import { Button } from "@/components/ui/button"
${context.lookImports}

${context.propsInterface}

function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 10))
  const centis = total % 100
  const seconds = Math.floor(total / 100) % 60
  const minutes = Math.floor(total / 6000) % 60
  const hours = Math.floor(total / 360000)
  const pad = (value: number) => String(value).padStart(2, "0")
  return \`\${hours > 0 ? \`\${hours}:\` : ""}\${pad(minutes)}:\${pad(seconds)}.\${pad(centis)}\`
}

function isoDuration(ms: number): string {
  return \`PT\${(Math.max(0, ms) / 1000).toFixed(2)}S\`
}

${context.signature}
  ${context.look}
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
      className={cn(look.className, "w-full max-w-sm rounded-xl border bg-card p-6 text-card-foreground shadow-sm")}
      style={look.style}
    >
      <h2 className="text-sm font-medium text-muted-foreground">{title}</h2>
      <p role="timer" aria-live={running ? "off" : "polite"} className="mt-4 text-center text-5xl font-semibold tabular-nums tracking-tight">
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
`
}

function tests(context: RenderContext): string {
  const { name } = context
  const setup = `beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  vi.useRealTimers()
})

function advance(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms)
  })
}`
  const out = [setup]
  out.push(`it("${context.id("display")}: starts at 00:00.00", () => {
  render(<${name} />)
  expect(screen.getByRole("timer")).toHaveTextContent("00:00.00")
  expect(screen.getByRole("button", { name: "Start" })).toBeInTheDocument()
})`)
  out.push(`it("${context.id("start")}: Start counts up in hundredths of a second", () => {
  render(<${name} />)
  fireEvent.click(screen.getByRole("button", { name: "Start" }))
  advance(1500)
  expect(screen.getByRole("timer")).toHaveTextContent("00:01.50")
  advance(63_250)
  expect(screen.getByRole("timer")).toHaveTextContent("01:04.75")
})`)
  out.push(`it("${context.id("stop")}: Stop freezes the time, announces it and calls onStop; Resume continues", () => {
  const onStop = vi.fn()
  render(<${name} onStop={onStop} />)
  fireEvent.click(screen.getByRole("button", { name: "Start" }))
  advance(2000)
  fireEvent.click(screen.getByRole("button", { name: "Stop" }))
  expect(onStop).toHaveBeenCalledWith(2000)
  const timer = screen.getByRole("timer")
  expect(timer).toHaveAttribute("aria-live", "polite")
  advance(3000)
  expect(timer).toHaveTextContent("00:02.00")
  fireEvent.click(screen.getByRole("button", { name: "Resume" }))
  advance(500)
  expect(timer).toHaveTextContent("00:02.50")
})`)
  out.push(`it("${context.id("reset")}: Reset goes back to 00:00.00", () => {
  render(<${name} />)
  expect(screen.getByRole("button", { name: "Reset" })).toBeDisabled()
  fireEvent.click(screen.getByRole("button", { name: "Start" }))
  advance(1230)
  fireEvent.click(screen.getByRole("button", { name: "Stop" }))
  fireEvent.click(screen.getByRole("button", { name: "Reset" }))
  expect(screen.getByRole("timer")).toHaveTextContent("00:00.00")
  expect(screen.getByRole("button", { name: "Start" })).toBeInTheDocument()
})`)
  if (context.has("laps")) {
    out.push(`it("${context.id("laps")}: Lap records lap times, newest first", () => {
  const onLap = vi.fn()
  render(<${name} onLap={onLap} />)
  expect(screen.getByRole("button", { name: "Lap" })).toBeDisabled()
  fireEvent.click(screen.getByRole("button", { name: "Start" }))
  advance(1000)
  fireEvent.click(screen.getByRole("button", { name: "Lap" }))
  advance(2500)
  fireEvent.click(screen.getByRole("button", { name: "Lap" }))
  expect(onLap).toHaveBeenLastCalledWith(3500)
  const laps = within(screen.getByRole("list", { name: "Laps" })).getAllByRole("listitem")
  expect(laps).toHaveLength(2)
  expect(laps[0]).toHaveTextContent("Lap 2")
  expect(laps[0]).toHaveTextContent("00:02.50")
  expect(laps[1]).toHaveTextContent("Lap 1")
  expect(laps[1]).toHaveTextContent("00:01.00")
})`)
  } else {
    out.push(`it("${context.id("noLaps")}: has no lap button", () => {
  render(<${name} />)
  expect(screen.queryByRole("button", { name: "Lap" })).not.toBeInTheDocument()
})`)
  }
  return out.join("\n\n")
}

function followUp(facts: PromptFacts, values: Values): { values: Values; applied: string[] } {
  const next: Record<string, Values[string]> = { ...values }
  const applied: string[] = []
  if (/\b(?:no|without|remove|drop|hide)\s+(?:the\s+)?laps?\b/.test(facts.lower)) {
    if (bool(values, "laps")) applied.push("no laps")
    next.laps = false
  } else if (mentions(facts, "lap", "laps", "split", "splits")) {
    if (!bool(values, "laps")) applied.push("lap times")
    next.laps = true
  }
  const title = facts.quoted[0]
  if (title && title !== str(values, "title")) {
    next.title = title
    applied.push(`title "${title}"`)
  }
  return { values: next, applied }
}

/** A stopwatch: start, stop, resume and reset, with optional laps. */
export const stopwatch: Recipe = {
  kind: "stopwatch",
  title: "Stopwatch",
  names: ["Stopwatch"],
  keywords: {
    strong: ["stopwatch", "stop watch", "lap timer", "chronometer"],
    weak: ["laps", "lap times", "elapsed time", "split times"],
  },
  callbacks: [
    {
      name: "onStop",
      type: "(elapsedMs: number) => void",
      description: "Called with the elapsed milliseconds on Stop.",
    },
    {
      name: "onLap",
      type: "(elapsedMs: number) => void",
      description: "Called with the elapsed milliseconds at each lap.",
    },
  ],
  params: (facts) => [
    {
      name: "title",
      type: "string",
      value: titleOf(facts),
      description: "The label above the time.",
      control: "text",
    },
    {
      name: "laps",
      type: "boolean",
      value: lapsWanted(facts),
      description: "Shows a Lap button and the list of lap times.",
      control: "boolean",
    },
  ],
  summary: (values) =>
    `A stopwatch showing mm:ss.cs with Start, Stop and Reset${bool(values, "laps") ? " and a list of lap times" : ""}.`,
  requirements: (values) => [
    ["display", "Shows the elapsed time as 00:00.00 (minutes, seconds, hundredths) before it starts"],
    ["start", "Start counts up in hundredths of a second"],
    ["stop", "Stop freezes the time, announces it (aria-live) and calls onStop; Resume continues from there"],
    ["reset", "Reset goes back to 00:00.00"],
    bool(values, "laps")
      ? ["laps", "Lap records the time of each lap, newest first, with the running total"]
      : ["noLaps", "Has no lap button"],
  ],
  component,
  tests,
  followUp,
  followUpHints: ["add laps", "no laps", 'a title ("Run timer")'],
}
