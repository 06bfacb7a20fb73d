import { describe, it, expect } from "vitest"
import { render, screen } from "@testing-library/react"

import { Separator } from "./separator"

describe("Separator", () => {
  it("is decorative by default: hidden from the accessibility tree", () => {
    render(<Separator data-testid="sep" />)
    const separator = screen.getByTestId("sep")
    expect(separator).toHaveAttribute("role", "none")
    expect(screen.queryByRole("separator")).not.toBeInTheDocument()
    expect(separator).toHaveAttribute("data-slot", "separator")
    expect(separator).toHaveAttribute("data-orientation", "horizontal")
    expect(separator).toHaveClass("bg-border", "data-[orientation=horizontal]:h-px")
  })

  it("is a separator with an orientation when not decorative", () => {
    render(<Separator decorative={false} orientation="vertical" />)
    const separator = screen.getByRole("separator")
    expect(separator).toHaveAttribute("aria-orientation", "vertical")
    expect(separator).toHaveAttribute("data-orientation", "vertical")
  })

  it("is horizontal by default when not decorative", () => {
    render(<Separator decorative={false} />)
    const separator = screen.getByRole("separator")
    expect(separator).toHaveAttribute("data-orientation", "horizontal")
    // Horizontal is the ARIA default, so Radix leaves aria-orientation off.
    expect(separator).not.toHaveAttribute("aria-orientation")
  })

  it("merges a custom className", () => {
    render(<Separator data-testid="sep" className="my-4 bg-muted" />)
    const separator = screen.getByTestId("sep")
    expect(separator).toHaveClass("my-4", "bg-muted")
    expect(separator).not.toHaveClass("bg-border")
  })
})
