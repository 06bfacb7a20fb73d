import { countOf, type PromptFacts } from "../facts"
import { bool, sentenceList, str, strings, type Recipe, type Values } from "../recipe"
import { activeItemOf, addedItems, listAfter, readItems, removedItem, tlit } from "./navbar"

const DEFAULT_ITEMS = [
  "Dashboard",
  "Projects",
  "Team",
  "Calendar",
  "Reports",
  "Settings",
  "Documents",
  "Help",
]

function itemsOf(facts: PromptFacts, title: string): string[] {
  const listed = readItems(facts, [title])
  if (listed) return listed
  const count = countOf(facts, "item", "link", "section", "page", "entry")
  return DEFAULT_ITEMS.slice(0, Math.min(Math.max(count ?? 6, 2), DEFAULT_ITEMS.length))
}

function titleOf(facts: PromptFacts): string {
  const listed = new Set([...facts.lists.flat(), ...(listAfter(facts.text) ?? [])])
  const quoted = facts.quoted.find((value) => value.length <= 30 && !listed.has(value))
  if (quoted) return quoted
  const named =
    /\b(?:for|called|named|titled|brand(?:ed)?|app|workspace|product)\s+(?:is\s+|as\s+)?([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2})/.exec(
      facts.text,
    )
  return named?.[1] ?? "Acme"
}

const COLLAPSED =
  /\b(?:start(?:s|ing)?|begin(?:s|ning)?|open(?:s)?|initially|by default|default(?:s)? to)\b[^.]{0,20}\bcollapsed\b|\bcollapsed\b[^.]{0,12}\b(?:by default|initially|at first|on load)\b/

