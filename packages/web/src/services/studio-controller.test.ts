// @vitest-environment node
// The web app's services against a real studio server (PGlite, offline generator): the API client, the socket
// client and the controller that writes into the stores, as the browser uses them.
import WebSocket from "ws"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { startTestServer, type TestServer } from "../../../server/test/support/test-server"
import { requirementsOf } from "../state/run-view"
import { useSessionStore } from "../state/session-store"
import { useStudioStore } from "../state/studio-store"
import { ApiClient, ApiRequestError } from "./api-client"
import { StudioController } from "./studio-controller"
import { StudioSocket } from "./studio-socket"

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
}, 120_000)

afterAll(async () => {
  await server?.stop()
}, 120_000)

beforeEach(() => {
  useStudioStore.getState().reset()
  useSessionStore.getState().signedOut()
})

function createController(downloads: { blob: Blob; fileName: string }[] = []) {
  const api = new ApiClient({ baseUrl: server.url, getToken: () => useSessionStore.getState().token })
  const controller = new StudioController({
    api,
    socketUrl: `${server.url.replace(/^http/, "ws")}/api/ws`,
    createSocket: (options) =>
      new StudioSocket({
        ...options,
        createWebSocket: (url, protocols) =>
          new WebSocket(url, protocols, { origin: server.url }) as unknown as globalThis.WebSocket,
      }),
    download: (blob, fileName) => downloads.push({ blob, fileName }),
  })
  return { api, controller }
}

