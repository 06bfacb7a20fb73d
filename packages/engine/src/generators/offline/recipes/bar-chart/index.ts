import { defineRecipe, records, select, text } from "../../define-recipe"
import { countOf, mentions } from "../../facts"
import { code, TestCode, testCase } from "../../test-builder"
import { chartSummary, formatValue } from "./inline/chart-summary"
import { DAYS, MONTHS, readBarChart, SERIES, type Datum } from "./reader"

/** A responsive SVG bar (or line) chart with axes, a title on every mark, a summary name and a table. */
export const barChart = defineRecipe({
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
  params: {
    title: text("The chart's heading; the accessible summary starts with it."),
    data: records<Datum>("Datum", "The bars in order: a label on the x axis and its value."),
    prefix: text('Written before every value ("$").'),
    suffix: text('Written after every value ("%").'),
    variant: select(["bar", "line"], "Bars, or a line through the points."),
  },
  read: readBarChart,
  summary: ({ title, data, variant }) =>
    `A responsive SVG ${variant === "line" ? "line" : "bar"} chart, "${title}", of ${data
      .map((datum) => datum.label)
      .join(
        ", ",
      )}, with axes, a title on every ${variant === "line" ? "point" : "bar"} and a table for screen readers.`,
  requirements: ({ title, data, prefix, suffix, variant }) => {
    const mark = variant === "line" ? "point" : "bar"
    return [
      [
        "marks",
        `Draws a ${mark} for each of ${data.map((datum) => `${datum.label} (${formatValue(datum.value, prefix, suffix)})`).join(", ")}, with its value in a tooltip title`,
      ],
      [
        "summary",
        `Is an image whose accessible name summarises the data ("${chartSummary(title, data, variant, prefix, suffix)}")`,
      ],
      [
        "axes",
        `Labels the x axis with ${data.map((datum) => datum.label).join(", ")} and the y axis with values from 0`,
      ],
      ["table", "Offers the same data as a table for screen readers"],
    ]
  },
  tests: ({ Component, values: { title, data, prefix, suffix, variant } }) => {
    const mark = variant === "line" ? "point" : "bar"
    const titles = data.map((datum) => `${datum.label}: ${formatValue(datum.value, prefix, suffix)}`)
    const numbers = new TestCode(JSON.stringify(data.map((datum) => datum.value)))
    return [
      testCase(
        "marks",
        `draws a ${mark} for each value, with its value in a title`,
        code`
          render(<${Component} />)
          const marks = screen.getByRole("img").querySelectorAll("[data-value]")
          expect(marks).toHaveLength(${data.length})
          expect([...marks].map((mark) => mark.querySelector("title")?.textContent)).toEqual(${titles})
          expect([...marks].map((mark) => Number(mark.getAttribute("data-value")))).toEqual(${numbers})
        `,
      ),
      testCase(
        "summary",
        "is an image named by a summary of the data",
        code`
          render(<${Component} />)
          expect(screen.getByRole("img", { name: ${chartSummary(title, data, variant, prefix, suffix)} })).toBeInTheDocument()
        `,
      ),
      testCase(
        "axes",
        "labels both axes",
        code`
          render(<${Component} />)
          const chart = screen.getByRole("img")
          const xLabels = [...chart.querySelectorAll('[data-axis="x"]')].map((label) => label.textContent)
          expect(xLabels).toEqual(${data.map((datum) => datum.label)})
          const yLabels = [...chart.querySelectorAll('[data-axis="y"]')].map((label) => label.textContent)
          expect(yLabels[0]).toBe(${`${prefix}0${suffix}`})
          expect(yLabels.length).toBeGreaterThan(2)
        `,
      ),
      testCase(
        "table",
        "offers the same data as a table",
        code`
          render(<${Component} />)
          const table = screen.getByRole("table", { name: ${title} })
          const rows = within(table).getAllByRole("row").slice(1)
          expect(rows.map((row) => row.textContent)).toEqual(${data.map((datum) => `${datum.label}${formatValue(datum.value, prefix, suffix)}`)})
        `,
      ),
    ]
  },
  followUp: (facts, { data, prefix }) => {
    const applied: string[] = []
    const next: { variant?: "bar" | "line"; data?: Datum[]; prefix?: string } = {}
    if (mentions(facts, "line chart", "line graph", "as a line", "line instead", "trend line")) {
      next.variant = "line"
      applied.push("a line instead of bars")
    } else if (mentions(facts, "bar chart", "bars", "as bars", "bar graph")) {
      next.variant = "bar"
      applied.push("bars")
    }
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
    if (facts.currency && facts.currency !== prefix) {
      next.prefix = facts.currency
      applied.push(`values in ${facts.currency}`)
    }
    return { values: next, applied }
  },
  followUpHints: ["make it a line chart / bars", "N months", "by day", "in euros"],
})
