import { boolean, defineRecipe, text } from "../../define-recipe"
import { mentions } from "../../facts"
import { code, testCase } from "../../test-builder"
import { FAKE_TIMERS } from "../../test-fragments"
import { readStopwatch } from "./reader"

/** A stopwatch: start, stop, resume and reset, with optional laps. */
export const stopwatch = defineRecipe({
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
  params: {
    title: text("The label above the time."),
    laps: boolean("Shows a Lap button and the list of lap times."),
  },
  read: readStopwatch,
  summary: ({ laps }) =>
    `A stopwatch showing mm:ss.cs with Start, Stop and Reset${laps ? " and a list of lap times" : ""}.`,
  requirements: ({ laps }) => [
    ["display", "Shows the elapsed time as 00:00.00 (minutes, seconds, hundredths) before it starts"],
    ["start", "Start counts up in hundredths of a second"],
    ["stop", "Stop freezes the time, announces it (aria-live) and calls onStop; Resume continues from there"],
    ["reset", "Reset goes back to 00:00.00"],
    laps
      ? ["laps", "Lap records the time of each lap, newest first, with the running total"]
      : ["noLaps", "Has no lap button"],
  ],
  testSetup: () => FAKE_TIMERS,
  tests: ({ Component, values: { laps } }) => [
    testCase(
      "display",
      "starts at 00:00.00",
      code`
            render(<${Component} />)
            expect(screen.getByRole("timer")).toHaveTextContent("00:00.00")
            expect(screen.getByRole("button", { name: "Start" })).toBeInTheDocument()
        `,
    ),
    testCase(
      "start",
      "Start counts up in hundredths of a second",
      code`
            render(<${Component} />)
            fireEvent.click(screen.getByRole("button", { name: "Start" }))
            advance(1500)
            expect(screen.getByRole("timer")).toHaveTextContent("00:01.50")
            advance(63_250)
            expect(screen.getByRole("timer")).toHaveTextContent("01:04.75")
        `,
    ),
    testCase(
      "stop",
      "Stop freezes the time, announces it and calls onStop; Resume continues",
      code`
            const onStop = vi.fn()
            render(<${Component} onStop={onStop} />)
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
        `,
    ),
    testCase(
      "reset",
      "Reset goes back to 00:00.00",
      code`
            render(<${Component} />)
            expect(screen.getByRole("button", { name: "Reset" })).toBeDisabled()
            fireEvent.click(screen.getByRole("button", { name: "Start" }))
            advance(1230)
            fireEvent.click(screen.getByRole("button", { name: "Stop" }))
            fireEvent.click(screen.getByRole("button", { name: "Reset" }))
            expect(screen.getByRole("timer")).toHaveTextContent("00:00.00")
            expect(screen.getByRole("button", { name: "Start" })).toBeInTheDocument()
        `,
    ),
    laps
      ? testCase(
          "laps",
          "Lap records lap times, newest first",
          code`
            const onLap = vi.fn()
            render(<${Component} onLap={onLap} />)
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
        `,
        )
      : testCase(
          "noLaps",
          "has no lap button",
          code`
            render(<${Component} />)
            expect(screen.queryByRole("button", { name: "Lap" })).not.toBeInTheDocument()
        `,
        ),
  ],
  followUp: (facts, values) => {
    const next: { laps?: boolean; title?: string } = {}
    const applied: string[] = []
    if (/\b(?:no|without|remove|drop|hide)\s+(?:the\s+)?laps?\b/.test(facts.lower)) {
      if (values.laps) applied.push("no laps")
      next.laps = false
    } else if (mentions(facts, "lap", "laps", "split", "splits")) {
      if (!values.laps) applied.push("lap times")
      next.laps = true
    }
    const title = facts.quoted[0]
    if (title && title !== values.title) {
      next.title = title
      applied.push(`title "${title}"`)
    }
    return { values: next, applied }
  },
  followUpHints: ["add laps", "no laps", 'a title ("Run timer")'],
})
