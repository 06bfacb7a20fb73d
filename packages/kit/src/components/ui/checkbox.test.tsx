import { useState } from "react"
import { describe, it, expect, vi } from "vitest"
import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"

import { Checkbox } from "./checkbox"

describe("Checkbox", () => {
  it("renders an unchecked checkbox with an accessible name", () => {
    render(<Checkbox aria-label="Subscribe" />)
    const checkbox = screen.getByRole("checkbox", { name: "Subscribe" })
    expect(checkbox).not.toBeChecked()
    expect(checkbox).toHaveAttribute("data-slot", "checkbox")
    expect(checkbox).toHaveAttribute("data-state", "unchecked")
    expect(checkbox).toHaveClass("size-4", "rounded-[4px]", "border")
  })

  it("toggles with a click and calls onCheckedChange with the new state", async () => {
    const user = userEvent.setup()
    const onCheckedChange = vi.fn()
    render(<Checkbox aria-label="Subscribe" onCheckedChange={onCheckedChange} />)
    const checkbox = screen.getByRole("checkbox", { name: "Subscribe" })
    await user.click(checkbox)
    expect(checkbox).toBeChecked()
    expect(checkbox).toHaveAttribute("data-state", "checked")
    expect(onCheckedChange).toHaveBeenLastCalledWith(true)
    await user.click(checkbox)
    expect(checkbox).not.toBeChecked()
    expect(onCheckedChange).toHaveBeenLastCalledWith(false)
    expect(onCheckedChange).toHaveBeenCalledTimes(2)
  })

  it("toggles with the Space key but not with Enter", async () => {
    const user = userEvent.setup()
    const onCheckedChange = vi.fn()
    render(<Checkbox aria-label="Remember me" onCheckedChange={onCheckedChange} />)
    const checkbox = screen.getByRole("checkbox", { name: "Remember me" })
    await user.tab()
    expect(checkbox).toHaveFocus()
    await user.keyboard(" ")
    expect(checkbox).toBeChecked()
    expect(onCheckedChange).toHaveBeenCalledWith(true)
    await user.keyboard("{Enter}")
    expect(checkbox).toBeChecked()
    expect(onCheckedChange).toHaveBeenCalledTimes(1)
  })

  it("shows the check icon only when checked", async () => {
    const user = userEvent.setup()
    render(<Checkbox aria-label="Done" />)
    const checkbox = screen.getByRole("checkbox", { name: "Done" })
    expect(checkbox.querySelector("svg")).toBeNull()
    await user.click(checkbox)
    expect(checkbox.querySelector("[data-slot=checkbox-indicator] svg")).not.toBeNull()
  })

  it("can be controlled", async () => {
    const user = userEvent.setup()
    function Controlled() {
      const [checked, setChecked] = useState(true)
      return (
        <>
          <Checkbox
            aria-label="Agree"
            checked={checked}
            onCheckedChange={(value) => setChecked(value === true)}
          />
          <p>{checked ? "agreed" : "not agreed"}</p>
        </>
      )
    }
    render(<Controlled />)
    expect(screen.getByRole("checkbox", { name: "Agree" })).toBeChecked()
    await user.click(screen.getByRole("checkbox", { name: "Agree" }))
    expect(screen.getByText("not agreed")).toBeInTheDocument()
    expect(screen.getByRole("checkbox", { name: "Agree" })).not.toBeChecked()
  })

  it("reports the indeterminate state as mixed", () => {
    render(<Checkbox aria-label="Select all" checked="indeterminate" />)
    const checkbox = screen.getByRole("checkbox", { name: "Select all" })
    expect(checkbox).toHaveAttribute("aria-checked", "mixed")
    expect(checkbox).toBePartiallyChecked()
  })

  it("does not toggle when disabled", async () => {
    const user = userEvent.setup()
    const onCheckedChange = vi.fn()
    render(<Checkbox aria-label="Locked" disabled onCheckedChange={onCheckedChange} />)
    const checkbox = screen.getByRole("checkbox", { name: "Locked" })
    expect(checkbox).toBeDisabled()
    await user.click(checkbox)
    expect(checkbox).not.toBeChecked()
    expect(onCheckedChange).not.toHaveBeenCalled()
  })
})
