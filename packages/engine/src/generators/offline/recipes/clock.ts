import { insideDoubleQuotes } from "../literals"
import { capitalize, mentions, type PromptFacts } from "../facts"
import { bool, records, sentenceList, str, type Recipe, type RenderContext, type Values } from "../recipe"

interface Zone extends Record<string, string | number | boolean> {
  label: string
  timeZone: string
}

const ZONES: Record<string, string> = {
  london: "Europe/London",
  uk: "Europe/London",
  dublin: "Europe/Dublin",
  lisbon: "Europe/Lisbon",
  paris: "Europe/Paris",
  berlin: "Europe/Berlin",
  madrid: "Europe/Madrid",
  barcelona: "Europe/Madrid",
  rome: "Europe/Rome",
  milan: "Europe/Rome",
  amsterdam: "Europe/Amsterdam",
  brussels: "Europe/Brussels",
  zurich: "Europe/Zurich",
  vienna: "Europe/Vienna",
  stockholm: "Europe/Stockholm",
  oslo: "Europe/Oslo",
  copenhagen: "Europe/Copenhagen",
  helsinki: "Europe/Helsinki",
  warsaw: "Europe/Warsaw",
  prague: "Europe/Prague",
  athens: "Europe/Athens",
  istanbul: "Europe/Istanbul",
  moscow: "Europe/Moscow",
  kyiv: "Europe/Kyiv",
  cairo: "Africa/Cairo",
  lagos: "Africa/Lagos",
  nairobi: "Africa/Nairobi",
  johannesburg: "Africa/Johannesburg",
  dubai: "Asia/Dubai",
  mumbai: "Asia/Kolkata",
  delhi: "Asia/Kolkata",
  "new delhi": "Asia/Kolkata",
  bangalore: "Asia/Kolkata",
  bengaluru: "Asia/Kolkata",
  india: "Asia/Kolkata",
  karachi: "Asia/Karachi",
  dhaka: "Asia/Dhaka",
  bangkok: "Asia/Bangkok",
  jakarta: "Asia/Jakarta",
  singapore: "Asia/Singapore",
  "kuala lumpur": "Asia/Kuala_Lumpur",
  manila: "Asia/Manila",
  "hong kong": "Asia/Hong_Kong",
  beijing: "Asia/Shanghai",
  shanghai: "Asia/Shanghai",
  shenzhen: "Asia/Shanghai",
  taipei: "Asia/Taipei",
  seoul: "Asia/Seoul",
  tokyo: "Asia/Tokyo",
  osaka: "Asia/Tokyo",
  sydney: "Australia/Sydney",
  melbourne: "Australia/Melbourne",
  brisbane: "Australia/Brisbane",
  perth: "Australia/Perth",
  auckland: "Pacific/Auckland",
  honolulu: "Pacific/Honolulu",
  anchorage: "America/Anchorage",
  "los angeles": "America/Los_Angeles",
  la: "America/Los_Angeles",
  "san francisco": "America/Los_Angeles",
  sf: "America/Los_Angeles",
  seattle: "America/Los_Angeles",
  vancouver: "America/Vancouver",
  denver: "America/Denver",
  phoenix: "America/Phoenix",
  chicago: "America/Chicago",
  austin: "America/Chicago",
  dallas: "America/Chicago",
  houston: "America/Chicago",
  "mexico city": "America/Mexico_City",
  "new york": "America/New_York",
  nyc: "America/New_York",
  boston: "America/New_York",
  miami: "America/New_York",
  washington: "America/New_York",
  atlanta: "America/New_York",
  toronto: "America/Toronto",
  montreal: "America/Toronto",
  bogota: "America/Bogota",
  lima: "America/Lima",
  santiago: "America/Santiago",
  "buenos aires": "America/Argentina/Buenos_Aires",
  "sao paulo": "America/Sao_Paulo",
  "são paulo": "America/Sao_Paulo",
  "rio de janeiro": "America/Sao_Paulo",
  utc: "UTC",
  gmt: "UTC",
}

const DEFAULT_ZONES: Zone[] = [
  { label: "London", timeZone: "Europe/London" },
  { label: "New York", timeZone: "America/New_York" },
  { label: "Tokyo", timeZone: "Asia/Tokyo" },
]

function labelOf(city: string): string {
  const lower = city.toLowerCase()
  if (["utc", "gmt", "uk", "nyc", "la", "sf"].includes(lower)) return city.toUpperCase()
  return city
    .split(" ")
    .map((word) => capitalize(word))
    .join(" ")
}

