import { render, screen, within } from "@testing-library/react"
import type { VersionSummary } from "@studio/protocol"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import type { ApiClient } from "../../services/api-client"
import { ServicesProvider } from "../../services/services-context"
import type { StudioController } from "../../services/studio-controller"
import { useStudioStore } from "../../state/studio-store"
import { ChatPanel } from "./chat-panel"

const PROJECT_ID = "22222222-2222-4222-8222-222222222222"

function version(
  number: number,
  fields: Pick<VersionSummary, "success" | "verdict" | "reasons">,
): VersionSummary {
  return {
    id: `11111111-1111-4111-8111-00000000000${number}`,
    projectId: PROJECT_ID,
    number,
    parentVersionId: null,
    prompt: `prompt ${number}`,
    runId: null,
    createdAt: "2026-01-01T00:00:00.000Z",
    ...fields,
  }
}

function renderChat(versions: VersionSummary[]) {
  useStudioStore.setState({ currentProjectId: PROJECT_ID })
  useStudioStore.getState().setVersions(versions)
  render(
    <ServicesProvider
      services={{ api: {} as unknown as ApiClient, controller: {} as unknown as StudioController }}
    >
      <ChatPanel />
    </ServicesProvider>,
  )
}

beforeEach(() => useStudioStore.getState().reset())
afterEach(() => useStudioStore.getState().reset())

describe("ChatPanel's version history", () => {
  it("shows Passed only for a proven version; an unverified one says Not verified and why", () => {
    renderChat([
      version(1, { success: true, verdict: "proven", reasons: [] }),
      version(2, { success: false, verdict: "unverified", reasons: ["tests were turned off"] }),
      version(3, { success: false, verdict: "failed", reasons: ["lint reported 1 error"] }),
      version(4, { success: null, verdict: null, reasons: [] }),
    ])
    const entry = (number: number) => screen.getByRole("article", { name: `Version ${number}` })

    expect(within(entry(1)).getByText("Passed")).toBeInTheDocument()

    expect(within(entry(2)).queryByText("Passed")).not.toBeInTheDocument()
    expect(within(entry(2)).getByText("Not verified")).toBeInTheDocument()
    expect(within(entry(2)).getByText("tests were turned off", { exact: false })).toHaveTextContent(
      "Not verified: tests were turned off",
    )

    expect(within(entry(3)).getByText("Failed")).toBeInTheDocument()
    expect(within(entry(3)).getByText("lint reported 1 error", { exact: false })).toHaveTextContent(
      "Failed: lint reported 1 error",
    )

    expect(within(entry(4)).getByText("Saved")).toBeInTheDocument()
    expect(screen.getAllByText("Passed")).toHaveLength(1)
  })
})
