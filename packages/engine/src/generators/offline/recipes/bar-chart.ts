import { capitalize, countOf, mentions, readPrompt, type PromptFacts } from "../facts"
import { records, str, type Recipe, type Values } from "../recipe"

interface Datum extends Record<string, string | number> {
  label: string
  value: number
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
]
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
const SERIES = [1200, 1900, 1500, 2400, 2100, 2800, 2600, 3100, 2900, 3400, 3200, 3900, 3600, 4100]

const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`

function parseNumber(text: string): number | undefined {
  const match = new RegExp(`^[$€£¥₹]?\\s?(${NUMBER})\\s?(k|m)?%?$`, "i").exec(text.trim())
  if (!match) return undefined
  const scale = match[2]?.toLowerCase() === "k" ? 1000 : match[2]?.toLowerCase() === "m" ? 1_000_000 : 1
  return Number(match[1]!.replace(/,/g, "")) * scale
}

function monthIndex(word: string): number {
  const lower = word.toLowerCase()
  return MONTH_NAMES.findIndex((name) => lower.length >= 3 && name.startsWith(lower))
}

/** "Jan to Jun", "from March through August", "January–June". */
function monthRange(text: string): string[] | undefined {
  const range = /\b([A-Za-z]{3,9})\s*(?:to|through|thru|until|-|–|—)\s*([A-Za-z]{3,9})\b/g
  for (const match of text.matchAll(range)) {
    const from = monthIndex(match[1]!)
    const to = monthIndex(match[2]!)
    if (from >= 0 && to >= 0 && to > from) return MONTHS.slice(from, to + 1)
  }
  return undefined
}

function defaultLabels(facts: PromptFacts, wanted?: number): string[] {
  const range = monthRange(facts.text)
  if (range) return range
  if (mentions(facts, "day", "days", "daily", "week", "weekly", "weekday", "weekdays")) {
    return DAYS.slice(0, Math.min(wanted ?? countOf(facts, "day") ?? 7, 7))
  }
  if (mentions(facts, "quarter", "quarters", "quarterly")) {
    return ["Q1", "Q2", "Q3", "Q4"].slice(0, Math.min(wanted ?? countOf(facts, "quarter") ?? 4, 4))
  }
  if (mentions(facts, "year", "yearly", "annual", "annually") && !mentions(facts, "this year", "last year")) {
    const count = Math.min(wanted ?? countOf(facts, "year") ?? 5, 10)
    return Array.from({ length: count }, (_, index) => String(2025 - count + 1 + index))
  }
  const months = wanted ?? countOf(facts, "month") ?? (mentions(facts, "this year", "12 months") ? 12 : 6)
  return MONTHS.slice(0, Math.min(Math.max(months, 2), 12))
}

/** The chart's data: "Jan 120, Feb 340", a list of labels and a list of values, or a realistic series. */
function dataOf(facts: PromptFacts): Datum[] {
  const pairs = [
    ...facts.text.matchAll(
      new RegExp(
        `\\b([A-Z][A-Za-z]{1,11}|Q[1-4]|20\\d\\d)\\s*(?::|=|-|–)?\\s*([$€£¥₹]?\\s?${NUMBER}\\s?[kKmM]?)(?![\\w])`,
        "g",
      ),
    ),
  ]
    .map((match) => ({ label: match[1]!, value: parseNumber(match[2]!) }))
    .filter(
      (pair): pair is Datum =>
        pair.value !== undefined && !/^(top|last|next|first|past|over|the|with|and|for)$/i.test(pair.label),
    )
  if (pairs.length >= 2) return pairs
  // A run of numbers ("12, 19, 7 and 24") gives the values; the prompt without it gives the labels.
  const value = String.raw`[$€£¥₹]?\s?${NUMBER}\s?[kKmM]?%?`
  const run = new RegExp(`${value}(?:\\s*(?:,|\\band\\b|/|;)\\s*${value})+`).exec(facts.text)
  const values = run?.[0]
    .split(/\s*(?:,(?!\d{3})|\band\b|\/|;)\s*/)
    .map((item) => parseNumber(item))
    .filter((item): item is number => item !== undefined)
  const rest = run ? readPrompt(facts.text.replace(run[0], " ")) : facts
  const named = rest.lists.find((list) => list.some((item) => parseNumber(item) === undefined))
  const labels = named?.map(capitalize) ?? defaultLabels(facts, values?.length)
  return labels.map((label, index) => ({
    label,
    value: values?.[index] ?? SERIES[index % SERIES.length]!,
  }))
}

const SUBJECTS: [RegExp, string][] = [
  [/\brevenue\b/, "Revenue"],
  [/\bsales\b/, "Sales"],
  [/\bsign ?ups?\b/, "Sign-ups"],
  [/\bvisitors?\b|\btraffic\b|\bpage ?views?\b/, "Visitors"],
  [/\bactive users\b|\busers\b/, "Active users"],
  [/\borders\b/, "Orders"],
  [/\bdownloads\b/, "Downloads"],
  [/\bexpenses?\b|\bspending\b|\bcosts?\b/, "Expenses"],
  [/\bprofit\b/, "Profit"],
  [/\bsteps\b/, "Steps"],
]

function titleOf(facts: PromptFacts, data: readonly Datum[]): string {
  if (facts.quoted[0]) return facts.quoted[0]
  const subject = SUBJECTS.find(([pattern]) => pattern.test(facts.lower))?.[1]
  const first = data[0]?.label ?? ""
  const period = DAYS.includes(first)
    ? "day"
    : /^Q[1-4]$/.test(first)
      ? "quarter"
      : /^20\d\d$/.test(first)
        ? "year"
        : MONTHS.includes(first)
          ? "month"
          : ""
  return period ? `${subject ?? "Sales"} by ${period}` : (subject ?? "Overview")
}

function prefixOf(facts: PromptFacts): string {
  if (facts.currency) return facts.currency
  return /\b(revenue|sales|income|profit|expenses?|spending|costs?|earnings)\b/.test(facts.lower) ? "$" : ""
}

function dataFrom(values: Values): Datum[] {
  return records<Datum>(values, "data")
}

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 })

/** The value as the component writes it: prefix, grouped digits, suffix. */
function formatted(values: Values, value: number): string {
  return `${str(values, "prefix")}${numberFormat.format(value)}${str(values, "suffix")}`
}

function summaryOf(values: Values): string {
  const data = dataFrom(values)
  const first = data[0]
  const last = data[data.length - 1]
  if (!first || !last) return `${str(values, "title")}: no data`
  const high = data.reduce((best, datum) => (datum.value > best.value ? datum : best), first)
  const low = data.reduce((best, datum) => (datum.value < best.value ? datum : best), first)
  return (
    `${str(values, "title")}: ${values.variant === "line" ? "line" : "bar"} chart of ${data.length} values from ${first.label} to ${last.label}. ` +
    `Highest ${high.label} at ${formatted(values, high.value)}, lowest ${low.label} at ${formatted(values, low.value)}.`
  )
}

export const barChart: Recipe = {
  kind: "bar-chart",
  title: "Bar chart",
  names: ["BarChart", "SalesChart", "RevenueChart", "LineChart"],
  keywords: {
    strong: [
      "bar chart",
      "bar graph",
      "chart",
      "graph",
      "column chart",
      "line chart",
      "line graph",
      "histogram",
      "sales chart",
      "revenue chart",
      "trend chart",
    ],
    weak: [
      "visualize",
      "visualise",
      "plot",
      "monthly sales",
      "per month",
      "by month",
      "per day",
      "by day",
      "last 7 days",
      "last 30 days",
      "last 12 months",
      "over time",
      "bars",
      "axis",
    ],
  },
  name: (facts) =>
    mentions(facts, "line chart", "line graph", "trend line")
      ? "LineChart"
      : mentions(facts, "revenue")
        ? "RevenueChart"
        : mentions(facts, "sales")
          ? "SalesChart"
          : "BarChart",
  params: (facts) => {
    const data = dataOf(facts)
    return [
      {
        name: "title",
        type: "string",
        value: titleOf(facts, data),
        description: "The chart's heading; the accessible summary starts with it.",
        control: "text",
      },
      {
        name: "data",
        type: "Datum[]",
        value: data,
        description: "The bars in order: a label on the x axis and its value.",
      },
      {
        name: "prefix",
        type: "string",
        value: prefixOf(facts),
        description: 'Written before every value ("$").',
        control: "text",
      },
      {
        name: "suffix",
        type: "string",
        value: /%|\bpercent/.test(facts.lower) ? "%" : "",
        description: 'Written after every value ("%").',
        control: "text",
      },
      {
        name: "variant",
        type: '"bar" | "line"',
        value: mentions(facts, "line chart", "line graph", "trend line", "sparkline") ? "line" : "bar",
        description: "Bars, or a line through the points.",
        control: "select",
        options: ["bar", "line"],
      },
    ]
  },
  summary: (values) =>
    `A responsive SVG ${values.variant === "line" ? "line" : "bar"} chart, "${str(values, "title")}", of ${dataFrom(
      values,
    )
      .map((datum) => datum.label)
      .join(
        ", ",
      )}, with axes, a title on every ${values.variant === "line" ? "point" : "bar"} and a table for screen readers.`,
  requirements: (values) => {
    const data = dataFrom(values)
    const mark = values.variant === "line" ? "point" : "bar"
    return [
      [
        "marks",
        `Draws a ${mark} for each of ${data.map((datum) => `${datum.label} (${formatted(values, datum.value)})`).join(", ")}, with its value in a tooltip title`,
      ],
      ["summary", `Is an image whose accessible name summarises the data ("${summaryOf(values)}")`],
      [
        "axes",
        `Labels the x axis with ${data.map((datum) => datum.label).join(", ")} and the y axis with values from 0`,
      ],
      ["table", "Offers the same data as a table for screen readers"],
    ]
  },
  component: (context) => `import { useId } from "react"
