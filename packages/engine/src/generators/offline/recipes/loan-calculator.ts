import { type PromptFacts } from "../facts"
import { num, str, type Recipe, type RenderContext, type Values } from "../recipe"

function rateOf(facts: PromptFacts): number | undefined {
  const match = /(\d{1,2}(?:\.\d+)?)\s*%/.exec(facts.lower)
  return match ? Number(match[1]) : undefined
}

function yearsOf(facts: PromptFacts): number | undefined {
  const years = /(\d{1,2})[\s-]*(?:years?|yrs?|yr)\b/.exec(facts.lower)
  if (years) return Number(years[1])
  const months = /(\d{1,3})[\s-]*months?\b/.exec(facts.lower)
  return months ? Math.max(1, Math.round(Number(months[1]) / 12)) : undefined
}

/** Amounts written with a currency symbol, reading thousands separators ("$40,000" → 40000) and "k" ("40k"). */
function amountOf(facts: PromptFacts): number | undefined {
  const symbol = /[$€£¥₹]\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(k\b)?/i.exec(facts.text)
  if (symbol) {
    const value = Number(`${symbol[1]!.replace(/,/g, "")}${symbol[2] ? `.${symbol[2]}` : ""}`)
    return symbol[3] ? value * 1000 : value
  }
  const plain =
    /\b(\d{1,3}(?:,\d{3})+|\d+)\s*(k\b|thousand\b)?\s*(?:dollars?|euros?|pounds?|loan|mortgage|borrowed)\b/i.exec(
      facts.text,
    )
  if (plain) return Number(plain[1]!.replace(/,/g, "")) * (plain[2] ? 1000 : 1)
  const thousands = /\b(\d+)\s*k\b/i.exec(facts.text)
  return thousands ? Number(thousands[1]) * 1000 : undefined
}

function whole(currency: string, amount: number): string {
  return Number.isInteger(amount) ? `${currency}${amount.toLocaleString("en-US")}` : money(currency, amount)
}

function isMortgage(facts: PromptFacts): boolean {
  return /\b(?:mortgage|home loan|house)\b/.test(facts.lower)
}

/** The monthly payment of an amortised loan, as the component computes it. */
function payment(amount: number, ratePercent: number, years: number): number {
  const months = years * 12
  const rate = ratePercent / 100 / 12
  return rate === 0 ? amount / months : (amount * rate) / (1 - (1 + rate) ** -months)
}

function money(currency: string, amount: number): string {
  return `${currency}${amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
}

function component(context: RenderContext): string {
  return `import { useId, useState } from "react"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
${context.lookImports}

${context.propsInterface}

function monthlyPayment(amount: number, ratePercent: number, years: number): number {
  const months = years * 12
  const rate = ratePercent / 100 / 12
  return rate === 0 ? amount / months : (amount * rate) / (1 - (1 + rate) ** -months)
}

${context.signature}
  ${context.look}
  const id = useId()
  const [amountText, setAmountText] = useState(String(amount))
  const [rateText, setRateText] = useState(String(ratePercent))
  const [yearsText, setYearsText] = useState(String(years))
  const money = (value: number) =>
    \`\${currency}\${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}\`

  const principal = Number(amountText)
  const rate = Number(rateText)
  const term = Number(yearsText)
  const errors = {
    amount: amountText.trim() === "" || !(principal > 0) ? "Enter an amount above 0" : "",
    rate: rateText.trim() === "" || !Number.isFinite(rate) || rate < 0 || rate > 100 ? "Enter a rate from 0 to 100" : "",
    years: !Number.isInteger(term) || term < 1 || term > 50 ? "Enter a whole number of years from 1 to 50" : "",
  }
  const valid = !errors.amount && !errors.rate && !errors.years
  const monthly = valid ? monthlyPayment(principal, rate, term) : 0
  const totalPaid = monthly * term * 12
  const fields = [
    { key: "amount", label: \`Loan amount (\${currency})\`, value: amountText, set: setAmountText, error: errors.amount },
    { key: "rate", label: "Interest rate (% per year)", value: rateText, set: setRateText, error: errors.rate },
    { key: "years", label: "Term (years)", value: yearsText, set: setYearsText, error: errors.years },
  ]
  return (
    <section
      aria-labelledby={\`\${id}-title\`}
      className={cn(look.className, "w-full max-w-md rounded-xl border bg-card p-6 text-card-foreground shadow-sm")}
      style={look.style}
    >
      <h2 id={\`\${id}-title\`} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-4 flex flex-col gap-4">
        {fields.map((field) => (
          <div key={field.key} className="flex flex-col gap-2">
            <Label htmlFor={\`\${id}-\${field.key}\`}>{field.label}</Label>
            <Input
              id={\`\${id}-\${field.key}\`}
              inputMode="decimal"
              autoComplete="off"
              value={field.value}
              onChange={(event) => field.set(event.target.value)}
              aria-invalid={field.error ? true : undefined}
              aria-describedby={field.error ? \`\${id}-\${field.key}-error\` : undefined}
              className="tabular-nums"
            />
            {field.error && (
              <p id={\`\${id}-\${field.key}-error\`} className="text-sm text-destructive">
                {field.error}
              </p>
            )}
          </div>
        ))}
      </div>
      <dl aria-live="polite" className="mt-6 grid gap-3 rounded-lg bg-muted p-4 text-sm">
        <div className="flex items-center justify-between">
          <dt className="font-medium">Monthly payment</dt>
          <dd className="text-2xl font-semibold tabular-nums">{valid ? money(monthly) : "—"}</dd>
        </div>
        <div className="flex items-center justify-between border-t pt-3">
          <dt className="text-muted-foreground">Total interest</dt>
          <dd className="font-medium tabular-nums">{valid ? money(totalPaid - principal) : "—"}</dd>
        </div>
        <div className="flex items-center justify-between">
          <dt className="text-muted-foreground">Total paid</dt>
          <dd className="font-medium tabular-nums">{valid ? money(totalPaid) : "—"}</dd>
        </div>
      </dl>
    </section>
  )
}
`
}

