import { describe, it, expect } from "vitest"
import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"

import { Checkbox } from "./checkbox"
import { Input } from "./input"
import { Label } from "./label"

describe("Label", () => {
  it("names the control it points to with htmlFor", () => {
    render(
      <>
        <Label htmlFor="email">Email</Label>
        <Input id="email" />
      </>,
    )
    expect(screen.getByRole("textbox", { name: "Email" })).toBeInTheDocument()
    const label = screen.getByText("Email")
    expect(label.tagName).toBe("LABEL")
    expect(label).toHaveAttribute("data-slot", "label")
    expect(label).toHaveClass("text-sm", "font-medium", "leading-none")
  })

  it("focuses the input when the label is clicked", async () => {
    const user = userEvent.setup()
    render(
      <>
        <Label htmlFor="name">Name</Label>
        <Input id="name" />
      </>,
    )
    await user.click(screen.getByText("Name"))
    expect(screen.getByRole("textbox", { name: "Name" })).toHaveFocus()
  })

  it("toggles a checkbox when the label is clicked", async () => {
    const user = userEvent.setup()
    render(
      <div className="flex items-center gap-2">
        <Checkbox id="terms" />
        <Label htmlFor="terms">Accept terms</Label>
      </div>,
    )
    const checkbox = screen.getByRole("checkbox", { name: "Accept terms" })
    expect(checkbox).not.toBeChecked()
    await user.click(screen.getByText("Accept terms"))
    expect(checkbox).toBeChecked()
  })

  it("labels a control nested inside it", () => {
    render(
      <Label>
        Search
        <Input />
      </Label>,
    )
    expect(screen.getByRole("textbox", { name: "Search" })).toBeInTheDocument()
  })

  it("merges a custom className", () => {
    render(<Label className="text-lg">Big</Label>)
    const label = screen.getByText("Big")
    expect(label).toHaveClass("text-lg")
    expect(label).not.toHaveClass("text-sm")
  })
})
