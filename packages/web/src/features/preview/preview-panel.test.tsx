import { act, render, screen, waitFor } from "@testing-library/react"
import type { PreviewRequest, PreviewResponse, StudioEvent, Version } from "@studio/protocol"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import type { ApiClient } from "../../services/api-client"
import { ServicesProvider } from "../../services/services-context"
import type { StudioController } from "../../services/studio-controller"
import { useStudioStore } from "../../state/studio-store"
import { pricingContract } from "../run/run-fixtures"
import { PreviewPanel } from "./preview-panel"

const VERSION_ID = "11111111-1111-4111-8111-111111111111"
const COMPONENT = "src/components/PricingTable.tsx"
const version: Version = {
  id: VERSION_ID,
  projectId: "22222222-2222-4222-8222-222222222222",
  number: 1,
  parentVersionId: null,
  prompt: "a pricing table",
  runId: null,
  success: true,
  verdict: "proven",
  reasons: [],
  createdAt: "2026-01-01T00:00:00.000Z",
  files: { [COMPONENT]: "export default function PricingTable() { return null }\n" },
  contract: pricingContract,
  report: null,
}

const pageUrl = (n: number) => `/preview/${String(n).padStart(32, "A")}`

// happy-dom loads an iframe's src; the requests are answered here (and recorded), never sent anywhere.
interface HappyDomWindow {
  happyDOM: {
    settings: {
      fetch: {
        interceptor: {
          beforeAsyncRequest(context: {
            request: { url: string }
            window: typeof globalThis
          }): Promise<unknown>
        } | null
      }
    }
  }
}
const loaded: string[] = []

function renderPanel(
  buildPreview: (request: PreviewRequest, signal?: AbortSignal) => Promise<PreviewResponse>,
) {
  const api = { buildPreview: vi.fn(buildPreview) }
  render(
    <ServicesProvider
      services={{ api: api as unknown as ApiClient, controller: {} as unknown as StudioController }}
    >
      <PreviewPanel />
    </ServicesProvider>,
  )
  return api
}

const answer = (n: number): PreviewResponse => ({
  url: pageUrl(n),
  expiresAt: "2026-01-01T00:05:00.000Z",
  diagnostics: [],
})

const frame = () => screen.getByTitle("Preview") as HTMLIFrameElement

/** A message from the preview page as the browser delivers it: from the frame's window, with the origin "null". */
function fromPreview(data: unknown, source: Window | null = frame().contentWindow) {
  act(() => {
    window.dispatchEvent(new MessageEvent("message", { data, origin: "null", source }))
  })
}

beforeEach(() => {
  loaded.length = 0
  ;(window as unknown as HappyDomWindow).happyDOM.settings.fetch.interceptor = {
    async beforeAsyncRequest({ request, window: frameWindow }) {
      loaded.push(new URL(request.url).pathname)
      return new (frameWindow as unknown as { Response: typeof Response }).Response("<p>preview</p>", {
        headers: { "content-type": "text/html" },
      })
    },
  }
  useStudioStore.getState().reset()
  useStudioStore.setState({ selectedVersionId: VERSION_ID, versionDetails: { [VERSION_ID]: version } })
})

afterEach(() => {
  ;(window as unknown as HappyDomWindow).happyDOM.settings.fetch.interceptor = null
  useStudioStore.getState().reset()
})

