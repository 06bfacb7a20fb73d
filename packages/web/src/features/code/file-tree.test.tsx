import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { useState } from "react"
import { describe, expect, it, vi } from "vitest"
import { FileTree, type FileTreeProps } from "./file-tree"

const PATHS = ["src/components/PricingTable.tsx", "src/components/PricingTable.test.tsx", "package.json"]

function Harness(props: Partial<FileTreeProps> & { onSelected?: (path: string) => void }) {
  const [selected, setSelected] = useState<string | null>(props.selected ?? null)
  return (
    <FileTree
      paths={props.paths ?? PATHS}
      selected={selected}
      onSelect={(path) => {
        setSelected(path)
        props.onSelected?.(path)
      }}
      streamingPath={props.streamingPath ?? null}
      editedPaths={props.editedPaths ?? []}
      failingPaths={props.failingPaths ?? []}
    />
  )
}

const names = () => screen.getAllByRole("treeitem").map((item) => item.textContent)

describe("FileTree", () => {
  it("builds compacted folders, expanded, with the files inside at the next level", () => {
    render(<Harness />)
    const tree = screen.getByRole("tree", { name: "Files" })
    const items = within(tree).getAllByRole("treeitem")
    expect(names()).toEqual(["src/components", "PricingTable.tsx", "PricingTable.test.tsx", "package.json"])
    expect(items[0]).toHaveAttribute("aria-expanded", "true")
    expect(items[0]).toHaveAttribute("aria-level", "1")
    expect(items[1]).toHaveAttribute("aria-level", "2")
    expect(items[1]).toHaveAttribute("aria-selected", "false")
    expect(items[3]).toHaveAttribute("aria-level", "1")
  })

  it("keeps one item in the tab order and selects with the keyboard", async () => {
    const user = userEvent.setup()
    const onSelected = vi.fn()
    render(<Harness selected="package.json" onSelected={onSelected} />)
    const tabbable = screen.getAllByRole("treeitem").filter((item) => item.tabIndex === 0)
    expect(tabbable.map((item) => item.textContent)).toEqual(["package.json"])

    await user.tab()
    expect(screen.getByRole("treeitem", { name: "package.json" })).toHaveFocus()
    await user.keyboard("{Home}")
    expect(screen.getByRole("treeitem", { name: "src/components" })).toHaveFocus()
    await user.keyboard("{ArrowDown}{ArrowDown}")
    const test = screen.getByRole("treeitem", { name: "PricingTable.test.tsx" })
    expect(test).toHaveFocus()
    expect(test.tabIndex).toBe(0)
    await user.keyboard("{Enter}")
    expect(onSelected).toHaveBeenLastCalledWith("src/components/PricingTable.test.tsx")
    expect(test).toHaveAttribute("aria-selected", "true")

    await user.keyboard("{ArrowUp} ")
    expect(onSelected).toHaveBeenLastCalledWith("src/components/PricingTable.tsx")
    await user.keyboard("{End}")
    expect(screen.getByRole("treeitem", { name: "package.json" })).toHaveFocus()
  })

  it("collapses and expands folders with the left and right arrows", async () => {
    const user = userEvent.setup()
    render(<Harness />)
    await user.click(screen.getByRole("treeitem", { name: "PricingTable.tsx" }))
    // Left on a file goes to its folder; left again collapses it.
    await user.keyboard("{ArrowLeft}")
    const folder = screen.getByRole("treeitem", { name: "src/components" })
    expect(folder).toHaveFocus()
    await user.keyboard("{ArrowLeft}")
    expect(folder).toHaveAttribute("aria-expanded", "false")
    expect(names()).toEqual(["src/components", "package.json"])
    // Right expands, right again enters the first child.
    await user.keyboard("{ArrowRight}")
    expect(folder).toHaveAttribute("aria-expanded", "true")
    await user.keyboard("{ArrowRight}")
    expect(screen.getByRole("treeitem", { name: "PricingTable.tsx" })).toHaveFocus()
  })

  it("toggles a folder when it is clicked and moves by first letter", async () => {
    const user = userEvent.setup()
    render(<Harness />)
    await user.click(screen.getByRole("treeitem", { name: "src/components" }))
    expect(names()).toEqual(["src/components", "package.json"])
    await user.keyboard("p")
    expect(screen.getByRole("treeitem", { name: "package.json" })).toHaveFocus()
  })

  it("marks the streaming, edited and failing files in their names", () => {
    render(
      <Harness
        streamingPath="src/components/PricingTable.test.tsx"
        editedPaths={["src/components/PricingTable.tsx"]}
        failingPaths={["package.json"]}
      />,
    )
    expect(
      screen.getByRole("treeitem", { name: /^PricingTable\.test\.tsx\W+streaming$/ }),
    ).toBeInTheDocument()
    expect(screen.getByRole("treeitem", { name: /^PricingTable\.tsx\W+edited$/ })).toBeInTheDocument()
    expect(screen.getByRole("treeitem", { name: /^package\.json\W+tests failing$/ })).toBeInTheDocument()
  })
})
