import { useId, useState, type FormEvent } from "react"
import { Button } from "@/components/ui/button"
import { Label } from "@/components/ui/label"
import { Textarea } from "@/components/ui/textarea"

import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { charactersLeft, charactersOver } from "./inline/character-count"

export interface CharacterCounterProps extends AppearanceOptions {
  /** The text area's label. */
  label?: string
  /** Shown in the empty text area. */
  placeholder?: string
  /** The character limit. */
  maxChars?: number
  /** The submit button's label. */
  submitLabel?: string
  /** Empty the text area after a submit. */
  clearOnSubmit?: boolean
  /** Called with the text when it is submitted. */
  onSubmit?: (text: string) => void
}

export default function CharacterCounter({
  label = "Message",
  placeholder = "Type your message…",
  maxChars = 280,
  submitLabel = "Submit",
  clearOnSubmit = false,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onSubmit,
}: CharacterCounterProps) {
  const look = appearance({ accent, dark, size, radius })
  const id = useId()
  const [text, setText] = useState("")
  // Count characters as people see them (an emoji is one), not UTF-16 units.
  const length = [...text].length
  const remaining = maxChars - length
  const over = remaining < 0
  const near = !over && remaining <= Math.max(10, Math.round(maxChars * 0.1))
  const empty = text.trim() === ""

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (empty || over) return
    onSubmit?.(text.trim())
    if (clearOnSubmit) setText("")
  }

  return (
    <form
      noValidate
      onSubmit={handleSubmit}
      className={cn(
        look.className,
        "flex w-full max-w-lg flex-col gap-3 rounded-xl border bg-card p-6 text-card-foreground shadow-sm",
      )}
      style={look.style}
    >
      <Label htmlFor={`${id}-text`}>{label}</Label>
      <Textarea
        id={`${id}-text`}
        value={text}
        placeholder={placeholder}
        rows={4}
        onChange={(event) => setText(event.target.value)}
        aria-invalid={over || undefined}
        aria-describedby={`${id}-count`}
        className="min-h-28 resize-y"
      />
      <div aria-hidden="true" className="h-1 overflow-hidden rounded-full bg-muted">
        <div
          className={cn(
            "h-full rounded-full transition-all",
            over ? "bg-destructive" : near ? "bg-warning" : "bg-primary",
          )}
          style={{ width: `${Math.min(length / Math.max(maxChars, 1), 1) * 100}%` }}
        />
      </div>
      <div className="flex items-center justify-between gap-4">
        <p
          id={`${id}-count`}
          aria-live="polite"
          className={cn(
            "text-sm tabular-nums",
            over ? "font-medium text-destructive" : near ? "text-warning" : "text-muted-foreground",
          )}
        >
          {over ? charactersOver(-remaining) : charactersLeft(remaining)}
        </p>
        <Button type="submit" disabled={empty || over}>
          {submitLabel}
        </Button>
      </div>
    </form>
  )
}