describe("PreviewPanel", () => {
  it("loads the page the server built by its address, in a frame sandboxed to an opaque origin (no srcdoc)", async () => {
    const api = renderPanel(async () => answer(1))
    await waitFor(() => expect(screen.getByTitle("Preview")).toBeInTheDocument())
    const iframe = frame()
    expect(iframe.getAttribute("sandbox")).toBe("allow-scripts")
    expect(iframe.getAttribute("src")).toBe(pageUrl(1))
    expect(iframe.hasAttribute("srcdoc")).toBe(false)
    expect(api.buildPreview).toHaveBeenCalledTimes(1)
    expect(api.buildPreview.mock.calls[0]?.[0]).toEqual({
      files: version.files,
      entry: COMPONENT,
      props: {},
      parentOrigin: window.location.origin,
    })
    await waitFor(() => expect(loaded).toEqual([pageUrl(1)]))
  })

  it("builds a version of given tests (tests as the spec) in that mode: its givenTests go with its files", async () => {
    const given = "src/components/TaskNav.test.js"
    const files = {
      "src/components/TaskNav.tsx":
        'import { Link } from "react-router-dom"\nexport default function TaskNav() { return <Link to="/tasks">All tasks</Link> }\n',
      [given]: "test('links to the task list', () => {})\n",
    }
    const taskNav: Version = {
      ...version,
      files,
      contract: {
        name: "TaskNav",
        summary: "Task links.",
        props: [],
        requirements: [{ id: "R1", text: "links to the task list" }],
      },
      givenTests: [given],
    }
    useStudioStore.setState({ versionDetails: { [VERSION_ID]: taskNav } })
    const api = renderPanel(async () => answer(1))
    await waitFor(() => expect(api.buildPreview).toHaveBeenCalledTimes(1))
    expect(api.buildPreview.mock.calls[0]?.[0]).toEqual({
      files,
      entry: "src/components/TaskNav.tsx",
      givenTests: [given],
      props: {},
      parentOrigin: window.location.origin,
    })
  })

  it("becomes ready on the frame's ready message, then re-renders props in place without a rebuild", async () => {
    const api = renderPanel(async () => answer(1))
    await waitFor(() => expect(screen.getByTitle("Preview")).toBeInTheDocument())
    const target = frame().contentWindow
    expect(target).not.toBeNull()
    const posted = vi.spyOn(target!, "postMessage")

    // Not from the frame, or not with the sandbox's opaque origin: ignored.
    fromPreview({ source: "studio-preview", type: "ready" }, window)
    act(() => {
      window.dispatchEvent(
        new MessageEvent("message", {
          data: { source: "studio-preview", type: "ready" },
          origin: window.location.origin,
          source: target,
        }),
      )
    })
    const panel = () => document.querySelector("[data-preview-state]")
    expect(panel()).toHaveAttribute("data-preview-state", "loading")

    fromPreview({ source: "studio-preview", type: "ready" })
    expect(panel()).toHaveAttribute("data-preview-state", "ready")
    expect(posted).toHaveBeenCalledWith({ source: "studio", type: "theme", theme: "light" }, "*")

    act(() => useStudioStore.getState().setPropValue(VERSION_ID, "title", "Plans"))
    await waitFor(() =>
      expect(posted).toHaveBeenCalledWith(
        expect.objectContaining({ source: "studio", type: "render", props: { title: "Plans" } }),
        "*",
      ),
    )
    expect(api.buildPreview).toHaveBeenCalledTimes(1)
    expect(frame().getAttribute("src")).toBe(pageUrl(1))
  })

  it("a code edit builds a new page, shown in a new frame (so the studio's history gets no entry)", async () => {
    let builds = 0
    const api = renderPanel(async () => answer(++builds))
    await waitFor(() => expect(frame().getAttribute("src")).toBe(pageUrl(1)))
    const first = frame()

    act(() =>
      useStudioStore.getState().editFile(VERSION_ID, COMPONENT, "export default function P() { return 1 }\n"),
    )
    await waitFor(() => expect(frame().getAttribute("src")).toBe(pageUrl(2)))
    expect(frame()).not.toBe(first)
    expect(first.isConnected).toBe(false)
    expect(api.buildPreview).toHaveBeenCalledTimes(2)
    expect(frame().getAttribute("sandbox")).toBe("allow-scripts")
  })

  it("during a run: the scaffold's preview while the tests run, reloaded after a repair, then the version's", async () => {
    const RUN_ID = "33333333-3333-4333-8333-333333333333"
    const scaffold = "export default function PricingTable() { return <p>scaffold</p> }\n"
    const repaired = "export default function PricingTable() { return <p>repaired</p> }\n"
    const event = (seq: number, fields: Record<string, unknown>) =>
      act(() =>
        useStudioStore
          .getState()
          .applyEvent({ runId: RUN_ID, seq, ts: 1000 + seq, ...fields } as StudioEvent),
      )
    // A first run: nothing selected yet, so without hot_reload the panel would wait for the run to finish.
    useStudioStore.getState().reset()
    act(() => {
      useStudioStore.getState().trackRun(RUN_ID, "a pricing table")
      useStudioStore.getState().setActiveRun(RUN_ID)
    })
    let builds = 0
    const api = renderPanel(async () => answer(++builds))
    event(0, { type: "run_started", prompt: "a pricing table", provider: "offline", model: "recipes" })
    event(1, { type: "file_closed", path: COMPONENT, content: scaffold })
    expect(api.buildPreview).not.toHaveBeenCalled()
    expect(screen.getByText(/its preview appears here as soon as it is/)).toBeInTheDocument()

    event(2, { type: "hot_reload", paths: [COMPONENT], files: { [COMPONENT]: scaffold }, entry: COMPONENT })
    await waitFor(() => expect(frame().getAttribute("src")).toBe(pageUrl(1)))
    expect(api.buildPreview.mock.calls[0]?.[0]).toEqual({
      files: { [COMPONENT]: scaffold },
      entry: COMPONENT,
      props: {},
      parentOrigin: window.location.origin,
    })
    fromPreview({ source: "studio-preview", type: "ready" })
    expect(document.querySelector("[data-preview-state]")).toHaveAttribute("data-preview-state", "ready")
    expect(screen.getByRole("status")).toHaveTextContent("The run's code so far; its tests are running…")

    // Tests report and fail, a repair rewrites the component: its hot_reload reloads the preview.
    event(3, { type: "test_result", name: "R1: shows three tiers", status: "fail", durationMs: 5 })
    event(4, { type: "hot_reload", paths: [COMPONENT], files: { [COMPONENT]: repaired }, entry: COMPONENT })
    await waitFor(() => expect(frame().getAttribute("src")).toBe(pageUrl(2)))
    expect(api.buildPreview.mock.calls[1]?.[0]).toMatchObject({ files: { [COMPONENT]: repaired } })

    // The run ends with a version; until it is selected and loaded the run's page stays.
    event(5, {
      type: "run_finished",
      verdict: "proven",
      reasons: [],
      success: true,
      versionId: VERSION_ID,
      metrics: { durations: {}, tokens: { prompt: 0, completion: 0 }, repairAttempts: 1 },
    })
    expect(frame().getAttribute("src")).toBe(pageUrl(2))
    expect(api.buildPreview).toHaveBeenCalledTimes(2)
    act(() =>
      useStudioStore.setState({
        versions: [version],
        selectedVersionId: VERSION_ID,
        versionDetails: { [VERSION_ID]: version },
      }),
    )
    await waitFor(() => expect(frame().getAttribute("src")).toBe(pageUrl(3)))
    expect(api.buildPreview.mock.calls[2]?.[0]).toEqual({
      files: version.files,
      entry: COMPONENT,
      props: {},
      parentOrigin: window.location.origin,
    })
    expect(loaded).toEqual([pageUrl(1), pageUrl(2), pageUrl(3)])
  })

  it("shows the error the page for an expired address posts", async () => {
    renderPanel(async () => answer(1))
    await waitFor(() => expect(screen.getByTitle("Preview")).toBeInTheDocument())
    fromPreview({
      source: "studio-preview",
      type: "error",
      message: "This preview has expired or does not exist. Reload the preview to build it again.",
    })
    expect(screen.getByRole("alert")).toHaveTextContent("This preview has expired or does not exist.")
  })
})
