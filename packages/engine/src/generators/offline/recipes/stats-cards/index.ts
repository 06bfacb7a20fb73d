import { defineRecipe, records, text } from "../../define-recipe"
import { capitalize, countOf, mentions } from "../../facts"
import { sentenceList } from "../../recipe"
import { code, NO_CODE, testCase } from "../../test-builder"
import { toneOf } from "./inline/tone"
import { DEFAULT_LABELS, metricFor, periodOf, readStatsCards, type Metric } from "./reader"

/** "up 20.1%" / "down 0.6%" / "no change", as the component writes it. */
function change(delta: number): string {
  if (delta === 0) return "no change"
  return `${delta > 0 ? "up" : "down"} ${Math.abs(delta)}%`
}

/** KPI cards: each metric's label, value and change against a period, coloured by whether it is good news. */
export const statsCards = defineRecipe({
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
  params: {
    title: text("The heading above the cards."),
    period: text('What the change is measured against ("vs last month").'),
    metrics: records<Metric>(
      "Metric",
      "The cards: a label, the value as shown, the change in percent and whether a fall is good news.",
    ),
  },
  read: readStatsCards,
  summary: ({ metrics, period }) =>
    `${metrics.length} KPI cards (${sentenceList(metrics.map((metric) => metric.label))}), each with its value and change ${period}.`,
  requirements: ({ metrics, period }) => [
    [
      "cards",
      `Shows a card for each of ${sentenceList(metrics.map((metric) => `${metric.label} (${metric.value})`))}`,
    ],
    [
      "delta",
      `Each card shows its change ${period} with an up or down arrow and says it in words ("${metrics[0] ? change(metrics[0].delta) : "up 12%"}")`,
    ],
    [
      "tone",
      "Good changes are shown in the success colour and bad ones in the destructive colour (a fall is good for metrics like churn)",
    ],
  ],
  tests: ({ Component, values: { metrics, period } }) => {
    const good = metrics.find((metric) => toneOf(metric.delta, metric.lowerIsBetter) === "good")
    const bad = metrics.find((metric) => toneOf(metric.delta, metric.lowerIsBetter) === "bad")
    const toneOfCard = (metric: Metric) =>
      code`screen.getByRole("region", { name: ${metric.label} }).querySelector("[data-tone]")`
    return [
      testCase(
        "cards",
        "shows a card for each metric with its value",
        code`
          render(<${Component} />)
          const cards = screen.getAllByRole("listitem")
          expect(cards).toHaveLength(${metrics.length})
          const expected = ${metrics.map((metric) => ({ label: metric.label, value: metric.value }))}
          expected.forEach(({ label, value }, index) => {
            const card = screen.getByRole("region", { name: label })
            expect(cards[index]).toContainElement(card)
            expect(within(card).getByText(value)).toBeInTheDocument()
          })
        `,
      ),
      testCase(
        "delta",
        "each card says its change in words and what it compares with",
        code`
          render(<${Component} />)
          const expected = ${metrics.map((metric) => ({ label: metric.label, change: change(metric.delta) }))}
          for (const { label, change } of expected) {
            const card = screen.getByRole("region", { name: label })
            expect(card).toHaveTextContent(change)
            expect(card).toHaveTextContent(${period})
          }
        `,
      ),
      testCase(
        "tone",
        "good changes use the success colour and bad ones the destructive colour",
        code`
          render(<${Component} />)
          ${good ? code`expect(${toneOfCard(good)}).toHaveClass("text-success")` : NO_CODE}
          ${bad ? code`expect(${toneOfCard(bad)}).toHaveClass("text-destructive")` : NO_CODE}
          ${good || bad ? NO_CODE : code`expect(screen.getAllByRole("region")).toHaveLength(${metrics.length})`}
        `,
      ),
    ]
  },
  followUp: (facts, { metrics }) => {
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
    if (/\b(week|quarter|year|yesterday|daily|weekly|quarterly|yearly|annual)\b/.test(facts.lower)) {
      const period = periodOf(facts)
      applied.push(`changes ${period}`)
      return { values: { metrics: next, period }, applied }
    }
    return { values: { metrics: next }, applied }
  },
  followUpHints: ["add a <metric> card", "N cards", "compare with last week / quarter / year"],
})
