import { defineRecipe, number, text } from "../../define-recipe"
import { code, testCase } from "../../test-builder"
import { formatMoney, monthlyPayment } from "./inline/loan-maths"
import { amountOf, rateOf, readLoanCalculator, yearsOf } from "./reader"

/** "$25,000": whole amounts without cents. */
function whole(currency: string, amount: number): string {
  return Number.isInteger(amount)
    ? `${currency}${amount.toLocaleString("en-US")}`
    : formatMoney(currency, amount)
}

/** A loan (or mortgage) calculator: amount, rate and term in, monthly payment, total interest and total paid out. */
export const loanCalculator = defineRecipe({
  kind: "loan-calculator",
  title: "Loan calculator",
  names: ["LoanCalculator"],
  keywords: {
    strong: [
      "loan calculator",
      "mortgage calculator",
      "loan",
      "mortgage",
      "monthly payment",
      "amortization",
      "amortisation",
    ],
    weak: ["interest rate", "apr", "borrow", "repayment", "repayments"],
  },
  params: {
    amount: number("The amount borrowed, at first."),
    ratePercent: number("The yearly interest rate in percent, at first."),
    years: number("The term in years, at first."),
    currency: text("The currency symbol."),
    title: text("The heading."),
  },
  read: readLoanCalculator,
  summary: ({ currency, amount, ratePercent, years }) =>
    `A loan calculator for ${whole(currency, amount)} at ${ratePercent}% over ${years} years, showing the monthly payment, total interest and total paid.`,
  requirements: ({ currency, amount, ratePercent, years }) => [
    [
      "payment",
      `Shows the monthly payment: ${whole(currency, amount)} at ${ratePercent}% over ${years} years is ${formatMoney(currency, monthlyPayment(amount, ratePercent, years))} a month`,
    ],
    ["totals", "Shows the total interest and the total paid"],
    ["recalculate", "Recalculates as the amount, the rate or the term change (0% divides the amount evenly)"],
    [
      "invalid",
      "Explains invalid input (an amount of 0 or less, a rate outside 0–100, a term outside 1–50 years) instead of showing a payment",
    ],
  ],
  testSetup: () => code`
    function amount(label: string) {
      return screen.getByText(label).nextElementSibling
    }
  `,
  tests: ({ Component, values: { currency, amount, ratePercent, years } }) => {
    const monthly = monthlyPayment(amount, ratePercent, years)
    const otherRate = ratePercent === 4 ? 5 : 4
    return [
      testCase(
        "payment",
        "shows the monthly payment for the loan",
        code`
            render(<${Component} />)
            expect(screen.getByLabelText(${`Loan amount (${currency})`})).toHaveValue(${String(amount)})
            expect(amount("Monthly payment")).toHaveTextContent(${formatMoney(currency, monthly)})
        `,
      ),
      testCase(
        "totals",
        "shows the total interest and the total paid",
        code`
            render(<${Component} />)
            expect(amount("Total paid")).toHaveTextContent(${formatMoney(currency, monthly * years * 12)})
            expect(amount("Total interest")).toHaveTextContent(${formatMoney(currency, monthly * years * 12 - amount)})
        `,
      ),
      testCase(
        "recalculate",
        "recalculates when the rate or the term changes",
        code`
            const user = userEvent.setup()
            render(<${Component} />)
            await user.clear(screen.getByLabelText("Interest rate (% per year)"))
            await user.type(screen.getByLabelText("Interest rate (% per year)"), ${String(otherRate)})
            expect(amount("Monthly payment")).toHaveTextContent(${formatMoney(currency, monthlyPayment(amount, otherRate, years))})
            await user.clear(screen.getByLabelText("Interest rate (% per year)"))
            await user.type(screen.getByLabelText("Interest rate (% per year)"), "0")
            expect(amount("Monthly payment")).toHaveTextContent(${formatMoney(currency, amount / (years * 12))})
        `,
      ),
      testCase(
        "invalid",
        "explains invalid input instead of showing a payment",
        code`
            const user = userEvent.setup()
            render(<${Component} />)
            await user.clear(screen.getByLabelText(${`Loan amount (${currency})`}))
            expect(screen.getByText("Enter an amount above 0")).toBeInTheDocument()
            expect(screen.getByLabelText(${`Loan amount (${currency})`})).toHaveAttribute("aria-invalid", "true")
            expect(amount("Monthly payment")).toHaveTextContent("—")
            await user.clear(screen.getByLabelText("Term (years)"))
            await user.type(screen.getByLabelText("Term (years)"), "-3")
            expect(screen.getByText("Enter a whole number of years from 1 to 50")).toBeInTheDocument()
        `,
      ),
    ]
  },
  followUp: (facts, values) => {
    const next: { amount?: number; ratePercent?: number; years?: number; currency?: string } = {}
    const applied: string[] = []
    const amount = amountOf(facts)
    if (amount !== undefined) {
      next.amount = amount
      applied.push(`${whole(facts.currency ?? values.currency, amount)} borrowed`)
    }
    const rate = rateOf(facts)
    if (rate !== undefined) {
      next.ratePercent = rate
      applied.push(`${rate}% interest`)
    }
    const years = yearsOf(facts)
    if (years !== undefined) {
      next.years = years
      applied.push(`${years} years`)
    }
    if (facts.currency && facts.currency !== values.currency) {
      next.currency = facts.currency
      applied.push(`amounts in ${facts.currency}`)
    }
    return { values: next, applied }
  },
  followUpHints: ["an amount ($40,000)", "a rate (4.5%)", "a term (15 years)", "a currency (in euros)"],
})
