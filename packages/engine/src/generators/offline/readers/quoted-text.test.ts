import { describe, expect, it } from "vitest"
import { readPrompt } from "../facts"
import { readToggleSettings } from "../recipes/toggle-settings/reader"
import { buttonLabel } from "./quoted-text"

describe("the button label a prompt gives", () => {
  it("is what it quotes, or the capitalised words just before the word button", () => {
    expect(buttonLabel('a bio editor whose save button says "Update bio"')).toBe("Update bio")
    expect(buttonLabel("a privacy panel and a Save preferences button")).toBe("Save preferences")
    expect(buttonLabel("an inbox with the Mark all read button")).toBe("Mark all read")
    // Lower-case words name no label: the recipe keeps its own.
    expect(buttonLabel("a settings panel with a save button")).toBeUndefined()
  })

  it("is the settings panel's save button, and never one of its switches", () => {
    const read = readToggleSettings(
      readPrompt(
        "a privacy settings panel with switches for analytics and ads and a Save preferences button",
      ),
    )
    expect(read.saveLabel).toBe("Save preferences")
    expect(read.settings.map((setting) => setting.label)).toEqual(["Analytics", "Ads"])
  })
})
