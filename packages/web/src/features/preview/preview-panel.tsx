import { Button } from "@studio/kit/components/ui/button"
import { cn } from "@studio/kit/lib/utils"
import type { Diagnostic } from "@studio/protocol"
import { Laptop, Loader2, Moon, RotateCw, Smartphone, Sun, Tablet, TriangleAlert, X } from "lucide-react"
import { useCallback, useEffect, useMemo, useRef, useState } from "react"
import { useServices } from "../../services/services-context"
import type { RunPreview, RunView } from "../../state/run-view"
import { useStudioStore, type Viewport } from "../../state/studio-store"
import { readPreviewMessage, type StudioToPreview } from "./preview-messages"

const VIEWPORTS: { value: Viewport; label: string; width: string; Icon: typeof Laptop }[] = [
  { value: "mobile", label: "Mobile", width: "390px", Icon: Smartphone },
  { value: "tablet", label: "Tablet", width: "768px", Icon: Tablet },
  { value: "desktop", label: "Desktop", width: "100%", Icon: Laptop },
]
const EDIT_DEBOUNCE_MS = 250
const EMPTY: Record<string, string> = {}

type PreviewState = "empty" | "building" | "loading" | "ready" | "error"

/**
 * The selected version's component, live, in a sandboxed iframe (during a run, the run's own files as its hot_reload
 * events send them, so the scaffold shows while the tests run and a repair reloads it; the run's version takes over
 * once it is selected): `sandbox="allow-scripts"` without
 * `allow-same-origin` gives the page an opaque origin, so it can never read the studio's token or storage; its own
 * Content-Security-Policy allows no network. The server builds the page (esbuild + Tailwind, React bundled in:
 * nothing from a CDN) and serves it for a few minutes at its own short-lived address, which the iframe loads: a
 * srcdoc page would inherit the studio's strict policy and could not run. Prop changes re-render it in place through
 * postMessage.
 */
