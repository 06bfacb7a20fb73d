import { render, screen, waitFor } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { MemoryRouter, Route, Routes, useParams } from "react-router"
import { afterEach, describe, expect, it, vi } from "vitest"
import { ServicesProvider } from "../../services/services-context"
import type { StudioController } from "../../services/studio-controller"
import { useStudioStore } from "../../state/studio-store"
import { ProjectSelector } from "./project-selector"

const project = (id: string, name: string) => ({
  id,
  name,
  createdAt: "2026-11-25T00:00:00Z",
  updatedAt: "2026-11-25T00:00:00Z",
})
const A = "00000000-0000-4000-8000-00000000000a"
const B = "00000000-0000-4000-8000-00000000000b"
const C = "00000000-0000-4000-8000-00000000000c"

afterEach(() => useStudioStore.getState().reset())

function CurrentRoute() {
  return <p data-testid="route">{useParams().projectId}</p>
}

function renderSelector() {
  useStudioStore.setState({ projects: [project(A, "Pricing"), project(B, "Login")], currentProjectId: A })
  const controller = {
    createProject: vi.fn(async (name: string) => {
      useStudioStore.getState().upsertProject(project(C, name))
      useStudioStore.setState({ currentProjectId: C })
    }),
    renameProject: vi.fn(async (projectId: string, name: string) => {
      useStudioStore.getState().upsertProject(project(projectId, name))
    }),
  }
  render(
    <ServicesProvider services={{ api: {} as never, controller: controller as unknown as StudioController }}>
      <MemoryRouter initialEntries={[`/projects/${A}`]}>
        <ProjectSelector />
        <Routes>
          <Route path="/projects/:projectId" element={<CurrentRoute />} />
        </Routes>
      </MemoryRouter>
    </ServicesProvider>,
  )
  return controller
}

describe("ProjectSelector", () => {
  it("switches to another project by its route", async () => {
    const user = userEvent.setup()
    renderSelector()
    await user.click(screen.getByRole("button", { name: "Project" }))
    await user.click(await screen.findByRole("menuitemradio", { name: "Login" }))
    expect(screen.getByTestId("route")).toHaveTextContent(B)
  })

  it("creates a project from the dialog and opens it", async () => {
    const user = userEvent.setup()
    const controller = renderSelector()
    await user.click(screen.getByRole("button", { name: "Project" }))
    await user.click(await screen.findByRole("menuitem", { name: "New project" }))
    await user.type(await screen.findByRole("textbox", { name: "Project name" }), "Kanban{Enter}")
    expect(controller.createProject).toHaveBeenCalledWith("Kanban")
    await waitFor(() => expect(screen.getByTestId("route")).toHaveTextContent(C))
    expect(screen.queryByRole("dialog")).toBeNull()
  })

  it("renames the current project", async () => {
    const user = userEvent.setup()
    const controller = renderSelector()
    await user.click(screen.getByRole("button", { name: "Project" }))
    await user.click(await screen.findByRole("menuitem", { name: "Rename project" }))
    const name = await screen.findByRole("textbox", { name: "Project name" })
    expect(name).toHaveValue("Pricing")
    await user.clear(name)
    await user.type(name, "Pricing page")
    await user.click(screen.getByRole("button", { name: "Save name" }))
    expect(controller.renameProject).toHaveBeenCalledWith(A, "Pricing page")
    expect(screen.getByRole("button", { name: "Project" })).toHaveTextContent("Pricing page")
  })
})
