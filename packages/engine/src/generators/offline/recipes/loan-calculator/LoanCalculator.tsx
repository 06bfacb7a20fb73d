import { useId, useState } from "react"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { formatMoney, monthlyPayment } from "./inline/loan-maths"

export interface LoanCalculatorProps extends AppearanceOptions {
  /** The amount borrowed, at first. */
  amount?: number
  /** The yearly interest rate in percent, at first. */
  ratePercent?: number
  /** The term in years, at first. */
  years?: number
  /** The currency symbol. */
  currency?: string
  /** The heading. */
  title?: string
}

export default function LoanCalculator({
  amount = 25000,
  ratePercent = 6.5,
  years = 5,
  currency = "$",
  title = "Loan calculator",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
}: LoanCalculatorProps) {
  const look = appearance({ accent, dark, size, radius })
  const id = useId()
  const [amountText, setAmountText] = useState(String(amount))
  const [rateText, setRateText] = useState(String(ratePercent))
  const [yearsText, setYearsText] = useState(String(years))
  const money = (value: number) => formatMoney(currency, value)

  const principal = Number(amountText)
  const rate = Number(rateText)
  const term = Number(yearsText)
  const errors = {
    amount: amountText.trim() === "" || !(principal > 0) ? "Enter an amount above 0" : "",
    rate:
      rateText.trim() === "" || !Number.isFinite(rate) || rate < 0 || rate > 100
        ? "Enter a rate from 0 to 100"
        : "",
    years:
      !Number.isInteger(term) || term < 1 || term > 50 ? "Enter a whole number of years from 1 to 50" : "",
  }
  const valid = !errors.amount && !errors.rate && !errors.years
  const monthly = valid ? monthlyPayment(principal, rate, term) : 0
  const totalPaid = monthly * term * 12
  const fields = [
    {
      key: "amount",
      label: `Loan amount (${currency})`,
      value: amountText,
      set: setAmountText,
      error: errors.amount,
    },
    {
      key: "rate",
      label: "Interest rate (% per year)",
      value: rateText,
      set: setRateText,
      error: errors.rate,
    },
    { key: "years", label: "Term (years)", value: yearsText, set: setYearsText, error: errors.years },
  ]
  return (
    <section
      aria-labelledby={`${id}-title`}
      className={cn(
        look.className,
        "w-full max-w-md rounded-xl border bg-card p-6 text-card-foreground shadow-sm",
      )}
      style={look.style}
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-4 flex flex-col gap-4">
        {fields.map((field) => (
          <div key={field.key} className="flex flex-col gap-2">
            <Label htmlFor={`${id}-${field.key}`}>{field.label}</Label>
            <Input
              id={`${id}-${field.key}`}
              inputMode="decimal"
              autoComplete="off"
              value={field.value}
              onChange={(event) => field.set(event.target.value)}
              aria-invalid={field.error ? true : undefined}
              aria-describedby={field.error ? `${id}-${field.key}-error` : undefined}
              className="tabular-nums"
            />
            {field.error && (
              <p id={`${id}-${field.key}-error`} className="text-sm text-destructive">
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
