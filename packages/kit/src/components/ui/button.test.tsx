import { createRef } from "react"
import { describe, it, expect, vi } from "vitest"
import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"

import { Button, buttonVariants } from "./button"

describe("Button", () => {
  it("renders a button with its text as the accessible name and the default variant and size", () => {
    render(<Button>Save</Button>)
    const button = screen.getByRole("button", { name: "Save" })
    expect(button.tagName).toBe("BUTTON")
    expect(button).toHaveAttribute("data-slot", "button")
    expect(button).toHaveAttribute("data-variant", "default")
    expect(button).toHaveAttribute("data-size", "default")
    expect(button).toHaveClass("bg-primary", "text-primary-foreground", "h-9", "px-4")
  })

  it("calls onClick when clicked and when activated with Enter or Space", async () => {
    const user = userEvent.setup()
    const onClick = vi.fn()
    render(<Button onClick={onClick}>Go</Button>)
    await user.click(screen.getByRole("button", { name: "Go" }))
    expect(onClick).toHaveBeenCalledTimes(1)
    screen.getByRole("button", { name: "Go" }).focus()
    await user.keyboard("{Enter}")
    await user.keyboard(" ")
    expect(onClick).toHaveBeenCalledTimes(3)
  })

  it("does not fire onClick when disabled", async () => {
    const user = userEvent.setup()
    const onClick = vi.fn()
    render(
      <Button disabled onClick={onClick}>
        Delete
      </Button>,
    )
    const button = screen.getByRole("button", { name: "Delete" })
    expect(button).toBeDisabled()
    await user.click(button)
    expect(onClick).not.toHaveBeenCalled()
  })

  it.each([
    ["destructive", "bg-destructive"],
    ["outline", "border"],
    ["secondary", "bg-secondary"],
    ["ghost", "hover:bg-accent"],
    ["link", "underline-offset-4"],
  ] as const)("applies the %s variant classes", (variant, expected) => {
    render(<Button variant={variant}>Action</Button>)
    const button = screen.getByRole("button", { name: "Action" })
    expect(button).toHaveClass(expected)
    expect(button).not.toHaveClass("bg-primary")
    expect(button).toHaveAttribute("data-variant", variant)
  })

  it.each([
    ["sm", "h-8"],
    ["lg", "h-10"],
    ["icon", "size-9"],
  ] as const)("applies the %s size classes", (size, expected) => {
    render(
      <Button size={size} aria-label="Sized">
        x
      </Button>,
    )
    expect(screen.getByRole("button", { name: "Sized" })).toHaveClass(expected)
  })

  it("lets className override conflicting variant classes", () => {
    render(<Button className="h-12 bg-success">Big</Button>)
    const button = screen.getByRole("button", { name: "Big" })
    expect(button).toHaveClass("h-12", "bg-success")
    expect(button).not.toHaveClass("h-9")
    expect(button).not.toHaveClass("bg-primary")
  })

  it("renders its child element with the button classes when asChild is set", () => {
    render(
      <Button asChild variant="outline">
        <a href="/docs">Docs</a>
      </Button>,
    )
    const link = screen.getByRole("link", { name: "Docs" })
    expect(link.tagName).toBe("A")
    expect(link).toHaveAttribute("href", "/docs")
    expect(link).toHaveAttribute("data-slot", "button")
    expect(link).toHaveClass("border", "bg-background")
    expect(screen.queryByRole("button")).not.toBeInTheDocument()
  })

  it("forwards its ref and native props such as type and aria-label", () => {
    const ref = createRef<HTMLButtonElement>()
    render(
      <Button ref={ref} type="submit" aria-label="Close dialog" size="icon">
        ×
      </Button>,
    )
    const button = screen.getByRole("button", { name: "Close dialog" })
    expect(ref.current).toBe(button)
    expect(button).toHaveAttribute("type", "submit")
  })

  it("exposes buttonVariants for styling other elements like buttons", () => {
    expect(buttonVariants({ variant: "secondary", size: "sm" })).toContain("bg-secondary")
    expect(buttonVariants({ variant: "secondary", size: "sm" })).toContain("h-8")
    expect(buttonVariants()).toContain("bg-primary")
  })
})
