import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it } from "vitest"
import BmiCalculator from "./BmiCalculator"

describe("BmiCalculator (template)", () => {
  it("works out the BMI and its category from centimetres and kilograms", async () => {
    const user = userEvent.setup()
    render(<BmiCalculator />)
    expect(screen.getByRole("heading", { name: "BMI calculator" })).toBeInTheDocument()
    await user.type(screen.getByLabelText("Height (cm)"), "180")
    await user.type(screen.getByLabelText("Weight (kg)"), "75")
    expect(screen.getByRole("status")).toHaveTextContent("23.1")
    expect(screen.getByRole("status")).toHaveTextContent("Healthy weight")
  })

  it("starts in the given units and switches, clearing the fields", async () => {
    const user = userEvent.setup()
    render(<BmiCalculator units="imperial" />)
    expect(screen.getByRole("button", { name: "Imperial" })).toHaveAttribute("aria-pressed", "true")
    await user.type(screen.getByLabelText("Height (ft)"), "5")
    await user.type(screen.getByLabelText("Height (in)"), "10")
    await user.type(screen.getByLabelText("Weight (lb)"), "160")
    expect(screen.getByRole("status")).toHaveTextContent("23.0")
    await user.click(screen.getByRole("button", { name: "Metric" }))
    expect(screen.getByLabelText("Height (cm)")).toHaveValue("")
  })

  it("refuses a weight of zero or less", async () => {
    const user = userEvent.setup()
    render(<BmiCalculator />)
    await user.type(screen.getByLabelText("Height (cm)"), "180")
    expect(screen.getByRole("status")).toHaveTextContent("Fill in both height and weight")
    await user.type(screen.getByLabelText("Weight (kg)"), "0")
    expect(screen.getByRole("status")).toHaveTextContent("Enter a height and a weight above 0")
  })
})
