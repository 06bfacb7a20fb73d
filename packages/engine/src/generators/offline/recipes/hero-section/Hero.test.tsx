import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import Hero from "./Hero"

describe("Hero (template)", () => {
  it("shows the eyebrow and headline, and its two buttons call their callbacks", async () => {
    const user = userEvent.setup()
    const onPrimary = vi.fn()
    const onSecondary = vi.fn()
    render(<Hero eyebrow="New" headline="Build faster" onPrimary={onPrimary} onSecondary={onSecondary} />)
    expect(screen.getByText("New")).toBeInTheDocument()
    expect(screen.getByRole("heading", { level: 1, name: "Build faster" })).toBeInTheDocument()
    await user.click(screen.getByRole("button", { name: "Get started" }))
    await user.click(screen.getByRole("button", { name: "Learn more" }))
    expect(onPrimary).toHaveBeenCalledTimes(1)
    expect(onSecondary).toHaveBeenCalledTimes(1)
  })

  it("with the email box, refuses an invalid address and thanks for a valid one", async () => {
    const user = userEvent.setup()
    const onSubscribe = vi.fn()
    render(<Hero showEmail primaryLabel="Join the waitlist" secondaryLabel="" onSubscribe={onSubscribe} />)
    expect(screen.getAllByRole("button")).toHaveLength(1)
    const input = screen.getByLabelText("Email address")
    await user.type(input, "ada@")
    await user.click(screen.getByRole("button", { name: "Join the waitlist" }))
    expect(input).toHaveAccessibleDescription("Enter a valid email address")
    expect(onSubscribe).not.toHaveBeenCalled()
    await user.type(input, "example.com")
    await user.click(screen.getByRole("button", { name: "Join the waitlist" }))
    expect(onSubscribe).toHaveBeenCalledWith("ada@example.com")
    expect(screen.getByText("Thanks! We'll be in touch.")).toBeInTheDocument()
  })
})
