import { capitalize, countOf, escapeRegExp, mentions, readPrompt, type PromptFacts } from "../facts"
import { records, sentenceList, str, type Recipe, type Values } from "../recipe"

interface Metric extends Record<string, string | number | boolean> {
  label: string
  value: string
  delta: number
  lowerIsBetter: boolean
}

interface Known {
  pattern: RegExp
  kind: "money" | "count" | "percent" | "text"
  value: number | string
  delta: number
  lowerIsBetter?: boolean
}

// Realistic values for metrics a person names; the first match wins.
const KNOWN: Known[] = [
  {
    pattern: /churn|bounce|unsubscribe|cancel/,
    kind: "percent",
    value: 2.4,
    delta: -0.6,
    lowerIsBetter: true,
  },
  { pattern: /refund|chargeback|return/, kind: "count", value: 38, delta: -12.5, lowerIsBetter: true },
  {
    pattern: /cac|acquisition cost|cost|spend|expense|burn/,
    kind: "money",
    value: 8420,
    delta: 4.3,
    lowerIsBetter: true,
  },
  {
    pattern: /latency|response time|load time|resolution time|wait/,
    kind: "text",
    value: "182 ms",
    delta: -8.1,
    lowerIsBetter: true,
  },
  {
    pattern: /error|incident|bug|ticket|complaint/,
    kind: "count",
    value: 23,
    delta: -15.2,
    lowerIsBetter: true,
  },
  {
    pattern: /conversion|ctr|click|open rate|retention|engagement|rate/,
    kind: "percent",
    value: 3.2,
    delta: 0.4,
  },
  { pattern: /uptime|availability/, kind: "text", value: "99.98%", delta: 0.02 },
  { pattern: /nps|satisfaction|csat/, kind: "text", value: "62", delta: 5 },
  { pattern: /average order|aov|basket|arpu|ltv|lifetime/, kind: "money", value: 84.5, delta: 6.2 },
  {
    pattern: /revenue|sales|income|mrr|arr|profit|earnings|gmv|billing/,
    kind: "money",
    value: 45231.89,
    delta: 20.1,
  },
  { pattern: /order|purchase|transaction|checkout/, kind: "count", value: 1234, delta: 12.4 },
  { pattern: /session|visit|pageview|page view|traffic|impression/, kind: "count", value: 48290, delta: 9.7 },
  {
    pattern: /user|customer|member|subscriber|signup|sign-up|account|visitor|follower|lead/,
    kind: "count",
    value: 2350,
    delta: 18,
  },
  { pattern: /download|install/, kind: "count", value: 12840, delta: 22.3 },
  { pattern: /project|task|deal|deploy/, kind: "count", value: 86, delta: 7.5 },
]

const DEFAULT_LABELS = [
  "Revenue",
  "Active users",
  "Orders",
  "Conversion rate",
  "Churn rate",
  "Avg. order value",
]

function grouped(value: number, decimals: number): string {
  const [whole = "0", fraction] = value.toFixed(decimals).split(".")
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (fraction ? `.${fraction}` : "")
}

function metricFor(label: string, index: number, currency: string, amounts: number[] = []): Metric {
  const lower = label.toLowerCase()
  const known = KNOWN.find((candidate) => candidate.pattern.test(lower))
  if (!known) {
    const value = [1280, 342, 57, 9140][index % 4]!
    return {
      label,
      value: grouped(value, 0),
      delta: [8.2, -3.1, 12.5, 4.4][index % 4]!,
      lowerIsBetter: false,
    }
  }
  let value: string
  if (known.kind === "money") {
    const amount = amounts.shift() ?? (known.value as number)
    value = `${currency}${grouped(amount, Number.isInteger(amount) ? 0 : 2)}`
  } else if (known.kind === "percent") value = `${known.value}%`
  else if (known.kind === "count") value = grouped(known.value as number, 0)
  else value = String(known.value)
  return { label, value, delta: known.delta, lowerIsBetter: known.lowerIsBetter ?? false }
}

