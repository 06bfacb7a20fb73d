import { Button } from "@/components/ui/button"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface ContentCardProps extends AppearanceOptions {
  /** The card's heading. */
  title?: string
  /** The text under the heading. */
  description?: string
  /** The label of the card's button. */
  actionLabel?: string
  /** Called when the action button is clicked. */
  onAction?: () => void
}

export default function ContentCard({
  title = "Get started",
  description = "Set up your workspace in a few minutes.",
  actionLabel = "Continue",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onAction,
}: ContentCardProps) {
  const look = appearance({ accent, dark, size, radius })
  return (
    <div className={cn(look.className, "w-full max-w-sm")} style={look.style}>
      <section
        aria-labelledby="content-card-title"
        className="flex flex-col gap-4 rounded-xl border bg-card p-6 text-card-foreground shadow-sm"
      >
        <h2 id="content-card-title" className="text-lg font-semibold leading-tight">
          {title}
        </h2>
        <p className="text-sm text-muted-foreground">{description}</p>
        <Button className="self-start" onClick={onAction}>
          {actionLabel}
        </Button>
      </section>
    </div>
  )
}
