import { ChevronRight, House, Slash } from "lucide-react"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface BreadcrumbsProps extends AppearanceOptions {
  /** The trail from the top level to the current page. */
  items?: string[]
  /** The mark between items. */
  separator?: "chevron" | "slash"
  /** Called with the item and its position when a link in the trail is clicked. */
  onNavigate?: (item: string, index: number) => void
}

const DEFAULT_ITEMS: string[] = ["Home", "Projects", "Website redesign", "Settings"]

function slug(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, "-")
}

export default function Breadcrumbs({
  items = DEFAULT_ITEMS,
  separator = "chevron",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onNavigate,
}: BreadcrumbsProps) {
  const look = appearance({ accent, dark, size, radius })
  const Separator = separator === "slash" ? Slash : ChevronRight
  return (
    <nav
      aria-label="Breadcrumb"
      className={cn(look.className, "w-full max-w-3xl px-4 py-3")}
      style={look.style}
    >
      <ol className="flex flex-wrap items-center gap-1.5 text-sm text-muted-foreground">
        {items.map((item, index) => {
          const last = index === items.length - 1
          return (
            <li key={`${index}-${item}`} className="flex items-center gap-1.5">
              {index > 0 ? <Separator aria-hidden="true" data-separator="" className="size-3.5" /> : null}
              {last ? (
                <span aria-current="page" className="font-medium text-foreground">
                  {item}
                </span>
              ) : (
                <a
                  href={`#${slug(item)}`}
                  className="inline-flex items-center gap-1 rounded-sm transition-colors hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                  onClick={() => onNavigate?.(item, index)}
                >
                  {index === 0 && /^home$/i.test(item) ? (
                    <House aria-hidden="true" className="size-3.5" />
                  ) : null}
                  {item}
                </a>
              )}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
