import { useId, useState } from "react"
import { Minus, Plus } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { formatMoney, percentsOf } from "./inline/tip-maths"

export interface TipCalculatorProps extends AppearanceOptions {
  /** The tip percentages offered as buttons, separated by commas. */
  tipOptions?: string
  /** The tip percentage selected at first. */
  defaultTip?: number
  /** Shows a field for a custom percentage. */
  customTip?: boolean
  /** Splits the total between a number of people. */
  split?: boolean
  /** How many people share the bill at first. */
  people?: number
  /** The bill filled in at first; 0 leaves it empty. */
  initialBill?: number
  /** The currency symbol. */
  currency?: string
  /** The heading. */
  title?: string
}

export default function TipCalculator({
  tipOptions = "10, 15, 20",
  defaultTip = 15,
  customTip = true,
  split = true,
  people = 1,
  initialBill = 0,
  currency = "$",
  title = "Tip calculator",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
}: TipCalculatorProps) {
  const look = appearance({ accent, dark, size, radius })
  const id = useId()
  const options = percentsOf(tipOptions)
  const [billText, setBillText] = useState(initialBill > 0 ? String(initialBill) : "")
  const [tip, setTip] = useState(defaultTip)
  const [customText, setCustomText] = useState("")
  const [peopleText, setPeopleText] = useState(String(Math.max(1, Math.round(people))))

  const bill = billText.trim() === "" ? 0 : Number(billText)
  const billError =
    billText.trim() !== "" && (!Number.isFinite(bill) || bill < 0) ? "Enter a bill of 0 or more" : ""
  const custom = customText.trim() === "" ? undefined : Number(customText)
  const customError =
    custom !== undefined && (!Number.isFinite(custom) || custom < 0) ? "Enter a tip of 0% or more" : ""
  const percent = custom !== undefined && !customError ? custom : tip
  const headcount = Number(peopleText)
  const peopleError = !Number.isInteger(headcount) || headcount < 1 ? "At least 1 person" : ""
  const ready = !billError && !customError && !peopleError && bill > 0
  const tipAmount = ready ? (bill * percent) / 100 : 0
  const total = ready ? bill + tipAmount : 0
  const share = ready && split ? total / headcount : 0
  const money = (amount: number) => formatMoney(currency, amount)

  function reset() {
    setBillText("")
    setTip(defaultTip)
    setCustomText("")
    setPeopleText("1")
  }

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
      <div className="mt-4 flex flex-col gap-5">
        <div className="flex flex-col gap-2">
          <Label htmlFor={`${id}-bill`}>Bill amount</Label>
          <div className="relative">
            <span
              aria-hidden="true"
              className="pointer-events-none absolute left-3 top-1/2 -translate-y-1/2 text-sm text-muted-foreground"
            >
              {currency}
            </span>
            <Input
              id={`${id}-bill`}
              inputMode="decimal"
              autoComplete="off"
              placeholder="0.00"
              value={billText}
              onChange={(event) => setBillText(event.target.value)}
              aria-invalid={billError ? true : undefined}
              aria-describedby={billError ? `${id}-bill-error` : undefined}
              className="pl-8 tabular-nums"
            />
          </div>
          {billError && (
            <p id={`${id}-bill-error`} role="alert" className="text-sm text-destructive">
              {billError}
            </p>
          )}
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-sm font-medium">Tip</legend>
          <div className="grid grid-cols-3 gap-2 sm:grid-cols-4">
            {options.map((option) => {
              const selected = custom === undefined && tip === option
              return (
                <button
                  key={option}
                  type="button"
                  aria-pressed={selected}
                  onClick={() => {
                    setTip(option)
                    setCustomText("")
                  }}
                  className={cn(
                    "h-9 rounded-md border text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background",
                    selected
                      ? "border-primary bg-primary text-primary-foreground"
                      : "bg-background hover:bg-muted",
                  )}
                >
                  {option}%
                </button>
              )
            })}
            {customTip && (
              <Input
                aria-label="Custom tip percentage"
                inputMode="decimal"
                placeholder="Custom %"
                value={customText}
                onChange={(event) => setCustomText(event.target.value)}
                aria-invalid={customError ? true : undefined}
                className="h-9 text-center tabular-nums"
              />
            )}
          </div>
          {customError && (
            <p role="alert" className="text-sm text-destructive">
              {customError}
            </p>
          )}
        </fieldset>
        {split && (
          <div className="flex flex-col gap-2">
            <Label htmlFor={`${id}-people`}>Number of people</Label>
            <div className="flex items-center gap-2">
              <Button
                type="button"
                variant="outline"
                size="icon"
                aria-label="Fewer people"
                disabled={!(headcount > 1)}
                onClick={() => setPeopleText(String(Math.max(1, Math.floor(headcount) - 1)))}
              >
                <Minus aria-hidden="true" />
              </Button>
              <Input
                id={`${id}-people`}
                inputMode="numeric"
                value={peopleText}
                onChange={(event) => setPeopleText(event.target.value)}
                aria-invalid={peopleError ? true : undefined}
                className="w-20 text-center tabular-nums"
              />
              <Button
                type="button"
                variant="outline"
                size="icon"
                aria-label="More people"
                onClick={() =>
                  setPeopleText(
                    String(Number.isFinite(headcount) ? Math.max(1, Math.floor(headcount) + 1) : 1),
                  )
                }
              >
                <Plus aria-hidden="true" />
              </Button>
            </div>
            {peopleError && (
              <p role="alert" className="text-sm text-destructive">
                {peopleError}
              </p>
            )}
          </div>
        )}
      </div>
      <dl aria-live="polite" className="mt-6 grid gap-3 rounded-lg bg-muted p-4 text-sm">
        <div className="flex items-center justify-between">
          <dt className="text-muted-foreground">Tip ({percent}%)</dt>
          <dd className="font-medium tabular-nums">{money(tipAmount)}</dd>
        </div>
        <div className="flex items-center justify-between">
          <dt className="text-muted-foreground">Total</dt>
          <dd className="font-medium tabular-nums">{money(total)}</dd>
        </div>
        {split && (
          <div className="flex items-center justify-between border-t pt-3">
            <dt className="font-medium">Per person</dt>
            <dd className="text-2xl font-semibold tabular-nums">{money(share)}</dd>
          </div>
        )}
      </dl>
      <Button type="button" variant="ghost" className="mt-3 w-full" onClick={reset}>
        Reset
      </Button>
    </section>
  )
}
