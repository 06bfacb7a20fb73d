import { createRef } from "react"
import { describe, it, expect, vi } from "vitest"
import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"

import { Input } from "./input"

describe("Input", () => {
  it("renders a textbox that the user can type into", async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(<Input aria-label="Email" onChange={onChange} />)
    const input = screen.getByRole("textbox", { name: "Email" })
    await user.type(input, "ada@example.com")
    expect(input).toHaveValue("ada@example.com")
    expect(onChange).toHaveBeenCalledTimes("ada@example.com".length)
    expect(input).toHaveAttribute("data-slot", "input")
    expect(input).toHaveClass("border-input", "h-9", "w-full", "rounded-md")
  })

  it("forwards its ref to the input element", () => {
    const ref = createRef<HTMLInputElement>()
    render(<Input ref={ref} aria-label="Name" />)
    expect(ref.current).toBe(screen.getByRole("textbox", { name: "Name" }))
    ref.current?.focus()
    expect(screen.getByRole("textbox", { name: "Name" })).toHaveFocus()
  })

  it("forwards type, placeholder, name and aria-invalid", () => {
    render(<Input type="email" placeholder="you@example.com" name="email" aria-invalid />)
    const input = screen.getByPlaceholderText("you@example.com")
    expect(input).toHaveAttribute("type", "email")
    expect(input).toHaveAttribute("name", "email")
    expect(input).toBeInvalid()
  })

  it("renders other input types, e.g. a number spinbutton", () => {
    render(<Input type="number" aria-label="Quantity" defaultValue={2} />)
    expect(screen.getByRole("spinbutton", { name: "Quantity" })).toHaveValue(2)
  })

  it("does not accept typing when disabled", async () => {
    const user = userEvent.setup()
    render(<Input aria-label="Locked" disabled defaultValue="fixed" />)
    const input = screen.getByRole("textbox", { name: "Locked" })
    expect(input).toBeDisabled()
    await user.type(input, "more")
    expect(input).toHaveValue("fixed")
  })

  it("merges a custom className", () => {
    render(<Input aria-label="Wide" className="h-12" />)
    const input = screen.getByRole("textbox", { name: "Wide" })
    expect(input).toHaveClass("h-12")
    expect(input).not.toHaveClass("h-9")
  })
})
