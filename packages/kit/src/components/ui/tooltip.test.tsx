import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, it, expect, vi } from "vitest"

import { Tooltip, TooltipContent, TooltipProvider, TooltipTrigger } from "./tooltip"

function Example({ onOpenChange }: { onOpenChange?: (open: boolean) => void }) {
  return (
    <Tooltip onOpenChange={onOpenChange}>
      <TooltipTrigger>Hover me</TooltipTrigger>
      <TooltipContent>Add to library</TooltipContent>
    </Tooltip>
  )
}

describe("Tooltip", () => {
  it("is hidden until the trigger is hovered", async () => {
    const user = userEvent.setup()
    render(<Example />)
    expect(screen.queryByRole("tooltip")).not.toBeInTheDocument()

    await user.hover(screen.getByRole("button", { name: "Hover me" }))

    expect(await screen.findByRole("tooltip")).toHaveTextContent("Add to library")
  })

  it("describes the trigger while open", async () => {
    const user = userEvent.setup()
    render(<Example />)
    const trigger = screen.getByRole("button", { name: "Hover me" })
    await user.hover(trigger)
    await screen.findByRole("tooltip")

    expect(trigger).toHaveAccessibleDescription("Add to library")
    expect(trigger).toHaveAttribute("data-state", "delayed-open")
  })

  it("hides again when the pointer moves away", async () => {
    const user = userEvent.setup()
    const onOpenChange = vi.fn()
    render(
      <>
        <Example onOpenChange={onOpenChange} />
        <p>Elsewhere</p>
      </>,
    )
    const trigger = screen.getByRole("button", { name: "Hover me" })
    await user.hover(trigger)
    await screen.findByRole("tooltip")

    // Leave the trigger, then move well away from it (Radix keeps the tooltip open while the
    // pointer travels through the grace area between trigger and content).
    await user.unhover(trigger)
    await user.pointer({ target: screen.getByText("Elsewhere"), coords: { clientX: 400, clientY: 400 } })

    expect(screen.queryByRole("tooltip")).not.toBeInTheDocument()
    expect(onOpenChange.mock.calls).toEqual([[true], [false]])
  })

  it("opens on keyboard focus and closes on Escape", async () => {
    const user = userEvent.setup()
    render(<Example />)

    await user.tab()
    expect(screen.getByRole("button", { name: "Hover me" })).toHaveFocus()
    expect(await screen.findByRole("tooltip")).toHaveTextContent("Add to library")

    await user.keyboard("{Escape}")
    expect(screen.queryByRole("tooltip")).not.toBeInTheDocument()
  })

  it("works inside an explicit TooltipProvider", async () => {
    const user = userEvent.setup()
    render(
      <TooltipProvider delayDuration={0}>
        <Tooltip>
          <TooltipTrigger>Info</TooltipTrigger>
          <TooltipContent className="max-w-xs">More details</TooltipContent>
        </Tooltip>
      </TooltipProvider>,
    )
    await user.hover(screen.getByRole("button", { name: "Info" }))

    expect(await screen.findByRole("tooltip")).toHaveTextContent("More details")
    const content = document.querySelector('[data-slot="tooltip-content"]')
    expect(content).toHaveClass("max-w-xs", "bg-primary")
  })

  it("can be controlled with open", () => {
    render(
      <Tooltip open>
        <TooltipTrigger>Always</TooltipTrigger>
        <TooltipContent>Shown</TooltipContent>
      </Tooltip>,
    )
    expect(screen.getByRole("tooltip")).toHaveTextContent("Shown")
  })
})
