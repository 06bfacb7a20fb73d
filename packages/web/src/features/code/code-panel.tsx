import { Button } from "@studio/kit/components/ui/button"
import { Tooltip, TooltipContent, TooltipTrigger } from "@studio/kit/components/ui/tooltip"
import { cn } from "@studio/kit/lib/utils"
import { Check, Copy, FileCode2 } from "lucide-react"
import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from "react"
import { componentPathOf } from "../studio/component-path"
import { FileTree } from "./file-tree"

// CodeMirror stays out of the studio's first load: it arrives when the code view first shows a file.
const CodeEditor = lazy(() => import("./code-editor"))

export interface CodePanelProps {
  files: Record<string, string>
  /** The file the person chose; null lets the panel pick (the streaming file, else the component). */
  openFile: string | null
  onOpenFile(path: string): void
  streamingPath: string | null
  /** Path -> epoch ms it closed; a new value pulses the editor. */
  closedAt: Record<string, number>
  readOnly: boolean
  onChange(path: string, content: string): void
  editedPaths: string[]
  /** Extra controls for the header (save, discard, ...). */
  toolbar?: ReactNode
  /** The contract's component name: its file opens first. */
  componentName?: string
}

/** The code view: a file tree beside an editor for the open file. */
export function CodePanel({
  files,
  openFile,
  onOpenFile,
  streamingPath,
  closedAt,
  readOnly,
  onChange,
  editedPaths,
  toolbar,
  componentName,
}: CodePanelProps) {
  const paths = useMemo(() => Object.keys(files), [files])
  const streaming = streamingPath !== null && Object.hasOwn(files, streamingPath) ? streamingPath : null
  // Between two streamed files, stay on the last one rather than jumping back to the component.
  const [lastStreamed, setLastStreamed] = useState(streaming)
  if (streaming && streaming !== lastStreamed) setLastStreamed(streaming)
  else if (!streaming && !readOnly && lastStreamed !== null) setLastStreamed(null)
  const following =
    streaming ?? (readOnly && lastStreamed && Object.hasOwn(files, lastStreamed) ? lastStreamed : null)
  const shown =
    (openFile !== null && Object.hasOwn(files, openFile) ? openFile : null) ??
    following ??
    componentPathOf(files, componentName)

  if (shown === null) {
    return (
      <div className="text-muted-foreground flex h-full flex-col items-center justify-center gap-2 p-8 text-center text-sm">
        <FileCode2 aria-hidden="true" className="size-8 opacity-50" />
        <p>No code yet — describe a component in Chat.</p>
      </div>
    )
  }

  const content = files[shown] ?? ""
  const isStreaming = shown === streaming
  return (
    <div className="flex h-full min-h-0">
      <div className="border-border w-56 shrink-0 overflow-auto border-r">
        <FileTree
          paths={paths}
          selected={shown}
          onSelect={onOpenFile}
          streamingPath={streaming}
          editedPaths={editedPaths}
        />
      </div>
      <section aria-label="Editor" className="flex min-w-0 flex-1 flex-col">
        <header className="border-border flex h-10 shrink-0 items-center gap-2 border-b px-3">
          <h2 className="min-w-0 truncate font-mono text-xs" title={shown}>
            {shown}
          </h2>
          <EditorStatus streaming={isStreaming} readOnly={readOnly} />
          <div className="ml-auto flex items-center gap-1">
            {toolbar}
            <CopyFileButton content={content} />
          </div>
        </header>
        <div className="min-h-0 flex-1">
          <Suspense
            fallback={
              <pre
                aria-label={`${shown} source`}
                className="h-full overflow-auto p-3 font-mono text-[13px] leading-[1.6] whitespace-pre"
              >
                {content}
              </pre>
            }
          >
            <CodeEditor
              path={shown}
              value={content}
              readOnly={readOnly}
              onChange={(next) => onChange(shown, next)}
              flashKey={closedAt[shown]}
              followEnd={isStreaming}
            />
          </Suspense>
        </div>
      </section>
    </div>
  )
}

function EditorStatus({ streaming, readOnly }: { streaming: boolean; readOnly: boolean }) {
  if (streaming)
    return (
      <span className="text-studio flex shrink-0 items-center gap-1.5 text-xs">
        <span aria-hidden="true" className="bg-studio size-1.5 animate-pulse rounded-full" />
        Streaming…
      </span>
    )
  if (readOnly)
    return <span className="text-muted-foreground shrink-0 text-xs">Read-only while the run is going</span>
  return null
}

const COPIED_MS = 1500

function CopyFileButton({ content }: { content: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle")
  useEffect(() => {
    if (status === "idle") return
    const timer = setTimeout(() => setStatus("idle"), COPIED_MS)
    return () => clearTimeout(timer)
  }, [status])

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(content)
      setStatus("copied")
    } catch {
      setStatus("failed")
    }
  }

  return (
    <>
      <Tooltip>
        <TooltipTrigger asChild>
          <Button
            type="button"
            variant="ghost"
            size="icon-sm"
            aria-label="Copy file"
            onClick={() => void copy()}
          >
            {status === "copied" ? (
              <Check aria-hidden="true" className="text-pass" />
            ) : (
              <Copy aria-hidden="true" />
            )}
          </Button>
        </TooltipTrigger>
        <TooltipContent>Copy file</TooltipContent>
      </Tooltip>
      <span role="status" className={cn("text-xs", status === "failed" ? "text-fail" : "sr-only")}>
        {status === "copied" ? "Copied" : status === "failed" ? "Could not copy" : ""}
      </span>
    </>
  )
}
