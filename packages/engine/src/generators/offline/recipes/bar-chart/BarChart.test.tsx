import { render, screen, within } from "@testing-library/react"
import { describe, expect, it } from "vitest"
import BarChart from "./BarChart"

const DATA = [
  { label: "Q1", value: 1200 },
  { label: "Q2", value: 900.5 },
  { label: "Q3", value: 2000 },
]

describe("BarChart (template)", () => {
  it("draws a bar per value with its title, and is an image named by a summary of the data", () => {
    render(<BarChart title="Profit" data={DATA} prefix="$" />)
    const chart = screen.getByRole("img", {
      name: "Profit: bar chart of 3 values from Q1 to Q3. Highest Q3 at $2,000, lowest Q2 at $900.5.",
    })
    const bars = chart.querySelectorAll("rect[data-value]")
    expect([...bars].map((bar) => bar.querySelector("title")?.textContent)).toEqual([
      "Q1: $1,200",
      "Q2: $900.5",
      "Q3: $2,000",
    ])
    const xLabels = [...chart.querySelectorAll('[data-axis="x"]')].map((label) => label.textContent)
    expect(xLabels).toEqual(["Q1", "Q2", "Q3"])
    expect(chart.querySelector('[data-axis="y"]')).toHaveTextContent("$0")
    expect(screen.getByText("$4,100.5")).toBeInTheDocument()
  })

  it("draws points on a line as the line variant, and offers the data as a table", () => {
    render(<BarChart title="Bounce rate" data={DATA.slice(0, 2)} suffix="%" variant="line" />)
    const chart = screen.getByRole("img")
    expect(chart).toHaveAccessibleName(
      "Bounce rate: line chart of 2 values from Q1 to Q2. Highest Q1 at 1,200%, lowest Q2 at 900.5%.",
    )
    expect(chart.querySelectorAll("circle[data-value]")).toHaveLength(2)
    expect(chart.querySelector("polyline")).toBeInTheDocument()
    const rows = within(screen.getByRole("table", { name: "Bounce rate" }))
      .getAllByRole("row")
      .slice(1)
    expect(rows.map((row) => row.textContent)).toEqual(["Q11,200%", "Q2900.5%"])
  })

  it("says it has no data when it has none", () => {
    render(<BarChart title="Empty" data={[]} />)
    expect(screen.getByRole("img", { name: "Empty: no data" })).toBeInTheDocument()
  })
})
