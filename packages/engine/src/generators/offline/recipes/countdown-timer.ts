import { type PromptFacts } from "../facts"
import { num, str, type Recipe, type RenderContext, type Values } from "../recipe"

function durationOf(facts: PromptFacts): number | undefined {
  const total = facts.durationsMs.filter((ms) => ms >= 1000)
  if (total.length === 0) return undefined
  // "1 hour 30 minutes", "2 min 30 sec": consecutive durations written together add up.
  const combined =
    /\b\d+\s*(?:h|hrs?|hours?)\s*(?:and\s+)?\d+\s*(?:m|mins?|minutes?)\b|\b\d+\s*(?:m|mins?|minutes?)\s*(?:and\s+)?\d+\s*(?:s|secs?|seconds?)\b/.test(
      facts.lower,
    )
  const seconds = combined && total.length >= 2 ? (total[0]! + total[1]!) / 1000 : total[0]! / 1000
  return Math.round(seconds)
}

const DONE_WORDS = /\b(?:up|done|finished|finish|over|complete|ready|break|stop|time)\b/i

function doneMessageOf(facts: PromptFacts): string {
  return facts.quoted.find((quote) => DONE_WORDS.test(quote)) ?? facts.quoted[1] ?? "Time's up!"
}

function titleOf(facts: PromptFacts): string {
  const done = doneMessageOf(facts)
  const quoted = facts.quoted.find((quote) => quote !== done)
  if (quoted) return quoted
  if (/\bpomodoro\b/.test(facts.lower)) return "Focus"
  if (/\b(?:tea|egg|cooking|kitchen)\b/.test(facts.lower)) return "Kitchen timer"
  if (/\b(?:workout|exercise|plank|rest)\b/.test(facts.lower)) return "Workout timer"
  return "Timer"
}

