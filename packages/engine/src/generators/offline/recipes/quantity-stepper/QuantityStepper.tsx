import { useId, useState, type KeyboardEvent } from "react"
import { Minus, Plus, RotateCcw } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"

import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { stepperLimits } from "./inline/stepper-limits"

export interface QuantityStepperProps extends AppearanceOptions {
  /** The field's label. */
  label?: string
  /** The lowest value. */
  min?: number
  /** The highest value. */
  max?: number
  /** How much − and + change the value. */
  step?: number
  /** The value at first. */
  defaultValue?: number
  /** Show a Reset button that returns to the first value. */
  showReset?: boolean
  /** Called with the new value after each change. */
  onChange?: (value: number) => void
}

export default function QuantityStepper({
  label = "Quantity",
  min = 1,
  max = 10,
  step = 1,
  defaultValue = 1,
  showReset = false,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onChange,
}: QuantityStepperProps) {
  const look = appearance({ accent, dark, size, radius })
  const id = useId()
  const { lowest, highest, notch, clamp } = stepperLimits(min, max, step)
  const start = clamp(defaultValue)
  const [value, setValue] = useState(start)
  const [draft, setDraft] = useState(String(start))
  const name = label.toLowerCase()

  function commit(next: number) {
    const clamped = clamp(next)
    setValue(clamped)
    setDraft(String(clamped))
    if (clamped !== value) onChange?.(clamped)
  }

  function commitDraft() {
    const typed = Number(draft.trim())
    if (draft.trim() === "" || !Number.isFinite(typed)) setDraft(String(value))
    else commit(typed)
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowUp") commit(value + notch)
    else if (event.key === "ArrowDown") commit(value - notch)
    else if (event.key === "Home") commit(lowest)
    else if (event.key === "End") commit(highest)
    else if (event.key === "Enter") commitDraft()
    else return
    event.preventDefault()
  }

  return (
    <div
      className={cn(
        look.className,
        "flex w-full max-w-xs flex-col gap-3 rounded-xl border bg-card p-6 text-card-foreground shadow-sm",
      )}
      style={look.style}
    >
      <Label htmlFor={`${id}-value`}>{label}</Label>
      <div className="flex items-center gap-2">
        <Button
          type="button"
          variant="outline"
          size="icon"
          aria-label={`Decrease ${name}`}
          aria-controls={`${id}-value`}
          disabled={value <= lowest}
          onClick={() => commit(value - notch)}
        >
          <Minus aria-hidden="true" />
        </Button>
        <Input
          id={`${id}-value`}
          role="spinbutton"
          inputMode="numeric"
          autoComplete="off"
          aria-valuenow={value}
          aria-valuemin={lowest}
          aria-valuemax={highest}
          aria-describedby={`${id}-hint`}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commitDraft}
          onKeyDown={handleKeyDown}
          className="h-9 w-16 text-center text-base font-semibold tabular-nums"
        />
        <Button
          type="button"
          variant="outline"
          size="icon"
          aria-label={`Increase ${name}`}
          aria-controls={`${id}-value`}
          disabled={value >= highest}
          onClick={() => commit(value + notch)}
        >
          <Plus aria-hidden="true" />
        </Button>
        {showReset && (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            className="ml-auto"
            disabled={value === start}
            onClick={() => commit(start)}
          >
            <RotateCcw aria-hidden="true" />
            Reset
          </Button>
        )}
      </div>
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        {`From ${lowest} to ${highest}`}
      </p>
      <p aria-live="polite" className="sr-only">
        {`${label}: ${value}`}
      </p>
    </div>
  )
}
