import { render, screen, within } from "@testing-library/react"
import { describe, expect, it } from "vitest"
import StatsCards from "./StatsCards"

const METRICS = [
  { label: "MRR", value: "$12,400", delta: 8, lowerIsBetter: false },
  { label: "Churn", value: "2.4%", delta: 0.5, lowerIsBetter: true },
  { label: "Signups", value: "320", delta: 0, lowerIsBetter: false },
]

describe("StatsCards (template)", () => {
  it("shows each metric as a card named by its label, with its value and its change in words", () => {
    render(<StatsCards title="This week" period="vs last week" metrics={METRICS} />)
    expect(screen.getByRole("list", { name: "This week" })).toBeInTheDocument()
    const mrr = screen.getByRole("region", { name: "MRR" })
    expect(within(mrr).getByText("$12,400")).toBeInTheDocument()
    expect(mrr).toHaveTextContent("up 8%")
    expect(mrr).toHaveTextContent("vs last week")
    expect(screen.getByRole("region", { name: "Churn" })).toHaveTextContent("up 0.5%")
    expect(screen.getByRole("region", { name: "Signups" })).toHaveTextContent("no change")
  })

  it("colours a change by whether it is good news: a rise in churn is bad", () => {
    render(<StatsCards metrics={METRICS} />)
    const tone = (label: string) => screen.getByRole("region", { name: label }).querySelector("[data-tone]")
    expect(tone("MRR")).toHaveClass("text-success")
    expect(tone("Churn")).toHaveClass("text-destructive")
    expect(tone("Signups")).toHaveAttribute("data-tone", "neutral")
  })
})
