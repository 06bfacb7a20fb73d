import { render, screen } from "@testing-library/react"
import { describe, expect, it } from "vitest"
import FeatureGrid from "./FeatureGrid"

const FEATURES = [
  { title: "Sync", description: "Everything syncs across devices.", icon: "cloud" },
  { title: "Mystery", description: "An icon the grid does not know.", icon: "unknown" },
]

describe("FeatureGrid (template)", () => {
  it("shows the heading and each feature with its sentence and a hidden icon", () => {
    render(<FeatureGrid heading="Why teams choose us" features={FEATURES} subheading="" />)
    expect(screen.getByRole("region", { name: "Why teams choose us" })).toBeInTheDocument()
    expect(screen.getAllByRole("heading", { level: 3 }).map((heading) => heading.textContent)).toEqual([
      "Sync",
      "Mystery",
    ])
    const items = screen.getAllByRole("listitem")
    expect(items[1]).toHaveTextContent("An icon the grid does not know.")
    for (const item of items) expect(item.querySelector("svg")).toHaveAttribute("aria-hidden", "true")
  })

  it("takes one to four columns on wide screens, clamping other counts", () => {
    const { rerender } = render(<FeatureGrid />)
    expect(screen.getByRole("list")).toHaveClass("grid-cols-1", "sm:grid-cols-2", "lg:grid-cols-3")
    rerender(<FeatureGrid columns={2} />)
    expect(screen.getByRole("list")).toHaveClass("sm:grid-cols-2")
    expect(screen.getByRole("list")).not.toHaveClass("lg:grid-cols-3")
    rerender(<FeatureGrid columns={9} />)
    expect(screen.getByRole("list")).toHaveClass("lg:grid-cols-4")
    rerender(<FeatureGrid columns={1} />)
    expect(screen.getByRole("list").className).not.toMatch(/sm:grid-cols/)
  })
})
