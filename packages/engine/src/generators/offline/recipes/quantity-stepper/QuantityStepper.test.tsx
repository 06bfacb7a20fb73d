import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import QuantityStepper from "./QuantityStepper"

describe("QuantityStepper (template)", () => {
  it("steps with its buttons and stops at the limits", async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(<QuantityStepper label="Guests" min={1} max={3} defaultValue={2} onChange={onChange} />)
    const field = screen.getByRole("spinbutton", { name: "Guests" })
    await user.click(screen.getByRole("button", { name: "Increase guests" }))
    expect(field).toHaveValue("3")
    expect(onChange).toHaveBeenLastCalledWith(3)
    expect(screen.getByRole("button", { name: "Increase guests" })).toBeDisabled()
  })

  it("keeps a typed value in range and on the step", async () => {
    const user = userEvent.setup()
    render(<QuantityStepper min={0} max={50} step={5} defaultValue={10} />)
    const field = screen.getByRole("spinbutton", { name: "Quantity" })
    await user.clear(field)
    await user.type(field, "23{Enter}")
    expect(field).toHaveValue("25")
    await user.clear(field)
    await user.type(field, "900")
    await user.tab()
    expect(field).toHaveValue("50")
  })

  it("has a Reset button only when showReset is on", async () => {
    const user = userEvent.setup()
    render(<QuantityStepper showReset defaultValue={4} />)
    await user.click(screen.getByRole("button", { name: "Increase quantity" }))
    await user.click(screen.getByRole("button", { name: "Reset" }))
    expect(screen.getByRole("spinbutton", { name: "Quantity" })).toHaveValue("4")
  })
})
