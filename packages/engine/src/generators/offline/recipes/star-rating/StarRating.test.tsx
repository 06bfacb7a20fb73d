import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import StarRating from "./StarRating"

const star = (n: number, max = 5) => screen.getByRole("radio", { name: `Rate ${n} out of ${max}` })

describe("StarRating (template)", () => {
  it("shows its stars under the label, not rated at first, and takes a click", async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(<StarRating onChange={onChange} />)
    expect(screen.getByRole("radiogroup", { name: "Rate your experience" })).toBeInTheDocument()
    expect(screen.getAllByRole("radio")).toHaveLength(5)
    expect(screen.getByText("Not rated yet")).toBeInTheDocument()
    await user.click(star(4))
    expect(star(4)).toBeChecked()
    expect(screen.getByText("4 of 5")).toBeInTheDocument()
    expect(onChange).toHaveBeenLastCalledWith(4)
  })

  it("moves the rating with the arrow keys from one tab stop", async () => {
    const user = userEvent.setup()
    render(<StarRating max={10} defaultValue={7} />)
    await user.tab()
    expect(star(7, 10)).toHaveFocus()
    await user.keyboard("{ArrowRight}")
    expect(screen.getByText("8 of 10")).toBeInTheDocument()
  })

  it("has a Clear rating button only when showReset is on", async () => {
    const user = userEvent.setup()
    const { unmount } = render(<StarRating />)
    expect(screen.queryByRole("button", { name: "Clear rating" })).not.toBeInTheDocument()
    unmount()
    render(<StarRating showReset defaultValue={2} />)
    await user.click(screen.getByRole("button", { name: "Clear rating" }))
    expect(screen.getByText("Not rated yet")).toBeInTheDocument()
  })
})
