import { useSyncExternalStore } from "react"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { clockParts } from "./inline/clock-parts"

export interface Zone {
  label: string
  /** An IANA time zone: "Europe/London"; empty for the viewer's. */
  timeZone: string
}

export interface ClockProps extends AppearanceOptions {
  /** The places shown: a label and an IANA time zone each (a single clock shows the first; an empty timeZone uses the viewer's). */
  zones?: Zone[]
  /** The heading above the time; empty hides it. */
  title?: string
  /** Uses the 12-hour clock with AM/PM; false for 24-hour. */
  hour12?: boolean
  /** Shows seconds. */
  showSeconds?: boolean
  /** Shows the date under the time. */
  showDate?: boolean
  /** One large time, or a card for each place (a world clock). */
  layout?: "single" | "world"
  /** A fixed time to show (a Date or epoch milliseconds) instead of ticking from now. */
  time?: Date | number
}

const DEFAULT_ZONES: Zone[] = [{ label: "", timeZone: "" }]

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
}

function dateOf(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone: timeZone || undefined,
    weekday: "short",
    month: "short",
    day: "numeric",
  }).format(date)
}

function longDateOf(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone: timeZone || undefined,
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
  }).format(date)
}

function offsetOf(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timeZone || undefined,
    timeZoneName: "short",
  }).formatToParts(date)
  return parts.find((item) => item.type === "timeZoneName")?.value ?? ""
}

export default function Clock({
  zones = DEFAULT_ZONES,
  title = "",
  hour12 = true,
  showSeconds = true,
  showDate = true,
  layout = "single",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  time,
}: ClockProps) {
  const look = appearance({ accent, dark, size, radius })
  const now = useNow(time)
  if (layout === "world") {
    return (
      <section
        aria-label={title || "World clock"}
        className={cn(
          look.className,
          "w-full max-w-3xl rounded-xl border bg-card p-6 text-card-foreground shadow-sm",
        )}
        style={look.style}
      >
        {title && <h2 className="text-lg font-semibold">{title}</h2>}
        <ul className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {zones.map((zone) => {
            const { clock, period } = clockParts(now, zone.timeZone, hour12, showSeconds)
            return (
              <li
                key={zone.label}
                aria-label={zone.label}
                className="flex flex-col gap-1 rounded-lg border bg-background p-4"
              >
                <span className="text-sm font-medium text-muted-foreground">{zone.label}</span>
                <time
                  dateTime={now.toISOString()}
                  className="text-3xl font-semibold tabular-nums tracking-tight"
                >
                  {clock}
                  {period && <span className="text-base font-medium text-muted-foreground"> {period}</span>}
                </time>
                <span className="text-xs text-muted-foreground">
                  {showDate
                    ? `${dateOf(now, zone.timeZone)} · ${offsetOf(now, zone.timeZone)}`
                    : offsetOf(now, zone.timeZone)}
                </span>
              </li>
            )
          })}
        </ul>
      </section>
    )
  }
  const timeZone = zones[0]?.timeZone ?? ""
  const { clock, period } = clockParts(now, timeZone, hour12, showSeconds)
  return (
    <section
      aria-label={title || "Clock"}
      className={cn(
        look.className,
        "w-full max-w-xs rounded-xl border bg-card p-6 text-center text-card-foreground shadow-sm",
      )}
      style={look.style}
    >
      {title && <h2 className="text-sm font-medium text-muted-foreground">{title}</h2>}
      <time
        dateTime={now.toISOString()}
        className="mt-2 block text-5xl font-semibold tabular-nums tracking-tight"
      >
        {clock}
        {period && <span className="text-xl font-medium text-muted-foreground"> {period}</span>}
      </time>
      {showDate && <p className="mt-2 text-sm text-muted-foreground">{longDateOf(now, timeZone)}</p>}
    </section>
  )
}
