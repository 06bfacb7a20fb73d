import { render, screen, waitFor } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import type { GeneratorInfo } from "@studio/protocol"
import { describe, expect, it } from "vitest"
import { ApiClient } from "../../services/api-client"
import { ServicesProvider } from "../../services/services-context"
import type { StudioController } from "../../services/studio-controller"
import { GeneratorBadge, GeneratorBadgeView } from "./generator-badge"

const offline: GeneratorInfo = {
  provider: "offline",
  model: "recipes-v1",
  offline: true,
  runsOn: "this-server",
}
const model: GeneratorInfo = {
  provider: "ollama",
  model: "qwen2.5-coder:7b",
  offline: false,
  runsOn: "this-server",
}

/** A real ApiClient whose server answers GET /api/studio with `body` at `status`, counting the requests. */
function servicesAnswering(body: unknown, status = 200) {
  const requests: { url: string; authorization: string | null }[] = []
  const api = new ApiClient({
    getToken: () => "token-1",
    fetch: async (url, init) => {
      requests.push({ url: String(url), authorization: new Headers(init?.headers).get("authorization") })
      return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } })
    },
  })
  return { services: { api, controller: {} as unknown as StudioController }, requests }
}

describe("GeneratorBadgeView", () => {
  it("says no model is configured, and its tooltip names the variables to set", async () => {
    const user = userEvent.setup()
    render(<GeneratorBadgeView generator={offline} />)
    const badge = screen.getByRole("button", { name: "Generator: Offline generator — no model configured" })
    expect(badge).toHaveAttribute("data-offline", "true")
    await user.tab()
    expect(badge).toHaveFocus()
    const tooltip = await screen.findByRole("tooltip")
    expect(tooltip).toHaveTextContent("No model is configured")
    for (const variable of ["OPENAI_BASE_URL", "OPENAI_API_KEY", "STUDIO_MODEL", "OLLAMA_HOST"])
      expect(tooltip).toHaveTextContent(variable)
    expect(tooltip).not.toHaveTextContent("workers")
  })

  it("names the model and its provider", async () => {
    const user = userEvent.setup()
    render(<GeneratorBadgeView generator={model} />)
    const badge = screen.getByRole("button", { name: "Generator: qwen2.5-coder:7b (ollama)" })
    expect(badge).toHaveTextContent("qwen2.5-coder:7b")
    expect(badge).not.toHaveTextContent("Offline")
    await user.hover(badge)
    expect(await screen.findByRole("tooltip")).toHaveTextContent(
      "qwen2.5-coder:7b on ollama writes the components",
    )
  })

  it("on an API-only instance, says the runs execute on the workers", async () => {
    const user = userEvent.setup()
    render(<GeneratorBadgeView generator={{ ...model, runsOn: "workers" }} />)
    await user.hover(screen.getByRole("button", { name: /^Generator: qwen2.5-coder/ }))
    expect(await screen.findByRole("tooltip")).toHaveTextContent("Runs execute on the studio's workers")
  })
})

describe("GeneratorBadge", () => {
  it("asks the server once, with the token, and shows its answer", async () => {
    const { services, requests } = servicesAnswering({ generator: offline })
    const { unmount } = render(
      <ServicesProvider services={services}>
        <GeneratorBadge />
      </ServicesProvider>,
    )
    expect(await screen.findByRole("button", { name: /^Generator: Offline generator/ })).toBeVisible()
    unmount()
    render(
      <ServicesProvider services={services}>
        <GeneratorBadge />
      </ServicesProvider>,
    )
    await screen.findByRole("button", { name: /^Generator: Offline generator/ })
    expect(requests).toEqual([{ url: "/api/studio", authorization: "Bearer token-1" }])
  })

  it("shows nothing when the server's answer is not one, and asks again next time", async () => {
    const { services, requests } = servicesAnswering({ generator: { provider: "offline" } })
    const { unmount } = render(
      <ServicesProvider services={services}>
        <GeneratorBadge />
      </ServicesProvider>,
    )
    await waitFor(() => expect(requests).toHaveLength(1))
    // The failed answer settles after the request: let it, then look.
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(screen.queryByRole("button", { name: /^Generator/ })).toBeNull()
    unmount()
    render(
      <ServicesProvider services={services}>
        <GeneratorBadge />
      </ServicesProvider>,
    )
    await waitFor(() => expect(requests).toHaveLength(2))
  })
})
