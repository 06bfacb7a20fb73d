import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, it, expect, vi } from "vitest"

import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "./dialog"

function Example({
  showCloseButton,
  onOpenChange,
}: {
  showCloseButton?: boolean
  onOpenChange?: (open: boolean) => void
}) {
  return (
    <Dialog onOpenChange={onOpenChange}>
      <DialogTrigger>Edit profile</DialogTrigger>
      <DialogContent showCloseButton={showCloseButton}>
        <DialogHeader>
          <DialogTitle>Edit profile</DialogTitle>
          <DialogDescription>Make changes to your profile here.</DialogDescription>
        </DialogHeader>
        <input aria-label="Name" defaultValue="Ada" />
        <DialogFooter>
          <DialogClose>Cancel</DialogClose>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  )
}

describe("Dialog", () => {
  it("is closed until the trigger is clicked", async () => {
    const user = userEvent.setup()
    render(<Example />)
    const trigger = screen.getByRole("button", { name: "Edit profile" })
    expect(trigger).toHaveAttribute("aria-expanded", "false")
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument()

    await user.click(trigger)

    const dialog = screen.getByRole("dialog", { name: "Edit profile" })
    expect(dialog).toBeInTheDocument()
    expect(dialog).toHaveAccessibleDescription("Make changes to your profile here.")
    expect(dialog).toHaveAttribute("data-slot", "dialog-content")
    expect(dialog).toHaveAttribute("data-state", "open")
    expect(trigger).toHaveAttribute("aria-expanded", "true")
  })

  it("moves focus into the dialog when it opens", async () => {
    const user = userEvent.setup()
    render(<Example />)
    await user.click(screen.getByRole("button", { name: "Edit profile" }))
    expect(screen.getByRole("dialog")).toContainElement(document.activeElement as HTMLElement)
  })

  it("closes on Escape and returns focus to the trigger", async () => {
    const user = userEvent.setup()
    const onOpenChange = vi.fn()
    render(<Example onOpenChange={onOpenChange} />)
    const trigger = screen.getByRole("button", { name: "Edit profile" })
    await user.click(trigger)
    expect(screen.getByRole("dialog")).toBeInTheDocument()

    await user.keyboard("{Escape}")

    expect(screen.queryByRole("dialog")).not.toBeInTheDocument()
    expect(onOpenChange).toHaveBeenLastCalledWith(false)
    expect(trigger).toHaveFocus()
  })

  it("closes with the X button, which is labelled Close", async () => {
    const user = userEvent.setup()
    render(<Example />)
    const trigger = screen.getByRole("button", { name: "Edit profile" })
    await user.click(trigger)

    await user.click(screen.getByRole("button", { name: "Close" }))

    expect(screen.queryByRole("dialog")).not.toBeInTheDocument()
    expect(trigger).toHaveFocus()
  })

  it("closes with a DialogClose in the footer", async () => {
    const user = userEvent.setup()
    render(<Example />)
    await user.click(screen.getByRole("button", { name: "Edit profile" }))

    await user.click(screen.getByRole("button", { name: "Cancel" }))

    expect(screen.queryByRole("dialog")).not.toBeInTheDocument()
  })

  it("hides the X button when showCloseButton is false", async () => {
    const user = userEvent.setup()
    render(<Example showCloseButton={false} />)
    await user.click(screen.getByRole("button", { name: "Edit profile" }))

    expect(screen.getByRole("dialog")).toBeInTheDocument()
    expect(screen.queryByRole("button", { name: "Close" })).not.toBeInTheDocument()
  })

  it("can be controlled with open and onOpenChange", async () => {
    const user = userEvent.setup()
    const onOpenChange = vi.fn()
    render(
      <Dialog open onOpenChange={onOpenChange}>
        <DialogContent>
          <DialogTitle>Controlled</DialogTitle>
          <DialogDescription>Stays open until the parent closes it.</DialogDescription>
        </DialogContent>
      </Dialog>,
    )
    expect(screen.getByRole("dialog", { name: "Controlled" })).toBeInTheDocument()

    await user.click(screen.getByRole("button", { name: "Close" }))

    expect(onOpenChange).toHaveBeenCalledWith(false)
    expect(screen.getByRole("dialog", { name: "Controlled" })).toBeInTheDocument()
  })

  it("renders the overlay and passes className through", async () => {
    const user = userEvent.setup()
    render(
      <Dialog>
        <DialogTrigger>Open</DialogTrigger>
        <DialogContent className="custom-content">
          <DialogTitle>Styled</DialogTitle>
          <DialogDescription>Has classes.</DialogDescription>
        </DialogContent>
      </Dialog>,
    )
    await user.click(screen.getByRole("button", { name: "Open" }))

    expect(screen.getByRole("dialog")).toHaveClass("custom-content", "fixed")
    expect(document.querySelector('[data-slot="dialog-overlay"]')).toBeInTheDocument()
  })
})
