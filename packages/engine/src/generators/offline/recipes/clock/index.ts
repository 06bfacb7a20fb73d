import { boolean, defineRecipe, records, select, text } from "../../define-recipe"
import { sentenceList } from "../../recipe"
import { code, codeLines, testCase } from "../../test-builder"
import { clockParts } from "./inline/clock-parts"
import { hour12Of, isWorld, readClock, secondsOf, zonesIn, type Zone } from "./reader"

// A fixed instant the tests set the clock to: 2024-03-15 14:30:05 UTC (a Friday).
const TEST_INSTANT = Date.UTC(2024, 2, 15, 14, 30, 5)

/** The time as the component shows it at an instant: the clock, then the period after a space. */
function timeText(instant: number, timeZone: string, hour12: boolean, seconds: boolean): string {
  const { clock, period } = clockParts(new Date(instant), timeZone, hour12, seconds)
  return period ? `${clock} ${period}` : clock
}

/** A clock that ticks every second from now (or shows a given time), or a world clock for a list of cities. */
export const clock = defineRecipe({
  kind: "clock",
  title: "Clock",
  names: ["Clock", "WorldClock"],
  keywords: {
    strong: ["clock", "world clock", "digital clock", "time zones", "timezones", "timezone", "current time"],
    weak: ["24h", "24-hour", "am/pm", "what time"],
  },
  callbacks: [
    {
      name: "time",
      type: "Date | number",
      description: "A fixed time to show (a Date or epoch milliseconds) instead of ticking from now.",
    },
  ],
  name: (facts) => (isWorld(facts) ? "WorldClock" : "Clock"),
  params: {
    zones: records<Zone>(
      "Zone",
      "The places shown: a label and an IANA time zone each (a single clock shows the first; an empty timeZone uses the viewer's).",
    ),
    title: text("The heading above the time; empty hides it."),
    hour12: boolean("Uses the 12-hour clock with AM/PM; false for 24-hour."),
    showSeconds: boolean("Shows seconds."),
    showDate: boolean("Shows the date under the time."),
    layout: select(["single", "world"], "One large time, or a card for each place (a world clock)."),
  },
  read: readClock,
  summary: ({ zones: all, hour12, showSeconds }) => {
    const format = `${hour12 ? "12-hour" : "24-hour"}${showSeconds ? " with seconds" : ""}`
    const zones = all.filter((zone) => zone.timeZone)
    if (zones.length > 1)
      return `A world clock for ${sentenceList(zones.map((zone) => zone.label))} (${format}), ticking every ${showSeconds ? "second" : "minute"}.`
    return `A ${hour12 ? "12-hour" : "24-hour"} clock${zones[0] ? ` for ${zones[0].label}` : ""}, ticking every ${showSeconds ? "second" : "minute"}.`
  },
  requirements: ({ zones: all, hour12, showSeconds: seconds }) => {
    const zones = all.filter((zone) => zone.timeZone)
    return [
      [
        "zones",
        zones.length > 0
          ? `Shows the time in ${sentenceList(zones.map((zone) => `${zone.label} (${zone.timeZone})`))}${zones.length > 1 ? ", in that order" : ""}`
          : "Shows the current time in the viewer's time zone",
      ],
      ["ticks", seconds ? "Ticks every second" : "Moves on every minute (no seconds shown)"],
      ["format", hour12 ? "Uses the 12-hour clock with AM/PM" : "Uses the 24-hour clock"],
      ["fixed", "Shows a time passed as the time prop instead of the current time"],
    ]
  },
  testSetup: () => code`
    beforeEach(() => {
      vi.useFakeTimers()
      vi.setSystemTime(new Date("2024-03-15T14:30:05Z"))
    })

    afterEach(() => {
      vi.useRealTimers()
    })
  `,
  tests: ({ Component, values: { zones: all, hour12, showSeconds: seconds, layout } }) => {
    const world = layout === "world"
    const ownZone = all[0]?.timeZone ?? ""
    const zones = world ? all : [{ label: "", timeZone: ownZone || "UTC" }]
    const first = zones[0] ?? { label: "", timeZone: "UTC" }
    // A single clock in the viewer's zone is tested in UTC, so the expected text holds on any machine.
    const Clock = world || ownZone ? Component : code`${Component} zones={[{ label: "", timeZone: "UTC" }]}`
    const target = (zone: Zone) =>
      world ? code`screen.getByRole("listitem", { name: ${zone.label} })` : code`screen.getByRole("region")`
    const step = seconds ? 1000 : 60_000
    const at = (instant: number, zone: Zone) => timeText(instant, zone.timeZone, hour12, seconds)
    return [
      world
        ? testCase(
            "zones",
            `shows ${sentenceList(zones.map((zone) => zone.label))}, each at its own time`,
            code`
              render(<${Component} />)
              expect(screen.getAllByRole("listitem").map((item) => item.getAttribute("aria-label"))).toEqual(${zones.map((zone) => zone.label)})
              ${codeLines(zones.map((zone) => code`expect(${target(zone)}).toHaveTextContent(${at(TEST_INSTANT, zone)})`))}
            `,
          )
        : testCase(
            "zones",
            "shows the current time",
            code`
              render(<${Clock} />)
              expect(screen.getByRole("region")).toHaveTextContent(${at(TEST_INSTANT, first)})
            `,
          ),
      testCase(
        "ticks",
        `moves on ${seconds ? "every second" : "every minute"}`,
        code`
          render(<${Clock} />)
          act(() => {
            vi.advanceTimersByTime(${step})
          })
          expect(${target(first)}).toHaveTextContent(${at(TEST_INSTANT + step, first)})
        `,
      ),
      testCase(
        "format",
        `uses the ${hour12 ? "12-hour clock with AM/PM" : "24-hour clock"}`,
        code`
          render(<${Clock} time={new Date("2024-03-15T21:05:09Z")} />)
          expect(${target(first)}).toHaveTextContent(${at(Date.UTC(2024, 2, 15, 21, 5, 9), first)})
        `,
      ),
      testCase(
        "fixed",
        "shows a time passed as a prop without ticking",
        code`
          const time = new Date("2024-01-02T03:04:05Z")
          render(<${Clock} time={time} />)
          act(() => {
            vi.advanceTimersByTime(5000)
          })
          expect(${target(first)}).toHaveTextContent(${at(Date.UTC(2024, 0, 2, 3, 4, 5), first)})
        `,
      ),
    ]
  },
  followUp: (facts, values) => {
    const next: {
      hour12?: boolean
      showSeconds?: boolean
      zones?: Zone[]
      title?: string
      showDate?: boolean
    } = {}
    const applied: string[] = []
    const hour12 = hour12Of(facts)
    if (hour12 !== undefined && hour12 !== values.hour12) {
      next.hour12 = hour12
      applied.push(hour12 ? "12-hour clock" : "24-hour clock")
    }
    const seconds = secondsOf(facts)
    if (seconds !== undefined && seconds !== values.showSeconds) {
      next.showSeconds = seconds
      applied.push(seconds ? "seconds shown" : "no seconds")
    }
    const { zones } = values
    const mentioned = zonesIn(facts)
    if (zones.length > 1) {
      if (/\b(?:remove|drop|delete|without)\b/.test(facts.lower)) {
        const left = zones.filter((zone) => !mentioned.some((item) => item.timeZone === zone.timeZone))
        if (left.length < zones.length && left.length > 0) {
          next.zones = left
          applied.push(`removed ${sentenceList(mentioned.map((zone) => zone.label))}`)
        }
      } else {
        const added = mentioned.filter((zone) => !zones.some((item) => item.label === zone.label))
        if (added.length > 0) {
          next.zones = [...zones, ...added]
          applied.push(`added ${sentenceList(added.map((zone) => zone.label))}`)
        }
      }
    } else if (mentioned[0] && mentioned[0].timeZone !== zones[0]?.timeZone) {
      // A single clock shows one place: the one named.
      next.zones = [mentioned[0]]
      if (!values.title || zones[0]?.label === values.title) next.title = mentioned[0].label
      applied.push(`${mentioned[0].label} time`)
    }
    if (/\b(?:no|without|hide|remove|drop)\s+(?:the\s+)?dates?\b/.test(facts.lower) && values.showDate) {
      next.showDate = false
      applied.push("no date")
    } else if (/\b(?:show|add|with)\s+(?:the\s+)?dates?\b/.test(facts.lower) && !values.showDate) {
      next.showDate = true
      applied.push("the date shown")
    }
    return { values: next, applied }
  },
  followUpHints: ["24-hour or 12-hour", "no seconds", "add or remove a city (add Sydney)"],
})