// Values written next to a metric ("MRR $12,400", "Conversion 4.1%", "Users: 3,200") and changes ("up 12%").
const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`
const VALUE = String.raw`([$€£¥₹]\s?${NUMBER}\s?[kKmM]?\b|${NUMBER}\s?(?:%|[kKmM]\b|ms\b)?)`

/** The prompt without its numbers, so "MRR $12,400, Signups" lists as "MRR" and "Signups". */
function withoutValues(text: string): string {
  return text
    .replace(/\b(?:up|down)\s+\d+(?:\.\d+)?\s?%/gi, "")
    .replace(
      new RegExp(String.raw`(?:\s*(?:of|at|is|=|:)\s*)?${VALUE}`, "g"),
      (match, _value, offset: number) =>
        // Keep counts like "4 cards".
        /^\s*\d+\s*$/.test(match) &&
        /^\s*(?:[a-z]+\s+)?(?:cards?|kpis?|metrics?|stats?|tiles?|numbers?|statistics?|columns?)\b/i.test(
          text.slice(offset + match.length),
        )
          ? match
          : "",
    )
}

function looksLikeMetric(item: string): boolean {
  return /^[A-Z0-9]/.test(item) || KNOWN.some((known) => known.pattern.test(item.toLowerCase()))
}

/** Figures written value first ("10k+ customers, 99.9% uptime, 24/7 support"): label and value. */
function valueFirst(facts: PromptFacts): { label: string; value: string }[] {
  const found: { label: string; value: string }[] = []
  const pattern =
    /(?:^|[:,;]|\band\b)\s*([$€£¥₹]?\d[\d,.]*(?:\/\d+)?\s?(?:[kKmMbB]\b|%)?\+?)\s+([A-Za-z][A-Za-z -]{1,28}?)(?=\s*(?:[,;.]|\band\b|$))/g
  for (const match of facts.text.matchAll(pattern)) {
    const label = capitalize(match[2]!.trim())
    if (/^(cards?|kpis?|metrics?|stats?|tiles?|numbers?|figures?|columns?)$/i.test(label)) continue
    found.push({ label, value: match[1]!.replace(/\s+/g, "") })
  }
  return found
}

/** The metric names: a list in the prompt ("Revenue, Users and Churn"), else realistic defaults. */
function labelsOf(facts: PromptFacts): string[] {
  const figures = valueFirst(facts)
  if (figures.length >= 2) return figures.map((figure) => figure.label)
  const clean = readPrompt(withoutValues(facts.text))
  const listed = clean.lists.find(
    (list) => list.length >= 2 && list.every((item) => item.length <= 32 && looksLikeMetric(item)),
  )
  const count = countOf(facts, "kpi", "card", "metric", "stat", "tile", "number", "statistic")
  if (listed) return listed.map(capitalize)
  const quoted = facts.quoted.filter((item) => item.length <= 32)
  if (quoted.length >= 2) return quoted
  return DEFAULT_LABELS.slice(0, Math.min(Math.max(count ?? 4, 1), DEFAULT_LABELS.length))
}

/** A metric with the value and change the prompt gives for it, if any. */
function metricFromPrompt(facts: PromptFacts, label: string, index: number, currency: string): Metric {
  const metric = metricFor(label, index, currency, [])
  const figure = valueFirst(facts).find((candidate) => candidate.label === label)
  if (figure) {
    metric.value = figure.value
    return metric
  }
  const near = new RegExp(String.raw`\b${escapeRegExp(label)}\b\s*(?:of|at|is|=|:)?\s*${VALUE}`, "i").exec(
    facts.text,
  )
  if (near) metric.value = near[1]!.replace(/\s+/g, "")
  const trend = new RegExp(
    String.raw`\b${escapeRegExp(label)}\b(?:[^,;.]|[.,]\d)*?\b(up|down)\s+(\d+(?:\.\d+)?)\s?%`,
    "i",
  ).exec(facts.text)
  if (trend) metric.delta = (trend[1]!.toLowerCase() === "up" ? 1 : -1) * Number(trend[2])
  return metric
}

function periodOf(facts: PromptFacts): string {
  if (mentions(facts, "week", "weekly", "last week")) return "vs last week"
  if (mentions(facts, "quarter", "quarterly")) return "vs last quarter"
  if (mentions(facts, "year", "yearly", "annual", "yoy")) return "vs last year"
  if (mentions(facts, "yesterday", "daily", "today")) return "vs yesterday"
  return "vs last month"
}

function metricsOf(values: Values): Metric[] {
  return records<Metric>(values, "metrics")
}

/** "up 20.1%" / "down 0.6%" / "no change", as the component writes it. */
function change(delta: number): string {
  if (delta === 0) return "no change"
  return `${delta > 0 ? "up" : "down"} ${Math.abs(delta)}%`
}

export const statsCards: Recipe = {
  kind: "stats-cards",
  title: "Stats cards",
  names: ["StatsCards", "KpiCards"],
  keywords: {
    strong: [
      "stats cards",
      "stat cards",
      "stats",
      "kpi",
      "kpi cards",
      "kpi tiles",
      "metric cards",
      "metrics cards",
      "metric tiles",
      "statistics",
      "dashboard stats",
      "key metrics",
      "stats overview",
      "summary cards",
    ],
    weak: ["metrics", "revenue", "conversion", "churn", "trend", "growth", "dashboard", "vs last month"],
  },
  name: (facts) => (mentions(facts, "kpi", "kpis") ? "KpiCards" : "StatsCards"),
  params: (facts) => {
    const currency = facts.currency ?? "$"
    return [
      {
        name: "title",
        type: "string",
        value: facts.quoted.length === 1 ? facts.quoted[0]! : "Overview",
        description: "The heading above the cards.",
        control: "text",
      },
      {
        name: "period",
        type: "string",
        value: periodOf(facts),
        description: 'What the change is measured against ("vs last month").',
        control: "text",
      },
      {
        name: "metrics",
        type: "Metric[]",
        value: labelsOf(facts).map((label, index) => metricFromPrompt(facts, label, index, currency)),
        description:
          "The cards: a label, the value as shown, the change in percent and whether a fall is good news.",
      },
    ]
  },
  summary: (values) =>
    `${metricsOf(values).length} KPI cards (${sentenceList(metricsOf(values).map((metric) => metric.label))}), each with its value and change ${str(values, "period")}.`,
  requirements: (values) => {
    const metrics = metricsOf(values)
    return [
      [
        "cards",
        `Shows a card for each of ${sentenceList(metrics.map((metric) => `${metric.label} (${metric.value})`))}`,
      ],
      [
        "delta",
        `Each card shows its change ${str(values, "period")} with an up or down arrow and says it in words ("${metrics[0] ? change(metrics[0].delta) : "up 12%"}")`,
      ],
      [
        "tone",
        "Good changes are shown in the success colour and bad ones in the destructive colour (a fall is good for metrics like churn)",
      ],
    ]
  },
  component: (context) => `import { useId } from "react"
