import { fireEvent, render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it } from "vitest"
import { BarChart, PassRateChart, StackedBarChart, type ChartSeries, type StackedBarDatum } from "./charts"
import { formatCount, formatDuration } from "./insights-model"

const SERIES: ChartSeries[] = [
  { key: "scaffold", label: "Scaffold", color: "var(--chart-2)" },
  { key: "execute", label: "Execute", color: "var(--chart-4)" },
]

const STAGE_DATA: StackedBarDatum[] = [
  { id: "a", label: "#1", detail: "1 Jan", values: { scaffold: 2000, execute: 3000 } },
  { id: "b", label: "#2", detail: "2 Jan", values: { scaffold: 1000, execute: 5000 } },
  { id: "c", label: "#3", detail: "3 Jan", values: { scaffold: 4000 } },
]

const PASS_DATA = [
  { id: "a", label: "#1", passed: true, testsPassed: 4, testsTotal: 4, runningPassRate: 1 },
  { id: "b", label: "#2", passed: false, testsPassed: 2, testsTotal: 5, runningPassRate: 0.5 },
  { id: "c", label: "#3", passed: true, testsPassed: 0, testsTotal: 0, runningPassRate: 2 / 3 },
]

/** The rows of a chart's screen-reader table, as cell texts. */
function tableRows(name: string): string[][] {
  const table = screen.getByRole("table", { name })
  return within(table)
    .getAllByRole("row")
    .map((row) => Array.from(row.querySelectorAll("th, td"), (cell) => cell.textContent ?? ""))
}

describe("StackedBarChart", () => {
  function renderStages() {
    return render(
      <StackedBarChart
        title="Time per stage"
        series={SERIES}
        data={STAGE_DATA}
        formatValue={formatDuration}
      />,
    )
  }

  it("is a captioned figure whose image label sums it up", () => {
    renderStages()
    expect(screen.getByRole("figure", { name: "Time per stage" })).toBeInTheDocument()
    // Totals 5 s, 6 s, 4 s: median 5 s; scaffold 7 s of 15 s, execute 8 s.
    expect(screen.getByRole("img")).toHaveAccessibleName(
      "Time per stage: 3 runs, median total 5.0 s; Execute takes the most (53% of the time).",
    )
  })

  it("draws one segment per stage that ran, and a legend with the stage names", () => {
    const { container } = renderStages()
    expect(container.querySelectorAll('rect[style*="var(--chart-2)"]')).toHaveLength(3)
    expect(container.querySelectorAll('rect[style*="var(--chart-4)"]')).toHaveLength(2)
    const legend = screen.getByRole("list", { name: "Time per stage legend" })
    expect(
      within(legend)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["Scaffold", "Execute"])
  })

  it("carries the numbers in a table for screen readers", () => {
    renderStages()
    expect(tableRows("Time per stage")).toEqual([
      ["Run", "Scaffold", "Execute", "Total"],
      ["#1", "2.0 s", "3.0 s", "5.0 s"],
      ["#2", "1.0 s", "5.0 s", "6.0 s"],
      ["#3", "4.0 s", "—", "4.0 s"],
    ])
  })

  it("shows a run's values on hover", () => {
    renderStages()
    expect(screen.queryByRole("status")).not.toBeInTheDocument()
    fireEvent.pointerEnter(screen.getAllByTestId("chart-hit-area")[1]!)
    const tooltip = screen.getByRole("status")
    expect(tooltip).toHaveTextContent("#2")
    expect(tooltip).toHaveTextContent("2 Jan")
    expect(tooltip).toHaveTextContent("Scaffold1.0 s")
    expect(tooltip).toHaveTextContent("Execute5.0 s")
    expect(tooltip).toHaveTextContent("Total6.0 s")
    fireEvent.pointerLeave(screen.getByRole("group", { name: "Time per stage, run by run" }))
    expect(screen.queryByRole("status")).not.toBeInTheDocument()
  })

  it("lets the keyboard step through the runs", async () => {
    renderStages()
    await userEvent.tab()
    expect(screen.getByRole("group", { name: "Time per stage, run by run" })).toHaveFocus()
    expect(screen.getByRole("status")).toHaveTextContent("#3")
    await userEvent.keyboard("{ArrowLeft}")
    expect(screen.getByRole("status")).toHaveTextContent("#2")
    await userEvent.keyboard("{Home}")
    expect(screen.getByRole("status")).toHaveTextContent("#1")
    await userEvent.keyboard("{ArrowLeft}")
    expect(screen.getByRole("status")).toHaveTextContent("#1")
    await userEvent.keyboard("{End}")
    expect(screen.getByRole("status")).toHaveTextContent("#3")
    await userEvent.keyboard("{Escape}")
    expect(screen.queryByRole("status")).not.toBeInTheDocument()
  })

  it("says when there is nothing to draw", () => {
    render(<StackedBarChart title="Time per stage" series={SERIES} data={[]} formatValue={formatDuration} />)
    expect(screen.getByRole("img")).toHaveAccessibleName("Time per stage: no runs yet.")
    expect(screen.getByRole("group", { name: "Time per stage, run by run" })).not.toHaveAttribute("tabindex")
  })
})

