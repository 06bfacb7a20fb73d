import { useId, useState } from "react"
import {
  Bell,
  BookOpen,
  Calendar,
  ChartColumn,
  Circle,
  CreditCard,
  FileText,
  Folder,
  House,
  Inbox,
  LayoutDashboard,
  LifeBuoy,
  LogOut,
  Mail,
  MessageSquare,
  Package,
  PanelLeftClose,
  PanelLeftOpen,
  Plug,
  Search,
  Settings,
  Shield,
  ShoppingCart,
  SquareCheckBig,
  Star,
  Tag,
  User,
  Users,
  type LucideIcon,
} from "lucide-react"
import { Button } from "@/components/ui/button"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface SidebarProps extends AppearanceOptions {
  /** The name at the top. */
  title?: string
  /** The navigation items, in order. */
  items?: string[]
  /** The item marked as the current page at first. */
  activeItem?: string
  /** Start collapsed to icons only. */
  defaultCollapsed?: boolean
  /** Called with the item that was clicked. */
  onNavigate?: (item: string) => void
  /** Called when the sidebar collapses or expands. */
  onCollapsedChange?: (collapsed: boolean) => void
}

const DEFAULT_ITEMS: string[] = ["Dashboard", "Projects", "Team", "Calendar", "Reports", "Settings"]

const ICONS: [RegExp, LucideIcon][] = [
  [/dashboard|overview/i, LayoutDashboard],
  [/home/i, House],
  [/project|folder|workspace/i, Folder],
  [/team|member|people|user|customer|contact|staff/i, Users],
  [/calendar|schedule|event|booking/i, Calendar],
  [/report|analytic|stat|insight|metric|chart/i, ChartColumn],
  [/doc|file|page|content|post|article/i, FileText],
  [/setting|preference|config/i, Settings],
  [/billing|payment|invoice|subscription|plan/i, CreditCard],
  [/inbox/i, Inbox],
  [/mail|email/i, Mail],
  [/message|chat|comment|conversation/i, MessageSquare],
  [/notification|alert|activity/i, Bell],
  [/help|support|faq/i, LifeBuoy],
  [/profile|account/i, User],
  [/order|cart|checkout/i, ShoppingCart],
  [/product|inventory|catalog|shipment/i, Package],
  [/task|todo|to-do|issue/i, SquareCheckBig],
  [/search|explore|discover/i, Search],
  [/integration|app|plugin/i, Plug],
  [/security|permission|admin|privacy/i, Shield],
  [/favo|star|saved|bookmark/i, Star],
  [/tag|label|categor/i, Tag],
  [/learn|course|guide|library|wiki/i, BookOpen],
  [/log ?out|sign ?out/i, LogOut],
]

function iconFor(label: string): LucideIcon {
  return ICONS.find(([pattern]) => pattern.test(label))?.[1] ?? Circle
}

function slug(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, "-")
}

export default function Sidebar({
  title = "Acme",
  items = DEFAULT_ITEMS,
  activeItem = "Dashboard",
  defaultCollapsed = false,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onNavigate,
  onCollapsedChange,
}: SidebarProps) {
  const look = appearance({ accent, dark, size, radius })
  const [current, setCurrent] = useState(items.includes(activeItem) ? activeItem : (items[0] ?? ""))
  const [collapsed, setCollapsed] = useState(defaultCollapsed)
  const navId = useId()

  function toggle() {
    setCollapsed(!collapsed)
    onCollapsedChange?.(!collapsed)
  }

  return (
    <aside
      className={cn(
        look.className,
        "flex min-h-96 flex-col gap-4 border-r p-3 transition-[width] duration-200",
        collapsed ? "w-16" : "w-64",
      )}
      style={look.style}
    >
      <div className={cn("flex items-center gap-2", collapsed ? "flex-col" : "justify-between")}>
        <span className="flex min-w-0 items-center gap-2 px-1 font-semibold">
          <span
            aria-hidden="true"
            className="flex size-8 shrink-0 items-center justify-center rounded-md bg-primary text-sm font-bold text-primary-foreground"
          >
            {title.charAt(0)}
          </span>
          <span className={collapsed ? "sr-only" : "truncate"}>{title}</span>
        </span>
        <Button
          variant="ghost"
          size="icon"
          aria-label={collapsed ? "Expand sidebar" : "Collapse sidebar"}
          aria-expanded={!collapsed}
          aria-controls={navId}
          onClick={toggle}
        >
          {collapsed ? <PanelLeftOpen aria-hidden="true" /> : <PanelLeftClose aria-hidden="true" />}
        </Button>
      </div>
      <nav id={navId} aria-label={title}>
        <ul className="flex flex-col gap-1">
          {items.map((item) => {
            const Icon = iconFor(item)
            const active = item === current
            return (
              <li key={item}>
                <a
                  href={`#${slug(item)}`}
                  title={collapsed ? item : undefined}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "flex items-center gap-3 rounded-md px-2.5 py-2 text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                    collapsed && "justify-center",
                    active
                      ? "bg-primary/10 text-primary"
                      : "text-muted-foreground hover:bg-muted hover:text-foreground",
                  )}
                  onClick={() => {
                    setCurrent(item)
                    onNavigate?.(item)
                  }}
                >
                  <Icon aria-hidden="true" className="size-4 shrink-0" />
                  <span className={collapsed ? "sr-only" : "truncate"}>{item}</span>
                </a>
              </li>
            )
          })}
        </ul>
      </nav>
    </aside>
  )
}
