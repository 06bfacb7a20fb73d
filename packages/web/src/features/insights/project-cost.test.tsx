import { render, screen } from "@testing-library/react"
import { afterEach, describe, expect, it } from "vitest"
import { useStudioStore } from "../../state/studio-store"
import { makeObservation, PROJECT_A, PROJECT_B } from "./__fixtures__/observations"
import { ProjectCost } from "./project-cost"

const showProject = (projectId: string, observations: ReturnType<typeof makeObservation>[]) => {
  useStudioStore.getState().selectProject(projectId)
  useStudioStore.getState().setObservations(observations)
}

afterEach(() => useStudioStore.getState().selectProject(null))

describe("ProjectCost", () => {
  it("shows the current project's dollars and tokens, and marks runs it could not price", () => {
    showProject(PROJECT_A, [
      makeObservation(3, { metrics: { costUsd: 0.02 } }),
      makeObservation(2, { metrics: { costUsd: 0.0125 } }),
      makeObservation(1),
    ])
    render(<ProjectCost />)
    const cost = screen.getByRole("status", { name: "Project cost" })
    expect(cost).toHaveTextContent("$0.03 +? · 4,500 tokens")
    expect(cost).toHaveAttribute(
      "title",
      "This project: 3 runs, 4,500 tokens; 1 run without a known price not counted",
    )
  })

  it("says local for a local model's runs and offline for the offline generator's, and nothing before a run", () => {
    showProject(PROJECT_B, [
      makeObservation(1, { projectId: PROJECT_B, metrics: { costUsd: 0, costLocal: 1 } }),
    ])
    const { unmount } = render(<ProjectCost />)
    expect(screen.getByRole("status", { name: "Project cost" })).toHaveTextContent("1,500 tokens · local")
    unmount()

    showProject(PROJECT_B, [
      makeObservation(1, {
        projectId: PROJECT_B,
        metrics: { promptTokens: 0, completionTokens: 0, costUsd: 0, costOffline: 1 },
      }),
    ])
    const second = render(<ProjectCost />)
    expect(screen.getByRole("status", { name: "Project cost" })).toHaveTextContent("offline, no tokens")
    second.unmount()

    showProject(PROJECT_A, [])
    const { container } = render(<ProjectCost />)
    expect(container).toBeEmptyDOMElement()
  })
})
