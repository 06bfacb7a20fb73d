import { describe, it, expect } from "vitest"
import { render, screen } from "@testing-library/react"

import { Badge, badgeVariants } from "./badge"

describe("Badge", () => {
  it("renders its text in a span with the default variant", () => {
    render(<Badge>New</Badge>)
    const badge = screen.getByText("New")
    expect(badge.tagName).toBe("SPAN")
    expect(badge).toHaveAttribute("data-slot", "badge")
    expect(badge).toHaveClass("bg-primary", "text-primary-foreground", "rounded-md", "text-xs")
  })

  it.each([
    ["secondary", "bg-secondary"],
    ["destructive", "bg-destructive"],
    ["outline", "text-foreground"],
  ] as const)("applies the %s variant classes", (variant, expected) => {
    render(<Badge variant={variant}>Status</Badge>)
    const badge = screen.getByText("Status")
    expect(badge).toHaveClass(expected)
    expect(badge).not.toHaveClass("bg-primary")
  })

  it("merges a custom className over the variant classes", () => {
    render(<Badge className="bg-success text-success-foreground">Passed</Badge>)
    const badge = screen.getByText("Passed")
    expect(badge).toHaveClass("bg-success", "text-success-foreground")
    expect(badge).not.toHaveClass("bg-primary")
  })

  it("renders its child element when asChild is set", () => {
    render(
      <Badge asChild variant="secondary">
        <a href="/tags/react">react</a>
      </Badge>,
    )
    const link = screen.getByRole("link", { name: "react" })
    expect(link).toHaveAttribute("href", "/tags/react")
    expect(link).toHaveClass("bg-secondary")
    expect(link).toHaveAttribute("data-slot", "badge")
  })

  it("passes through aria attributes", () => {
    render(<Badge aria-label="3 unread messages">3</Badge>)
    expect(screen.getByLabelText("3 unread messages")).toHaveTextContent("3")
  })

  it("exposes badgeVariants", () => {
    expect(badgeVariants({ variant: "outline" })).toContain("text-foreground")
    expect(badgeVariants()).toContain("bg-primary")
  })
})
