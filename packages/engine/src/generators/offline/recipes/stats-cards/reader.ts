import { capitalize, countOf, escapeRegExp, mentions, readPrompt, type PromptFacts } from "../../facts"

/** One KPI card, flat so it can live in a contract's JSON default. */
export interface Metric extends Record<string, string | number | boolean> {
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

/** The metrics a prompt that names none gets, the first four by default. */
export const DEFAULT_LABELS = [
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

/** A metric called this with a realistic value and change for its words (`amounts` are taken for money). */
export function metricFor(label: string, index: number, currency: string, amounts: number[] = []): Metric {
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

/** What the changes are measured against, from the words for a period ("vs last week"). */
export function periodOf(facts: PromptFacts): string {
  if (mentions(facts, "week", "weekly", "last week")) return "vs last week"
  if (mentions(facts, "quarter", "quarterly")) return "vs last quarter"
  if (mentions(facts, "year", "yearly", "annual", "yoy")) return "vs last year"
  if (mentions(facts, "yesterday", "daily", "today")) return "vs yesterday"
  return "vs last month"
}

/** The heading (a single quoted text), the period, and the metrics with the values and changes the prompt gives. */
export function readStatsCards(facts: PromptFacts): { title: string; period: string; metrics: Metric[] } {
  const currency = facts.currency ?? "$"
  return {
    title: facts.quoted.length === 1 ? facts.quoted[0]! : "Overview",
    period: periodOf(facts),
    metrics: labelsOf(facts).map((label, index) => metricFromPrompt(facts, label, index, currency)),
  }
}