export function PreviewPanel() {
  const { api } = useServices()
  const versionId = useStudioStore((state) => state.selectedVersionId)
  const version = useStudioStore((state) => (versionId ? state.versionDetails[versionId] : undefined))
  const versionEdits = useStudioStore((state) => (versionId ? state.edits[versionId] : undefined) ?? EMPTY)
  const versionProps = useStudioStore((state) => (versionId ? state.propValues[versionId] : undefined))
  const theme = useStudioStore((state) => state.previewTheme)
  const viewport = useStudioStore((state) => state.viewport)
  const setTheme = useStudioStore((state) => state.setPreviewTheme)
  const setViewport = useStudioStore((state) => state.setViewport)
  const setRepaint = useStudioStore((state) => state.setPreviewRepaint)
  const activeRun = useStudioStore((state) => (state.activeRunId ? state.runs[state.activeRunId] : undefined))
  const running = activeRun?.status === "running"
  const runVersionListed = useStudioStore((state) =>
    state.versions.some((entry) => entry.id === activeRun?.versionId),
  )
  const live = liveRunPreview(activeRun, { versionId, loaded: version !== undefined, runVersionListed })
  const edits = live ? EMPTY : versionEdits
  const props = live ? undefined : versionProps

  const frame = useRef<HTMLIFrameElement>(null)
  // The page and what it was built for (`key`): switching versions never shows the previous version's page, while
  // a run's next page (after a repair, or its version's) replaces its last one only once it is built (`runId`).
  const [page, setPage] = useState<{ url: string; key: string; runId?: string } | null>(null)
  const [state, setState] = useState<PreviewState>("empty")
  const [runtimeError, setRuntimeError] = useState<{ message: string; stack?: string } | null>(null)
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([])
  const [reloads, setReloads] = useState(0)
  // The latest props and theme for callbacks that should not re-run when they change (a rebuild, the ready reply).
  const propsRef = useRef(props)
  const themeRef = useRef(theme)
  useEffect(() => {
    propsRef.current = props
    themeRef.current = theme
  }, [props, theme])
  const sentAt = useRef(new Map<number, number>())
  const nextId = useRef(1)

  const versionFiles = useMemo(
    () => (version ? { ...version.files, ...versionEdits } : null),
    [version, versionEdits],
  )
  const files = live ? live.preview.files : versionFiles
  // What the page is built for: a version, or one hot_reload of the active run.
  const sourceKey = live ? `run:${live.runId}:${live.preview.seq}` : versionId
  // A run's pages follow one another without a blank in between, its version's page last.
  const sourceRunId = live?.runId ?? (activeRun?.versionId === versionId ? activeRun?.runId : undefined)
  // Tests as the spec: the version's given tests go with its files, so the page builds in that mode (they may be
  // among the files, and the component may use the router).
  const givenTests = live ? live.preview.givenTests : version?.givenTests
  const edited = Object.keys(edits).length > 0
  const hasFiles = files !== null && Object.keys(files).length > 0

  const componentName = live ? undefined : version?.contract?.name
  const entry = live
    ? live.preview.entry
    : componentName && files && Object.hasOwn(files, `src/components/${componentName}.tsx`)
      ? `src/components/${componentName}.tsx`
      : undefined

  // Build the page whenever the files change (debounced while the person types in the editor).
  useEffect(() => {
    if (!sourceKey || !files || Object.keys(files).length === 0) return
    const controller = new AbortController()
    const timer = setTimeout(
      () => {
        setState("building")
        performance.mark("studio:preview-build-start")
        api
          .buildPreview(
            {
              files,
              ...(entry ? { entry } : {}),
              ...(givenTests?.length ? { givenTests } : {}),
              props: propsRef.current ?? {},
              parentOrigin: window.location.origin,
            },
            controller.signal,
          )
          .then((built) => {
            if (controller.signal.aborted) return
            setDiagnostics(built.diagnostics.filter((diagnostic) => diagnostic.severity === "error"))
            setRuntimeError(null)
            setPage({ url: built.url, key: sourceKey, ...(sourceRunId ? { runId: sourceRunId } : {}) })
            setState("loading")
          })
          .catch((error: unknown) => {
            if (controller.signal.aborted) return
            setRuntimeError({
              message: error instanceof Error ? error.message : "The preview could not be built.",
            })
            setState("error")
          })
      },
      edited ? EDIT_DEBOUNCE_MS : 0,
    )
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [api, sourceKey, sourceRunId, files, entry, givenTests, edited, reloads])

  const post = useCallback((message: StudioToPreview) => {
    // The frame's origin is opaque, so "*" is the only target that reaches it; what is sent is the studio's own
    // props and theme, nothing secret.
    frame.current?.contentWindow?.postMessage(message, "*")
  }, [])

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      const message = readPreviewMessage(event, frame.current?.contentWindow)
      if (!message) return
      switch (message.type) {
        case "ready":
          performance.mark("studio:preview-ready")
          setState("ready")
          post({ source: "studio", type: "theme", theme: themeRef.current })
          return
        case "rendered": {
          const started = sentAt.current.get(message.id)
          sentAt.current.delete(message.id)
          if (started !== undefined) {
            performance.mark("studio:preview-rendered")
            setRepaint(Math.round((performance.now() - started) * 10) / 10)
          }
          return
        }
        case "error":
          setRuntimeError({ message: message.message, ...(message.stack ? { stack: message.stack } : {}) })
          setState("error")
          return
        default: {
          const unknown: never = message
          return unknown
        }
      }
    }
    window.addEventListener("message", onMessage)
    return () => window.removeEventListener("message", onMessage)
  }, [post, setRepaint])

  // A prop change re-renders in place: no rebuild, no reload.
  useEffect(() => {
    if (state !== "ready" || !props) return
    const id = nextId.current++
    sentAt.current.set(id, performance.now())
    post({ source: "studio", type: "render", id, props })
  }, [props, state, post])

  useEffect(() => {
    if (state === "ready") post({ source: "studio", type: "theme", theme })
  }, [theme, state, post])

  // A page built for another version is not shown; until this version's arrives the panel says it is building.
  const shown =
    hasFiles && (page?.key === sourceKey || (sourceRunId !== undefined && page?.runId === sourceRunId))
  const shownState: PreviewState = !hasFiles ? "empty" : shown ? state : "building"
  const width = VIEWPORTS.find((entry) => entry.value === viewport)?.width ?? "100%"

  return (
    <div className="flex min-h-0 flex-1 flex-col" data-preview-state={shownState}>
      <div className="flex h-10 shrink-0 items-center gap-1 border-b px-3">
        <div role="group" aria-label="Viewport" className="flex items-center gap-0.5">
          {VIEWPORTS.map(({ value, label, Icon }) => (
            <Button
              key={value}
              variant="ghost"
              size="icon-sm"
              className={cn("size-7", viewport === value && "bg-muted text-foreground")}
              aria-label={label}
              aria-pressed={viewport === value}
              onClick={() => setViewport(value)}
            >
              <Icon className="size-3.5" aria-hidden="true" />
            </Button>
          ))}
        </div>
        <Button
          variant="ghost"
          size="icon-sm"
          className="size-7"
          aria-label={theme === "dark" ? "Light background" : "Dark background"}
          onClick={() => setTheme(theme === "dark" ? "light" : "dark")}
        >
          {theme === "dark" ? (
            <Sun className="size-3.5" aria-hidden="true" />
          ) : (
            <Moon className="size-3.5" aria-hidden="true" />
          )}
        </Button>
        <Button
          variant="ghost"
          size="icon-sm"
          className="size-7"
          aria-label="Reload preview"
          onClick={() => setReloads((count) => count + 1)}
        >
          <RotateCw className="size-3.5" aria-hidden="true" />
        </Button>
        <span className="text-muted-foreground ml-auto flex items-center gap-1.5 text-xs" role="status">
          {(shownState === "building" || shownState === "loading") && (
            <Loader2 className="size-3 animate-spin" aria-hidden="true" />
          )}
          {shownState === "building"
            ? "Building…"
            : shownState === "loading"
              ? "Loading…"
              : live && running
                ? "The run's code so far; its tests are running…"
                : running
                  ? "A new version is being made…"
                  : edited
                    ? "Showing your edits"
                    : ""}
        </span>
      </div>
      <div
        className={cn(
          "relative min-h-0 flex-1 overflow-auto p-4",
          theme === "dark" ? "bg-neutral-900" : "bg-muted/40",
        )}
      >
        {page && shown ? (
          <div className="mx-auto h-full transition-[width] duration-300" style={{ width, maxWidth: "100%" }}>
            {/* A new frame for each page (not a new src on the same one): loading another page into a frame would add
                an entry to the studio's history, so Back would step through previews. */}
            <iframe
              key={page.url}
              ref={frame}
              title="Preview"
              sandbox="allow-scripts"
              src={page.url}
              className={cn(
                "h-full w-full rounded-lg border shadow-sm",
                theme === "dark" ? "border-neutral-700 bg-neutral-950" : "bg-white",
              )}
            />
          </div>
        ) : (
          <PreviewEmpty running={running} building={hasFiles} />
        )}
        {runtimeError && (
          <div
            role="alert"
            className="bg-background/95 absolute inset-x-4 bottom-4 max-h-[60%] overflow-auto rounded-lg border border-red-500/40 p-4 shadow-lg"
          >
            <div className="flex items-start gap-2">
              <TriangleAlert className="text-fail mt-0.5 size-4 shrink-0" aria-hidden="true" />
              <div className="min-w-0 flex-1">
                <p className="text-sm font-semibold">
                  {diagnostics.length ? "The preview did not build" : "Runtime error"}
                </p>
                <p className="mt-1 font-mono text-xs break-words whitespace-pre-wrap">
                  {runtimeError.message}
                </p>
                {diagnostics.map((entry, index) => (
                  <p key={index} className="text-muted-foreground mt-1 font-mono text-xs">
                    {entry.path}:{entry.line} {entry.message}
                  </p>
                ))}
                {runtimeError.stack && (
                  <details className="mt-2">
                    <summary className="text-muted-foreground cursor-pointer text-xs">Stack</summary>
                    <pre className="text-muted-foreground mt-1 overflow-auto text-[11px]">
                      {runtimeError.stack}
                    </pre>
                  </details>
                )}
              </div>
              <button
                type="button"
                aria-label="Dismiss error"
                className="text-muted-foreground hover:text-foreground rounded p-0.5"
                onClick={() => setRuntimeError(null)}
              >
                <X className="size-4" aria-hidden="true" />
              </button>
            </div>
          </div>
        )}
      </div>
    </div>
  )
}

