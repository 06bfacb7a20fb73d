import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it } from "vitest"
import SettingsTabs from "./SettingsTabs"

describe("SettingsTabs (template)", () => {
  it("shows a tab per label with the default one selected and its panel shown", () => {
    render(<SettingsTabs />)
    expect(screen.getAllByRole("tab").map((tab) => tab.textContent)).toEqual([
      "Overview",
      "Activity",
      "Settings",
    ])
    expect(screen.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true")
    expect(screen.getByRole("tabpanel")).toHaveTextContent("Everything about overview lives here.")
  })

  it("selects the first tab when the default is not one of them", () => {
    render(<SettingsTabs tabs={["Billing", "Members"]} defaultTab="Nowhere" />)
    expect(screen.getByRole("tab", { name: "Billing" })).toHaveAttribute("aria-selected", "true")
  })

  it("shows the clicked tab's panel instead of the previous one, and arrow keys move the focus", async () => {
    const user = userEvent.setup()
    render(<SettingsTabs />)
    await user.click(screen.getByRole("tab", { name: "Settings" }))
    expect(screen.getAllByRole("tabpanel")).toHaveLength(1)
    expect(screen.getByRole("tabpanel")).toHaveTextContent("Settings")
    await user.keyboard("{ArrowLeft}")
    expect(screen.getByRole("tab", { name: "Activity" })).toHaveFocus()
  })
})
