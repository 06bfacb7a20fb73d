import { useId } from "react"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { chartSummary, formatValue } from "./inline/chart-summary"

/** One bar: its label on the x axis and its value. */
export interface Datum {
  label: string
  value: number
}

export interface BarChartProps extends AppearanceOptions {
  /** The chart's heading; the accessible summary starts with it. */
  title?: string
  /** The bars in order: a label on the x axis and its value. */
  data?: Datum[]
  /** Written before every value ("$"). */
  prefix?: string
  /** Written after every value ("%"). */
  suffix?: string
  /** Bars, or a line through the points. */
  variant?: "bar" | "line"
}

const DEFAULT_DATA: Datum[] = [
  { label: "Jan", value: 1200 },
  { label: "Feb", value: 1900 },
  { label: "Mar", value: 1500 },
  { label: "Apr", value: 2400 },
  { label: "May", value: 2100 },
  { label: "Jun", value: 2800 },
]

const WIDTH = 640
const HEIGHT = 300
const PAD = { top: 16, right: 16, bottom: 36, left: 56 }
const TICKS = 4
const compactFormat = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 })

/** The top of the y axis: TICKS round steps (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) above max. */
function niceMax(max: number): number {
  if (max <= 0) return TICKS
  const raw = max / TICKS
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((candidate) => candidate * magnitude >= raw) ?? 10
  return step * magnitude * TICKS
}

export default function BarChart({
  title = "Sales by month",
  data = DEFAULT_DATA,
  prefix = "",
  suffix = "",
  variant = "bar",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
}: BarChartProps) {
  const look = appearance({ accent, dark, size, radius })
  const titleId = useId()
  const format = (value: number) => formatValue(value, prefix, suffix)
  const summary = chartSummary(title, data, variant, prefix, suffix)
  const total = data.reduce((sum, datum) => sum + datum.value, 0)

  const max = niceMax(Math.max(0, ...data.map((datum) => datum.value)))
  const plotWidth = WIDTH - PAD.left - PAD.right
  const plotHeight = HEIGHT - PAD.top - PAD.bottom
  const band = plotWidth / Math.max(data.length, 1)
  const y = (value: number) => PAD.top + plotHeight - (Math.max(value, 0) / max) * plotHeight
  const centre = (index: number) => PAD.left + band * index + band / 2
  const ticks = Array.from({ length: TICKS + 1 }, (_, index) => (max / TICKS) * index)
  const line = data.map((datum, index) => centre(index) + "," + y(datum.value)).join(" ")

  return (
    <div className={cn(look.className, "w-full max-w-3xl p-4")} style={look.style}>
      <figure
        aria-labelledby={titleId}
        className="flex flex-col gap-4 rounded-xl border bg-card p-4 text-card-foreground shadow-sm sm:p-6"
      >
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id={titleId} className="text-lg font-semibold leading-tight">
            {title}
          </h2>
          <p className="text-sm text-muted-foreground">
            Total <span className="font-medium text-foreground tabular-nums">{format(total)}</span>
          </p>
        </div>
        <svg
          role="img"
          aria-label={summary}
          viewBox={"0 0 " + WIDTH + " " + HEIGHT}
          className="h-auto w-full overflow-visible"
        >
          <g className="text-muted-foreground">
            {ticks.map((tick) => (
              <g key={tick}>
                <line
                  x1={PAD.left}
                  x2={WIDTH - PAD.right}
                  y1={y(tick)}
                  y2={y(tick)}
                  className="stroke-border"
                  strokeDasharray={tick === 0 ? undefined : "4 4"}
                />
                <text
                  x={PAD.left - 8}
                  y={y(tick)}
                  textAnchor="end"
                  dominantBaseline="middle"
                  className="fill-current text-[11px]"
                  data-axis="y"
                >
                  {prefix + compactFormat.format(tick) + suffix}
                </text>
              </g>
            ))}
            {data.map((datum, index) => (
              <text
                key={datum.label + index}
                x={centre(index)}
                y={HEIGHT - PAD.bottom + 20}
                textAnchor="middle"
                className="fill-current text-[11px]"
                data-axis="x"
              >
                {datum.label}
              </text>
            ))}
          </g>
          {variant === "line" ? (
            <g className="text-primary">
              <polyline
                points={line}
                fill="none"
                stroke="currentColor"
                strokeWidth={2.5}
                strokeLinejoin="round"
                strokeLinecap="round"
              />
              {data.map((datum, index) => (
                <circle
                  key={datum.label + index}
                  data-value={datum.value}
                  cx={centre(index)}
                  cy={y(datum.value)}
                  r={4.5}
                  className="fill-card stroke-current transition-[r] hover:[r:6]"
                  strokeWidth={2.5}
                >
                  <title>{datum.label + ": " + format(datum.value)}</title>
                </circle>
              ))}
            </g>
          ) : (
            <g className="text-primary">
              {data.map((datum, index) => {
                const barWidth = Math.min(band * 0.6, 56)
                const top = y(datum.value)
                return (
                  <rect
                    key={datum.label + index}
                    data-value={datum.value}
                    x={centre(index) - barWidth / 2}
                    y={top}
                    width={barWidth}
                    height={Math.max(PAD.top + plotHeight - top, 0)}
                    rx={4}
                    className="fill-current transition-opacity hover:opacity-80"
                  >
                    <title>{datum.label + ": " + format(datum.value)}</title>
                  </rect>
                )
              })}
            </g>
          )}
        </svg>
        <table className="sr-only">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {data.map((datum, index) => (
              <tr key={datum.label + index}>
                <th scope="row">{datum.label}</th>
                <td>{format(datum.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
    </div>
  )
}
