import { useId, useState, type KeyboardEvent } from "react"
import { Label } from "@/components/ui/label"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { formatValue, snapValue } from "./inline/slider-values"

export interface RangeSliderProps extends AppearanceOptions {
  /** The slider's label. */
  label?: string
  /** The lowest value. */
  min?: number
  /** The highest value. */
  max?: number
  /** How much one arrow-key press (one notch) changes the value. */
  step?: number
  /** Two thumbs: pick a low and a high value. */
  range?: boolean
  /** The value at first (the low end when the slider has two thumbs). */
  defaultValue?: number
  /** The high end at first, when the slider has two thumbs. */
  defaultHigh?: number
  /** Written before the value ("$"). */
  prefix?: string
  /** Written after the value ("%", " km"). */
  suffix?: string
  /** Called with the new value: [value], or [low, high] when the slider has two thumbs. */
  onValueChange?: (value: number[]) => void
}

// The native range input, restyled: a transparent track (drawn below) and a round thumb.
const THUMB =
  "[&::-webkit-slider-thumb]:pointer-events-auto [&::-webkit-slider-thumb]:size-5 [&::-webkit-slider-thumb]:cursor-grab [&::-webkit-slider-thumb]:appearance-none [&::-webkit-slider-thumb]:rounded-full [&::-webkit-slider-thumb]:border-2 [&::-webkit-slider-thumb]:border-primary [&::-webkit-slider-thumb]:bg-background [&::-webkit-slider-thumb]:shadow-sm [&::-moz-range-thumb]:pointer-events-auto [&::-moz-range-thumb]:size-5 [&::-moz-range-thumb]:cursor-grab [&::-moz-range-thumb]:rounded-full [&::-moz-range-thumb]:border-2 [&::-moz-range-thumb]:border-primary [&::-moz-range-thumb]:bg-background focus-visible:[&::-webkit-slider-thumb]:ring-4 focus-visible:[&::-webkit-slider-thumb]:ring-ring/40 focus-visible:[&::-moz-range-thumb]:ring-4 focus-visible:[&::-moz-range-thumb]:ring-ring/40"

export default function RangeSlider({
  label = "Value",
  min = 0,
  max = 100,
  step = 1,
  range = false,
  defaultValue = 50,
  defaultHigh = 75,
  prefix = "",
  suffix = "",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onValueChange,
}: RangeSliderProps) {
  const look = appearance({ accent, dark, size, radius })
  const id = useId()
  const lowest = Math.min(min, max)
  const highest = Math.max(min, max)
  const notch = step > 0 ? step : 1
  const snap = (next: number) => snapValue(next, lowest, highest, notch)
  const [values, setValues] = useState<number[]>(() =>
    range
      ? [snap(Math.min(defaultValue, defaultHigh)), snap(Math.max(defaultValue, defaultHigh))]
      : [snap(defaultValue)],
  )
  const low = values[0] ?? lowest
  const high = values[1] ?? snap(Math.max(defaultValue, defaultHigh))
  const format = (value: number) => formatValue(value, prefix, suffix)
  const percent = (value: number) => (highest === lowest ? 0 : ((value - lowest) / (highest - lowest)) * 100)

  function update(index: number, raw: number) {
    const value = snap(raw)
    const next = range ? (index === 0 ? [Math.min(value, high), high] : [low, Math.max(value, low)]) : [value]
    setValues(next)
    onValueChange?.(next)
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>, index: number) {
    const current = index === 0 ? low : high
    const page = Math.max(notch, snap(lowest + (highest - lowest) / 10) - lowest)
    const moves: Record<string, number> = {
      ArrowRight: current + notch,
      ArrowUp: current + notch,
      ArrowLeft: current - notch,
      ArrowDown: current - notch,
      PageUp: current + page,
      PageDown: current - page,
      Home: lowest,
      End: highest,
    }
    const next = moves[event.key]
    if (next === undefined) return
    event.preventDefault()
    update(index, next)
  }

  const thumbs = range
    ? [
        { index: 0, name: "Minimum", value: low },
        { index: 1, name: "Maximum", value: high },
      ]
    : [{ index: 0, name: label, value: low }]

  return (
    <div
      className={cn(
        look.className,
        "flex w-full max-w-sm flex-col gap-4 rounded-xl border bg-card p-6 text-card-foreground shadow-sm",
      )}
      style={look.style}
    >
      <div className="flex items-baseline justify-between gap-4">
        {range ? (
          <p id={`${id}-label`} className="text-sm font-medium">
            {label}
          </p>
        ) : (
          <Label htmlFor={`${id}-0`}>{label}</Label>
        )}
        <output
          htmlFor={thumbs.map((thumb) => `${id}-${thumb.index}`).join(" ")}
          className="text-sm font-semibold tabular-nums"
        >
          {range ? `${format(low)} – ${format(high)}` : format(low)}
        </output>
      </div>
      <div
        role={range ? "group" : undefined}
        aria-labelledby={range ? `${id}-label` : undefined}
        className="relative h-6"
      >
        <div className="absolute inset-x-0 top-1/2 h-1.5 -translate-y-1/2 rounded-full bg-muted" />
        <div
          className="absolute top-1/2 h-1.5 -translate-y-1/2 rounded-full bg-primary"
          style={{ left: `${range ? percent(low) : 0}%`, right: `${100 - percent(range ? high : low)}%` }}
        />
        {thumbs.map((thumb) => (
          <input
            key={thumb.index}
            id={`${id}-${thumb.index}`}
            type="range"
            min={lowest}
            max={highest}
            step={notch}
            value={thumb.value}
            aria-label={range ? thumb.name : undefined}
            aria-valuetext={format(thumb.value)}
            onChange={(event) => update(thumb.index, Number(event.target.value))}
            onKeyDown={(event) => handleKeyDown(event, thumb.index)}
            className={cn(
              THUMB,
              "absolute inset-0 h-6 w-full cursor-pointer appearance-none bg-transparent focus-visible:outline-none",
              range && "pointer-events-none",
              range && thumb.index === 1 && thumb.value <= lowest && "z-10",
            )}
          />
        ))}
      </div>
      <div className="flex justify-between text-xs text-muted-foreground tabular-nums">
        <span>{format(lowest)}</span>
        <span>{format(highest)}</span>
      </div>
    </div>
  )
}