function zoneFor(city: string): Zone | undefined {
  const cleaned = city
    .replace(/\s+(?:time|times|timezone|time zone)s?$/i, "")
    .replace(/^(?:in|for)\s+/i, "")
    .trim()
  const timeZone = ZONES[cleaned.toLowerCase()]
  if (timeZone) return { label: labelOf(cleaned), timeZone }
  // An IANA name written as is: "Europe/Berlin".
  if (/^[A-Z][a-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?$/.test(cleaned))
    return { label: cleaned.split("/").pop()!.replace(/_/g, " "), timeZone: cleaned }
  return undefined
}

function zonesIn(facts: PromptFacts): Zone[] {
  for (const list of facts.lists) {
    const zones = list.map(zoneFor).filter((zone): zone is Zone => zone !== undefined)
    if (zones.length >= 2) return zones.slice(0, 8)
  }
  // City names anywhere in the prompt, in the order written.
  const found: { at: number; zone: Zone }[] = []
  for (const city of Object.keys(ZONES)) {
    if (city.length <= 3) continue
    const at = facts.lower.search(new RegExp(`\\b${city}\\b`))
    if (at >= 0 && !found.some((item) => item.zone.timeZone === ZONES[city])) {
      found.push({ at, zone: { label: labelOf(city), timeZone: ZONES[city]! } })
    }
  }
  return found
    .sort((a, b) => a.at - b.at)
    .map((item) => item.zone)
    .slice(0, 8)
}

function isWorld(facts: PromptFacts): boolean {
  return (
    mentions(
      facts,
      "world clock",
      "world clocks",
      "time zones",
      "timezones",
      "time zone",
      "timezone",
      "cities",
    ) || zonesIn(facts).length >= 2
  )
}

function hour12Of(facts: PromptFacts): boolean | undefined {
  if (/\b24[\s-]?(?:h|hr|hrs|hour)s?\b|\bmilitary time\b/.test(facts.lower)) return false
  if (/\b12[\s-]?(?:h|hr|hrs|hour)s?\b|\bam\/pm\b|\bam and pm\b/.test(facts.lower)) return true
  return undefined
}

function secondsOf(facts: PromptFacts): boolean | undefined {
  if (/\b(?:no|without|hide|drop|remove)\s+(?:the\s+)?seconds\b/.test(facts.lower)) return false
  if (/\b(?:with|show|add|include)\s+(?:the\s+)?seconds\b/.test(facts.lower)) return true
  return undefined
}

// A fixed instant used only to compute the tests' expected text: 2024-03-15 14:30:05 UTC (a Friday).
const TEST_INSTANT = Date.UTC(2024, 2, 15, 14, 30, 5)

/** The time as the component writes it, for a given instant (the same Intl parts, joined the same way). */
function timeText(instant: number, timeZone: string, hour12: boolean, seconds: boolean): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timeZone || undefined,
    hour: "numeric",
    minute: "2-digit",
    second: seconds ? "2-digit" : undefined,
    hourCycle: hour12 ? "h12" : "h23",
  }).formatToParts(new Date(instant))
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? ""
  const clock = [
    hour12 ? part("hour") : part("hour").padStart(2, "0"),
    part("minute"),
    ...(seconds ? [part("second")] : []),
  ].join(":")
  return hour12 ? `${clock} ${part("dayPeriod")}` : clock
}

const SHARED = `function partsOf(date: Date, timeZone: string, hour12: boolean, showSeconds: boolean) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timeZone || undefined,
    hour: "numeric",
    minute: "2-digit",
    second: showSeconds ? "2-digit" : undefined,
    hourCycle: hour12 ? "h12" : "h23",
  }).formatToParts(date)
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? ""
  const hour = hour12 ? part("hour") : part("hour").padStart(2, "0")
  return {
    clock: [hour, part("minute"), ...(showSeconds ? [part("second")] : [])].join(":"),
    period: hour12 ? part("dayPeriod") : "",
  }
}

// The current second, read outside render: React subscribes to a one-second interval.
function subscribe(onChange: () => void) {
  const timer = setInterval(onChange, 1000)
  return () => clearInterval(timer)
}

function currentSecond() {
  return Math.floor(Date.now() / 1000) * 1000
}

function useNow(time: Date | number | undefined): Date {
  const ticking = useSyncExternalStore(subscribe, currentSecond, currentSecond)
  return new Date(time ?? ticking)
}`

