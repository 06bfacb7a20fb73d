import { useId } from "react"
import {
  Activity,
  Banknote,
  Minus,
  Percent,
  ShoppingCart,
  TrendingDown,
  TrendingUp,
  Users,
} from "lucide-react"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { toneOf } from "./inline/tone"

/** One KPI: its label, the value as shown, the change in percent, and whether a fall is good news. */
export interface Metric {
  label: string
  value: string
  delta: number
  lowerIsBetter: boolean
}

export interface StatsCardsProps extends AppearanceOptions {
  /** The heading above the cards. */
  title?: string
  /** What the change is measured against ("vs last month"). */
  period?: string
  /** The cards: a label, the value as shown, the change in percent and whether a fall is good news. */
  metrics?: Metric[]
}

const DEFAULT_METRICS: Metric[] = [
  { label: "Revenue", value: "$45,231.89", delta: 20.1, lowerIsBetter: false },
  { label: "Active users", value: "2,350", delta: 18, lowerIsBetter: false },
  { label: "Orders", value: "1,234", delta: 12.4, lowerIsBetter: false },
  { label: "Conversion rate", value: "3.2%", delta: 0.4, lowerIsBetter: false },
]

const TONE_CLASSES = {
  neutral: "bg-muted text-muted-foreground",
  good: "bg-success/10 text-success",
  bad: "bg-destructive/10 text-destructive",
}

function iconFor(label: string) {
  const lower = label.toLowerCase()
  if (/revenue|sales|income|mrr|arr|profit|cost|spend|value|price/.test(lower)) return Banknote
  if (/rate|conversion|churn|retention|%/.test(lower)) return Percent
  if (/order|purchase|cart|checkout/.test(lower)) return ShoppingCart
  if (/user|customer|member|subscriber|visitor|follower|signup/.test(lower)) return Users
  return Activity
}

export default function StatsCards({
  title = "Overview",
  period = "vs last month",
  metrics = DEFAULT_METRICS,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
}: StatsCardsProps) {
  const look = appearance({ accent, dark, size, radius })
  const baseId = useId()
  const columns = metrics.length >= 4 ? "lg:grid-cols-4" : metrics.length === 3 ? "lg:grid-cols-3" : ""
  return (
    <div className={cn(look.className, "w-full max-w-5xl p-4")} style={look.style}>
      <h2 id={baseId + "-title"} className="mb-4 text-lg font-semibold leading-tight">
        {title}
      </h2>
      <ul aria-labelledby={baseId + "-title"} className={cn("grid gap-4 sm:grid-cols-2", columns)}>
        {metrics.map((metric, index) => {
          const labelId = baseId + "-metric-" + index
          const tone = toneOf(metric.delta, metric.lowerIsBetter)
          const Trend = metric.delta > 0 ? TrendingUp : metric.delta < 0 ? TrendingDown : Minus
          const Icon = iconFor(metric.label)
          const direction = metric.delta > 0 ? "up" : "down"
          return (
            <li key={metric.label}>
              <section
                aria-labelledby={labelId}
                className="flex h-full flex-col gap-2 rounded-xl border bg-card p-5 text-card-foreground shadow-sm"
              >
                <div className="flex items-center justify-between gap-2">
                  <h3 id={labelId} className="text-sm font-medium text-muted-foreground">
                    {metric.label}
                  </h3>
                  <Icon aria-hidden="true" className="size-4 text-muted-foreground" />
                </div>
                <p className="text-2xl font-semibold tracking-tight tabular-nums">{metric.value}</p>
                <p className="flex flex-wrap items-center gap-1 text-xs text-muted-foreground">
                  <span
                    data-tone={tone}
                    className={cn(
                      "inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 font-medium",
                      TONE_CLASSES[tone],
                    )}
                  >
                    <Trend aria-hidden="true" className="size-3.5" />
                    {metric.delta === 0 ? (
                      "no change"
                    ) : (
                      <>
                        <span className="sr-only">{direction} </span>
                        {Math.abs(metric.delta)}%
                      </>
                    )}
                  </span>
                  <span>{period}</span>
                </p>
              </section>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
