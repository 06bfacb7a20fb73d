import { fireEvent, render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import KanbanBoard from "./KanbanBoard"

const COLUMNS = ["Ideas", "Drafting", "Published"]
const CARDS = [
  { id: "a", title: "Post about tea", column: "Ideas", tag: "Blog" },
  { id: "b", title: "Recipe round-up", column: "Drafting", tag: "" },
]

function column(name: string) {
  return screen.getByRole("region", { name })
}

describe("KanbanBoard (template)", () => {
  it("shows each column with its cards and count; a card moves with its buttons and calls onMove", async () => {
    const user = userEvent.setup()
    const onMove = vi.fn()
    render(<KanbanBoard columns={COLUMNS} cards={CARDS} title="Blog" onMove={onMove} />)
    expect(screen.getByRole("heading", { level: 2, name: "Blog" })).toBeInTheDocument()
    expect(within(column("Ideas")).getByText("1 card")).toBeInTheDocument()
    expect(within(column("Published")).getByText("0 cards")).toBeInTheDocument()
    expect(within(column("Published")).getByText("No cards yet")).toBeInTheDocument()
    expect(screen.queryByRole("button", { name: "Move Post about tea to Published" })).not.toBeInTheDocument()
    await user.click(screen.getByRole("button", { name: "Move Post about tea to Drafting" }))
    expect(within(column("Drafting")).getByText("2 cards")).toBeInTheDocument()
    expect(onMove).toHaveBeenCalledWith(expect.objectContaining({ id: "a", column: "Drafting" }), "Drafting")
  })

  it("adds a card to a column, ignoring an empty title, and drags cards only when draggable", async () => {
    const user = userEvent.setup()
    const onAdd = vi.fn()
    const { unmount } = render(<KanbanBoard columns={COLUMNS} cards={CARDS} onAdd={onAdd} />)
    await user.click(screen.getByRole("button", { name: "Add card to Published" }))
    expect(onAdd).not.toHaveBeenCalled()
    await user.type(screen.getByRole("textbox", { name: "New card in Published" }), "Launch post{Enter}")
    expect(within(column("Published")).getByText("Launch post")).toBeInTheDocument()
    expect(onAdd).toHaveBeenCalledWith(expect.objectContaining({ title: "Launch post", column: "Published" }))
    fireEvent.dragStart(within(column("Ideas")).getByText("Post about tea").closest("li")!)
    fireEvent.dragOver(column("Published"))
    fireEvent.drop(column("Published"))
    expect(within(column("Published")).getByText("Post about tea")).toBeInTheDocument()
    unmount()

    render(<KanbanBoard columns={COLUMNS} cards={CARDS} draggable={false} />)
    expect(within(column("Ideas")).getByText("Post about tea").closest("li")).toHaveAttribute(
      "draggable",
      "false",
    )
  })
})
