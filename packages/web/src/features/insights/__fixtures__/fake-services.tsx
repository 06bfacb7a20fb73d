import type { Observation, Project } from "@studio/protocol"
import { render } from "@testing-library/react"
import type { ReactElement, ReactNode } from "react"
import { MemoryRouter } from "react-router"
import { vi } from "vitest"
import type { ApiClient } from "../../../services/api-client"
import { ServicesProvider } from "../../../services/services-context"
import { PROJECT_A, PROJECT_B } from "./observations"

export const PROJECTS: Project[] = [
  {
    id: PROJECT_A,
    name: "Alpha",
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
  },
  {
    id: PROJECT_B,
    name: "Beta",
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
  },
]

/** The part of the API the insights feature uses, as recording doubles. */
export function createFakeApi(observations: Observation[] = []) {
  return {
    listObservations: vi.fn<() => Promise<Observation[]>>(async () => observations),
    listProjects: vi.fn<() => Promise<Project[]>>(async () => PROJECTS),
    sendFeedback: vi.fn<(observationId: string, satisfaction: 1 | -1) => Promise<void>>(async () => {}),
  }
}

export type FakeApi = ReturnType<typeof createFakeApi>

/** Renders inside a router and a services provider that hands out `fakeApi` (kept on `rerender`). */
export function renderWithServices(ui: ReactElement, fakeApi: FakeApi) {
  const services = { api: fakeApi as unknown as ApiClient, controller: {} as never }
  return render(ui, {
    wrapper: ({ children }: { children: ReactNode }) => (
      <MemoryRouter>
        <ServicesProvider services={services}>{children}</ServicesProvider>
      </MemoryRouter>
    ),
  })
}

/** A promise with its resolve and reject exposed, to hold a request open. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve
    reject = onReject
  })
  return { promise, resolve, reject }
}
