import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import Navbar from "./Navbar"

describe("Navbar (template)", () => {
  it("marks the active link and moves the mark to a clicked one", async () => {
    const user = userEvent.setup()
    const onNavigate = vi.fn()
    render(<Navbar brand="Nimbus" links={["Home", "Pricing"]} activeLink="Home" onNavigate={onNavigate} />)
    expect(screen.getByText("Nimbus")).toBeInTheDocument()
    const nav = screen.getByRole("navigation", { name: "Main" })
    expect(within(nav).getByRole("link", { name: "Home" })).toHaveAttribute("aria-current", "page")
    await user.click(within(nav).getByRole("link", { name: "Pricing" }))
    expect(onNavigate).toHaveBeenCalledWith("Pricing")
    expect(within(nav).getByRole("link", { name: "Pricing" })).toHaveAttribute("aria-current", "page")
  })

  it("opens the small-screen menu and closes it when a link is chosen", async () => {
    const user = userEvent.setup()
    render(<Navbar links={["Home", "Blog"]} />)
    const button = screen.getByRole("button", { name: "Menu" })
    const panel = document.getElementById(button.getAttribute("aria-controls") ?? "") as HTMLElement
    await user.click(button)
    expect(panel).toBeVisible()
    await user.click(within(panel).getByRole("link", { name: "Blog" }))
    expect(button).toHaveAttribute("aria-expanded", "false")
  })

  it("has a call-to-action button only with a label", async () => {
    const user = userEvent.setup()
    const onCtaClick = vi.fn()
    const { unmount } = render(<Navbar ctaLabel="" />)
    expect(screen.getAllByRole("button")).toHaveLength(1)
    unmount()
    render(<Navbar ctaLabel="Sign in" onCtaClick={onCtaClick} />)
    await user.click(screen.getByRole("button", { name: "Sign in" }))
    expect(onCtaClick).toHaveBeenCalledTimes(1)
  })
})