${context.lookImports}

/** One bar: its label on the x axis and its value. */
export interface Datum {
  label: string
  value: number
}

${context.propsInterface}

${context.defaults}

const WIDTH = 640
const HEIGHT = 300
const PAD = { top: 16, right: 16, bottom: 36, left: 56 }
const TICKS = 4
const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 })
const compactFormat = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 })

/** The top of the y axis: TICKS round steps (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) above max. */
function niceMax(max: number): number {
  if (max <= 0) return TICKS
  const raw = max / TICKS
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((candidate) => candidate * magnitude >= raw) ?? 10
  return step * magnitude * TICKS
}

${context.signature}
  ${context.look}
  const titleId = useId()
  const format = (value: number) => prefix + numberFormat.format(value) + suffix
  const first = data[0]
  const last = data[data.length - 1]
  const high = data.reduce<Datum | undefined>((best, datum) => (!best || datum.value > best.value ? datum : best), undefined)
  const low = data.reduce<Datum | undefined>((best, datum) => (!best || datum.value < best.value ? datum : best), undefined)
  const summary =
    first && last && high && low
      ? title +
        ": " +
        (variant === "line" ? "line" : "bar") +
        " chart of " +
        data.length +
        " values from " +
        first.label +
        " to " +
        last.label +
        ". Highest " +
        high.label +
        " at " +
        format(high.value) +
        ", lowest " +
        low.label +
        " at " +
        format(low.value) +
        "."
      : title + ": no data"
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
      <figure aria-labelledby={titleId} className="flex flex-col gap-4 rounded-xl border bg-card p-4 text-card-foreground shadow-sm sm:p-6">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id={titleId} className="text-lg font-semibold leading-tight">
            {title}
          </h2>
          <p className="text-sm text-muted-foreground">
            Total <span className="font-medium text-foreground tabular-nums">{format(total)}</span>
          </p>
        </div>
        <svg role="img" aria-label={summary} viewBox={"0 0 " + WIDTH + " " + HEIGHT} className="h-auto w-full overflow-visible">
          <g className="text-muted-foreground">
            {ticks.map((tick) => (
              <g key={tick}>
                <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="stroke-border" strokeDasharray={tick === 0 ? undefined : "4 4"} />
                <text x={PAD.left - 8} y={y(tick)} textAnchor="end" dominantBaseline="middle" className="fill-current text-[11px]" data-axis="y">
                  {prefix + compactFormat.format(tick) + suffix}
                </text>
              </g>
            ))}
            {data.map((datum, index) => (
              <text key={datum.label + index} x={centre(index)} y={HEIGHT - PAD.bottom + 20} textAnchor="middle" className="fill-current text-[11px]" data-axis="x">
                {datum.label}
              </text>
            ))}
          </g>
          {variant === "line" ? (
            <g className="text-primary">
              <polyline points={line} fill="none" stroke="currentColor" strokeWidth={2.5} strokeLinejoin="round" strokeLinecap="round" />
              {data.map((datum, index) => (
                <circle key={datum.label + index} data-value={datum.value} cx={centre(index)} cy={y(datum.value)} r={4.5} className="fill-card stroke-current transition-[r] hover:[r:6]" strokeWidth={2.5}>
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
`,
  tests: (context) => {
    const { values, lit, id, name } = context
    const data = dataFrom(values)
    const mark = values.variant === "line" ? "point" : "bar"
    const titles = data.map((datum) => `${datum.label}: ${formatted(values, datum.value)}`)
    return `it("${id("marks")}: draws a ${mark} for each value, with its value in a title", () => {
  render(<${name} />)
  const marks = screen.getByRole("img").querySelectorAll("[data-value]")
  expect(marks).toHaveLength(${data.length})
  expect([...marks].map((mark) => mark.querySelector("title")?.textContent)).toEqual(${lit(titles)})
  expect([...marks].map((mark) => Number(mark.getAttribute("data-value")))).toEqual(${JSON.stringify(data.map((datum) => datum.value))})
})

it("${id("summary")}: is an image named by a summary of the data", () => {
  render(<${name} />)
  expect(screen.getByRole("img", { name: ${lit(summaryOf(values))} })).toBeInTheDocument()
})

it("${id("axes")}: labels both axes", () => {
  render(<${name} />)
  const chart = screen.getByRole("img")
  const xLabels = [...chart.querySelectorAll('[data-axis="x"]')].map((label) => label.textContent)
  expect(xLabels).toEqual(${lit(data.map((datum) => datum.label))})
  const yLabels = [...chart.querySelectorAll('[data-axis="y"]')].map((label) => label.textContent)
  expect(yLabels[0]).toBe(${lit(`${str(values, "prefix")}0${str(values, "suffix")}`)})
  expect(yLabels.length).toBeGreaterThan(2)
})

it("${id("table")}: offers the same data as a table", () => {
  render(<${name} />)
  const table = screen.getByRole("table", { name: ${lit(str(values, "title"))} })
  const rows = within(table).getAllByRole("row").slice(1)
  expect(rows.map((row) => row.textContent)).toEqual(${lit(
    data.map((datum) => `${datum.label}${formatted(values, datum.value)}`),
  )})
})`
  },
  followUp: (facts, values) => {
    const applied: string[] = []
    const next: Record<string, Values[string]> = { ...values }
    if (mentions(facts, "line chart", "line graph", "as a line", "line instead", "trend line")) {
      next.variant = "line"
      applied.push("a line instead of bars")
    } else if (mentions(facts, "bar chart", "bars", "as bars", "bar graph")) {
      next.variant = "bar"
      applied.push("bars")
    }
    const data = dataFrom(values)
    const months = countOf(facts, "month")
    const days = countOf(facts, "day")
    if (months !== undefined && months !== data.length) {
      next.data = MONTHS.slice(0, Math.min(Math.max(months, 2), 12)).map((label, index) => ({
        label,
        value: data[index]?.value ?? SERIES[index % SERIES.length]!,
      }))
      applied.push(`${Math.min(Math.max(months, 2), 12)} months`)
    } else if (days !== undefined || mentions(facts, "by day", "weekly", "per day", "daily")) {
      const count = Math.min(Math.max(days ?? 7, 2), 7)
      next.data = DAYS.slice(0, count).map((label, index) => ({
        label,
        value: data[index]?.value ?? SERIES[index % SERIES.length]!,
      }))
      applied.push(`${count} days`)
    }
    if (facts.currency && facts.currency !== values.prefix) {
      next.prefix = facts.currency
      applied.push(`values in ${facts.currency}`)
    }
    return { values: next, applied }
  },
  followUpHints: ["make it a line chart / bars", "N months", "by day", "in euros"],
}
