import { useId, useState } from "react"
import { ArrowUpDown } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { convert, formatValue } from "./inline/conversion"

/** A unit: a value in the base unit is (value + offset) × factor. */
export interface Unit {
  id: string
  label: string
  factor: number
  offset: number
}

export interface UnitConverterProps extends AppearanceOptions {
  /** The units to choose from: id, label, and how to reach the base unit ((value + offset) × factor). */
  units?: Unit[]
  /** The unit converted from, at first. */
  from?: string
  /** The unit converted to, at first. */
  to?: string
  /** The amount shown at first. */
  initialValue?: number
  /** Decimal places in results. */
  decimals?: number
  /** The heading. */
  title?: string
  /** A note under the result; empty hides it. */
  note?: string
}

const DEFAULT_UNITS: Unit[] = [
  { id: "mm", label: "Millimetres", factor: 0.001, offset: 0 },
  { id: "cm", label: "Centimetres", factor: 0.01, offset: 0 },
  { id: "m", label: "Metres", factor: 1, offset: 0 },
  { id: "km", label: "Kilometres", factor: 1000, offset: 0 },
  { id: "in", label: "Inches", factor: 0.0254, offset: 0 },
  { id: "ft", label: "Feet", factor: 0.3048, offset: 0 },
  { id: "yd", label: "Yards", factor: 0.9144, offset: 0 },
  { id: "mi", label: "Miles", factor: 1609.344, offset: 0 },
]

type Side = "from" | "to"

export default function UnitConverter({
  units = DEFAULT_UNITS,
  from = "km",
  to = "mi",
  initialValue = 10,
  decimals = 2,
  title = "Length converter",
  note = "",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
}: UnitConverterProps) {
  const look = appearance({ accent, dark, size, radius })
  const id = useId()
  const [fromId, setFromId] = useState(from)
  const [toId, setToId] = useState(to)
  const [edited, setEdited] = useState<{ side: Side; text: string }>({
    side: "from",
    text: String(initialValue),
  })
  const fromUnit = units.find((unit) => unit.id === fromId) ?? units[0]
  const toUnit = units.find((unit) => unit.id === toId) ?? units[1] ?? units[0]
  if (!fromUnit || !toUnit) return null

  const parsed = edited.text.trim() === "" ? Number.NaN : Number(edited.text)
  const valid = Number.isFinite(parsed)
  const invalid = edited.text.trim() !== "" && !valid
  const other = (source: Unit, target: Unit) =>
    valid ? formatValue(convert(parsed, source, target), decimals) : ""
  const fromText = edited.side === "from" ? edited.text : other(toUnit, fromUnit)
  const toText = edited.side === "to" ? edited.text : other(fromUnit, toUnit)
  const linear = fromUnit.offset === 0 && toUnit.offset === 0

  function swap() {
    setFromId(toId)
    setToId(fromId)
    setEdited((current) => ({ side: current.side === "from" ? "to" : "from", text: current.text }))
  }

  const selectClass =
    "h-9 w-40 shrink-0 rounded-md border border-input bg-background px-2 text-sm shadow-xs focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
  const rows: { side: Side; unit: Unit; text: string; label: string; onUnit: (value: string) => void }[] = [
    { side: "from", unit: fromUnit, text: fromText, label: "From", onUnit: setFromId },
    { side: "to", unit: toUnit, text: toText, label: "To", onUnit: setToId },
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
      <div className="mt-4 flex flex-col gap-3">
        {rows.map((row, index) => (
          <div key={row.side} className="flex flex-col gap-2">
            {index === 1 && (
              <Button
                type="button"
                variant="outline"
                size="icon-sm"
                aria-label="Swap units"
                onClick={swap}
                className="self-center rounded-full"
              >
                <ArrowUpDown aria-hidden="true" />
              </Button>
            )}
            <Label htmlFor={`${id}-${row.side}`}>{row.label}</Label>
            <div className="flex gap-2">
              <Input
                id={`${id}-${row.side}`}
                inputMode="decimal"
                autoComplete="off"
                value={row.text}
                aria-invalid={invalid && edited.side === row.side ? true : undefined}
                aria-describedby={invalid && edited.side === row.side ? `${id}-error` : undefined}
                onChange={(event) => setEdited({ side: row.side, text: event.target.value })}
                className="text-base tabular-nums"
              />
              <select
                aria-label={`${row.label} unit`}
                value={row.unit.id}
                onChange={(event) => row.onUnit(event.target.value)}
                className={selectClass}
              >
                {units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.label} ({unit.id})
                  </option>
                ))}
              </select>
            </div>
          </div>
        ))}
      </div>
      {invalid ? (
        <p id={`${id}-error`} role="alert" className="mt-3 text-sm text-destructive">
          Enter a number
        </p>
      ) : (
        <p aria-live="polite" className="mt-3 text-sm text-muted-foreground">
          {linear
            ? `1 ${fromUnit.id} = ${formatValue(convert(1, fromUnit, toUnit), 4)} ${toUnit.id}`
            : `${fromText || "–"} ${fromUnit.id} = ${toText || "–"} ${toUnit.id}`}
        </p>
      )}
      {note && <p className="mt-2 text-xs text-muted-foreground">{note}</p>}
    </section>
  )
}
