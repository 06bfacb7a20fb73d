import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import ActionsMenu from "./ActionsMenu"

describe("ActionsMenu (template)", () => {
  it("opens from its trigger, lists its items and sets the destructive one apart", async () => {
    const user = userEvent.setup()
    render(<ActionsMenu items={["Edit", "Share", "Delete"]} destructiveItem="Delete" />)
    const trigger = screen.getByRole("button", { name: "Actions" })
    expect(trigger).toHaveAttribute("aria-haspopup", "menu")
    await user.click(trigger)
    expect(screen.getAllByRole("menuitem").map((item) => item.textContent)).toEqual([
      "Edit",
      "Share",
      "Delete",
    ])
    const remove = screen.getByRole("menuitem", { name: "Delete" })
    expect(remove).toHaveAttribute("data-variant", "destructive")
    expect(remove.previousElementSibling).toHaveAttribute("role", "separator")
  })

  it("chooses with the keyboard and gives focus back to the trigger", async () => {
    const user = userEvent.setup()
    const onSelect = vi.fn()
    render(<ActionsMenu items={["Edit", "Share"]} onSelect={onSelect} />)
    const trigger = screen.getByRole("button", { name: "Actions" })
    trigger.focus()
    await user.keyboard("{Enter}{ArrowDown}{Enter}")
    expect(onSelect).toHaveBeenCalledWith("Share")
    expect(trigger).toHaveFocus()
  })

  it("shows a signed-in user on the trigger and at the top of the menu", async () => {
    const user = userEvent.setup()
    render(<ActionsMenu userName="Grace Hopper" userEmail="grace@example.com" />)
    await user.click(screen.getByRole("button", { name: "Grace Hopper" }))
    expect(within(screen.getByRole("menu")).getByText("grace@example.com")).toBeInTheDocument()
  })
})
