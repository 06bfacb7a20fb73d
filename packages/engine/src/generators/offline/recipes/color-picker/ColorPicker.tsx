import { useId, useState, type FormEvent } from "react"
import { Check } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { appearance, readableOn, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { HEX_ERROR, normaliseHex, previewText } from "./inline/hex"

export interface Swatch {
  name: string
  hex: string
}

export interface ColorPickerProps extends AppearanceOptions {
  /** The picker's label. */
  label?: string
  /** The colours to pick from, in order: a name and a hex value each. */
  swatches?: Swatch[]
  /** The colour selected at first (hex). */
  defaultColor?: string
  /** Show a field for typing any hex value. */
  showHexInput?: boolean
  /** Called with the chosen colour (#rrggbb). */
  onChange?: (hex: string) => void
}

const DEFAULT_SWATCHES: Swatch[] = [
  { name: "Red", hex: "#dc2626" },
  { name: "Orange", hex: "#ea580c" },
  { name: "Amber", hex: "#d97706" },
  { name: "Green", hex: "#16a34a" },
  { name: "Teal", hex: "#0d9488" },
  { name: "Blue", hex: "#2563eb" },
  { name: "Violet", hex: "#7c3aed" },
  { name: "Pink", hex: "#db2777" },
]

export default function ColorPicker({
  label = "Colour",
  swatches = DEFAULT_SWATCHES,
  defaultColor = "#dc2626",
  showHexInput = true,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onChange,
}: ColorPickerProps) {
  const look = appearance({ accent, dark, size, radius })
  const id = useId()
  const [color, setColor] = useState(
    () => normaliseHex(defaultColor) ?? normaliseHex(swatches[0]?.hex ?? "") ?? "#000000",
  )
  const [draft, setDraft] = useState(color)
  const [error, setError] = useState("")
  const current = swatches.find((swatch) => normaliseHex(swatch.hex) === color)

  function choose(hex: string) {
    setColor(hex)
    setDraft(hex)
    setError("")
    onChange?.(hex)
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const hex = normaliseHex(draft)
    if (!hex) {
      setError(HEX_ERROR)
      return
    }
    choose(hex)
  }

  return (
    <div
      className={cn(
        look.className,
        "flex w-full max-w-sm flex-col gap-5 rounded-xl border bg-card p-6 text-card-foreground shadow-sm",
      )}
      style={look.style}
    >
      <div className="flex items-center gap-3">
        <span
          aria-hidden="true"
          className="size-12 shrink-0 rounded-lg border shadow-inner"
          style={{ backgroundColor: color }}
        />
        <div className="flex min-w-0 flex-col gap-1">
          <p id={`${id}-label`} className="text-sm font-medium">
            {label}
          </p>
          <p aria-live="polite" className="truncate font-mono text-sm text-muted-foreground">
            {previewText(current?.name, color)}
          </p>
        </div>
      </div>
      <div role="group" aria-labelledby={`${id}-label`} className="flex flex-wrap gap-2">
        {swatches.map((swatch) => {
          const hex = normaliseHex(swatch.hex) ?? swatch.hex
          const selected = hex === color
          return (
            <button
              key={`${swatch.name}-${hex}`}
              type="button"
              aria-label={swatch.name}
              aria-pressed={selected}
              title={`${swatch.name} ${hex}`}
              onClick={() => choose(hex)}
              className={cn(
                "grid size-8 place-items-center rounded-full border shadow-sm transition-transform hover:scale-110 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background",
                selected && "ring-2 ring-foreground ring-offset-2 ring-offset-background",
              )}
              style={{ backgroundColor: hex }}
            >
              {selected && <Check aria-hidden="true" className="size-4" style={{ color: readableOn(hex) }} />}
            </button>
          )
        })}
      </div>
      {showHexInput && (
        <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-2">
          <Label htmlFor={`${id}-hex`}>Hex</Label>
          <div className="flex gap-2">
            <Input
              id={`${id}-hex`}
              value={draft}
              onChange={(event) => {
                setDraft(event.target.value)
                setError("")
              }}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
            />
            <Button type="submit" variant="outline">
              Apply
            </Button>
          </div>
          {error && (
            <p id={`${id}-error`} role="alert" className="text-sm text-destructive">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  )
}
