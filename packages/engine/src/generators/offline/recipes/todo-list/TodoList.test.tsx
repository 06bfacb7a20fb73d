import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import TodoList from "./TodoList"

const ITEMS = [
  { text: "Buy milk", done: false },
  { text: "Pay rent", done: true },
]
const shown = () =>
  within(screen.getByRole("list", { name: "Chores" }))
    .getAllByRole("listitem")
    .map((item) => item.textContent)

describe("TodoList (template)", () => {
  it("adds, checks off and counts what is left", async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(<TodoList title="Chores" items={ITEMS} onChange={onChange} />)
    expect(screen.getByText("1 task left")).toHaveAttribute("aria-live", "polite")
    await user.type(screen.getByRole("textbox", { name: "New task" }), "Walk the dog{Enter}")
    expect(shown()).toEqual(["Buy milk", "Pay rent", "Walk the dog"])
    await user.click(screen.getByRole("checkbox", { name: "Buy milk" }))
    expect(screen.getByText("1 task left")).toBeInTheDocument()
    expect(onChange).toHaveBeenLastCalledWith([
      { text: "Buy milk", done: true },
      { text: "Pay rent", done: true },
      { text: "Walk the dog", done: false },
    ])
  })

  it("filters and clears the completed ones, named by its noun", async () => {
    const user = userEvent.setup()
    render(<TodoList title="Chores" items={ITEMS} noun="item" />)
    await user.click(screen.getByRole("button", { name: "Completed" }))
    expect(shown()).toEqual(["Pay rent"])
    await user.click(screen.getByRole("button", { name: "All" }))
    await user.click(screen.getByRole("button", { name: "Clear completed" }))
    expect(shown()).toEqual(["Buy milk"])
    expect(screen.getByText("1 item left")).toBeInTheDocument()
  })
})
