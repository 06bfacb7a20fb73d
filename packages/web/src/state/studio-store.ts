import type {
  Observation,
  PluginManifestInfo,
  Project,
  StudioEvent,
  Version,
  VersionSummary,
} from "@studio/protocol"
import { create } from "zustand"
import type { ConnectionStatus } from "../services/studio-socket"
import { defaultPluginSelection } from "./plugin-selection"
import { applyRunEvent, createRunView, type RunView } from "./run-view"

export type Workspace = "chat" | "design"
export type View = "preview" | "code"
export type Viewport = "mobile" | "tablet" | "desktop"
export type Theme = "light" | "dark"

export interface Notice {
  kind: "rate_limit" | "error" | "info"
  message: string
  /** Epoch ms when the limit lifts (rate_limit). */
  until?: number
}

export interface StudioState {
  projects: Project[]
  currentProjectId: string | null
  versions: VersionSummary[]
  selectedVersionId: string | null
  /** Versions with files, fetched on demand. */
  versionDetails: Record<string, Version>

  activeWorkspace: Workspace
  activeView: View

  connectionStatus: ConnectionStatus
  /** Epoch ms of the next reconnect attempt while disconnected. */
  retryAt?: number

  /** Runs of the current project that this page has seen, by id. */
  runs: Record<string, RunView>
  /** The run being watched live (generating or just finished). */
  activeRunId: string | null
  /** A prompt sent and not yet accepted by the server. */
  pendingPrompt: string | null
  /** The current project's measured runs, by run id (for thumbs up/down on each result). */
  observations: Record<string, Observation>

  availablePlugins: PluginManifestInfo[]
  selectedPlugins: string[]

  /** Unsaved code edits per version: path -> content. */
  edits: Record<string, Record<string, string>>
  /** Design-panel values per version. */
  propValues: Record<string, Record<string, unknown>>
  openFile: string | null

  previewTheme: Theme
  viewport: Viewport
  /** How long the last in-place prop re-render took, from postMessage to the preview's painted reply. */
  previewRepaintMs: number | null
  notice: Notice | null

  setProjects(projects: Project[]): void
  upsertProject(project: Project): void
  selectProject(projectId: string | null): void
  setVersions(versions: VersionSummary[]): void
  selectVersion(versionId: string | null): void
  storeVersion(version: Version): void
  setWorkspace(workspace: Workspace): void
  setView(view: View): void
  setConnection(status: ConnectionStatus, retryInMs?: number): void
  trackRun(runId: string, prompt?: string): void
  applyEvent(event: StudioEvent): void
  setActiveRun(runId: string | null): void
  setObservations(observations: Observation[]): void
  setPlugins(plugins: PluginManifestInfo[]): void
  togglePlugin(name: string): void
  editFile(versionId: string, path: string, content: string): void
  discardEdits(versionId: string): void
  setPropValue(versionId: string, name: string, value: unknown): void
  resetProps(versionId: string): void
  openFileAt(path: string | null): void
  setPreviewTheme(theme: Theme): void
  setViewport(viewport: Viewport): void
  setPreviewRepaint(ms: number | null): void
  setNotice(notice: Notice | null): void
  reset(): void
}

const initial = {
  projects: [],
  currentProjectId: null,
  versions: [],
  selectedVersionId: null,
  versionDetails: {},
  activeWorkspace: "chat" as Workspace,
  activeView: "preview" as View,
  connectionStatus: "disconnected" as ConnectionStatus,
  runs: {},
  activeRunId: null,
  pendingPrompt: null,
  observations: {},
  availablePlugins: [],
  selectedPlugins: [],
  edits: {},
  propValues: {},
  openFile: null,
  previewTheme: "light" as Theme,
  viewport: "desktop" as Viewport,
  previewRepaintMs: null,
  notice: null,
} satisfies Partial<StudioState>

/** The studio's state and its plain setters; I/O lives in the studio controller. */
export const useStudioStore = create<StudioState>()((set) => ({
  ...initial,
  setProjects: (projects) => set({ projects }),
  upsertProject: (project) =>
    set((state) => ({
      projects: state.projects.some((entry) => entry.id === project.id)
        ? state.projects.map((entry) => (entry.id === project.id ? project : entry))
        : [project, ...state.projects],
    })),
  selectProject: (currentProjectId) =>
    set({
      currentProjectId,
      versions: [],
      selectedVersionId: null,
      runs: {},
      activeRunId: null,
      openFile: null,
      observations: {},
    }),
  setVersions: (versions) => set({ versions: [...versions].sort((a, b) => a.number - b.number) }),
  selectVersion: (selectedVersionId) => set({ selectedVersionId, openFile: null }),
  storeVersion: (version) =>
    set((state) => ({ versionDetails: { ...state.versionDetails, [version.id]: version } })),
  setWorkspace: (activeWorkspace) => set({ activeWorkspace }),
  setView: (activeView) => set({ activeView }),
  setConnection: (connectionStatus, retryInMs) =>
    set({ connectionStatus, retryAt: retryInMs === undefined ? undefined : Date.now() + retryInMs }),
  trackRun: (runId, prompt) =>
    set((state) =>
      state.runs[runId] ? {} : { runs: { ...state.runs, [runId]: createRunView(runId, prompt) } },
    ),
  applyEvent: (event) =>
    set((state) => {
      const current = state.runs[event.runId]
      if (!current) return {}
      const next = applyRunEvent(current, event)
      return next === current ? {} : { runs: { ...state.runs, [event.runId]: next } }
    }),
  setActiveRun: (activeRunId) => set({ activeRunId }),
  setObservations: (observations) =>
    set({ observations: Object.fromEntries(observations.map((entry) => [entry.runId, entry])) }),
  setPlugins: (availablePlugins) =>
    set((state) => ({
      availablePlugins,
      // Every built-in is on until the person turns one off; a custom plugin is off until chosen.
      selectedPlugins: state.selectedPlugins.length
        ? state.selectedPlugins
        : defaultPluginSelection(availablePlugins),
    })),
  togglePlugin: (name) =>
    set((state) => ({
      selectedPlugins: state.selectedPlugins.includes(name)
        ? state.selectedPlugins.filter((entry) => entry !== name)
        : [...state.selectedPlugins, name],
    })),
  editFile: (versionId, path, content) =>
    set((state) => ({
      edits: { ...state.edits, [versionId]: { ...state.edits[versionId], [path]: content } },
    })),
  discardEdits: (versionId) =>
    set((state) => {
      const edits = { ...state.edits }
      delete edits[versionId]
      return { edits }
    }),
  setPropValue: (versionId, name, value) =>
    set((state) => ({
      propValues: { ...state.propValues, [versionId]: { ...state.propValues[versionId], [name]: value } },
    })),
  resetProps: (versionId) =>
    set((state) => {
      const propValues = { ...state.propValues }
      delete propValues[versionId]
      return { propValues }
    }),
  openFileAt: (openFile) => set({ openFile }),
  setPreviewTheme: (previewTheme) => set({ previewTheme }),
  setViewport: (viewport) => set({ viewport }),
  setPreviewRepaint: (previewRepaintMs) => set({ previewRepaintMs }),
  setNotice: (notice) => set({ notice }),
  reset: () => set({ ...initial }),
}))

/** The selected version's files with the person's unsaved edits on top. */
export function filesOf(state: StudioState, versionId: string | null): Record<string, string> {
  if (!versionId) return {}
  const version = state.versionDetails[versionId]
  return { ...(version?.files ?? {}), ...(state.edits[versionId] ?? {}) }
}
