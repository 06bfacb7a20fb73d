import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import { deferSelectionChangeEvents } from "./async-selectionchange"
import { CodePanel, type CodePanelProps } from "./code-panel"

// The first test to open an editor waits for CodeMirror to be transformed and imported.
const LAZY_LOAD = { timeout: 10_000 }

deferSelectionChangeEvents()

const COMPONENT = "src/components/PricingTable.tsx"
const TEST = "src/components/PricingTable.test.tsx"
const FILES = {
  "package.json": '{ "name": "pricing" }\n',
  [TEST]: "it('shows three plans', () => {})\n",
  [COMPONENT]: "export function PricingTable() {\n  return null\n}\n",
}

function renderPanel(props: Partial<CodePanelProps> = {}) {
  const handlers = { onOpenFile: vi.fn(), onChange: vi.fn() }
  const base: CodePanelProps = {
    files: FILES,
    openFile: null,
    streamingPath: null,
    closedAt: {},
    readOnly: false,
    editedPaths: [],
    ...handlers,
    ...props,
  }
  const result = render(<CodePanel {...base} />)
  const rerender = (next: Partial<CodePanelProps>) => result.rerender(<CodePanel {...base} {...next} />)
  return { ...result, ...handlers, rerender }
}

const heading = () => screen.getByRole("heading", { level: 2 })

describe("CodePanel", () => {
  it("says how to get code when there are no files", () => {
    renderPanel({ files: {} })
    expect(screen.getByText("No code yet — describe a component in Chat.")).toBeInTheDocument()
    expect(screen.queryByRole("tree")).not.toBeInTheDocument()
  })

  it("lists the files and opens the component, as plain text until the editor has loaded", async () => {
    renderPanel()
    expect(screen.getByRole("tree", { name: "Files" })).toBeInTheDocument()
    expect(screen.getAllByRole("treeitem").map((item) => item.textContent)).toEqual([
      "src/components",
      "PricingTable.tsx",
      "PricingTable.test.tsx",
      "package.json",
    ])
    expect(heading()).toHaveTextContent(COMPONENT)
    expect(screen.getByRole("treeitem", { name: "PricingTable.tsx" })).toHaveAttribute(
      "aria-selected",
      "true",
    )
    // The Suspense fallback shows the text at once.
    expect(screen.getByLabelText(`${COMPONENT} source`)).toHaveTextContent("export function PricingTable()")
    const editor = await screen.findByRole("textbox", { name: `${COMPONENT} source` }, LAZY_LOAD)
    expect(editor).toHaveTextContent("export function PricingTable()")
  })

  it("follows the streaming file until the person picks one", async () => {
    const user = userEvent.setup()
    const { rerender, onOpenFile } = renderPanel({ streamingPath: TEST, readOnly: true })
    expect(heading()).toHaveTextContent(TEST)
    expect(screen.getByText("Streaming…")).toBeInTheDocument()
    expect(await screen.findByRole("textbox", { name: `${TEST} source` }, LAZY_LOAD)).toBeInTheDocument()

    // Between two files the panel stays on the last one streamed.
    rerender({ streamingPath: null, readOnly: true })
    expect(heading()).toHaveTextContent(TEST)
    expect(screen.getByText("Read-only while the run is going")).toBeInTheDocument()

    await user.click(screen.getByRole("treeitem", { name: "package.json" }))
    expect(onOpenFile).toHaveBeenCalledWith("package.json")
    rerender({ openFile: "package.json", streamingPath: COMPONENT, readOnly: true })
    expect(heading()).toHaveTextContent("package.json")
    expect(screen.queryByText("Streaming…")).not.toBeInTheDocument()

    // When the run ends, an unchosen panel goes back to the component.
    rerender({ openFile: null, streamingPath: null, readOnly: false })
    expect(heading()).toHaveTextContent(COMPONENT)
    expect(screen.queryByText("Read-only while the run is going")).not.toBeInTheDocument()
  })

  it("reports what the person types in the editor with the file's path", async () => {
    const user = userEvent.setup()
    const { onChange } = renderPanel({ openFile: TEST, editedPaths: [TEST] })
    const editor = await screen.findByRole("textbox", { name: `${TEST} source` }, LAZY_LOAD)
    await user.click(editor)
    await user.keyboard("x")
    expect(onChange).toHaveBeenLastCalledWith(TEST, `x${FILES[TEST]}`)
    expect(screen.getByRole("treeitem", { name: /^PricingTable\.test\.tsx\W+edited$/ })).toBeInTheDocument()
  })

  it("copies the open file", async () => {
    const user = userEvent.setup()
    renderPanel({ toolbar: <button type="button">Save</button> })
    expect(screen.getByRole("button", { name: "Save" })).toBeInTheDocument()
    await user.click(screen.getByRole("button", { name: "Copy file" }))
    expect(await navigator.clipboard.readText()).toBe(FILES[COMPONENT])
    expect(screen.getByRole("status")).toHaveTextContent("Copied")
  })
})
