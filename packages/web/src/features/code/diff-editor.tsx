// Loaded lazily by the diff view: it brings CodeMirror's merge view with it.
import { javascript } from "@codemirror/lang-javascript"
import { unifiedMergeView } from "@codemirror/merge"
import { EditorState } from "@codemirror/state"
import { EditorView, lineNumbers } from "@codemirror/view"
import { useLayoutEffect, useRef } from "react"
import { studioEditorTheme, studioHighlighting } from "./editor-theme"

export interface DiffEditorProps {
  path: string
  original: string
  modified: string
}

const added = (alpha: number) => `hsl(var(--color-success-hsl) / ${alpha})`
const removed = (alpha: number) => `hsl(var(--color-error-hsl) / ${alpha})`

// The merge view's own colours assume CodeMirror's light/dark flag; these follow the studio's variables instead.
const diffTheme = EditorView.theme({
  "&.cm-merge-b .cm-changedLine": { backgroundColor: added(0.12) },
  "&.cm-merge-b .cm-changedText": { background: added(0.3) },
  ".cm-deletedChunk": { backgroundColor: removed(0.1) },
  ".cm-deletedChunk .cm-deletedText, &.cm-merge-b .cm-deletedText": { background: removed(0.3) },
  "&.cm-merge-b .cm-changedLineGutter": { background: added(1) },
  ".cm-deletedLineGutter": { background: removed(1) },
  ".cm-collapsedLines": { color: "var(--muted-foreground)", background: "var(--muted)" },
})

/** A read-only unified diff of one file: deleted lines shown above the lines that replaced them. */
export default function DiffEditor({ path, original, modified }: DiffEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    const parent = hostRef.current
    if (!parent) return
    const view = new EditorView({
      parent,
      state: EditorState.create({
        doc: modified,
        extensions: [
          lineNumbers(),
          javascript({ jsx: true, typescript: true }),
          studioHighlighting,
          studioEditorTheme,
          diffTheme,
          EditorState.readOnly.of(true),
          EditorView.contentAttributes.of({ "aria-label": `${path} changes`, "aria-readonly": "true" }),
          unifiedMergeView({ original, mergeControls: false, collapseUnchanged: { margin: 3, minSize: 6 } }),
        ],
      }),
    })
    return () => view.destroy()
  }, [path, original, modified])

  return <div ref={hostRef} className="h-full min-h-0" />
}