/** "mm:ss" (or "h:mm:ss" past an hour), counting whole seconds up so it shows 00:01 until it reaches zero. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const seconds = total % 60
  const minutes = Math.floor(total / 60) % 60
  const hours = Math.floor(total / 3600)
  const pad = (value: number) => String(value).padStart(2, "0")
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`
}

function spoken(seconds: number): string {
  const parts: string[] = []
  const h = Math.floor(seconds / 3600)
  const m = Math.floor(seconds / 60) % 60
  const s = seconds % 60
  if (h) parts.push(`${h} hour${h === 1 ? "" : "s"}`)
  if (m) parts.push(`${m} minute${m === 1 ? "" : "s"}`)
  if (s || parts.length === 0) parts.push(`${s} second${s === 1 ? "" : "s"}`)
  return parts.join(" ")
}

function component(context: RenderContext): string {
  return `import { useEffect, useRef, useState } from "react"
import { Pause, Play, RotateCcw } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Progress } from "@/components/ui/progress"
${context.lookImports}

${context.propsInterface}

function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const seconds = total % 60
  const minutes = Math.floor(total / 60) % 60
  const hours = Math.floor(total / 3600)
  const pad = (value: number) => String(value).padStart(2, "0")
  return hours > 0 ? \`\${hours}:\${pad(minutes)}:\${pad(seconds)}\` : \`\${pad(minutes)}:\${pad(seconds)}\`
}

${context.signature}
  ${context.look}
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
      className={cn(look.className, "w-full max-w-sm rounded-xl border bg-card p-6 text-card-foreground shadow-sm")}
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
        <time dateTime={\`PT\${Math.ceil(remaining / 1000)}S\`}>{formatRemaining(remaining)}</time>
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
`
}

/** Text from the prompt made safe inside a test's title string. */
function plain(text: string): string {
  return text.replace(/["'`\\$]/g, "")
}

function tests(context: RenderContext): string {
  const { name, values, lit } = context
  const seconds = Math.max(1, Math.round(num(values, "durationSeconds", 60)))
  const total = seconds * 1000
  const start = formatRemaining(total)
  const afterOne = formatRemaining(total - 1000)
  const step = Math.min(3000, total - 1000)
  const afterStep = formatRemaining(total - step)
  const done = str(values, "doneMessage", "Time's up!")
  return `beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  vi.useRealTimers()
})

function advance(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms)
  })
}

it("${context.id("initial")}: shows ${start} before it starts", () => {
  render(<${name} />)
  expect(screen.getByRole("timer")).toHaveTextContent(${lit(start)})
  expect(screen.getByRole("button", { name: "Start" })).toBeEnabled()
  expect(screen.getByRole("status")).toHaveTextContent("")
})

it("${context.id("start")}: Start counts down every second", () => {
  render(<${name} />)
  fireEvent.click(screen.getByRole("button", { name: "Start" }))
  advance(1000)
  expect(screen.getByRole("timer")).toHaveTextContent(${lit(afterOne)})${
    step > 1000
      ? `
  advance(${step - 1000})
  expect(screen.getByRole("timer")).toHaveTextContent(${lit(afterStep)})`
      : ""
  }
})

it("${context.id("pause")}: Pause holds the time and Resume carries on", () => {
  render(<${name} />)
  fireEvent.click(screen.getByRole("button", { name: "Start" }))
  advance(1000)
  fireEvent.click(screen.getByRole("button", { name: "Pause" }))
  advance(5000)
  expect(screen.getByRole("timer")).toHaveTextContent(${lit(afterOne)})
  fireEvent.click(screen.getByRole("button", { name: "Resume" }))
  expect(screen.getByRole("button", { name: "Pause" })).toBeInTheDocument()
})

it("${context.id("reset")}: Reset goes back to ${start}", () => {
  render(<${name} />)
  fireEvent.click(screen.getByRole("button", { name: "Start" }))
  advance(1000)
  fireEvent.click(screen.getByRole("button", { name: "Reset" }))
  expect(screen.getByRole("timer")).toHaveTextContent(${lit(start)})
  expect(screen.getByRole("button", { name: "Start" })).toBeInTheDocument()
})

it("${context.id("done")}: at zero it says ${plain(done)} and calls onComplete once", () => {
  const onComplete = vi.fn()
  render(<${name} onComplete={onComplete} />)
  fireEvent.click(screen.getByRole("button", { name: "Start" }))
  advance(${total})
  expect(screen.getByRole("timer")).toHaveTextContent(${lit(formatRemaining(0))})
  expect(screen.getByRole("status")).toHaveTextContent(${lit(done)})
  advance(2000)
  expect(onComplete).toHaveBeenCalledTimes(1)
  expect(screen.getByRole("button", { name: "Start" })).toBeDisabled()
})`
}

function followUp(facts: PromptFacts, values: Values): { values: Values; applied: string[] } {
  const next: Record<string, Values[string]> = { ...values }
  const applied: string[] = []
  const seconds = durationOf(facts)
  if (seconds !== undefined && seconds !== num(values, "durationSeconds")) {
    next.durationSeconds = seconds
    applied.push(`${spoken(seconds)}`)
  }
  const message = facts.quoted.find((quote) => DONE_WORDS.test(quote))
  if (message && message !== str(values, "doneMessage")) {
    next.doneMessage = message
    applied.push(`"${message}" at zero`)
  } else if (facts.quoted[0] && /\b(?:title|call it|label|name)\b/.test(facts.lower)) {
    next.title = facts.quoted[0]
    applied.push(`title "${facts.quoted[0]}"`)
  }
  return { values: next, applied }
}

/** A countdown timer: a duration from the prompt, start, pause and reset, and a message at zero. */
export const countdownTimer: Recipe = {
  kind: "countdown-timer",
  title: "Countdown timer",
  names: ["CountdownTimer"],
  keywords: {
    strong: ["countdown timer", "countdown", "count down", "timer", "pomodoro", "kitchen timer", "egg timer"],
    weak: ["time's up", "times up", "minutes", "seconds", "remaining"],
  },
  callbacks: [
    { name: "onComplete", type: "() => void", description: "Called once when the countdown reaches zero." },
  ],
  params: (facts) => [
    {
      name: "durationSeconds",
      type: "number",
      value: durationOf(facts) ?? (/\bpomodoro\b/.test(facts.lower) ? 1500 : 60),
      description: "How long the countdown runs, in seconds.",
      control: "number",
    },
    {
      name: "title",
      type: "string",
      value: titleOf(facts),
      description: "The label above the time.",
      control: "text",
    },
    {
      name: "doneMessage",
      type: "string",
      value: doneMessageOf(facts),
      description: "What it says when the time is up.",
      control: "text",
    },
  ],
  summary: (values) =>
    `A ${spoken(num(values, "durationSeconds", 60))} countdown with Start, Pause and Reset that says "${str(values, "doneMessage")}" at zero.`,
  requirements: (values) => {
    const seconds = Math.max(1, Math.round(num(values, "durationSeconds", 60)))
    return [
      ["initial", `Shows ${formatRemaining(seconds * 1000)} (${spoken(seconds)}) before it starts`],
      ["start", "Start counts down every second"],
      ["pause", "Pause holds the remaining time; Resume carries on from there"],
      ["reset", `Reset goes back to ${formatRemaining(seconds * 1000)}`],
      ["done", `At zero it stops, says "${str(values, "doneMessage")}" and calls onComplete once`],
    ]
  },
  component,
  tests,
  followUp,
  followUpHints: ["a new duration (10 minutes)", 'a message at zero ("Done!")'],
}
