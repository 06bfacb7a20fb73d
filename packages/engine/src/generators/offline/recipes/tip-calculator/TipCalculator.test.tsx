import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it } from "vitest"
import TipCalculator from "./TipCalculator"

const amount = (label: string) => screen.getByText(label).nextElementSibling

describe("TipCalculator (template)", () => {
  it("works out the tip, the total and each person's share", async () => {
    const user = userEvent.setup()
    render(<TipCalculator tipOptions="10, 20" defaultTip={20} people={4} currency="€" />)
    const buttons = within(screen.getByRole("group", { name: "Tip" })).getAllByRole("button")
    expect(buttons.map((button) => button.textContent)).toEqual(["10%", "20%"])
    await user.type(screen.getByLabelText("Bill amount"), "80")
    expect(amount("Tip (20%)")).toHaveTextContent("€16.00")
    expect(amount("Total")).toHaveTextContent("€96.00")
    expect(amount("Per person")).toHaveTextContent("€24.00")
  })

  it("lets a custom percentage override the buttons and refuses a negative bill", async () => {
    const user = userEvent.setup()
    render(<TipCalculator initialBill={50} />)
    await user.type(screen.getByRole("textbox", { name: "Custom tip percentage" }), "12.5")
    expect(amount("Tip (12.5%)")).toHaveTextContent("$6.25")
    await user.clear(screen.getByLabelText("Bill amount"))
    await user.type(screen.getByLabelText("Bill amount"), "-5")
    expect(screen.getByRole("alert")).toHaveTextContent("Enter a bill of 0 or more")
  })
})
