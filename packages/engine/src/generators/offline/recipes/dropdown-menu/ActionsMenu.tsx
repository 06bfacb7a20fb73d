import { Fragment } from "react"
import {
  Archive,
  ChevronDown,
  Copy,
  CreditCard,
  Download,
  Ellipsis,
  Eye,
  LifeBuoy,
  LogOut,
  Pencil,
  Settings,
  Share2,
  Star,
  Trash2,
  User,
  Users,
  type LucideIcon,
} from "lucide-react"
import { Button } from "@/components/ui/button"
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface ActionsMenuProps extends AppearanceOptions {
  /** The menu items, in order. */
  items?: string[]
  /** The item styled as destructive and set apart at the end; empty for none. */
  destructiveItem?: string
  /** The trigger button's label (its accessible name when it shows only an icon). */
  triggerLabel?: string
  /** Show the trigger as a ⋯ icon button. */
  iconTrigger?: boolean
  /** The signed-in user shown on the trigger and at the top of the menu; empty for an actions menu. */
  userName?: string
  /** The user's email under their name. */
  userEmail?: string
  /** Called with the item that was chosen. */
  onSelect?: (item: string) => void
}

const DEFAULT_ITEMS: string[] = ["Edit", "Duplicate", "Share", "Archive", "Delete"]

const ICONS: [RegExp, LucideIcon][] = [
  [/edit|rename/i, Pencil],
  [/duplicate|copy|clone/i, Copy],
  [/share|invite/i, Share2],
  [/archive/i, Archive],
  [/delete|remove|trash/i, Trash2],
  [/download|export/i, Download],
  [/view|open|preview/i, Eye],
  [/favou?rite|star/i, Star],
  [/profile|account/i, User],
  [/team|member/i, Users],
  [/setting|preference/i, Settings],
  [/billing|payment|subscription/i, CreditCard],
  [/help|support/i, LifeBuoy],
  [/log ?out|sign ?out/i, LogOut],
]

function iconFor(item: string): LucideIcon | undefined {
  return ICONS.find(([pattern]) => pattern.test(item))?.[1]
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part.charAt(0))
    .join("")
    .slice(0, 2)
    .toUpperCase()
}

export default function ActionsMenu({
  items = DEFAULT_ITEMS,
  destructiveItem = "Delete",
  triggerLabel = "Actions",
  iconTrigger = false,
  userName = "",
  userEmail = "",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onSelect,
}: ActionsMenuProps) {
  const look = appearance({ accent, dark, size, radius })
  return (
    <div
      className={cn(look.className, "flex w-full max-w-xs items-start justify-center p-6")}
      style={look.style}
    >
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          {userName ? (
            <Button variant="ghost" className="h-auto gap-2 px-2 py-1.5">
              <span
                aria-hidden="true"
                className="flex size-8 items-center justify-center rounded-full bg-primary text-xs font-semibold text-primary-foreground"
              >
                {initials(userName)}
              </span>
              <span className="text-sm font-medium">{userName}</span>
              <ChevronDown aria-hidden="true" className="text-muted-foreground" />
            </Button>
          ) : iconTrigger ? (
            <Button variant="outline" size="icon" aria-label={triggerLabel}>
              <Ellipsis aria-hidden="true" />
            </Button>
          ) : (
            <Button variant="outline">
              {triggerLabel}
              <ChevronDown aria-hidden="true" className="text-muted-foreground" />
            </Button>
          )}
        </DropdownMenuTrigger>
        {/* The menu renders in a portal, outside the root: it takes the theme and accent again. */}
        <DropdownMenuContent align="end" className={cn(dark && "dark", "w-56")} style={look.style}>
          {userName ? (
            <>
              <DropdownMenuLabel className="flex flex-col gap-0.5">
                <span>{userName}</span>
                {userEmail ? (
                  <span className="text-xs font-normal text-muted-foreground">{userEmail}</span>
                ) : null}
              </DropdownMenuLabel>
              <DropdownMenuSeparator />
            </>
          ) : null}
          {items.map((item, index) => {
            const Icon = iconFor(item)
            const destructive = item === destructiveItem
            return (
              <Fragment key={item}>
                {(destructive || /^(?:log|sign) ?out$/i.test(item)) && index > 0 ? (
                  <DropdownMenuSeparator />
                ) : null}
                <DropdownMenuItem
                  variant={destructive ? "destructive" : "default"}
                  onSelect={() => onSelect?.(item)}
                >
                  {Icon ? <Icon aria-hidden="true" /> : null}
                  {item}
                </DropdownMenuItem>
              </Fragment>
            )
          })}
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  )
}
