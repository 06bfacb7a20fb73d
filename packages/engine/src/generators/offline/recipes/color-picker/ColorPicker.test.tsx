import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import ColorPicker from "./ColorPicker"

describe("ColorPicker (template)", () => {
  it("starts on the default swatch and selects the one clicked", async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(<ColorPicker onChange={onChange} />)
    const group = screen.getByRole("group", { name: "Colour" })
    expect(within(group).getAllByRole("button")).toHaveLength(8)
    expect(screen.getByRole("button", { name: "Red" })).toHaveAttribute("aria-pressed", "true")
    expect(screen.getByText("Red · #dc2626")).toBeInTheDocument()
    await user.click(screen.getByRole("button", { name: "Blue" }))
    expect(screen.getByRole("button", { name: "Red" })).toHaveAttribute("aria-pressed", "false")
    expect(screen.getByText("Blue · #2563eb")).toBeInTheDocument()
    expect(onChange).toHaveBeenLastCalledWith("#2563eb")
  })

  it("takes a typed hex value (short forms too) and refuses an invalid one", async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(<ColorPicker onChange={onChange} />)
    const field = screen.getByRole("textbox", { name: "Hex" })
    await user.clear(field)
    await user.type(field, "F80{Enter}")
    expect(screen.getByText("Custom · #ff8800")).toBeInTheDocument()
    expect(onChange).toHaveBeenLastCalledWith("#ff8800")
    await user.clear(field)
    await user.type(field, "#12zz{Enter}")
    expect(screen.getByRole("alert")).toHaveTextContent("Enter a hex value like #2563eb")
    expect(screen.getByText("Custom · #ff8800")).toBeInTheDocument()
    expect(onChange).toHaveBeenCalledTimes(1)
  })

  it("has no hex field when showHexInput is off", () => {
    render(<ColorPicker showHexInput={false} />)
    expect(screen.queryByRole("textbox", { name: "Hex" })).not.toBeInTheDocument()
  })
})
