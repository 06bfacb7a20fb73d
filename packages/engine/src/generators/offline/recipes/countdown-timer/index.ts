import { defineRecipe, number, text } from "../../define-recipe"
import { code, NO_CODE, testCase } from "../../test-builder"
import { FAKE_TIMERS } from "../../test-fragments"
import { formatRemaining } from "./inline/format-remaining"
import { DONE_WORDS, durationOf, readCountdownTimer } from "./reader"

/** "1 hour 30 minutes": a duration in words, for the summary and the requirements. */
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

/** The countdown's length as the component takes it: whole seconds, at least one. */
function wholeSeconds(durationSeconds: number): number {
  return Math.max(1, Math.round(durationSeconds))
}

/** A countdown timer: a duration from the prompt, start, pause and reset, and a message at zero. */
export const countdownTimer = defineRecipe({
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
  params: {
    durationSeconds: number("How long the countdown runs, in seconds."),
    title: text("The label above the time."),
    doneMessage: text("What it says when the time is up."),
  },
  read: readCountdownTimer,
  summary: ({ durationSeconds, doneMessage }) =>
    `A ${spoken(durationSeconds)} countdown with Start, Pause and Reset that says "${doneMessage}" at zero.`,
  requirements: ({ durationSeconds, doneMessage }) => {
    const seconds = wholeSeconds(durationSeconds)
    return [
      ["initial", `Shows ${formatRemaining(seconds * 1000)} (${spoken(seconds)}) before it starts`],
      ["start", "Start counts down every second"],
      ["pause", "Pause holds the remaining time; Resume carries on from there"],
      ["reset", `Reset goes back to ${formatRemaining(seconds * 1000)}`],
      ["done", `At zero it stops, says "${doneMessage}" and calls onComplete once`],
    ]
  },
  testSetup: () => FAKE_TIMERS,
  tests: ({ Component, values: { durationSeconds, doneMessage } }) => {
    const total = wholeSeconds(durationSeconds) * 1000
    const start = formatRemaining(total)
    const afterOne = formatRemaining(total - 1000)
    const step = Math.min(3000, total - 1000)
    const furtherStep =
      step > 1000
        ? code`
            advance(${step - 1000})
            expect(screen.getByRole("timer")).toHaveTextContent(${formatRemaining(total - step)})
          `
        : NO_CODE
    return [
      testCase(
        "initial",
        `shows ${start} before it starts`,
        code`
          render(<${Component} />)
          expect(screen.getByRole("timer")).toHaveTextContent(${start})
          expect(screen.getByRole("button", { name: "Start" })).toBeEnabled()
          expect(screen.getByRole("status")).toHaveTextContent("")
        `,
      ),
      testCase(
        "start",
        "Start counts down every second",
        code`
          render(<${Component} />)
          fireEvent.click(screen.getByRole("button", { name: "Start" }))
          advance(1000)
          expect(screen.getByRole("timer")).toHaveTextContent(${afterOne})
          ${furtherStep}
        `,
      ),
      testCase(
        "pause",
        "Pause holds the time and Resume carries on",
        code`
          render(<${Component} />)
          fireEvent.click(screen.getByRole("button", { name: "Start" }))
          advance(1000)
          fireEvent.click(screen.getByRole("button", { name: "Pause" }))
          advance(5000)
          expect(screen.getByRole("timer")).toHaveTextContent(${afterOne})
          fireEvent.click(screen.getByRole("button", { name: "Resume" }))
          expect(screen.getByRole("button", { name: "Pause" })).toBeInTheDocument()
        `,
      ),
      testCase(
        "reset",
        `Reset goes back to ${start}`,
        code`
          render(<${Component} />)
          fireEvent.click(screen.getByRole("button", { name: "Start" }))
          advance(1000)
          fireEvent.click(screen.getByRole("button", { name: "Reset" }))
          expect(screen.getByRole("timer")).toHaveTextContent(${start})
          expect(screen.getByRole("button", { name: "Start" })).toBeInTheDocument()
        `,
      ),
      testCase(
        "done",
        `at zero it says ${doneMessage} and calls onComplete once`,
        code`
          const onComplete = vi.fn()
          render(<${Component} onComplete={onComplete} />)
          fireEvent.click(screen.getByRole("button", { name: "Start" }))
          advance(${total})
          expect(screen.getByRole("timer")).toHaveTextContent(${formatRemaining(0)})
          expect(screen.getByRole("status")).toHaveTextContent(${doneMessage})
          advance(2000)
          expect(onComplete).toHaveBeenCalledTimes(1)
          expect(screen.getByRole("button", { name: "Start" })).toBeDisabled()
        `,
      ),
    ]
  },
  followUp: (facts, values) => {
    const next: { durationSeconds?: number; doneMessage?: string; title?: string } = {}
    const applied: string[] = []
    const seconds = durationOf(facts)
    if (seconds !== undefined && seconds !== values.durationSeconds) {
      next.durationSeconds = seconds
      applied.push(`${spoken(seconds)}`)
    }
    const message = facts.quoted.find((quote) => DONE_WORDS.test(quote))
    if (message && message !== values.doneMessage) {
      next.doneMessage = message
      applied.push(`"${message}" at zero`)
    } else if (facts.quoted[0] && /\b(?:title|call it|label|name)\b/.test(facts.lower)) {
      next.title = facts.quoted[0]
      applied.push(`title "${facts.quoted[0]}"`)
    }
    return { values: next, applied }
  },
  followUpHints: ["a new duration (10 minutes)", 'a message at zero ("Done!")'],
})
