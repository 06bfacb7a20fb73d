import type { Credentials, GivenTestFile, StudioEvent } from "@studio/protocol"
import { pluginsForRun } from "../state/plugin-selection"
import { useSessionStore } from "../state/session-store"
import { filesOf, useStudioStore } from "../state/studio-store"
import { ApiRequestError, type ApiClient } from "./api-client"
import { StudioSocket, type StudioSocketOptions } from "./studio-socket"

type SocketFactory = (
  options: StudioSocketOptions,
) => Pick<StudioSocket, "start" | "stop" | "send" | "reconnectNow">

export interface StudioControllerOptions {
  api: ApiClient
  socketUrl: string
  createSocket?: SocketFactory
  /** Where downloads go; the browser's anchor-click by default. */
  download?: (blob: Blob, fileName: string) => void
}

const studio = () => useStudioStore.getState()
const session = () => useSessionStore.getState()

/**
 * The studio's I/O: it calls the API and the socket and writes what comes back into the stores. Components read
 * the stores and call these methods; nothing else talks to the server.
 */
export class StudioController {
  private readonly api: ApiClient
  private readonly socket: ReturnType<SocketFactory>
  /** Runs whose events this page wants live; resubscribed from their last seq after every reconnect. */
  private readonly watching = new Set<string>()
  private readonly pendingPrompts = new Map<string, { prompt: string; projectId: string }>()
  /** Test runs of edited code -> the version whose edits they are; the edits live on in the new version. */
  private readonly editedFrom = new Map<string, string>()
  private readonly download: (blob: Blob, fileName: string) => void
  private loadToken = 0
  private loadingProjects: Promise<void> | null = null
  /** Set when the Code view was opened for a first run (nothing to preview yet), to go back to Preview after it. */
  private codeShownForRun: string | null = null

  constructor(options: StudioControllerOptions) {
    this.api = options.api
    this.download = options.download ?? downloadWithAnchor
    const createSocket: SocketFactory =
      options.createSocket ?? ((socketOptions) => new StudioSocket(socketOptions))
    this.socket = createSocket({
      url: options.socketUrl,
      getToken: () => session().token,
      handlers: {
        onStatus: (status, detail) => studio().setConnection(status, detail.retryInMs),
        onEvent: (event) => this.receiveEvent(event),
        onControl: (message) => {
          if (message.type === "run_accepted") this.runAccepted(message.runId, message.requestId)
          else if (message.type === "error") this.socketError(message)
        },
        onReady: () => {
          for (const runId of this.watching) {
            const view = studio().runs[runId]
            this.socket.send({ type: "subscribe", runId, afterSeq: view?.lastSeq ?? -1 })
          }
        },
        onUnauthorized: () => this.endSession(),
      },
    })
  }

  // --- session ------------------------------------------------------------------------------------------------

  async signIn(credentials: Credentials): Promise<void> {
    const { token, user } = await this.api.login(credentials)
    session().signedIn(token, user)
  }

  async signUp(credentials: Credentials): Promise<void> {
    const { token, user } = await this.api.register(credentials)
    session().signedIn(token, user)
  }

