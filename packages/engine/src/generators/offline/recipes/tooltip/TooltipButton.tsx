import {
  Bell,
  Bookmark,
  CircleHelp,
  Copy,
  Download,
  Heart,
  Info,
  Pencil,
  Plus,
  Settings,
  Share2,
  Trash2,
  type LucideIcon,
} from "lucide-react"
import { Button } from "@/components/ui/button"
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface TooltipButtonProps extends AppearanceOptions {
  /** The term shown next to the icon that the tooltip explains; empty for an icon button alone. */
  term?: string
  /** The icon button's accessible name. */
  label?: string
  /** The tooltip's text. */
  text?: string
  /** The icon of the trigger. */
  icon?:
    | "info"
    | "help"
    | "copy"
    | "trash"
    | "share"
    | "edit"
    | "download"
    | "settings"
    | "bell"
    | "heart"
    | "bookmark"
    | "plus"
  /** Where the tooltip appears relative to its trigger. */
  side?: "top" | "right" | "bottom" | "left"
  /** Called when the icon button is clicked (TooltipButton). */
  onClick?: () => void
}

const ICONS: Record<NonNullable<TooltipButtonProps["icon"]>, LucideIcon> = {
  info: Info,
  help: CircleHelp,
  copy: Copy,
  trash: Trash2,
  share: Share2,
  edit: Pencil,
  download: Download,
  settings: Settings,
  bell: Bell,
  heart: Heart,
  bookmark: Bookmark,
  plus: Plus,
}

export default function TooltipButton({
  term = "Storage used",
  label = "About Storage used",
  text = "Includes files, backups and version history across all your projects.",
  icon = "info",
  side = "top",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onClick,
}: TooltipButtonProps) {
  const look = appearance({ accent, dark, size, radius })
  const Icon = ICONS[icon]
  return (
    <div className={cn(look.className, "flex items-center justify-center gap-1 p-6")} style={look.style}>
      {term ? <span className="text-sm font-medium">{term}</span> : null}
      <Tooltip>
        <TooltipTrigger asChild>
          <Button
            variant={term ? "ghost" : "outline"}
            size={term ? "icon-sm" : "icon"}
            className={cn(term && "size-6 rounded-full text-muted-foreground hover:text-foreground")}
            aria-label={label}
            onClick={onClick}
          >
            <Icon aria-hidden="true" />
          </Button>
        </TooltipTrigger>
        {/* The tooltip renders in a portal, outside the root: it takes the theme and accent again. */}
        <TooltipContent
          side={side}
          sideOffset={6}
          className={cn(dark && "dark", "max-w-xs")}
          style={look.style}
        >
          {text}
        </TooltipContent>
      </Tooltip>
    </div>
  )
}
