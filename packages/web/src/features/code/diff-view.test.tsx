import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it } from "vitest"
import { DiffView } from "./diff-view"

// The first test to open an editor waits for CodeMirror to be transformed and imported.
const LAZY_LOAD = { timeout: 10_000 }

const BEFORE = {
  "src/components/Card.tsx": "export function Card() {\n  return <div />\n}\n",
  "src/components/Card.test.tsx": "it('renders', () => {})\n",
  "src/old.ts": "a\nb\nc\n",
  "package.json": "{}\n",
}
const AFTER = {
  "src/components/Card.tsx": "export function Card() {\n  const title = 'Hi'\n  return <h2>{title}</h2>\n}\n",
  "src/components/Card.test.tsx": "it('renders', () => {})\n",
  "src/new.ts": "one\ntwo\n",
  "package.json": "{}\n",
}

describe("DiffView", () => {
  it("lists added, removed and changed files with their line counts", () => {
    render(<DiffView before={BEFORE} after={AFTER} beforeLabel="v1" afterLabel="v2" />)
    const list = screen.getByRole("navigation", { name: "Changed files" })
    const files = within(list)
      .getAllByRole("button")
      .filter((button) => !button.hasAttribute("aria-expanded"))
    expect(files.map((button) => button.getAttribute("aria-label"))).toEqual([
      "src/components/Card.tsx, changed, 2 lines added, 1 removed",
      "src/new.ts, added, 2 lines added, 0 removed",
      "src/old.ts, removed, 0 lines added, 3 removed",
    ])
    // What is seen: the path, then +added −removed.
    expect(files.map((button) => button.textContent)).toEqual([
      "src/components/Card.tsx+2 −1",
      "src/new.ts+2 −0",
      "src/old.ts+0 −3",
    ])
    expect(screen.getByText(/3 files changed/)).toHaveTextContent(/^3 files changed · \+4 −4/)
    expect(screen.getByText("4 lines added, 4 removed")).toHaveClass("sr-only")
    expect(files[0]).toHaveAttribute("aria-current", "true")
  })

  it("keeps unchanged files folded away", async () => {
    const user = userEvent.setup()
    render(<DiffView before={BEFORE} after={AFTER} beforeLabel="v1" afterLabel="v2" />)
    const toggle = screen.getByRole("button", { name: "2 unchanged files" })
    expect(toggle).toHaveAttribute("aria-expanded", "false")
    expect(screen.queryByText("package.json")).not.toBeInTheDocument()
    await user.click(toggle)
    expect(toggle).toHaveAttribute("aria-expanded", "true")
    expect(screen.getByText("package.json")).toBeInTheDocument()
  })

  it("shows the chosen file's unified diff", async () => {
    const user = userEvent.setup()
    render(<DiffView before={BEFORE} after={AFTER} beforeLabel="v1" afterLabel="v2" />)
    const editor = await screen.findByRole("textbox", { name: "src/components/Card.tsx changes" }, LAZY_LOAD)
    expect(editor).toHaveAttribute("aria-readonly", "true")
    expect(editor).toHaveTextContent("const title = 'Hi'")
    // The removed line is shown as a deleted chunk above its replacement.
    expect(document.querySelector(".cm-deletedChunk")).toHaveTextContent("return <div />")

    await user.click(screen.getByRole("button", { name: "src/old.ts, removed, 0 lines added, 3 removed" }))
    expect(await screen.findByRole("textbox", { name: "src/old.ts changes" }, LAZY_LOAD)).toBeInTheDocument()
    expect(screen.getByRole("region", { name: "Changes in src/old.ts" })).toBeInTheDocument()
  })

  it("says so when nothing changed", () => {
    render(<DiffView before={BEFORE} after={{ ...BEFORE }} beforeLabel="v1" afterLabel="v2" />)
    expect(screen.getByText("No changes between v1 and v2.")).toBeInTheDocument()
  })
})
