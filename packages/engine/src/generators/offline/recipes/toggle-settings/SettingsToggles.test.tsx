import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import SettingsToggles from "./SettingsToggles"

describe("SettingsToggles (template)", () => {
  it("starts each switch as set, with its description", () => {
    render(<SettingsToggles />)
    expect(screen.getAllByRole("switch")).toHaveLength(4)
    expect(screen.getByRole("switch", { name: "Dark mode" })).not.toBeChecked()
    expect(screen.getByRole("switch", { name: "Sound effects" })).toBeChecked()
    expect(screen.getByRole("switch", { name: "Sound effects" })).toHaveAccessibleDescription(
      "Play sounds for messages and actions.",
    )
  })

  it("flips a switch by its label, says so, and saves every state", async () => {
    const user = userEvent.setup()
    const onSave = vi.fn()
    render(<SettingsToggles onSave={onSave} />)
    const save = screen.getByRole("button", { name: "Save changes" })
    expect(save).toBeDisabled()
    await user.click(screen.getByText("Dark mode"))
    expect(screen.getByRole("switch", { name: "Dark mode" })).toBeChecked()
    expect(screen.getByRole("status")).toHaveTextContent("Unsaved changes")
    await user.click(save)
    expect(onSave).toHaveBeenCalledWith({
      "Dark mode": true,
      "Sound effects": true,
      "Autoplay videos": false,
      "Auto-save drafts": true,
    })
    expect(screen.getByRole("status")).toHaveTextContent("Saved")
    expect(save).toBeDisabled()
    await user.click(screen.getByRole("switch", { name: "Dark mode" }))
    await user.click(screen.getByRole("switch", { name: "Dark mode" }))
    expect(screen.getByRole("status")).toBeEmptyDOMElement()
  })
})