import { Activity, Banknote, Minus, Percent, ShoppingCart, TrendingDown, TrendingUp, Users } from "lucide-react"
${context.lookImports}

/** One KPI: its label, the value as shown, the change in percent, and whether a fall is good news. */
export interface Metric {
  label: string
  value: string
  delta: number
  lowerIsBetter: boolean
}

${context.propsInterface}

${context.defaults}

function iconFor(label: string) {
  const lower = label.toLowerCase()
  if (/revenue|sales|income|mrr|arr|profit|cost|spend|value|price/.test(lower)) return Banknote
  if (/rate|conversion|churn|retention|%/.test(lower)) return Percent
  if (/order|purchase|cart|checkout/.test(lower)) return ShoppingCart
  if (/user|customer|member|subscriber|visitor|follower|signup/.test(lower)) return Users
  return Activity
}

${context.signature}
  ${context.look}
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
          const good = metric.delta === 0 ? null : metric.delta > 0 !== metric.lowerIsBetter
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
                    data-tone={good === null ? "neutral" : good ? "good" : "bad"}
                    className={cn(
                      "inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 font-medium",
                      good === null && "bg-muted text-muted-foreground",
                      good === true && "bg-success/10 text-success",
                      good === false && "bg-destructive/10 text-destructive",
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
`,
  tests: (context) => {
    const { values, lit, id, name } = context
    const metrics = metricsOf(values)
    const good = metrics.find((metric) => metric.delta !== 0 && metric.delta > 0 !== metric.lowerIsBetter)
    const bad = metrics.find((metric) => metric.delta !== 0 && metric.delta > 0 === metric.lowerIsBetter)
    const toneChecks = [
      good
        ? `  expect(screen.getByRole("region", { name: ${lit(good.label)} }).querySelector("[data-tone]")).toHaveClass("text-success")`
        : "",
      bad
        ? `  expect(screen.getByRole("region", { name: ${lit(bad.label)} }).querySelector("[data-tone]")).toHaveClass("text-destructive")`
        : "",
    ].filter(Boolean)
    if (toneChecks.length === 0)
      toneChecks.push(`  expect(screen.getAllByRole("region")).toHaveLength(${metrics.length})`)
    return `it("${id("cards")}: shows a card for each metric with its value", () => {
  render(<${name} />)
  const cards = screen.getAllByRole("listitem")
  expect(cards).toHaveLength(${metrics.length})
  const expected = ${lit(metrics.map((metric) => ({ label: metric.label, value: metric.value })))}
  expected.forEach(({ label, value }, index) => {
    const card = screen.getByRole("region", { name: label })
    expect(cards[index]).toContainElement(card)
    expect(within(card).getByText(value)).toBeInTheDocument()
  })
})

it("${id("delta")}: each card says its change in words and what it compares with", () => {
  render(<${name} />)
  const expected = ${lit(metrics.map((metric) => ({ label: metric.label, change: change(metric.delta) })))}
  for (const { label, change } of expected) {
    const card = screen.getByRole("region", { name: label })
    expect(card).toHaveTextContent(change)
    expect(card).toHaveTextContent(${lit(str(values, "period"))})
  }
})

it("${id("tone")}: good changes use the success colour and bad ones the destructive colour", () => {
  render(<${name} />)
${toneChecks.join("\n")}
})`
  },
  followUp: (facts, values) => {
    const metrics = metricsOf(values)
    const applied: string[] = []
    let next = metrics
    const add =
      /\badd (?:an? |the )?["“]?([A-Za-z][\w .-]{1,30}?)["”]? (?:card|metric|kpi|stat|tile)\b/i.exec(
        facts.text,
      )
    if (add) {
      const label = capitalize(add[1]!.trim())
      if (!metrics.some((metric) => metric.label.toLowerCase() === label.toLowerCase())) {
        next = [...next, metricFor(label, next.length, facts.currency ?? "$", [...facts.amounts])]
        applied.push(`the ${label} card`)
      }
    }
    const count = countOf(facts, "card", "kpi", "metric", "stat", "tile")
    if (!add && count !== undefined && count > 0 && count !== metrics.length) {
      const wanted = Math.min(count, 8)
      const extra = DEFAULT_LABELS.filter(
        (label) => !metrics.some((metric) => metric.label.toLowerCase() === label.toLowerCase()),
      )
      next = [
        ...metrics.slice(0, wanted),
        ...extra
          .slice(0, Math.max(wanted - metrics.length, 0))
          .map((label, index) => metricFor(label, metrics.length + index, "$", [])),
      ]
      applied.push(`${next.length} cards`)
    }
    const period = periodOf(facts)
    if (/\b(week|quarter|year|yesterday|daily|weekly|quarterly|yearly|annual)\b/.test(facts.lower)) {
      applied.push(`changes ${period}`)
      return { values: { ...values, metrics: next, period }, applied }
    }
    return { values: { ...values, metrics: next }, applied }
  },
  followUpHints: ["add a <metric> card", "N cards", "compare with last week / quarter / year"],
}
