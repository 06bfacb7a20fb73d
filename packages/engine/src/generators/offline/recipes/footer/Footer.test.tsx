import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import Footer from "./Footer"

describe("Footer (template)", () => {
  it("shows each column as a navigation list of its links, the socials with named icons and the copyright", () => {
    render(<Footer brand="Globex" year={2024} socials={["GitHub", "Mastodon"]} />)
    const company = screen.getByRole("navigation", { name: "Company" })
    expect(
      within(company)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual(["About", "Careers", "Blog", "Press"])
    expect(within(company).getByRole("link", { name: "About" })).toHaveAttribute("href", "/company/about")
    const socials = screen.getByRole("list", { name: "Social media" })
    expect(
      within(socials)
        .getAllByRole("link")
        .map((link) => link.getAttribute("aria-label")),
    ).toEqual(["GitHub", "Mastodon"])
    expect(within(socials).getByRole("link", { name: "Mastodon" })).toHaveAttribute(
      "href",
      "https://mastodon.com",
    )
    expect(screen.getByText("© 2024 Globex. All rights reserved.")).toBeInTheDocument()
    expect(screen.queryByLabelText("Subscribe to our newsletter")).not.toBeInTheDocument()
  })

  it("refuses an invalid address in the newsletter box, then subscribes a valid one", async () => {
    const user = userEvent.setup()
    const onSubscribe = vi.fn()
    render(<Footer showNewsletter socials={[]} onSubscribe={onSubscribe} />)
    expect(screen.queryByRole("list", { name: "Social media" })).not.toBeInTheDocument()
    const input = screen.getByLabelText("Subscribe to our newsletter")
    await user.type(input, "ada@")
    await user.click(screen.getByRole("button", { name: "Subscribe" }))
    expect(input).toHaveAttribute("aria-invalid", "true")
    expect(screen.getByText("Enter a valid email address")).toBeInTheDocument()
    expect(onSubscribe).not.toHaveBeenCalled()
    await user.type(input, "example.com")
    await user.click(screen.getByRole("button", { name: "Subscribe" }))
    expect(onSubscribe).toHaveBeenCalledWith("ada@example.com")
    expect(screen.getByText("Thanks for subscribing!")).toBeInTheDocument()
    expect(input).toHaveValue("")
  })
})
