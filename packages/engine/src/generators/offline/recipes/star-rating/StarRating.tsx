import { useId, useState, type KeyboardEvent } from "react"
import { Star } from "lucide-react"
import { Button } from "@/components/ui/button"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface StarRatingProps extends AppearanceOptions {
  /** The question or label above the stars. */
  label?: string
  /** How many stars there are (the highest rating, 1 to 10). */
  max?: number
  /** The rating shown at first (0 for none). */
  defaultValue?: number
  /** Show a button that clears the rating. */
  showReset?: boolean
  /** Called with the new rating (0 when it is cleared). */
  onChange?: (rating: number) => void
}

export default function StarRating({
  label = "Rate your experience",
  max = 5,
  defaultValue = 0,
  showReset = false,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onChange,
}: StarRatingProps) {
  const look = appearance({ accent, dark, size, radius })
  const total = Math.min(Math.max(Math.round(max), 1), 10)
  const [rating, setRating] = useState(() => Math.min(Math.max(Math.round(defaultValue), 0), total))
  const [hovered, setHovered] = useState(0)
  const id = useId()
  const shown = hovered || rating
  const stars = Array.from({ length: total }, (_, index) => index + 1)
  const filled = accent ? "fill-primary text-primary" : "fill-warning text-warning"
  const starSize = total > 7 ? "size-6" : "size-7"

  function rate(next: number) {
    setRating(next)
    onChange?.(next)
  }

  function handleKeyDown(event: KeyboardEvent<HTMLButtonElement>, star: number) {
    let next: number | undefined
    if (event.key === "ArrowRight" || event.key === "ArrowUp") next = Math.min(star + 1, total)
    else if (event.key === "ArrowLeft" || event.key === "ArrowDown") next = Math.max(star - 1, 1)
    else if (event.key === "Home") next = 1
    else if (event.key === "End") next = total
    if (next === undefined) return
    event.preventDefault()
    rate(next)
    document.getElementById(`${id}-star-${next}`)?.focus()
  }

  return (
    <div
      className={cn(
        look.className,
        "flex w-full max-w-md flex-col gap-3 rounded-xl border bg-card p-6 text-card-foreground shadow-sm",
      )}
      style={look.style}
    >
      <p id={`${id}-label`} className="text-sm font-medium">
        {label}
      </p>
      {/* The wrapper ends the hover preview when the pointer leaves the stars. */}
      <div className="w-fit" onMouseLeave={() => setHovered(0)}>
        <div role="radiogroup" aria-labelledby={`${id}-label`} className="flex items-center gap-0.5">
          {stars.map((star) => (
            <button
              key={star}
              id={`${id}-star-${star}`}
              type="button"
              role="radio"
              aria-checked={star === rating}
              aria-label={`Rate ${star} out of ${total}`}
              data-highlighted={star <= shown ? "true" : "false"}
              tabIndex={star === (rating || 1) ? 0 : -1}
              onClick={() => rate(star)}
              onKeyDown={(event) => handleKeyDown(event, star)}
              onMouseEnter={() => setHovered(star)}
              className="rounded-md p-1 transition-transform hover:scale-110 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              <Star
                aria-hidden="true"
                className={cn(
                  starSize,
                  "transition-colors",
                  star <= shown ? filled : "text-muted-foreground/40",
                )}
              />
            </button>
          ))}
        </div>
      </div>
      <div className="flex min-h-8 items-center justify-between gap-2">
        <p aria-live="polite" className="text-sm text-muted-foreground">
          {rating > 0 ? `${rating} of ${total}` : "Not rated yet"}
        </p>
        {showReset && (
          <Button variant="ghost" size="sm" onClick={() => rate(0)} disabled={rating === 0}>
            Clear rating
          </Button>
        )}
      </div>
    </div>
  )
}
