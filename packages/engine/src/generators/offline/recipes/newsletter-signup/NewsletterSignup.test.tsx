import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import NewsletterSignup from "./NewsletterSignup"

describe("NewsletterSignup (template)", () => {
  it("refuses an empty and then an invalid address, without calling onSubscribe", async () => {
    const user = userEvent.setup()
    const onSubscribe = vi.fn()
    render(<NewsletterSignup onSubscribe={onSubscribe} />)
    expect(screen.getByRole("heading", { name: "Subscribe to our newsletter" })).toBeInTheDocument()
    await user.click(screen.getByRole("button", { name: "Subscribe" }))
    expect(screen.getByRole("alert")).toHaveTextContent("Enter your email address")
    await user.type(screen.getByLabelText("Email address"), "jane@example")
    await user.click(screen.getByRole("button", { name: "Subscribe" }))
    expect(screen.getByRole("alert")).toHaveTextContent("Enter a valid email address")
    expect(onSubscribe).not.toHaveBeenCalled()
  })

  it("takes a valid address, trimmed, and thanks the person instead of showing the form", async () => {
    const user = userEvent.setup()
    const onSubscribe = vi.fn()
    render(<NewsletterSignup successMessage="You're in!" onSubscribe={onSubscribe} />)
    await user.type(screen.getByLabelText("Email address"), " jane@example.com ")
    await user.keyboard("{Enter}")
    expect(onSubscribe).toHaveBeenCalledWith("jane@example.com")
    expect(screen.getByRole("status")).toHaveTextContent("You're in!")
    expect(screen.queryByLabelText("Email address")).not.toBeInTheDocument()
  })
})
