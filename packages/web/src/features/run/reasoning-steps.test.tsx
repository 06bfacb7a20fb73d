import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it } from "vitest"
import { ReasoningSteps } from "./reasoning-steps"
import { foldEvents, foldFirst, passingRunEvents } from "./run-fixtures"

describe("ReasoningSteps", () => {
  it("is open while the run goes on, each step under its stage", () => {
    render(<ReasoningSteps view={foldFirst(passingRunEvents(), 3)} />)
    const toggle = screen.getByRole("button", { name: "Reasoning (1)" })
    expect(toggle).toHaveAttribute("aria-expanded", "true")
    const steps = screen.getByRole("list", { name: "Reasoning steps" })
    expect(within(steps).getByRole("listitem")).toHaveTextContent(
      "Understand: Reading the prompt as a pricing table.",
    )
  })

  it("collapses when the run ends, and opens on request", async () => {
    const user = userEvent.setup()
    const events = passingRunEvents()
    const { rerender } = render(<ReasoningSteps view={foldFirst(events, 3)} />)
    rerender(<ReasoningSteps view={foldEvents(events)} />)

    const toggle = screen.getByRole("button", { name: "Reasoning (2)" })
    expect(toggle).toHaveAttribute("aria-expanded", "false")
    expect(screen.queryByRole("list", { name: "Reasoning steps" })).not.toBeInTheDocument()

    await user.click(toggle)
    expect(toggle).toHaveAttribute("aria-expanded", "true")
    const items = within(screen.getByRole("list", { name: "Reasoning steps" })).getAllByRole("listitem")
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining("Understand: Reading the prompt"),
      expect.stringContaining("Report: All 3 requirements are met."),
    ])
  })

  it("keeps the person's choice as the run goes on", async () => {
    const user = userEvent.setup()
    const events = passingRunEvents()
    const { rerender } = render(<ReasoningSteps view={foldFirst(events, 3)} />)
    await user.click(screen.getByRole("button", { name: "Reasoning (1)" }))
    expect(screen.getByRole("button", { name: "Reasoning (1)" })).toHaveAttribute("aria-expanded", "false")
    rerender(<ReasoningSteps view={foldFirst(events, events.length - 2)} />)
    expect(screen.getByRole("button", { name: "Reasoning (2)" })).toHaveAttribute("aria-expanded", "false")
  })

  it("honours defaultOpen, and shows nothing before the first step", () => {
    const events = passingRunEvents()
    const { container, unmount } = render(<ReasoningSteps view={foldFirst(events, 1)} />)
    expect(container).toBeEmptyDOMElement()
    unmount()
    render(<ReasoningSteps view={foldEvents(events)} defaultOpen />)
    expect(screen.getByRole("button", { name: "Reasoning (2)" })).toHaveAttribute("aria-expanded", "true")
  })
})
