import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it } from "vitest"
import UnitConverter from "./UnitConverter"

describe("UnitConverter (template)", () => {
  it("converts both ways, rounding to its decimals", async () => {
    const user = userEvent.setup()
    render(<UnitConverter />)
    expect(screen.getByLabelText("From")).toHaveValue("10")
    expect(screen.getByLabelText("To")).toHaveValue("6.21")
    await user.clear(screen.getByLabelText("To"))
    await user.type(screen.getByLabelText("To"), "1")
    expect(screen.getByLabelText("From")).toHaveValue("1.61")
  })

  it("converts temperatures with an offset and swaps the units", async () => {
    const user = userEvent.setup()
    const units = [
      { id: "°C", label: "Celsius", factor: 1, offset: 0 },
      { id: "°F", label: "Fahrenheit", factor: 5 / 9, offset: -32 },
    ]
    render(<UnitConverter units={units} from="°C" to="°F" initialValue={100} decimals={1} />)
    expect(screen.getByLabelText("To")).toHaveValue("212")
    await user.click(screen.getByRole("button", { name: "Swap units" }))
    expect(screen.getByRole("combobox", { name: "From unit" })).toHaveValue("°F")
  })

  it("says Enter a number for text that is not one", async () => {
    const user = userEvent.setup()
    render(<UnitConverter />)
    await user.clear(screen.getByLabelText("From"))
    await user.type(screen.getByLabelText("From"), "abc")
    expect(screen.getByRole("alert")).toHaveTextContent("Enter a number")
  })
})
