import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import Breadcrumbs from "./Breadcrumbs"

describe("Breadcrumbs (template)", () => {
  it("shows the trail in a Breadcrumb landmark, the last item the current page as text", () => {
    render(<Breadcrumbs />)
    const nav = screen.getByRole("navigation", { name: "Breadcrumb" })
    expect(
      within(nav)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["Home", "Projects", "Website redesign", "Settings"])
    expect(screen.getByText("Settings")).toHaveAttribute("aria-current", "page")
    expect(screen.queryByRole("link", { name: "Settings" })).not.toBeInTheDocument()
  })

  it("calls onNavigate with the item and its position when a link is clicked", async () => {
    const user = userEvent.setup()
    const onNavigate = vi.fn()
    render(<Breadcrumbs onNavigate={onNavigate} />)
    await user.click(screen.getByRole("link", { name: "Projects" }))
    expect(onNavigate).toHaveBeenCalledWith("Projects", 1)
  })

  it("hides one separator between each pair of items from screen readers, slash or chevron", () => {
    const { container } = render(<Breadcrumbs items={["Docs", "Guides", "Install"]} separator="slash" />)
    const separators = container.querySelectorAll("[data-separator]")
    expect(separators).toHaveLength(2)
    for (const separator of separators) expect(separator).toHaveAttribute("aria-hidden", "true")
    expect(separators[0]).toHaveClass("lucide-slash")
  })
})
