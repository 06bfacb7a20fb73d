import { render, screen, within } from "@testing-library/react"
import { describe, expect, it } from "vitest"
import { FIXTURE_START, failingRunEvents, foldBefore, foldEvents, passingRunEvents } from "./run-fixtures"
import { StageTimeline } from "./stage-timeline"

const isScaffoldDone = (event: { type: string; stage?: string }) =>
  event.type === "stage_complete" && event.stage === "scaffold"

describe("StageTimeline", () => {
  it("shows the active stage with a live clock, done stages with their time and summary", () => {
    const view = foldBefore(passingRunEvents(), isScaffoldDone)
    const scaffoldStartedAt = view.stages.scaffold.startedAt ?? 0
    const { rerender } = render(<StageTimeline view={view} now={scaffoldStartedAt + 1234} />)

    const stages = screen.getByRole("list", { name: "Stages" })
    const items = within(stages).getAllByRole("listitem")
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining("Understand"),
      expect.stringContaining("Write component"),
      expect.stringContaining("Write tests"),
      expect.stringContaining("Run tests"),
      expect.stringContaining("Report"),
    ])
    expect(screen.queryByText("Repair")).not.toBeInTheDocument()

    const active = items.find((item) => item.getAttribute("aria-current") === "step")
    expect(active).toHaveTextContent("Write component, in progress")
    expect(active).toHaveTextContent("1.2 s")
    expect(items[0]).toHaveTextContent("Understand, done")
    expect(items[0]).toHaveTextContent("420 ms")
    expect(items[0]).toHaveTextContent("PricingTable, 3 requirements")
    expect(items[2]).toHaveTextContent("Write tests, waiting")

    rerender(<StageTimeline view={view} now={scaffoldStartedAt + 65_000} />)
    expect(active).toHaveTextContent("1 min 5 s")
  })

  it("shows overall progress", () => {
    const view = foldBefore(passingRunEvents(), isScaffoldDone)
    render(<StageTimeline view={view} now={FIXTURE_START} />)
    // interpret done (1) + scaffold active (0.5) of five stages
    expect(screen.getByRole("progressbar", { name: "Run progress" })).toHaveAttribute("aria-valuenow", "30")
    expect(screen.getByText("30%")).toBeInTheDocument()
  })

  it("marks every stage done at the end of a passing run, with no current step", () => {
    render(<StageTimeline view={foldEvents(passingRunEvents())} now={FIXTURE_START} />)
    const items = within(screen.getByRole("list", { name: "Stages" })).getAllByRole("listitem")
    expect(items).toHaveLength(5)
    for (const item of items) {
      expect(item).toHaveAttribute("data-status", "done")
      expect(item).not.toHaveAttribute("aria-current")
    }
    expect(screen.getByRole("progressbar", { name: "Run progress" })).toHaveAttribute("aria-valuenow", "100")
    expect(screen.getByText("3/3 requirements met")).toBeInTheDocument()
  })

  it("adds Repair when a repair ran, and counts the test runs", () => {
    render(<StageTimeline view={foldEvents(failingRunEvents())} now={FIXTURE_START} />)
    const items = within(screen.getByRole("list", { name: "Stages" })).getAllByRole("listitem")
    expect(items.map((item) => item.querySelector("span.text-sm")?.firstChild?.textContent)).toEqual([
      "Understand",
      "Write component",
      "Write tests",
      "Run tests",
      "Repair",
      "Report",
    ])
    expect(items[3]).toHaveTextContent("×2")
    expect(items[3]).toHaveTextContent("2.4 s")
  })
})