/**
 * The active run's own preview, when it has one (hot_reload) and should be on show: while the run goes on, and after
 * it until its version is listed, selected and loaded (then the version's page replaces it; once listed, choosing
 * another version shows that one). A run that ended without a version leaves the selected version's preview.
 */
function liveRunPreview(
  run: RunView | undefined,
  selected: { versionId: string | null; loaded: boolean; runVersionListed: boolean },
): { runId: string; preview: RunPreview } | undefined {
  const preview = run?.preview
  if (!run || !preview) return undefined
  if (run.status === "running") return { runId: run.runId, preview }
  if (run.versionId === undefined) return undefined
  const arriving = !selected.runVersionListed || (selected.versionId === run.versionId && !selected.loaded)
  return arriving ? { runId: run.runId, preview } : undefined
}

function PreviewEmpty({ running, building }: { running: boolean; building: boolean }) {
  return (
    <div className="text-muted-foreground flex h-full flex-col items-center justify-center gap-2 text-center text-sm">
      {building ? (
        <>
          <Loader2 className="size-5 animate-spin" aria-hidden="true" />
          <p>Building the preview…</p>
        </>
      ) : running ? (
        <>
          <Loader2 className="size-5 animate-spin" aria-hidden="true" />
          <p>Your component is being written; its preview appears here as soon as it is.</p>
        </>
      ) : (
        <p>The preview of your component appears here.</p>
      )}
    </div>
  )
}
