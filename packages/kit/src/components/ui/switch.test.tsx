import { useState } from "react"
import { describe, it, expect, vi } from "vitest"
import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"

import { Label } from "./label"
import { Switch } from "./switch"

describe("Switch", () => {
  it("renders an unchecked switch named by its label", () => {
    render(
      <>
        <Switch id="airplane" />
        <Label htmlFor="airplane">Airplane mode</Label>
      </>,
    )
    const toggle = screen.getByRole("switch", { name: "Airplane mode" })
    expect(toggle).not.toBeChecked()
    expect(toggle).toHaveAttribute("data-slot", "switch")
    expect(toggle).toHaveAttribute("data-state", "unchecked")
    expect(toggle).toHaveClass("rounded-full", "w-8", "data-[state=checked]:bg-primary")
    expect(toggle.querySelector("[data-slot=switch-thumb]")).toHaveAttribute("data-state", "unchecked")
  })

  it("toggles with a click and calls onCheckedChange", async () => {
    const user = userEvent.setup()
    const onCheckedChange = vi.fn()
    render(<Switch aria-label="Notifications" onCheckedChange={onCheckedChange} />)
    const toggle = screen.getByRole("switch", { name: "Notifications" })
    await user.click(toggle)
    expect(toggle).toBeChecked()
    expect(toggle).toHaveAttribute("data-state", "checked")
    expect(toggle.querySelector("[data-slot=switch-thumb]")).toHaveAttribute("data-state", "checked")
    expect(onCheckedChange).toHaveBeenLastCalledWith(true)
    await user.click(toggle)
    expect(toggle).not.toBeChecked()
    expect(onCheckedChange).toHaveBeenLastCalledWith(false)
  })

  it("toggles with the Space key", async () => {
    const user = userEvent.setup()
    const onCheckedChange = vi.fn()
    render(<Switch aria-label="Dark mode" onCheckedChange={onCheckedChange} />)
    const toggle = screen.getByRole("switch", { name: "Dark mode" })
    await user.tab()
    expect(toggle).toHaveFocus()
    await user.keyboard(" ")
    expect(toggle).toBeChecked()
    expect(onCheckedChange).toHaveBeenCalledWith(true)
    await user.keyboard(" ")
    expect(toggle).not.toBeChecked()
  })

  it("toggles when its label is clicked", async () => {
    const user = userEvent.setup()
    render(
      <>
        <Switch id="wifi" />
        <Label htmlFor="wifi">Wi-Fi</Label>
      </>,
    )
    await user.click(screen.getByText("Wi-Fi"))
    expect(screen.getByRole("switch", { name: "Wi-Fi" })).toBeChecked()
  })

  it("can be controlled", async () => {
    const user = userEvent.setup()
    function Controlled() {
      const [on, setOn] = useState(false)
      return (
        <>
          <Switch aria-label="Sync" checked={on} onCheckedChange={setOn} />
          <p>{on ? "Sync on" : "Sync off"}</p>
        </>
      )
    }
    render(<Controlled />)
    await user.click(screen.getByRole("switch", { name: "Sync" }))
    expect(screen.getByText("Sync on")).toBeInTheDocument()
  })

  it("does not toggle when disabled", async () => {
    const user = userEvent.setup()
    const onCheckedChange = vi.fn()
    render(<Switch aria-label="Locked" disabled onCheckedChange={onCheckedChange} />)
    const toggle = screen.getByRole("switch", { name: "Locked" })
    expect(toggle).toBeDisabled()
    await user.click(toggle)
    expect(toggle).not.toBeChecked()
    expect(onCheckedChange).not.toHaveBeenCalled()
  })
})