function worldComponent(context: RenderContext): string {
  return `import { useSyncExternalStore } from "react"
${context.lookImports}

export interface Zone {
  label: string
  /** An IANA time zone: "Europe/London". */
  timeZone: string
}

${context.propsInterface}

${context.defaults}

${SHARED}

function dateOf(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone: timeZone || undefined,
    weekday: "short",
    month: "short",
    day: "numeric",
  }).format(date)
}

function offsetOf(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: timeZone || undefined, timeZoneName: "short" }).formatToParts(date)
  return parts.find((item) => item.type === "timeZoneName")?.value ?? ""
}

${context.signature}
  ${context.look}
  const now = useNow(time)
  return (
    <section
      aria-label={title || "World clock"}
      className={cn(look.className, "w-full max-w-3xl rounded-xl border bg-card p-6 text-card-foreground shadow-sm")}
      style={look.style}
    >
      {title && <h2 className="text-lg font-semibold">{title}</h2>}
      <ul className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {zones.map((zone) => {
          const { clock, period } = partsOf(now, zone.timeZone, hour12, showSeconds)
          return (
            <li key={zone.label} aria-label={zone.label} className="flex flex-col gap-1 rounded-lg border bg-background p-4">
              <span className="text-sm font-medium text-muted-foreground">{zone.label}</span>
              <time dateTime={now.toISOString()} className="text-3xl font-semibold tabular-nums tracking-tight">
                {clock}
                {period && <span className="text-base font-medium text-muted-foreground"> {period}</span>}
              </time>
              <span className="text-xs text-muted-foreground">
                {showDate ? \`\${dateOf(now, zone.timeZone)} · \${offsetOf(now, zone.timeZone)}\` : offsetOf(now, zone.timeZone)}
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
`
}

function singleComponent(context: RenderContext): string {
  return `import { useSyncExternalStore } from "react"
${context.lookImports}

export interface Zone {
  label: string
  /** An IANA time zone: "Europe/London"; empty for the viewer's. */
  timeZone: string
}

${context.propsInterface}

${context.defaults}

${SHARED}

function longDateOf(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone: timeZone || undefined,
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
  }).format(date)
}

${context.signature}
  ${context.look}
  const now = useNow(time)
  const timeZone = zones[0]?.timeZone ?? ""
  const { clock, period } = partsOf(now, timeZone, hour12, showSeconds)
  return (
    <section
      aria-label={title || "Clock"}
      className={cn(look.className, "w-full max-w-xs rounded-xl border bg-card p-6 text-center text-card-foreground shadow-sm")}
      style={look.style}
    >
      {title && <h2 className="text-sm font-medium text-muted-foreground">{title}</h2>}
      <time dateTime={now.toISOString()} className="mt-2 block text-5xl font-semibold tabular-nums tracking-tight">
        {clock}
        {period && <span className="text-xl font-medium text-muted-foreground"> {period}</span>}
      </time>
      {showDate && <p className="mt-2 text-sm text-muted-foreground">{longDateOf(now, timeZone)}</p>}
    </section>
  )
}
`
}

/** Text from the prompt made safe inside a test's title string. */
function tests(context: RenderContext): string {
  const { name, values, lit } = context
  const hour12 = bool(values, "hour12", true)
  const seconds = bool(values, "showSeconds", true)
  const world = name === "WorldClock"
  const ownZone = records<Zone>(values, "zones")[0]?.timeZone ?? ""
  const zones = world ? records<Zone>(values, "zones") : [{ label: "", timeZone: ownZone || "UTC" }]
  const first = zones[0] ?? { label: "", timeZone: "UTC" }
  const setup = `beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date("2024-03-15T14:30:05Z"))
})

afterEach(() => {
  vi.useRealTimers()
})`
  const out = [setup]
  const props = world || ownZone ? "" : ' zones={[{ label: "", timeZone: "UTC" }]}'
  const target = (zone: Zone) =>
    world ? `screen.getByRole("listitem", { name: ${lit(zone.label)} })` : `screen.getByRole("region")`
  if (world) {
    out.push(`it("${context.id("zones")}: shows ${insideDoubleQuotes(sentenceList(zones.map((zone) => zone.label)))}, each at its own time", () => {
  render(<${name} />)
  expect(screen.getAllByRole("listitem").map((item) => item.getAttribute("aria-label"))).toEqual(${lit(zones.map((zone) => zone.label))})
${zones.map((zone) => `  expect(${target(zone)}).toHaveTextContent(${lit(timeText(TEST_INSTANT, zone.timeZone, hour12, seconds))})`).join("\n")}
})`)
  } else {
    out.push(`it("${context.id("zones")}: shows the current time", () => {
  render(<${name}${props} />)
  expect(screen.getByRole("region")).toHaveTextContent(${lit(timeText(TEST_INSTANT, first.timeZone, hour12, seconds))})
})`)
  }
  const later = TEST_INSTANT + (seconds ? 1000 : 60_000)
  out.push(`it("${context.id("ticks")}: moves on ${seconds ? "every second" : "every minute"}", () => {
  render(<${name}${props} />)
  act(() => {
    vi.advanceTimersByTime(${seconds ? 1000 : 60_000})
  })
  expect(${target(first)}).toHaveTextContent(${lit(timeText(later, first.timeZone, hour12, seconds))})
})`)
  out.push(`it("${context.id("format")}: uses the ${hour12 ? "12-hour clock with AM/PM" : "24-hour clock"}", () => {
  render(<${name}${props} time={new Date("2024-03-15T21:05:09Z")} />)
  expect(${target(first)}).toHaveTextContent(${lit(timeText(Date.UTC(2024, 2, 15, 21, 5, 9), first.timeZone, hour12, seconds))})
})`)
  out.push(`it("${context.id("fixed")}: shows a time passed as a prop without ticking", () => {
  const time = new Date("2024-01-02T03:04:05Z")
  render(<${name}${props} time={time} />)
  act(() => {
    vi.advanceTimersByTime(5000)
  })
  expect(${target(first)}).toHaveTextContent(${lit(timeText(Date.UTC(2024, 0, 2, 3, 4, 5), first.timeZone, hour12, seconds))})
})`)
  return out.join("\n\n")
}