/** An app sidebar: a title, links with icons and the current one marked, and a button that collapses it to icons. */
export const sidebar: Recipe = {
  kind: "sidebar",
  title: "Sidebar",
  names: ["Sidebar"],
  keywords: {
    strong: [
      "side bar",
      "sidebar with",
      "sidebar for",
      "side nav",
      "side navigation",
      "sidenav",
      "side menu",
      "navigation drawer",
      "nav rail",
    ],
    weak: ["collapsible", "left menu", "left navigation", "dashboard navigation", "admin navigation"],
  },
  callbacks: [
    {
      name: "onNavigate",
      type: "(item: string) => void",
      description: "Called with the item that was clicked.",
    },
    {
      name: "onCollapsedChange",
      type: "(collapsed: boolean) => void",
      description: "Called when the sidebar collapses or expands.",
    },
  ],
  params: (facts) => {
    const title = titleOf(facts)
    const items = itemsOf(facts, title)
    return [
      { name: "title", type: "string", value: title, description: "The name at the top.", control: "text" },
      { name: "items", type: "string[]", value: items, description: "The navigation items, in order." },
      {
        name: "activeItem",
        type: "string",
        value: activeItemOf(facts, items) ?? items[0] ?? "",
        description: "The item marked as the current page at first.",
        control: "text",
      },
      {
        name: "defaultCollapsed",
        type: "boolean",
        value: COLLAPSED.test(facts.lower),
        description: "Start collapsed to icons only.",
        control: "boolean",
      },
    ]
  },
  summary: (values) =>
    `A collapsible sidebar for ${str(values, "title")} with ${sentenceList(strings(values, "items"))}, each with an icon.`,
  requirements: (values) => [
    ["title", `Shows the title "${str(values, "title")}"`],
    ["items", `Shows ${sentenceList(strings(values, "items"))}, in that order, each with an icon`],
    ["active", `${str(values, "activeItem")} is marked as the current page (aria-current) at first`],
    ["navigate", "Clicking an item marks it as the current page and calls onNavigate with it"],
    [
      "collapse",
      bool(values, "defaultCollapsed")
        ? "Starts collapsed to icons; the expand button (aria-expanded) shows the labels again, and the links keep their names"
        : "The collapse button (aria-expanded) hides the labels and leaves the icons, and the links keep their names",
    ],
  ],
  component: (context) => `import { useId, useState } from "react"
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
${context.lookImports}

${context.propsInterface}

${context.defaults}

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

${context.signature}
  ${context.look}
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
                  href={\`#\${slug(item)}\`}
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
`,
  tests: (context) => {
    const lit = tlit
    const items = strings(context.values, "items")
    const active = str(context.values, "activeItem")
    const other = items.find((item) => item !== active) ?? active
    const startsCollapsed = bool(context.values, "defaultCollapsed")
    const first = items[0] ?? ""
    const linkNames = `screen.getAllByRole("link").map((link) => link.textContent)`
    return `it("${context.id("title")}: shows the title", () => {
  render(<${context.name} />)
  expect(screen.getByText(${lit(str(context.values, "title"))})).toBeInTheDocument()
})

it("${context.id("items")}: shows each item in order, with an icon", () => {
  render(<${context.name} />)
  expect(${linkNames}).toEqual(${lit(items)})
  for (const link of screen.getAllByRole("link")) {
    expect(link.querySelector("svg")).toHaveAttribute("aria-hidden", "true")
  }
})

it("${context.id("active")}: the active item is the current page", () => {
  render(<${context.name} />)
  expect(screen.getByRole("link", { name: ${lit(active)} })).toHaveAttribute("aria-current", "page")
  expect(screen.getAllByRole("link", { current: "page" })).toHaveLength(1)
})

it("${context.id("navigate")}: clicking an item marks it current and calls onNavigate", async () => {
  const user = userEvent.setup()
  const onNavigate = vi.fn()
  render(<${context.name} onNavigate={onNavigate} />)
  await user.click(screen.getByRole("link", { name: ${lit(other)} }))
  expect(onNavigate).toHaveBeenCalledWith(${lit(other)})
  expect(screen.getByRole("link", { name: ${lit(other)} })).toHaveAttribute("aria-current", "page")
  expect(screen.getAllByRole("link", { current: "page" })).toHaveLength(1)
})

it("${context.id("collapse")}: the ${startsCollapsed ? "expand" : "collapse"} button toggles the labels", async () => {
  const user = userEvent.setup()
  const onCollapsedChange = vi.fn()
  render(<${context.name} onCollapsedChange={onCollapsedChange} />)
  const button = screen.getByRole("button", { name: ${lit(startsCollapsed ? "Expand sidebar" : "Collapse sidebar")} })
  expect(button).toHaveAttribute("aria-expanded", "${startsCollapsed ? "false" : "true"}")
  expect(screen.getByText(${lit(first)}))${startsCollapsed ? "" : ".not"}.toHaveClass("sr-only")

  await user.click(button)
  expect(onCollapsedChange).toHaveBeenCalledWith(${startsCollapsed ? "false" : "true"})
  expect(button).toHaveAttribute("aria-expanded", "${startsCollapsed ? "true" : "false"}")
  expect(button).toHaveAccessibleName(${lit(startsCollapsed ? "Collapse sidebar" : "Expand sidebar")})
  expect(screen.getByText(${lit(first)}))${startsCollapsed ? ".not" : ""}.toHaveClass("sr-only")
  expect(${linkNames}).toEqual(${lit(items)})
})`
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    if (COLLAPSED.test(facts.lower)) {
      next.defaultCollapsed = true
      applied.push("starts collapsed")
    } else if (
      /\b(?:start(?:s|ing)?|open(?:s)?)\b[^.]{0,20}\bexpanded\b|\bnot collapsed\b/.test(facts.lower)
    ) {
      next.defaultCollapsed = false
      applied.push("starts expanded")
    }
    const items = strings(values, "items")
    const removed = removedItem(facts, items)
    if (removed && items.length > 2) {
      next.items = items.filter((item) => item !== removed)
      applied.push(`no ${removed} item`)
    } else {
      const added = addedItems(facts, "item|items|link|links|entry|section|page").filter(
        (item) => !items.includes(item),
      )
      if (added.length > 0) {
        next.items = [...items, ...added]
        applied.push(`${sentenceList(added)} ${added.length > 1 ? "items" : "item"}`)
      }
    }
    const active = activeItemOf(facts, strings(next, "items"))
    if (active) {
      next.activeItem = active
      applied.push(`${active} as the current page`)
    }
    return { values: next, applied }
  },
  followUpHints: ["start collapsed", "add a Help item", "remove Reports", "make Projects active"],
}
