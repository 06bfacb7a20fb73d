import { render, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import type { RunMetrics, StudioEvent } from "@studio/protocol"
import { applyRunEvent, createRunView } from "../../state/run-view"
import { RunCard } from "./run-card"
import {
  FIXTURE_RUN_ID,
  FIXTURE_START,
  cancelledRunEvents,
  failingRunEvents,
  foldBefore,
  foldEvents,
  foldFirst,
  passingRunEvents,
  unverifiedRunEvents,
} from "./run-fixtures"

const isTestResult = (event: StudioEvent) => event.type === "test_result"

describe("RunCard", () => {
  it("shows a running run with its source, stages and a Cancel button", async () => {
    const user = userEvent.setup()
    const onCancel = vi.fn()
    const view = foldBefore(passingRunEvents(), isTestResult)
    render(<RunCard view={view} now={view.startedAt + 3400} onCancel={onCancel} />)

    expect(screen.getByText("Running")).toBeInTheDocument()
    expect(screen.getByText("offline · recipes-v1")).toBeInTheDocument()
    expect(screen.getByRole("list", { name: "Stages" })).toBeInTheDocument()
    expect(screen.getByRole("list", { name: "Requirements" })).toBeInTheDocument()
    expect(screen.getByRole("list", { name: "Build steps" })).toBeInTheDocument()
    // Streamed chunks stand in for tokens until the run reports its metrics.
    expect(screen.getByText("tokens 3 · repairs 0/2 · 3.4 s")).toBeInTheDocument()

    await user.click(screen.getByRole("button", { name: "Cancel" }))
    expect(onCancel).toHaveBeenCalledOnce()
  })

  it("shows a queued run's place with a Cancel button, and Running once it starts", async () => {
    const user = userEvent.setup()
    const onCancel = vi.fn()
    const queued = applyRunEvent(createRunView(FIXTURE_RUN_ID, "", FIXTURE_START), {
      type: "run_queued",
      runId: FIXTURE_RUN_ID,
      seq: 0,
      ts: FIXTURE_START,
      position: 3,
    })
    const { rerender } = render(<RunCard view={queued} now={FIXTURE_START} onCancel={onCancel} />)
    expect(screen.getByText("Queued, 3 ahead")).toBeInTheDocument()
    expect(screen.queryByText("Running")).not.toBeInTheDocument()
    await user.click(screen.getByRole("button", { name: "Cancel" }))
    expect(onCancel).toHaveBeenCalledOnce()

    const next = applyRunEvent(queued, {
      type: "run_queued",
      runId: FIXTURE_RUN_ID,
      seq: 1,
      ts: FIXTURE_START,
      position: 0,
    })
    rerender(<RunCard view={next} now={FIXTURE_START} />)
    expect(screen.getByText("Queued, next")).toBeInTheDocument()

    const started = applyRunEvent(next, {
      type: "run_started",
      runId: FIXTURE_RUN_ID,
      seq: 2,
      ts: FIXTURE_START + 10,
      prompt: "a pricing table",
      provider: "offline",
      model: "recipes-v1",
    })
    rerender(<RunCard view={started} now={FIXTURE_START + 20} />)
    expect(screen.getByText("Running")).toBeInTheDocument()
    expect(screen.queryByText(/Queued/)).not.toBeInTheDocument()
  })

  it("disables Cancel while cancelling, and offers none without a handler or after the end", () => {
    const running = foldBefore(passingRunEvents(), isTestResult)
    const { rerender } = render(<RunCard view={running} now={FIXTURE_START} onCancel={() => {}} cancelling />)
    expect(screen.getByRole("button", { name: "Cancel" })).toBeDisabled()

    rerender(<RunCard view={running} now={FIXTURE_START} />)
    expect(screen.queryByRole("button", { name: "Cancel" })).not.toBeInTheDocument()

    rerender(<RunCard view={foldEvents(passingRunEvents())} now={FIXTURE_START} onCancel={() => {}} />)
    expect(screen.queryByRole("button", { name: "Cancel" })).not.toBeInTheDocument()
  })

  it("shows a passed run with its requirements met and the run's metrics", () => {
    const view = foldEvents(passingRunEvents())
    render(<RunCard view={view} now={view.startedAt + 999_999} />)

    expect(screen.getByText("Passed")).toBeInTheDocument()
    expect(screen.getByText("3/3 met")).toBeInTheDocument()
    expect(
      screen.getByRole("listitem", { name: "R2 met: Highlights the recommended tier" }),
    ).toBeInTheDocument()
    const build = screen.getByRole("region", { name: "Build" })
    expect(within(build).getByRole("listitem", { name: "typescript ok" })).toBeInTheDocument()
    expect(within(build).getByText("1 warning")).toBeInTheDocument()
    const elapsed = ((view.finishedAt ?? 0) - view.startedAt) / 1000
    expect(
      screen.getByText(`1,234 tokens · offline · repairs 0/2 · ${elapsed.toFixed(1)} s`),
    ).toBeInTheDocument()
    expect(screen.queryByRole("alert")).not.toBeInTheDocument()
  })

  it("never shows Passed for a run whose tests were turned off: Not verified, with the reason", () => {
    const view = foldEvents(unverifiedRunEvents())
    const { container } = render(<RunCard view={view} now={view.startedAt + 999_999} />)

    expect(screen.queryByText("Passed")).not.toBeInTheDocument()
    expect(screen.getByText("Not verified")).toBeInTheDocument()
    expect(screen.getByRole("article")).toHaveAttribute("data-status", "unverified")
    expect(container.querySelector("header [data-verdict]")).toHaveTextContent(
      "Not verified: tests were turned off",
    )
    // The checklist's count agrees: nothing is met.
    expect(screen.getByText("0/3 met")).toBeInTheDocument()
    expect(screen.queryByRole("alert")).not.toBeInTheDocument()
  })

  it("shows a failed run with its repair, errors and diagnostics", () => {
    const view = foldEvents(failingRunEvents())
    const { container } = render(<RunCard view={view} now={FIXTURE_START} maxRepairs={3} />)

    expect(screen.getByText("Failed")).toBeInTheDocument()
    expect(screen.getByRole("alert")).toHaveTextContent("TypeScript reported 1 error.")
    expect(within(screen.getByRole("list", { name: "Stages" })).getByText("Repair")).toBeInTheDocument()
    expect(screen.getByRole("listitem", { name: "R3 unmet: Toggles annual prices" })).toBeInTheDocument()
    expect(screen.getByRole("listitem", { name: "typescript error" })).toBeInTheDocument()
    expect(screen.getByRole("listitem", { name: "eslint ok" })).toBeInTheDocument()
    expect(screen.getByText("1 error · 1 warning")).toBeInTheDocument()
    expect(screen.getByText(/repairs 1\/3/)).toBeInTheDocument()
    expect(container.querySelector("header [data-verdict]")).toHaveTextContent(
      'Failed: 1 test failed: "R3: toggles annual prices"; type-check reported 1 error',
    )
  })

  it("shows a cancelled run calmly, without an error alert", () => {
    render(<RunCard view={foldEvents(cancelledRunEvents())} now={FIXTURE_START} onCancel={() => {}} />)
    expect(screen.getByText("Cancelled")).toBeInTheDocument()
    expect(screen.queryByRole("alert")).not.toBeInTheDocument()
    expect(screen.queryByRole("button", { name: "Cancel" })).not.toBeInTheDocument()
  })

  it("follows a live run event by event", () => {
    const events = failingRunEvents()
    const { rerender } = render(<RunCard view={foldFirst(events, 1)} now={FIXTURE_START} />)
    expect(screen.getByRole("listitem", { current: "step" })).toHaveTextContent("Understand")
    for (let count = 2; count <= events.length; count++) {
      const view = foldFirst(events, count)
      rerender(<RunCard view={view} now={events[count - 1]?.ts ?? FIXTURE_START} />)
      const current = screen.queryByRole("listitem", { current: "step" })
      if (view.currentStage) expect(current).toHaveTextContent(/Understand|Write|Run tests|Repair|Report/)
      else expect(current).toBeNull()
    }
    expect(screen.getByText("Failed")).toBeInTheDocument()
  })

  it("repeats the prompt when asked", () => {
    render(<RunCard view={foldEvents(passingRunEvents())} now={FIXTURE_START} showPrompt />)
    expect(screen.getByRole("article", { name: "Run: a pricing table with three tiers" })).toHaveTextContent(
      "a pricing table with three tiers",
    )
  })
})

describe("RunCard motion", () => {
  it("settles its entrance animations so everything ends up visible", async () => {
    render(<RunCard view={foldEvents(passingRunEvents())} now={FIXTURE_START} />)
    await waitFor(
      () => expect(screen.getByRole("listitem", { name: "R1 met: Shows three tiers" })).toBeVisible(),
      {
        timeout: 2000,
      },
    )
  })
})

/** The passing fixture run as if a model had written it, with these metrics on its run_finished. */
function modelRun(provider: string, model: string, metrics: Partial<RunMetrics>): StudioEvent[] {
  return passingRunEvents().map((event) => {
    if (event.type === "run_started") return { ...event, provider, model }
    if (event.type === "run_finished") return { ...event, metrics: { ...event.metrics, ...metrics } }
    return event
  })
}

describe("RunCard: tokens and cost", () => {
  const footerOf = (container: HTMLElement) => container.querySelector("footer")?.textContent ?? ""

  it("shows a priced run's tokens and dollars, and each stage's tokens beside its time", () => {
    const view = foldEvents(
      modelRun("openai", "gpt-4o", {
        tokens: { prompt: 800, completion: 434 },
        tokensByStage: {
          interpret: { prompt: 200, completion: 34 },
          scaffold: { prompt: 300, completion: 300 },
          unit_test: { prompt: 300, completion: 100 },
        },
        costUsd: 0.00634,
        costBasis: "price",
      }),
    )
    const { container } = render(<RunCard view={view} now={view.startedAt + 999_999} />)
    expect(footerOf(container)).toMatch(/^1,234 tokens · \$0\.0063 · repairs 0\/2 · /)
    const stages = screen.getByRole("list", { name: "Stages" })
    expect(
      within(stages)
        .getByText(/^Understand/)
        .closest("li"),
    ).toHaveTextContent("234 tokens · ")
    expect(
      within(stages)
        .getByText(/^Write component/)
        .closest("li"),
    ).toHaveTextContent("600 tokens · ")
    expect(
      within(stages)
        .getByText(/^Write tests/)
        .closest("li"),
    ).toHaveTextContent("400 tokens · ")
    // A stage that asked no model shows its time only.
    expect(
      within(stages)
        .getByText(/^Run tests/)
        .closest("li"),
    ).not.toHaveTextContent("tokens")
  })

  it("says local for a local model, and that the offline generator used no tokens", () => {
    const local = foldEvents(
      modelRun("ollama", "qwen2.5-coder", {
        tokens: { prompt: 900, completion: 100 },
        costUsd: 0,
        costBasis: "local",
      }),
    )
    const { container, unmount } = render(<RunCard view={local} now={local.startedAt + 999_999} />)
    expect(footerOf(container)).toMatch(/^1,000 tokens · local · repairs/)
    unmount()

    const offline = foldEvents(
      modelRun("offline", "recipes-v1", {
        tokens: { prompt: 0, completion: 0 },
        costUsd: 0,
        costBasis: "offline",
      }),
    )
    const second = render(<RunCard view={offline} now={offline.startedAt + 999_999} />)
    expect(footerOf(second.container)).toMatch(/^offline, no tokens · repairs/)
  })

  it("says the price is unknown rather than guessing one", () => {
    const view = foldEvents(modelRun("openai", "my-finetune", { tokens: { prompt: 10, completion: 2 } }))
    const { container } = render(<RunCard view={view} now={view.startedAt + 999_999} />)
    expect(footerOf(container)).toMatch(/^12 tokens · price unknown · repairs/)
  })
})