async function until<T>(read: () => T | undefined | null | false, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = read()
    if (value) return value
    if (Date.now() > deadline) throw new Error("timed out waiting")
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const studio = () => useStudioStore.getState()
const email = () => `web-${Math.random().toString(36).slice(2)}@example.com`

describe("StudioController against a real server", () => {
  it("signs up, generates v1 live over the socket, follows up into v2, restores v1 and exports", async () => {
    const downloads: { blob: Blob; fileName: string }[] = []
    const { controller } = createController(downloads)
    await controller.signUp({ email: email(), password: "correct horse battery" })
    expect(useSessionStore.getState().status).toBe("signed-in")

    const projectId = await controller.openStudio()
    expect(studio().projects.map((project) => project.id)).toEqual([projectId])
    expect(studio().availablePlugins.map((plugin) => plugin.name)).toContain("vitest")
    await until(() => studio().connectionStatus === "connected")

    // Which view is open while the run goes on: Code while the first component is written, Preview from its
    // hot_reload on (the scaffold's preview, before the tests finish).
    const views: string[] = []
    const unsubscribe = useStudioStore.subscribe((state) => {
      const run = state.activeRunId ? state.runs[state.activeRunId] : undefined
      const entry = `${state.activeView}:${run?.status ?? "none"}`
      if (views.at(-1) !== entry) views.push(entry)
    })
    controller.sendPrompt("a star rating with 5 stars")
    expect(studio().pendingPrompt).toBe("a star rating with 5 stars")
    const runId = await until(() => studio().activeRunId)
    expect(studio().pendingPrompt).toBeNull()
    const finished = await until(() => {
      const view = studio().runs[runId]
      return view?.status !== "running" && view
    })
    unsubscribe()
    expect(views.slice(views.indexOf("code:running"))).toEqual([
      "code:running",
      "preview:running",
      "preview:succeeded",
    ])
    expect(Object.keys(finished.preview?.files ?? {})).toEqual(["src/components/StarRating.tsx"])
    expect(finished.preview?.entry).toBe("src/components/StarRating.tsx")
    expect(finished.status).toBe("succeeded")
    expect(finished.contract?.requirements.length).toBeGreaterThan(0)
    expect(requirementsOf(finished).every((requirement) => requirement.state === "met")).toBe(true)
    const v1 = await until(() => studio().versions.find((version) => version.number === 1))
    expect(finished.versionId).toBe(v1.id)
    await until(() => studio().selectedVersionId === v1.id && studio().versionDetails[v1.id])
    expect(Object.keys(studio().versionDetails[v1.id]!.files)).toContain("src/components/StarRating.tsx")

    // A follow-up builds on the selected version.
    controller.sendPrompt("make it 7 stars")
    const v2 = await until(() => studio().versions.find((version) => version.number === 2))
    expect(v2.parentVersionId).toBe(v1.id)
    await until(() => studio().selectedVersionId === v2.id && studio().versionDetails[v2.id])

    await controller.restoreVersion(v1.id)
    const v3 = await until(() => studio().versions.find((version) => version.number === 3))
    expect(v3.parentVersionId).toBe(v1.id)
    expect(studio().versionDetails[v3.id]?.files).toEqual(studio().versionDetails[v1.id]?.files)

    await controller.exportVersion(v1.id)
    expect(downloads[0]?.fileName).toMatch(/^StarRating-v1\.zip$/)
    expect(downloads[0]!.blob.size).toBeGreaterThan(1000)
    controller.signOut()
  }, 180_000)

  it("after a reload mid-run, finds the running run and resumes it from the stored events", async () => {
    const { api, controller } = createController()
    await controller.signUp({ email: email(), password: "correct horse battery" })
    const projectId = await controller.openStudio()
    // The run starts without this page's socket, as if the tab that sent it had been reloaded.
    const started = await fetch(`${server.url}/api/runs`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${useSessionStore.getState().token}`,
      },
      body: JSON.stringify({ projectId, prompt: "a login form with email and password" }),
    })
    const { runId } = (await started.json()) as { runId: string }
    const { token, user } = useSessionStore.getState()
    controller.signOut()

    // "Reload": fresh stores, a new controller, the same stored token.
    useSessionStore.getState().signedIn(token!, user!)
    const reloaded = createController().controller
    await reloaded.restoreSession()
    await reloaded.openStudio(projectId)
    const view = await until(() => {
      const run = studio().runs[runId]
      return run?.status !== "running" && run
    })
    expect(studio().activeRunId).toBe(runId)
    const stored = await api.runEvents(runId, -1)
    expect(view.lastSeq).toBe(stored.at(-1)!.seq)
    expect(view.status).toBe("succeeded")
    reloaded.signOut()
  }, 180_000)

  it("turns API errors into typed errors with the server's code and message", async () => {
    const { api, controller } = createController()
    await expect(api.login({ email: email(), password: "wrong password" })).rejects.toMatchObject({
      code: "unauthorized",
      status: 401,
    })
    await controller.signUp({ email: email(), password: "correct horse battery" })
    const error = await api
      .getVersion("00000000-0000-4000-8000-000000000000")
      .catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(ApiRequestError)
    expect(error).toMatchObject({ code: "not_found", status: 404 })
    const offline = new ApiClient({ baseUrl: "http://127.0.0.1:9", getToken: () => null })
    await expect(offline.listProjects()).rejects.toMatchObject({ code: "network" })
    controller.signOut()
  })
})

describe("StudioController at the hourly limit", () => {
  let limited: TestServer

  beforeAll(async () => {
    limited = await startTestServer({ STUDIO_RATE_LIMIT: "1" })
  }, 120_000)

  // A graceful stop waits up to 10 s for the runs still going, then at most a few bounded steps (server.ts).
  afterAll(async () => {
    await limited?.stop()
  }, 120_000)

  it("shows when the next prompt can be sent, and sends only the plugins left on", async () => {
    const previous = server
    server = limited
    try {
      const { controller } = createController()
      await controller.signUp({ email: email(), password: "correct horse battery" })
      await controller.openStudio()
      await until(() => studio().connectionStatus === "connected")
      studio().togglePlugin("eslint")
      controller.sendPrompt("a star rating with 5 stars")
      const runId = await until(() => studio().activeRunId)
      const view = await until(() => studio().runs[runId]?.status !== "running" && studio().runs[runId])
      // The run went through without the step that was turned off.
      expect(Object.keys(view.buildSteps)).not.toContain("eslint")
      expect(Object.keys(view.buildSteps)).toContain("vitest")

      controller.sendPrompt("make it 7 stars")
      const notice = await until(() => studio().notice)
      expect(notice.kind).toBe("rate_limit")
      expect(notice.until! - Date.now()).toBeGreaterThan(60_000)
      expect(notice.until! - Date.now()).toBeLessThanOrEqual(3_600_000)
      expect(studio().pendingPrompt).toBeNull()
      controller.signOut()
    } finally {
      server = previous
    }
  }, 180_000)
})
