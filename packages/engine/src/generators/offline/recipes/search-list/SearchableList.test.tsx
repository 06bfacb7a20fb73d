import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it } from "vitest"
import SearchableList from "./SearchableList"

const ITEMS = [
  { name: "Amelia Chen", detail: "Product designer" },
  { name: "Jonas Weber", detail: "Frontend engineer" },
  { name: "Priya Patel", detail: "Engineering manager" },
]
const shownNames = () =>
  within(screen.getByRole("list", { name: "Team" }))
    .getAllByRole("listitem")
    .map((item) => item.firstElementChild?.textContent)

describe("SearchableList (template)", () => {
  it("keeps the entries whose name or detail matches, in any case, and counts them", async () => {
    const user = userEvent.setup()
    render(<SearchableList title="Team" items={ITEMS} />)
    expect(screen.getByText("3 results")).toHaveAttribute("aria-live", "polite")
    await user.type(screen.getByRole("searchbox", { name: "Search team" }), "ENGINEER")
    expect(shownNames()).toEqual(["Jonas Weber", "Priya Patel"])
    expect(screen.getByText("2 results")).toBeInTheDocument()
  })

  it("says when nothing matches and clears back to every entry", async () => {
    const user = userEvent.setup()
    render(<SearchableList title="Team" items={ITEMS} />)
    await user.type(screen.getByRole("searchbox", { name: "Search team" }), "zzz")
    expect(screen.getByText("No results for “zzz”")).toBeInTheDocument()
    await user.click(screen.getByRole("button", { name: "Clear search" }))
    expect(shownNames()).toHaveLength(3)
  })
})