describe("BarChart", () => {
  const data = [
    { id: "a", label: "#1", value: 1500 },
    { id: "b", label: "#2", value: 5000 },
    { id: "c", label: "#3", value: 3000 },
  ]

  it("draws a bar per run and sums the range up", () => {
    const { container } = render(
      <BarChart title="Tokens per run" valueLabel="Tokens" data={data} formatValue={formatCount} />,
    )
    expect(container.querySelectorAll('rect[style*="var(--chart-2)"]')).toHaveLength(3)
    expect(screen.getByRole("img")).toHaveAccessibleName(
      "Tokens per run: 3 runs, from 1,500 to 5,000; latest 3,000.",
    )
    expect(tableRows("Tokens per run")).toEqual([
      ["Run", "Tokens"],
      ["#1", "1,500"],
      ["#2", "5,000"],
      ["#3", "3,000"],
    ])
  })

  it("keeps whole-number ticks for counts", () => {
    const { container } = render(
      <BarChart
        title="Repair attempts"
        valueLabel="Repair attempts"
        integer
        data={[{ id: "a", label: "#1", value: 1 }]}
        formatValue={formatCount}
      />,
    )
    const ticks = Array.from(container.querySelectorAll("svg text"), (text) => text.textContent)
    expect(ticks).toEqual(["0", "1", "#1"])
  })
})

describe("PassRateChart", () => {
  it("colours bars by result and sums up the pass rate", () => {
    const { container } = render(<PassRateChart title="Results per run" data={PASS_DATA} />)
    expect(
      Array.from(container.querySelectorAll("rect[data-result]"), (rect) => rect.getAttribute("data-result")),
    ).toEqual(["pass", "fail", "pass"])
    expect(container.querySelectorAll("polyline")).toHaveLength(1)
    expect(screen.getByRole("img")).toHaveAccessibleName(
      "Results per run: 2 of 3 runs passed; running pass rate 67% at the latest run.",
    )
  })

  it("gives a run without tests a visible sliver", () => {
    const { container } = render(<PassRateChart title="Results per run" data={PASS_DATA} />)
    const bars = container.querySelectorAll("rect[data-result]")
    expect(Number(bars[2]!.getAttribute("height"))).toBeGreaterThan(0)
  })

  it("tables and tooltips each run's result", () => {
    render(<PassRateChart title="Results per run" data={PASS_DATA} />)
    expect(tableRows("Results per run")).toEqual([
      ["Run", "Result", "Tests passed", "Pass rate so far"],
      ["#1", "Passed", "4/4", "100%"],
      ["#2", "Failed", "2/5", "50%"],
      ["#3", "Passed", "0/0", "67%"],
    ])
    fireEvent.pointerEnter(screen.getAllByTestId("chart-hit-area")[1]!)
    expect(screen.getByRole("status")).toHaveTextContent("#2 · failed")
    expect(screen.getByRole("status")).toHaveTextContent("Tests passed2/5")
    expect(screen.getByRole("status")).toHaveTextContent("Pass rate so far50%")
  })
})
