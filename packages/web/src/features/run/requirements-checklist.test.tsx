import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it } from "vitest"
import type { StudioEvent } from "@studio/protocol"
import { RequirementsChecklist } from "./requirements-checklist"
import {
  createEventLog,
  failingRunEvents,
  foldBefore,
  foldEvents,
  foldFirst,
  passingRunEvents,
} from "./run-fixtures"

const isTestResult = (event: StudioEvent) => event.type === "test_result"

describe("RequirementsChecklist", () => {
  it("waits for the contract before listing requirements", () => {
    const events = passingRunEvents()
    render(<RequirementsChecklist view={foldFirst(events, 2)} />)
    expect(screen.getByRole("heading", { name: "Requirements" })).toBeInTheDocument()
    expect(screen.getByText("The requirements appear once the request is understood.")).toBeInTheDocument()
    expect(screen.queryByRole("list", { name: "Requirements" })).not.toBeInTheDocument()
  })

  it("turns a requirement met as its test passes", () => {
    const events = passingRunEvents()
    const beforeTests = foldBefore(events, isTestResult)
    const { rerender } = render(<RequirementsChecklist view={beforeTests} />)

    const list = screen.getByRole("list", { name: "Requirements" })
    expect(within(list).getByRole("listitem", { name: "R1 running: Shows three tiers" })).toBeInTheDocument()
    expect(screen.getByText("0/3 met")).toBeInTheDocument()

    const firstResult = events.findIndex(isTestResult)
    rerender(<RequirementsChecklist view={foldFirst(events, firstResult + 1)} />)
    const r1 = screen.getByRole("listitem", { name: "R1 met: Shows three tiers" })
    expect(within(r1).getByText("shows three tiers")).toBeInTheDocument()
    expect(within(r1).getByText("12 ms")).toBeInTheDocument()
    expect(within(r1).getByText(/passed/)).toBeInTheDocument()
    expect(
      screen.getByRole("listitem", { name: "R2 running: Highlights the recommended tier" }),
    ).toBeInTheDocument()
    expect(screen.getByText("1/3 met")).toBeInTheDocument()

    rerender(<RequirementsChecklist view={foldEvents(events)} />)
    expect(screen.getByText("3/3 met")).toBeInTheDocument()
    // R3's test carries no requirementId: it is traced by its "R3:" name.
    expect(screen.getByRole("listitem", { name: "R3 met: Toggles annual prices" })).toBeInTheDocument()
  })

  it("shows a failed test's error on request", async () => {
    const user = userEvent.setup()
    render(<RequirementsChecklist view={foldEvents(failingRunEvents())} />)

    const r3 = screen.getByRole("listitem", { name: "R3 unmet: Toggles annual prices" })
    expect(screen.getByText("2/3 met")).toBeInTheDocument()
    const test = within(within(r3).getByRole("list", { name: "Tests for R3" })).getByRole("listitem")
    expect(test).toHaveTextContent("toggles annual prices, failed")

    const toggle = within(r3).getByRole("button", { name: "Show error" })
    const details = document.getElementById(toggle.getAttribute("aria-controls") ?? "")
    expect(toggle).toHaveAttribute("aria-expanded", "false")
    expect(details).toHaveAttribute("hidden")

    await user.click(toggle)
    expect(toggle).toHaveAccessibleName("Hide error")
    expect(toggle).toHaveAttribute("aria-expanded", "true")
    expect(details).not.toHaveAttribute("hidden")
    expect(details).toHaveTextContent("expected 'Monthly' to be 'Annual'")

    await user.click(toggle)
    expect(toggle).toHaveAttribute("aria-expanded", "false")
    expect(details).toHaveAttribute("hidden")
  })

  it("marks requirements without a passing test unmet once the run ends", () => {
    const log = createEventLog()
    log
      .add({ type: "run_started", prompt: "x", provider: "offline", model: "recipes-v1" }, 0)
      .add({
        type: "stage_complete",
        stage: "interpret",
        durationMs: 10,
        contract: {
          name: "Badge",
          summary: "",
          props: [],
          requirements: [{ id: "R1", text: "Shows a label" }],
        },
      })
      .add({ type: "test_result", name: "renders without crashing", status: "pass", durationMs: 4 })
      .add({ type: "test_result", name: "R1: shows a label", status: "skip", durationMs: 0 })
      .add({
        type: "run_finished",
        verdict: "unverified",
        reasons: ['1 test skipped: "R1: shows a label"'],
        success: false,
        metrics: { durations: {}, tokens: { prompt: 0, completion: 0 }, repairAttempts: 0 },
      })
    render(<RequirementsChecklist view={foldEvents(log.events)} />)

    const r1 = screen.getByRole("listitem", { name: "R1 unmet: Shows a label" })
    expect(within(r1).getByRole("listitem")).toHaveTextContent("shows a label, skipped")
    expect(screen.getByText("0/1 met")).toBeInTheDocument()
    // A test traced to no requirement is still shown.
    const others = screen.getByRole("list", { name: "Other tests" })
    expect(within(others).getByRole("listitem")).toHaveTextContent("renders without crashing, passed")
  })
})