  /** On load: a stored token is checked with the server before the studio opens. */
  async restoreSession(): Promise<void> {
    if (!session().token) return
    try {
      session().checked(await this.api.me())
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) this.endSession()
      else if (error instanceof ApiRequestError && error.code === "network") {
        // Keep the token: the server may be restarting; the socket's reconnects will tell.
        const user = session().user
        if (user) session().checked(user)
        else useSessionStore.setState({ status: "signed-in" })
      } else throw error
    }
  }

  signOut(): void {
    this.endSession()
  }

  private endSession(): void {
    this.socket.stop()
    this.watching.clear()
    this.pendingPrompts.clear()
    this.editedFrom.clear()
    this.loadingProjects = null
    studio().reset()
    session().signedOut()
  }

  // --- projects and versions -------------------------------------------------------------------------------------

  /**
   * Opens the studio on the given (or most recent) project: the socket, and the projects and plugins, which are
   * loaded once per session; a route change to another project only loads that project.
   */
  async openStudio(projectId?: string): Promise<string> {
    this.socket.start()
    this.loadingProjects ??= this.loadProjects()
    try {
      await this.loadingProjects
    } catch (error) {
      this.loadingProjects = null
      throw error
    }
    const projects = studio().projects
    const chosen = projects.find((project) => project.id === projectId) ?? projects[0]!
    await this.selectProject(chosen.id)
    return chosen.id
  }

  private async loadProjects(): Promise<void> {
    const [projects, plugins] = await Promise.all([this.api.listProjects(), this.api.listPlugins()])
    studio().setPlugins(plugins)
    studio().setProjects(
      projects.length > 0 ? projects : [await this.api.createProject("My first component")],
    )
  }

  /** Shows a project: its versions (the newest selected) and any run of it still going. */
  async selectProject(projectId: string): Promise<void> {
    if (studio().currentProjectId === projectId) return
    this.watching.clear()
    studio().selectProject(projectId)
    const token = ++this.loadToken
    const [versions, runs] = await Promise.all([
      this.api.listVersions(projectId),
      this.api.listRuns(projectId),
    ]).catch((error: unknown) => {
      // Not shown after all: a later attempt must load it again rather than find it "already open".
      if (token === this.loadToken) studio().selectProject(null)
      throw error
    })
    if (token !== this.loadToken) return
    studio().setVersions(versions)
    void this.refreshObservations()
    const latest = versions.at(-1)
    if (latest) await this.selectVersion(latest.id)
    // A run still going or waiting (this page was reloaded mid-run, or another tab started it): watch it again from
    // the start.
    const running = runs.find((run) => run.status === "running" || run.status === "queued")
    if (running) {
      studio().trackRun(running.id, running.prompt)
      studio().setActiveRun(running.id)
      this.watch(running.id)
    }
  }

  async createProject(name: string): Promise<void> {
    const project = await this.api.createProject(name)
    studio().upsertProject(project)
    await this.selectProject(project.id)
  }

  async renameProject(projectId: string, name: string): Promise<void> {
    studio().upsertProject(await this.api.renameProject(projectId, name))
  }

  async selectVersion(versionId: string): Promise<void> {
    studio().selectVersion(versionId)
    await this.ensureVersion(versionId)
  }

  async ensureVersion(versionId: string): Promise<void> {
    if (studio().versionDetails[versionId]) return
    studio().storeVersion(await this.api.getVersion(versionId))
  }

  private async refreshVersions(selectId?: string): Promise<void> {
    const projectId = studio().currentProjectId
    if (!projectId) return
    const versions = await this.api.listVersions(projectId)
    if (studio().currentProjectId !== projectId) return
    studio().setVersions(versions)
    if (selectId) await this.selectVersion(selectId)
    void this.refreshObservations()
  }

  private async refreshObservations(): Promise<void> {
    const projectId = studio().currentProjectId
    try {
      const observations = await this.api.listObservations()
      if (studio().currentProjectId === projectId)
        studio().setObservations(observations.filter((entry) => entry.projectId === projectId))
    } catch {
      // Thumbs up/down wait for the next refresh; nothing else depends on observations.
    }
  }

  /** Folds a finished run's stored events into a view, to show its full report in the chat history. */
  async loadRun(runId: string): Promise<void> {
    if (studio().runs[runId]) return
    const events = await this.api.runEvents(runId, -1)
    studio().trackRun(runId)
    for (const event of events) studio().applyEvent(event)
  }

  async restoreVersion(versionId: string): Promise<void> {
    const restored = await this.api.restoreVersion(versionId)
    await this.refreshVersions(restored.id)
    studio().setNotice({ kind: "info", message: `Restored as v${restored.number}.` })
  }

  async exportVersion(versionId: string): Promise<void> {
    const { blob, fileName } = await this.api.exportVersion(versionId)
    this.download(blob, fileName)
  }

  // --- runs -----------------------------------------------------------------------------------------------------

  /** Sends a prompt: a new component, or a follow-up on the selected version. */
  sendPrompt(prompt: string, tests?: GivenTestFile[]): void {
    const state = studio()
    const projectId = state.currentProjectId
    const given = tests && tests.length > 0 ? tests : undefined
    const text = prompt.trim()
    if (!projectId || (!text && !given)) return
    const requestId = crypto.randomUUID()
    // Tests as the spec: what the chat shows of a prompt that is only tests is their names.
    const shown = given
      ? [text, `Tests: ${given.map((test) => test.name).join(", ")}`].filter(Boolean).join("\n")
      : text
    this.pendingPrompts.set(requestId, { prompt: shown, projectId })
    const plugins = pluginsForRun(state.availablePlugins, state.selectedPlugins)
    state.setNotice(null)
    useStudioStore.setState({ pendingPrompt: shown })
    this.socket.send({
      type: "generate",
      requestId,
      projectId,
      prompt: text,
      ...(given ? { tests: given } : {}),
      ...(state.selectedVersionId ? { parentVersionId: state.selectedVersionId } : {}),
      ...(plugins ? { plugins } : {}),
    })
  }

  cancelRun(runId: string): void {
    this.socket.send({ type: "cancel", runId })
  }

  /** Re-runs the tests on the selected version with the person's edits; the run saves them as a new version. */
  async runTests(): Promise<void> {
    const state = studio()
    const versionId = state.selectedVersionId
    if (!versionId) return
    const files = filesOf(state, versionId)
    try {
      const runId = await this.api.startTestRun(versionId, files)
      this.editedFrom.set(runId, versionId)
      const version = state.versions.find((entry) => entry.id === versionId)
      studio().trackRun(runId, `Run tests on edited v${version?.number ?? "?"}`)
      studio().setActiveRun(runId)
      studio().setWorkspace("chat")
      this.watch(runId)
    } catch (error) {
      this.showError(error)
    }
  }

  reconnect(): void {
    this.socket.reconnectNow()
  }

  private watch(runId: string): void {
    this.watching.add(runId)
    const view = studio().runs[runId]
    this.socket.send({ type: "subscribe", runId, afterSeq: view?.lastSeq ?? -1 })
  }

  private runAccepted(runId: string, requestId: string | undefined): void {
    const pending = requestId ? this.pendingPrompts.get(requestId) : undefined
    if (requestId) this.pendingPrompts.delete(requestId)
    useStudioStore.setState({ pendingPrompt: null })
    if (pending && pending.projectId !== studio().currentProjectId) return
    studio().trackRun(runId, pending?.prompt)
    studio().setActiveRun(runId)
    // With nothing to preview yet, watch the code being written instead, as it streams in.
    if (studio().versions.length === 0 && studio().activeView === "preview") {
      studio().setView("code")
      this.codeShownForRun = runId
    }
    // The server already follows the run for this connection; after a reconnect onReady resubscribes.
    this.watching.add(runId)
  }

  private receiveEvent(event: StudioEvent): void {
    if (!studio().runs[event.runId]) {
      if (!this.watching.has(event.runId)) return
      studio().trackRun(event.runId)
    }
    studio().applyEvent(event)
    // The Code view was opened for want of a preview: the run's own preview (hot_reload) is one, show it.
    if (event.type === "hot_reload" && event.files && this.codeShownForRun === event.runId) {
      this.codeShownForRun = null
      if (studio().activeView === "code") studio().setView("preview")
    }
    if (event.type === "run_finished") {
      this.watching.delete(event.runId)
      const source = this.editedFrom.get(event.runId)
      this.editedFrom.delete(event.runId)
      // The edits are saved as the new version now; the version they were made on goes back to what it was.
      if (source && event.versionId) studio().discardEdits(source)
      if (this.codeShownForRun === event.runId) {
        this.codeShownForRun = null
        if (event.versionId && studio().activeView === "code") studio().setView("preview")
      }
      void this.refreshVersions(event.versionId).catch((error: unknown) => this.showError(error))
    }
  }

  private socketError(message: {
    code: string
    message: string
    retryAfterMs?: number
    runId?: string
  }): void {
    if (message.code === "lagging" && message.runId) {
      this.watch(message.runId)
      return
    }
    useStudioStore.setState({ pendingPrompt: null })
    if (message.code === "rate_limited" && message.retryAfterMs !== undefined) {
      studio().setNotice({
        kind: "rate_limit",
        message: message.message,
        until: Date.now() + message.retryAfterMs,
      })
      return
    }
    studio().setNotice({ kind: "error", message: message.message })
  }

  showError(error: unknown): void {
    if (error instanceof ApiRequestError && error.code === "rate_limited")
      studio().setNotice({
        kind: "rate_limit",
        message: error.message,
        ...(error.retryAfterMs !== undefined ? { until: Date.now() + error.retryAfterMs } : {}),
      })
    else
      studio().setNotice({
        kind: "error",
        message: error instanceof Error ? error.message : "Something went wrong.",
      })
  }
}

function downloadWithAnchor(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const anchor = document.createElement("a")
  anchor.href = url
  anchor.download = fileName
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
