import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import Sidebar from "./Sidebar"

describe("Sidebar (template)", () => {
  it("marks the active item and moves the mark to a clicked one", async () => {
    const user = userEvent.setup()
    const onNavigate = vi.fn()
    render(<Sidebar items={["Inbox", "Reports"]} activeItem="Inbox" onNavigate={onNavigate} />)
    expect(screen.getByRole("link", { name: "Inbox" })).toHaveAttribute("aria-current", "page")
    await user.click(screen.getByRole("link", { name: "Reports" }))
    expect(onNavigate).toHaveBeenCalledWith("Reports")
    expect(screen.getAllByRole("link", { current: "page" })).toHaveLength(1)
  })

  it("collapses to icons and keeps the links' names", async () => {
    const user = userEvent.setup()
    const onCollapsedChange = vi.fn()
    render(<Sidebar items={["Inbox", "Reports"]} onCollapsedChange={onCollapsedChange} />)
    await user.click(screen.getByRole("button", { name: "Collapse sidebar" }))
    expect(onCollapsedChange).toHaveBeenCalledWith(true)
    expect(screen.getByText("Inbox")).toHaveClass("sr-only")
    expect(screen.getByRole("link", { name: "Inbox" })).toBeInTheDocument()
    expect(screen.getByRole("button", { name: "Expand sidebar" })).toHaveAttribute("aria-expanded", "false")
  })
})
