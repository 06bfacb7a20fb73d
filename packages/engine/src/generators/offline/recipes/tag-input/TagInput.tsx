import { useId, useState, type KeyboardEvent } from "react"
import { X } from "lucide-react"
import { Badge } from "@/components/ui/badge"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface TagInputProps extends AppearanceOptions {
  /** The field's label. */
  label?: string
  /** The placeholder of the text box. */
  placeholder?: string
  /** The tags shown at first. */
  defaultTags?: string[]
  /** The most tags allowed (0: no limit). */
  maxTags?: number
  /** Called with the tags after each change. */
  onChange?: (tags: string[]) => void
}

const DEFAULT_DEFAULT_TAGS: string[] = ["design", "frontend"]

export default function TagInput({
  label = "Tags",
  placeholder = "Add tags…",
  defaultTags = DEFAULT_DEFAULT_TAGS,
  maxTags = 0,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onChange,
}: TagInputProps) {
  const look = appearance({ accent, dark, size, radius })
  const id = useId()
  const [tags, setTags] = useState<string[]>(() =>
    maxTags > 0 ? defaultTags.slice(0, maxTags) : defaultTags,
  )
  const [draft, setDraft] = useState("")
  const [message, setMessage] = useState("")
  const full = maxTags > 0 && tags.length >= maxTags

  function change(next: string[]) {
    setTags(next)
    onChange?.(next)
  }

  function add(texts: string[]) {
    let next = tags
    let problem = ""
    for (const raw of texts) {
      const tag = raw.trim()
      if (!tag) continue
      if (next.some((existing) => existing.toLowerCase() === tag.toLowerCase())) {
        problem = "\u201c" + tag + "\u201d is already added"
        continue
      }
      if (maxTags > 0 && next.length >= maxTags) {
        problem = "You can add up to " + maxTags + " tags"
        break
      }
      next = [...next, tag]
    }
    setMessage(problem)
    if (next !== tags) change(next)
  }

  function remove(tag: string) {
    setMessage("")
    change(tags.filter((existing) => existing !== tag))
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault()
      add([draft])
      setDraft("")
    } else if (event.key === "Backspace" && draft === "" && tags.length > 0) {
      remove(tags[tags.length - 1] ?? "")
    }
  }

  function handleChange(value: string) {
    if (!value.includes(",")) return setDraft(value)
    const parts = value.split(",")
    add(parts.slice(0, -1))
    setDraft(parts[parts.length - 1] ?? "")
  }

  return (
    <div className={cn(look.className, "w-full max-w-md p-4")} style={look.style}>
      <div className="flex flex-col gap-2">
        <div className="flex items-baseline justify-between gap-2">
          <Label htmlFor={id + "-input"}>{label}</Label>
          {maxTags > 0 && (
            <span className="text-xs tabular-nums text-muted-foreground">
              {tags.length}/{maxTags}
            </span>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2 rounded-md border border-input bg-background p-2 shadow-xs focus-within:ring-2 focus-within:ring-ring">
          {tags.length > 0 && (
            <ul aria-label={label} className="flex flex-wrap gap-2">
              {tags.map((tag) => (
                <li key={tag}>
                  <Badge
                    variant="secondary"
                    className="gap-1 overflow-visible py-1 pl-2 pr-1 text-sm font-normal"
                  >
                    {tag}
                    <button
                      type="button"
                      aria-label={"Remove " + tag}
                      onClick={() => remove(tag)}
                      className="rounded-sm p-0.5 text-muted-foreground transition-colors hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                    >
                      <X className="size-3" aria-hidden="true" />
                    </button>
                  </Badge>
                </li>
              ))}
            </ul>
          )}
          <Input
            id={id + "-input"}
            value={draft}
            placeholder={full ? "" : placeholder}
            onChange={(event) => handleChange(event.target.value)}
            onKeyDown={handleKeyDown}
            aria-describedby={id + "-hint " + id + "-message"}
            className="h-8 min-w-32 flex-1 border-0 px-1 shadow-none focus-visible:ring-0"
          />
        </div>
        <p id={id + "-hint"} className="text-xs text-muted-foreground">
          Press Enter or comma to add.
        </p>
        <p id={id + "-message"} role="status" aria-live="polite" className="min-h-5 text-sm text-destructive">
          {message}
        </p>
      </div>
    </div>
  )
}
