// Loaded lazily (React.lazy in the code panel): the only module of the code view that imports CodeMirror.
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands"
import { javascript } from "@codemirror/lang-javascript"
import { bracketMatching, indentOnInput } from "@codemirror/language"
import { Annotation, Compartment, EditorState, Transaction, type Extension } from "@codemirror/state"
import {
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  type ViewUpdate,
} from "@codemirror/view"
import { useEffect, useLayoutEffect, useRef, useState } from "react"
import { studioEditorTheme, studioHighlighting } from "./editor-theme"
import { changeBetween } from "./text-change"

export interface CodeEditorProps {
  path: string
  value: string
  readOnly: boolean
  /** Called with the whole document after each edit by the person (never for changes that came in as `value`). */
  onChange?(value: string): void
  /** A change of this key (for the same path) pulses the editor briefly: the file just closed. */
  flashKey?: number
  /** Keep the end of the document in view as it grows (streaming). */
  followEnd?: boolean
}

const FLASH_MS = 700

/** Marks transactions that apply `value` from outside, so they are not reported back through `onChange`. */
const externalChange = Annotation.define<boolean>()
const readOnlyCompartment = new Compartment()
const READ_ONLY: Extension = [
  EditorState.readOnly.of(true),
  EditorView.contentAttributes.of({ "aria-readonly": "true" }),
]
const EDITABLE: Extension = []

/** A CodeMirror 6 editor for one file at a time; one EditorView for its whole life, one EditorState per path. */
export default function CodeEditor({
  path,
  value,
  readOnly,
  onChange,
  flashKey,
  followEnd = false,
}: CodeEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null)
  const viewRef = useRef<EditorView | null>(null)
  // The text the view holds, kept without reading the document back on every streamed token.
  const knownDoc = useRef(value)
  const shownPath = useRef(path)
  // Each file keeps its own undo history, selection and scroll target when the person switches between them.
  const savedStates = useRef(new Map<string, EditorState>())
  const onChangeRef = useRef(onChange)
  useLayoutEffect(() => {
    onChangeRef.current = onChange
  })

  const stateFor = (doc: string, forPath: string, isReadOnly: boolean) =>
    EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        history(),
        indentOnInput(),
        bracketMatching(),
        javascript({ jsx: true, typescript: true }),
        studioHighlighting,
        studioEditorTheme,
        // Tab is left unbound so it keeps moving focus out of the editor.
        keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({ "aria-label": `${forPath} source` }),
        readOnlyCompartment.of(isReadOnly ? READ_ONLY : EDITABLE),
        EditorView.updateListener.of((update: ViewUpdate) => {
          if (!update.docChanged) return
          if (update.transactions.every((transaction) => transaction.annotation(externalChange))) return
          const doc = update.state.doc.toString()
          knownDoc.current = doc
          onChangeRef.current?.(doc)
        }),
      ],
    })

  useLayoutEffect(() => {
    const parent = hostRef.current
    if (!parent) return
    const view = new EditorView({
      state: stateFor(value, path, readOnly),
      parent,
      ...(followEnd ? { scrollTo: EditorView.scrollIntoView(value.length, { y: "end" }) } : {}),
    })
    viewRef.current = view
    knownDoc.current = value
    shownPath.current = path
    const saved = savedStates.current
    return () => {
      view.destroy()
      viewRef.current = null
      saved.clear()
    }
    // Created once per mount; later props arrive as transactions below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useLayoutEffect(() => {
    const view = viewRef.current
    if (!view) return
    let switched = false
    if (shownPath.current !== path) {
      savedStates.current.set(shownPath.current, view.state)
      const saved = savedStates.current.get(path)
      view.setState(saved ?? stateFor(value, path, readOnly))
      knownDoc.current = saved ? saved.doc.toString() : value
      shownPath.current = path
      switched = true
    }
    const mode = readOnly ? READ_ONLY : EDITABLE
    const effects =
      readOnlyCompartment.get(view.state) === mode ? [] : [readOnlyCompartment.reconfigure(mode)]
    const change = changeBetween(knownDoc.current, value)
    if (!change && effects.length === 0 && !(switched && followEnd)) return
    knownDoc.current = value
    view.dispatch({
      ...(change ? { changes: change } : {}),
      effects: followEnd ? [...effects, EditorView.scrollIntoView(value.length, { y: "end" })] : effects,
      // Streamed or restored text is not the person's edit: keep it out of their undo history.
      annotations: [externalChange.of(true), Transaction.addToHistory.of(false)],
    })
  }, [path, value, readOnly, followEnd])

  const flashing = useFlash(path, flashKey)

  return (
    <div className="relative h-full min-h-0" data-flashing={flashing > 0 ? "true" : undefined}>
      <div ref={hostRef} className="h-full" />
      {/* The keyframes come from studioEditorTheme (FLASH_KEYFRAMES); reduced motion gets a still tint instead. */}
      {flashing > 0 && (
        <div
          key={flashing}
          aria-hidden="true"
          className="motion-reduce:bg-studio/10 pointer-events-none absolute inset-0 animate-[studio-code-flash_700ms_ease-out_forwards] motion-reduce:animate-none"
        />
      )}
    </div>
  )
}

/**
 * A counter that goes up when `flashKey` changes while the same path stays open, and back to 0 after the pulse;
 * opening another file (with its own, older key) does not pulse.
 */
function useFlash(path: string, flashKey: number | undefined): number {
  const [seen, setSeen] = useState({ path, flashKey })
  const [count, setCount] = useState(0)
  const [active, setActive] = useState(false)
  if (seen.path !== path || seen.flashKey !== flashKey) {
    setSeen({ path, flashKey })
    if (seen.path === path && flashKey !== undefined) {
      setCount(count + 1)
      setActive(true)
    }
  }
  useEffect(() => {
    if (!active) return
    const timer = setTimeout(() => setActive(false), FLASH_MS)
    return () => clearTimeout(timer)
  }, [active, count])
  return active ? count : 0
}
