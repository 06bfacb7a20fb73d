import { useId, useState, type FormEvent } from "react"
import { Check } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Label } from "@/components/ui/label"
import { Switch } from "@/components/ui/switch"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface Setting {
  label: string
  description: string
  enabled: boolean
}

export interface SettingsTogglesProps extends AppearanceOptions {
  /** The panel's heading. */
  title?: string
  /** The text under the heading. */
  description?: string
  /** The switches, in order: a label, a description and whether it starts on. */
  settings?: Setting[]
  /** The save button's label. */
  saveLabel?: string
  /** Called with every setting's state (label → on) when Save is pressed. */
  onSave?: (settings: Record<string, boolean>) => void
}

const DEFAULT_SETTINGS: Setting[] = [
  { label: "Dark mode", description: "Use a dark theme across the app.", enabled: false },
  { label: "Sound effects", description: "Play sounds for messages and actions.", enabled: true },
  { label: "Autoplay videos", description: "Play videos automatically as you scroll.", enabled: false },
  { label: "Auto-save drafts", description: "Save your work as you go.", enabled: true },
]

export default function SettingsToggles({
  title = "Preferences",
  description = "Adjust how the app works for you.",
  settings = DEFAULT_SETTINGS,
  saveLabel = "Save changes",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onSave,
}: SettingsTogglesProps) {
  const look = appearance({ accent, dark, size, radius })
  const id = useId()
  const initial = () => Object.fromEntries(settings.map((setting) => [setting.label, setting.enabled]))
  const [state, setState] = useState<Record<string, boolean>>(initial)
  const [saved, setSaved] = useState<Record<string, boolean>>(initial)
  const [justSaved, setJustSaved] = useState(false)
  const dirty = settings.some((setting) => state[setting.label] !== saved[setting.label])

  function toggle(label: string, on: boolean) {
    setState((previous) => ({ ...previous, [label]: on }))
    setJustSaved(false)
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const next = Object.fromEntries(settings.map((setting) => [setting.label, state[setting.label] ?? false]))
    onSave?.(next)
    setSaved(next)
    setJustSaved(true)
  }

  return (
    <form
      noValidate
      onSubmit={handleSubmit}
      aria-labelledby={`${id}-title`}
      className={cn(
        look.className,
        "flex w-full max-w-lg flex-col gap-5 rounded-xl border bg-card p-6 text-card-foreground shadow-sm",
      )}
      style={look.style}
    >
      <div className="flex flex-col gap-1">
        <h2 id={`${id}-title`} className="text-lg font-semibold leading-tight">
          {title}
        </h2>
        <p className="text-sm text-muted-foreground">{description}</p>
      </div>
      <ul className="divide-y rounded-lg border">
        {settings.map((setting, index) => (
          <li key={setting.label} className="flex items-start justify-between gap-4 p-4">
            <div className="flex flex-col gap-1">
              <Label htmlFor={`${id}-${index}`}>{setting.label}</Label>
              <p id={`${id}-${index}-description`} className="text-sm text-muted-foreground">
                {setting.description}
              </p>
            </div>
            <Switch
              id={`${id}-${index}`}
              checked={state[setting.label] ?? false}
              onCheckedChange={(on) => toggle(setting.label, on)}
              aria-describedby={`${id}-${index}-description`}
              className="mt-0.5"
            />
          </li>
        ))}
      </ul>
      <div className="flex items-center justify-end gap-3">
        <p role="status" className="text-sm text-muted-foreground">
          {justSaved ? (
            <span className="inline-flex items-center gap-1 font-medium text-success">
              <Check aria-hidden="true" className="size-4" />
              Saved
            </span>
          ) : dirty ? (
            "Unsaved changes"
          ) : null}
        </p>
        <Button type="submit" disabled={!dirty}>
          {saveLabel}
        </Button>
      </div>
    </form>
  )
}
