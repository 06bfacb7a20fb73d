import { EditorView } from "@codemirror/view"
import { render, screen, waitFor } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import { deferSelectionChangeEvents } from "./async-selectionchange"
import CodeEditor, { type CodeEditorProps } from "./code-editor"

deferSelectionChangeEvents()

const PATH = "src/components/Counter.tsx"

function renderEditor(props: Partial<CodeEditorProps> = {}) {
  const onChange = vi.fn()
  const base: CodeEditorProps = { path: PATH, value: "const a = 1\n", readOnly: false, onChange, ...props }
  const result = render(<CodeEditor {...base} />)
  const rerender = (next: Partial<CodeEditorProps>) => result.rerender(<CodeEditor {...base} {...next} />)
  return { ...result, onChange, rerender }
}

/** The EditorView behind the rendered editor, through CodeMirror's public lookup. */
function viewOf(container: HTMLElement): EditorView {
  const editor = container.querySelector<HTMLElement>(".cm-editor")
  const view = editor && EditorView.findFromDOM(editor)
  if (!view) throw new Error("no editor view rendered")
  return view
}

describe("CodeEditor", () => {
  it("labels its content with the path and reports what the person types", async () => {
    const user = userEvent.setup()
    const { onChange } = renderEditor()
    const box = screen.getByRole("textbox", { name: `${PATH} source` })
    await user.click(box)
    await user.keyboard("x")
    // Real keystrokes through CodeMirror's contenteditable (happy-dom has no layout, so the caret starts at 0).
    expect(onChange).toHaveBeenLastCalledWith("xconst a = 1\n")
  })

  it("appends streamed text as a transaction without echoing it, and keeps it out of the undo history", async () => {
    const user = userEvent.setup()
    const { container, onChange, rerender } = renderEditor({ value: "const" })
    const editor = container.querySelector(".cm-editor")
    const view = viewOf(container)
    rerender({ value: "const a", followEnd: true })
    rerender({ value: "const a = 1", followEnd: true })
    expect(view.state.doc.toString()).toBe("const a = 1")
    expect(onChange).not.toHaveBeenCalled()
    // Still the same view, not a remount.
    expect(container.querySelector(".cm-editor")).toBe(editor)
    expect(viewOf(container)).toBe(view)

    await user.click(screen.getByRole("textbox"))
    await user.keyboard("x")
    expect(onChange).toHaveBeenLastCalledWith("xconst a = 1")
    // The parent echoes the edit back: nothing changes and nothing is reported again.
    rerender({ value: "xconst a = 1" })
    expect(onChange).toHaveBeenCalledTimes(1)
    rerender({ value: "xconst a = 1;" })
    await user.keyboard("{Control>}z{/Control}")
    expect(view.state.doc.toString()).toBe("const a = 1;")
  })

  it("ignores typing while read-only and accepts it again afterwards", async () => {
    const user = userEvent.setup()
    const { onChange, rerender, container } = renderEditor({ readOnly: true })
    const box = screen.getByRole("textbox", { name: `${PATH} source` })
    expect(box).toHaveAttribute("aria-readonly", "true")
    await user.click(box)
    await user.keyboard("x")
    expect(onChange).not.toHaveBeenCalled()
    expect(viewOf(container).state.doc.toString()).toBe("const a = 1\n")

    rerender({ readOnly: false })
    expect(box).not.toHaveAttribute("aria-readonly")
    await user.click(box)
    await user.keyboard("y")
    expect(onChange).toHaveBeenLastCalledWith("yconst a = 1\n")
  })

  it("swaps the document when the path changes, keeping each file's own state", async () => {
    const user = userEvent.setup()
    const { container, rerender, onChange } = renderEditor()
    const view = viewOf(container)
    rerender({ path: "src/components/Counter.test.tsx", value: "it('counts')\n" })
    expect(
      screen.getByRole("textbox", { name: "src/components/Counter.test.tsx source" }),
    ).toBeInTheDocument()
    expect(view.state.doc.toString()).toBe("it('counts')\n")
    expect(viewOf(container)).toBe(view)

    await user.click(screen.getByRole("textbox"))
    await user.keyboard("z")
    expect(onChange).toHaveBeenLastCalledWith("zit('counts')\n")
    rerender({ path: PATH, value: "const a = 2\n" })
    // The stored state for the path is brought up to date with the value passed in.
    expect(view.state.doc.toString()).toBe("const a = 2\n")
    expect(onChange).toHaveBeenCalledTimes(1)
  })

  it("pulses when the flash key changes for the open file, not when another file opens", async () => {
    const { container, rerender } = renderEditor({ flashKey: 1 })
    const wrapper = () => container.firstElementChild
    expect(wrapper()).not.toHaveAttribute("data-flashing")
    rerender({ flashKey: 2 })
    expect(wrapper()).toHaveAttribute("data-flashing", "true")
    await waitFor(() => expect(wrapper()).not.toHaveAttribute("data-flashing"), { timeout: 2000 })

    rerender({ path: "src/other.ts", value: "", flashKey: 3 })
    expect(wrapper()).not.toHaveAttribute("data-flashing")
  })
})
