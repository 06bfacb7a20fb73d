import { render, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import type { SandboxIsolation } from "@studio/protocol"
import { describe, expect, it } from "vitest"
import { ApiClient } from "../../services/api-client"
import { ServicesProvider } from "../../services/services-context"
import type { StudioController } from "../../services/studio-controller"
import { RunCard } from "./run-card"
import { passingRunEvents, foldEvents } from "./run-fixtures"
import { SandboxBadge, SandboxBadgeView } from "./sandbox-badge"

const unshare: SandboxIsolation = {
  level: "namespaces+cgroup",
  backend: "unshare",
  protectsAgainst: ["the network: a network namespace of its own"],
  doesNotProtectAgainst: ["kernel bugs: the sandbox shares the host's Linux kernel"],
  warnings: [],
  runsUntrustedCode: true,
  allowUnisolated: false,
}
const processOnly: SandboxIsolation = {
  ...unshare,
  level: "process",
  backend: "process",
  protectsAgainst: ["the studio's environment and secrets"],
  doesNotProtectAgainst: ["the network: the internet and the host's loopback are reachable"],
  runsUntrustedCode: false,
}

/** A real ApiClient whose server answers GET /api/sandbox with `body`, counting the requests. */
function servicesAnswering(body: unknown) {
  const requests: { url: string; authorization: string | null }[] = []
  const api = new ApiClient({
    getToken: () => "token-1",
    fetch: async (url, init) => {
      requests.push({ url: String(url), authorization: new Headers(init?.headers).get("authorization") })
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { "content-type": "application/json" },
      })
    },
  })
  return { services: { api, controller: {} as unknown as StudioController }, requests }
}

describe("SandboxBadgeView", () => {
  it("names the backend and, in its tooltip, what it protects against and what not", async () => {
    const user = userEvent.setup()
    render(<SandboxBadgeView isolation={unshare} />)
    const badge = screen.getByRole("button", { name: "Sandbox: unshare (namespaces+cgroup)" })
    await user.hover(badge)
    const tooltip = await screen.findByRole("tooltip")
    expect(tooltip).toHaveTextContent("Tests run in util-linux unshare namespaces (namespaces+cgroup)")
    expect(tooltip).toHaveTextContent("Protects against:the network: a network namespace of its own")
    expect(tooltip).toHaveTextContent("Does not protect against:kernel bugs")
    expect(tooltip).not.toHaveTextContent("refused")
  })

  it("warns at the process level, and says model-written code is refused", async () => {
    const user = userEvent.setup()
    render(<SandboxBadgeView isolation={processOnly} />)
    const badge = screen.getByRole("button", { name: "Sandbox: no isolation (process)" })
    expect(badge).toHaveAttribute("data-backend", "process")
    await user.tab()
    expect(badge).toHaveFocus()
    const tooltip = await screen.findByRole("tooltip")
    expect(tooltip).toHaveTextContent("no namespaces on this server")
    expect(tooltip).toHaveTextContent("the host's loopback are reachable")
    expect(tooltip).toHaveTextContent("Model-written and edited code is refused on this server")
  })

  it("says so when the operator runs untrusted code without isolation", async () => {
    const user = userEvent.setup()
    render(
      <SandboxBadgeView isolation={{ ...processOnly, runsUntrustedCode: true, allowUnisolated: true }} />,
    )
    await user.hover(screen.getByRole("button", { name: /^Sandbox: no isolation/ }))
    expect(await screen.findByRole("tooltip")).toHaveTextContent("STUDIO_ALLOW_UNISOLATED=1 is set")
  })
})

describe("SandboxBadge", () => {
  it("asks the server once per session (GET /api/sandbox, signed in) and shows its answer", async () => {
    const { services, requests } = servicesAnswering({ isolation: unshare })
    render(
      <ServicesProvider services={services}>
        <SandboxBadge />
        <SandboxBadge />
      </ServicesProvider>,
    )
    await waitFor(() => expect(screen.getAllByRole("button", { name: /^Sandbox: unshare/ })).toHaveLength(2))
    expect(requests).toEqual([{ url: "/api/sandbox", authorization: "Bearer token-1" }])
  })

  it("shows nothing for an answer that does not parse, or outside the app", async () => {
    const { services, requests } = servicesAnswering({ isolation: { ...unshare, backend: "docker" } })
    render(
      <ServicesProvider services={services}>
        <SandboxBadge />
      </ServicesProvider>,
    )
    await waitFor(() => expect(requests).toHaveLength(1))
    expect(screen.queryByRole("button", { name: /^Sandbox/ })).not.toBeInTheDocument()
    render(<SandboxBadge />)
    expect(screen.queryByRole("button", { name: /^Sandbox/ })).not.toBeInTheDocument()
  })

  it("sits in the run card's Build section", async () => {
    const { services } = servicesAnswering({ isolation: processOnly })
    const view = foldEvents(passingRunEvents())
    render(
      <ServicesProvider services={services}>
        <RunCard view={view} now={view.startedAt + 5000} />
      </ServicesProvider>,
    )
    const build = screen.getByRole("region", { name: "Build" })
    expect(
      await within(build).findByRole("button", { name: "Sandbox: no isolation (process)" }),
    ).toBeInTheDocument()
  })
})
