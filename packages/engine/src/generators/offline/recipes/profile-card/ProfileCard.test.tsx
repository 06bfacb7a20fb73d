import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import ProfileCard from "./ProfileCard"

describe("ProfileCard (template)", () => {
  it("shows the person with their initials when there is no photo, and their stats", () => {
    render(<ProfileCard name="Leo van Park" stats={[{ label: "Posts", value: "12" }]} />)
    expect(screen.getByRole("heading", { name: "Leo van Park" })).toBeInTheDocument()
    expect(screen.getByText("LV")).toHaveAttribute("data-slot", "avatar-fallback")
    expect(screen.getByRole("term")).toHaveTextContent("Posts")
    expect(screen.getByRole("definition")).toHaveTextContent("12")
  })

  it("toggles Follow and Following and calls back, and Message is optional", async () => {
    const user = userEvent.setup()
    const onFollowChange = vi.fn()
    render(<ProfileCard following showMessage={false} onFollowChange={onFollowChange} />)
    const button = screen.getByRole("button", { name: "Following" })
    expect(button).toHaveAttribute("aria-pressed", "true")
    await user.click(button)
    expect(button).toHaveAccessibleName("Follow")
    expect(onFollowChange).toHaveBeenLastCalledWith(false)
    expect(screen.queryByRole("button", { name: "Message" })).not.toBeInTheDocument()
  })
})
