import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import TooltipButton from "./TooltipButton"

describe("TooltipButton (template)", () => {
  it("shows its tooltip on hover, as the button's description, and the button calls onClick", async () => {
    const user = userEvent.setup()
    const onClick = vi.fn()
    render(<TooltipButton label="Copy link" text="Copy to clipboard" onClick={onClick} />)
    const button = screen.getByRole("button", { name: "Copy link" })
    await user.hover(button)
    expect(await screen.findByRole("tooltip")).toHaveTextContent("Copy to clipboard")
    expect(button).toHaveAccessibleDescription("Copy to clipboard")
    await user.click(button)
    expect(onClick).toHaveBeenCalledTimes(1)
  })

  it("explains a term next to an info icon, on the side it is given", async () => {
    const user = userEvent.setup()
    render(<TooltipButton term="APR" label="About APR" text="The yearly cost of borrowing." side="bottom" />)
    expect(screen.getByText("APR")).toBeInTheDocument()
    await user.tab()
    expect(await screen.findByRole("tooltip")).toHaveTextContent("The yearly cost of borrowing.")
    expect(document.querySelector('[data-slot="tooltip-content"]')).toHaveAttribute("data-side", "bottom")
  })
})
