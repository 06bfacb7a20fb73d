import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it } from "vitest"
import LoanCalculator from "./LoanCalculator"

function amount(label: string) {
  return screen.getByText(label).nextElementSibling
}

describe("LoanCalculator (template)", () => {
  it("shows the monthly payment, the total paid and the total interest of the sample loan", () => {
    render(<LoanCalculator />)
    expect(screen.getByLabelText("Loan amount ($)")).toHaveValue("25000")
    expect(amount("Monthly payment")).toHaveTextContent("$489.15")
    expect(amount("Total paid")).toHaveTextContent("$29,349.22")
    expect(amount("Total interest")).toHaveTextContent("$4,349.22")
  })

  it("divides the amount evenly at 0% and explains an invalid term instead of a payment", async () => {
    const user = userEvent.setup()
    render(<LoanCalculator amount={12000} years={1} currency="€" />)
    await user.clear(screen.getByLabelText("Interest rate (% per year)"))
    await user.type(screen.getByLabelText("Interest rate (% per year)"), "0")
    expect(amount("Monthly payment")).toHaveTextContent("€1,000.00")
    await user.clear(screen.getByLabelText("Term (years)"))
    await user.type(screen.getByLabelText("Term (years)"), "-3")
    expect(screen.getByText("Enter a whole number of years from 1 to 50")).toBeInTheDocument()
    expect(amount("Monthly payment")).toHaveTextContent("—")
  })
})