function followUp(facts: PromptFacts, values: Values): { values: Values; applied: string[] } {
  const next: Record<string, Values[string]> = { ...values }
  const applied: string[] = []
  const hour12 = hour12Of(facts)
  if (hour12 !== undefined && hour12 !== bool(values, "hour12", true)) {
    next.hour12 = hour12
    applied.push(hour12 ? "12-hour clock" : "24-hour clock")
  }
  const seconds = secondsOf(facts)
  if (seconds !== undefined && seconds !== bool(values, "showSeconds", true)) {
    next.showSeconds = seconds
    applied.push(seconds ? "seconds shown" : "no seconds")
  }
  const zones = records<Zone>(values, "zones")
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
    if (!str(values, "title") || zones[0]?.label === str(values, "title")) next.title = mentioned[0].label
    applied.push(`${mentioned[0].label} time`)
  }
  if (
    /\b(?:no|without|hide|remove|drop)\s+(?:the\s+)?dates?\b/.test(facts.lower) &&
    bool(values, "showDate", true)
  ) {
    next.showDate = false
    applied.push("no date")
  } else if (
    /\b(?:show|add|with)\s+(?:the\s+)?dates?\b/.test(facts.lower) &&
    !bool(values, "showDate", true)
  ) {
    next.showDate = true
    applied.push("the date shown")
  }
  return { values: next, applied }
}

/** A clock that ticks every second from now (or shows a given time), or a world clock for a list of cities. */
export const clock: Recipe = {
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
  params: (facts) => {
    const world = isWorld(facts)
    const found = zonesIn(facts)
    const zones = world
      ? found.length > 0
        ? found
        : DEFAULT_ZONES
      : [found[0] ?? { label: "", timeZone: "" }]
    return [
      {
        name: "zones",
        type: "Zone[]",
        value: zones,
        description: world
          ? "The places shown: a label and an IANA time zone each."
          : "The time zone shown (the first entry; an empty timeZone uses the viewer's).",
      },
      {
        name: "title",
        type: "string",
        value: facts.quoted[0] ?? (world ? "World clock" : (found[0]?.label ?? "")),
        description: "The heading above the time; empty hides it.",
        control: "text",
      },
      {
        name: "hour12",
        type: "boolean",
        value: hour12Of(facts) ?? true,
        description: "Uses the 12-hour clock with AM/PM; false for 24-hour.",
        control: "boolean",
      },
      {
        name: "showSeconds",
        type: "boolean",
        value: secondsOf(facts) ?? true,
        description: "Shows seconds.",
        control: "boolean",
      },
      {
        name: "showDate",
        type: "boolean",
        value: !/\b(?:no|without)\s+(?:the\s+)?dates?\b/.test(facts.lower),
        description: "Shows the date under the time.",
        control: "boolean",
      },
    ]
  },
  summary: (values) => {
    const format = `${bool(values, "hour12", true) ? "12-hour" : "24-hour"}${bool(values, "showSeconds", true) ? " with seconds" : ""}`
    const zones = records<Zone>(values, "zones").filter((zone) => zone.timeZone)
    if (zones.length > 1)
      return `A world clock for ${sentenceList(zones.map((zone) => zone.label))} (${format}), ticking every ${bool(values, "showSeconds", true) ? "second" : "minute"}.`
    const seconds = bool(values, "showSeconds", true)
    return `A ${bool(values, "hour12", true) ? "12-hour" : "24-hour"} clock${zones[0] ? ` for ${zones[0].label}` : ""}, ticking every ${seconds ? "second" : "minute"}.`
  },
  requirements: (values) => {
    const hour12 = bool(values, "hour12", true)
    const seconds = bool(values, "showSeconds", true)
    const zones = records<Zone>(values, "zones").filter((zone) => zone.timeZone)
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
  component: (context) =>
    context.name === "WorldClock" ? worldComponent(context) : singleComponent(context),
  tests,
  followUp,
  followUpHints: ["24-hour or 12-hour", "no seconds", "add or remove a city (add Sydney)"],
}