function tests(context: RenderContext): string {
  const { name, values, lit } = context
  const currency = str(values, "currency", "$")
  const amount = num(values, "amount", 25000)
  const rate = num(values, "ratePercent", 6.5)
  const years = num(values, "years", 5)
  const monthly = payment(amount, rate, years)
  const otherRate = rate === 4 ? 5 : 4
  return `function amount(label: string) {
  return screen.getByText(label).nextElementSibling
}

it("${context.id("payment")}: shows the monthly payment for the loan", () => {
  render(<${name} />)
  expect(screen.getByLabelText(${lit(`Loan amount (${currency})`)})).toHaveValue(${lit(String(amount))})
  expect(amount("Monthly payment")).toHaveTextContent(${lit(money(currency, monthly))})
})

it("${context.id("totals")}: shows the total interest and the total paid", () => {
  render(<${name} />)
  expect(amount("Total paid")).toHaveTextContent(${lit(money(currency, monthly * years * 12))})
  expect(amount("Total interest")).toHaveTextContent(${lit(money(currency, monthly * years * 12 - amount))})
})

it("${context.id("recalculate")}: recalculates when the rate or the term changes", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.clear(screen.getByLabelText("Interest rate (% per year)"))
  await user.type(screen.getByLabelText("Interest rate (% per year)"), "${otherRate}")
  expect(amount("Monthly payment")).toHaveTextContent(${lit(money(currency, payment(amount, otherRate, years)))})
  await user.clear(screen.getByLabelText("Interest rate (% per year)"))
  await user.type(screen.getByLabelText("Interest rate (% per year)"), "0")
  expect(amount("Monthly payment")).toHaveTextContent(${lit(money(currency, amount / (years * 12)))})
})

it("${context.id("invalid")}: explains invalid input instead of showing a payment", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.clear(screen.getByLabelText(${lit(`Loan amount (${currency})`)}))
  expect(screen.getByText("Enter an amount above 0")).toBeInTheDocument()
  expect(screen.getByLabelText(${lit(`Loan amount (${currency})`)})).toHaveAttribute("aria-invalid", "true")
  expect(amount("Monthly payment")).toHaveTextContent("—")
  await user.clear(screen.getByLabelText("Term (years)"))
  await user.type(screen.getByLabelText("Term (years)"), "-3")
  expect(screen.getByText("Enter a whole number of years from 1 to 50")).toBeInTheDocument()
})`
}

function followUp(facts: PromptFacts, values: Values): { values: Values; applied: string[] } {
  const next: Record<string, Values[string]> = { ...values }
  const applied: string[] = []
  const amount = amountOf(facts)
  if (amount !== undefined) {
    next.amount = amount
    applied.push(`${whole(facts.currency ?? str(values, "currency", "$"), amount)} borrowed`)
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
  if (facts.currency && facts.currency !== str(values, "currency")) {
    next.currency = facts.currency
    applied.push(`amounts in ${facts.currency}`)
  }
  return { values: next, applied }
}

/** A loan (or mortgage) calculator: amount, rate and term in, monthly payment, total interest and total paid out. */
export const loanCalculator: Recipe = {
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
  params: (facts) => {
    const mortgage = isMortgage(facts)
    return [
      {
        name: "amount",
        type: "number",
        value: amountOf(facts) ?? (mortgage ? 300000 : 25000),
        description: "The amount borrowed, at first.",
        control: "number",
      },
      {
        name: "ratePercent",
        type: "number",
        value: rateOf(facts) ?? (mortgage ? 5.5 : 6.5),
        description: "The yearly interest rate in percent, at first.",
        control: "number",
      },
      {
        name: "years",
        type: "number",
        value: yearsOf(facts) ?? (mortgage ? 30 : 5),
        description: "The term in years, at first.",
        control: "number",
      },
      {
        name: "currency",
        type: "string",
        value: facts.currency ?? "$",
        description: "The currency symbol.",
        control: "text",
      },
      {
        name: "title",
        type: "string",
        value: facts.quoted[0] ?? (mortgage ? "Mortgage calculator" : "Loan calculator"),
        description: "The heading.",
        control: "text",
      },
    ]
  },
  summary: (values) =>
    `A loan calculator for ${whole(str(values, "currency", "$"), num(values, "amount"))} at ${num(values, "ratePercent")}% over ${num(values, "years")} years, showing the monthly payment, total interest and total paid.`,
  requirements: (values) => {
    const currency = str(values, "currency", "$")
    const amount = num(values, "amount", 25000)
    const rate = num(values, "ratePercent", 6.5)
    const years = num(values, "years", 5)
    const monthly = payment(amount, rate, years)
    return [
      [
        "payment",
        `Shows the monthly payment: ${whole(currency, amount)} at ${rate}% over ${years} years is ${money(currency, monthly)} a month`,
      ],
      ["totals", "Shows the total interest and the total paid"],
      [
        "recalculate",
        "Recalculates as the amount, the rate or the term change (0% divides the amount evenly)",
      ],
      [
        "invalid",
        "Explains invalid input (an amount of 0 or less, a rate outside 0–100, a term outside 1–50 years) instead of showing a payment",
      ],
    ]
  },
  component,
  tests,
  followUp,
  followUpHints: ["an amount ($40,000)", "a rate (4.5%)", "a term (15 years)", "a currency (in euros)"],
}
