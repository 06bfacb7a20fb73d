import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import ContentCard from "./ContentCard"

describe("ContentCard (template)", () => {
  it("shows its heading, as the section's name, and its description", () => {
    render(<ContentCard />)
    expect(screen.getByRole("region", { name: "Get started" })).toBeInTheDocument()
    expect(screen.getByRole("heading", { name: "Get started" })).toBeInTheDocument()
    expect(screen.getByText("Set up your workspace in a few minutes.")).toBeInTheDocument()
  })

  it("calls onAction once per click on its button", async () => {
    const user = userEvent.setup()
    const onAction = vi.fn()
    render(<ContentCard actionLabel="Open" onAction={onAction} />)
    await user.click(screen.getByRole("button", { name: "Open" }))
    expect(onAction).toHaveBeenCalledTimes(1)
  })

  it("takes the look's props on its root", () => {
    const { container } = render(<ContentCard dark accent="#7c3aed" />)
    const root = container.firstElementChild as HTMLElement
    expect(root).toHaveClass("dark")
    expect(root.style.getPropertyValue("--primary")).toBe("#7c3aed")
  })
})
