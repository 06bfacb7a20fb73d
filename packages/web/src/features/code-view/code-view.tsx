import { Button } from "@studio/kit/components/ui/button"
import { FlaskConical, GitCompare, Undo2 } from "lucide-react"
import { lazy, Suspense, useEffect, useMemo, useState } from "react"
import { CodePanel } from "../code/code-panel"
import { useServices } from "../../services/services-context"
import { useStudioStore } from "../../state/studio-store"

const EMPTY: Record<string, string> = {}
// The diff uses CodeMirror's merge package; it loads when someone asks for it.
const DiffView = lazy(() => import("../code/diff-view").then((module) => ({ default: module.DiffView })))

/**
 * The Code view: while a run is going, its files as they stream in (read-only); otherwise the selected version with
 * the person's edits, which hot-reload the preview, "Run tests" to prove them (a new version), and the diff
 * against the version it came from.
 */
export function CodeView() {
  const { controller } = useServices()
  const versionId = useStudioStore((state) => state.selectedVersionId)
  const versions = useStudioStore((state) => state.versions)
  const version = useStudioStore((state) => (versionId ? state.versionDetails[versionId] : undefined))
  const edits = useStudioStore((state) => (versionId ? state.edits[versionId] : undefined) ?? EMPTY)
  const run = useStudioStore((state) => (state.activeRunId ? state.runs[state.activeRunId] : undefined))
  const openFile = useStudioStore((state) => state.openFile)
  const openFileAt = useStudioStore((state) => state.openFileAt)
  const editFile = useStudioStore((state) => state.editFile)
  const discardEdits = useStudioStore((state) => state.discardEdits)
  const [showDiff, setShowDiff] = useState(false)
  const parentId = version?.parentVersionId ?? null
  const parent = useStudioStore((state) => (parentId ? state.versionDetails[parentId] : undefined))
  const summary = versions.find((entry) => entry.id === versionId)
  const parentNumber = versions.find((entry) => entry.id === parentId)?.number

  const live = run?.status === "running"
  const componentName = (live ? run?.contract?.name : undefined) ?? version?.contract?.name
  const files = useMemo(
    () => (live && run ? run.files : version ? { ...version.files, ...edits } : EMPTY),
    [live, run, version, edits],
  )

  useEffect(() => {
    if (showDiff && parentId)
      void controller.ensureVersion(parentId).catch((error: unknown) => controller.showError(error))
  }, [showDiff, parentId, controller])

  const edited = Object.keys(edits).length > 0
  const toolbar = (
    <>
      {parentId && (
        <Button
          variant="ghost"
          size="sm"
          className="h-7 gap-1.5 text-xs"
          aria-pressed={showDiff}
          onClick={() => setShowDiff((value) => !value)}
        >
          <GitCompare className="size-3.5" aria-hidden="true" />
          {parentNumber ? `Changes since v${parentNumber}` : "Changes"}
        </Button>
      )}
      {edited && versionId && (
        <Button
          variant="ghost"
          size="sm"
          className="h-7 gap-1.5 text-xs"
          onClick={() => discardEdits(versionId)}
        >
          <Undo2 className="size-3.5" aria-hidden="true" />
          Discard edits
        </Button>
      )}
      <Button
        size="sm"
        className="h-7 gap-1.5 text-xs"
        disabled={!versionId || live || !version?.contract}
        title={version && !version.contract ? "This version has no contract to test against" : undefined}
        onClick={() => void controller.runTests()}
      >
        <FlaskConical className="size-3.5" aria-hidden="true" />
        Run tests
      </Button>
    </>
  )

  if (showDiff && !live && version && parentId) {
    return (
      <div className="flex min-h-0 flex-1 flex-col">
        <div className="flex h-10 shrink-0 items-center justify-end gap-1.5 border-b px-3">{toolbar}</div>
        {parent ? (
          <div className="min-h-0 flex-1 overflow-auto">
            <Suspense fallback={<p className="text-muted-foreground p-4 text-sm">Loading the diff…</p>}>
              <DiffView
                before={parent.files}
                after={files}
                beforeLabel={`v${parentNumber ?? "?"}`}
                afterLabel={`v${summary?.number ?? "?"}${edited ? " (edited)" : ""}`}
              />
            </Suspense>
          </div>
        ) : (
          <p className="text-muted-foreground p-4 text-sm" role="status">
            Loading the earlier version…
          </p>
        )}
      </div>
    )
  }

  return (
    <CodePanel
      files={files}
      openFile={openFile}
      onOpenFile={openFileAt}
      streamingPath={live && run ? run.streamingPath : null}
      closedAt={live && run ? run.closedAt : EMPTY_CLOSED}
      readOnly={live || !versionId}
      onChange={(path, content) => {
        if (versionId) editFile(versionId, path, content)
      }}
      editedPaths={Object.keys(edits)}
      toolbar={toolbar}
      {...(componentName ? { componentName } : {})}
    />
  )
}

const EMPTY_CLOSED: Record<string, number> = {}
