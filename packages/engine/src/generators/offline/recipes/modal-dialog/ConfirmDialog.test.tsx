import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import ConfirmDialog from "./ConfirmDialog"

describe("ConfirmDialog (template)", () => {
  it("opens with its title and description, focus inside, and confirms once", async () => {
    const user = userEvent.setup()
    const onConfirm = vi.fn()
    render(
      <ConfirmDialog
        triggerLabel="Delete account"
        title="Delete your account?"
        description="This cannot be undone."
        confirmLabel="Delete"
        onConfirm={onConfirm}
      />,
    )
    await user.click(screen.getByRole("button", { name: "Delete account" }))
    const dialog = screen.getByRole("dialog", { name: "Delete your account?" })
    expect(dialog).toHaveAccessibleDescription("This cannot be undone.")
    expect(dialog).toContainElement(document.activeElement as HTMLElement)
    await user.click(within(dialog).getByRole("button", { name: "Delete" }))
    expect(onConfirm).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument()
  })

  it("closes on Escape without confirming and gives focus back to the trigger", async () => {
    const user = userEvent.setup()
    const onConfirm = vi.fn()
    const onCancel = vi.fn()
    render(<ConfirmDialog triggerLabel="Publish" onConfirm={onConfirm} onCancel={onCancel} />)
    const trigger = screen.getByRole("button", { name: "Publish" })
    await user.click(trigger)
    await user.keyboard("{Escape}")
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument()
    expect(trigger).toHaveFocus()
    expect(onConfirm).not.toHaveBeenCalled()
  })
})
