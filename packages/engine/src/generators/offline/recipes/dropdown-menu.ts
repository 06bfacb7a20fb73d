import { mentions, type PromptFacts } from "../facts"
import { bool, sentenceList, str, strings, type Recipe, type Values } from "../recipe"
import { addedItems, quotedWith, readItems, removedItem, tlit } from "./navbar"

const ACTION_ITEMS = ["Edit", "Duplicate", "Share", "Archive", "Delete"]
const USER_ITEMS = ["Profile", "Settings", "Billing", "Log out"]
const DESTRUCTIVE = /^(?:delete|remove|trash|destroy|deactivate|discard)\b/i

function isUserMenu(facts: PromptFacts): boolean {
  return mentions(
    facts,
    "user menu",
    "account menu",
    "profile menu",
    "avatar",
    "user dropdown",
    "account dropdown",
  )
}

function itemsOf(facts: PromptFacts, user: boolean): string[] {
  const listed = readItems(facts, ["Dropdown", "Menu"])
  if (listed) return listed
  return user ? USER_ITEMS : ACTION_ITEMS
}

function userOf(facts: PromptFacts): { name: string; email: string } {
  const email = /[\w.+-]+@[\w-]+\.[\w.]+/.exec(facts.text)?.[0]
  const quoted = quotedWith(facts, /\b(?:for|user|named|called|name|shows?|showing)\b[^"“”`]*$/i)
  const named = /\b(?:for|named|called|user)\s+([A-Z][a-z]+(?: [A-Z][a-z]+)+)/.exec(facts.text)?.[1]
  const name = quoted ?? named ?? "Ada Lovelace"
  return {
    name,
    email:
      email ??
      `${name
        .split(" ")[0]!
        .toLowerCase()
        .replace(/[^a-z0-9]/g, "")}@example.com`,
  }
}

function iconTriggerOf(facts: PromptFacts): boolean {
  return mentions(
    facts,
    "kebab",
    "three dots",
    "three dot",
    "ellipsis",
    "dots",
    "overflow",
    "more button",
    "icon button",
    "meatball",
  )
}

/** A dropdown menu from the kit: a trigger, items with icons, a destructive item set apart, keyboard navigation. */
export const dropdownMenu: Recipe = {
  kind: "dropdown-menu",
  title: "Dropdown menu",
  names: ["ActionsMenu", "UserMenu"],
  keywords: {
    strong: [
      "drop down menu",
      "drop down",
      "context menu",
      "actions menu",
      "action menu",
      "kebab menu",
      "overflow menu",
      "user menu",
      "account menu",
      "profile menu",
      "more menu",
    ],
    weak: ["menu", "three dots", "kebab", "options menu", "menu items"],
  },
  callbacks: [
    {
      name: "onSelect",
      type: "(item: string) => void",
      description: "Called with the item that was chosen.",
    },
  ],
  name: (facts) => (isUserMenu(facts) ? "UserMenu" : "ActionsMenu"),
  params: (facts) => {
    const user = isUserMenu(facts)
    const items = itemsOf(facts, user)
    const person = userOf(facts)
    const icon = !user && iconTriggerOf(facts)
    const trigger =
      quotedWith(
        facts,
        /\b(?:button|trigger|labelled|labeled|called)\b[^"“”`]*$/i,
        /^\s*(?:button|trigger)\b/i,
      ) ?? (icon ? "More actions" : mentions(facts, "options") ? "Options" : "Actions")
    return [
      { name: "items", type: "string[]", value: items, description: "The menu items, in order." },
      {
        name: "destructiveItem",
        type: "string",
        value: items.find((item) => DESTRUCTIVE.test(item)) ?? "",
        description: "The item styled as destructive and set apart at the end; empty for none.",
        control: "text",
      },
      {
        name: "triggerLabel",
        type: "string",
        value: trigger,
        description: "The trigger button's label (its accessible name when it shows only an icon).",
        control: "text",
      },
      {
        name: "iconTrigger",
        type: "boolean",
        value: icon,
        description: "Show the trigger as a ⋯ icon button.",
        control: "boolean",
      },
      {
        name: "userName",
        type: "string",
        value: user ? person.name : "",
        description:
          "The signed-in user shown on the trigger and at the top of the menu; empty for an actions menu.",
        control: "text",
      },
      {
        name: "userEmail",
        type: "string",
        value: user ? person.email : "",
        description: "The user's email under their name.",
        control: "text",
      },
    ]
  },
  summary: (values) =>
    `A dropdown menu${str(values, "userName") ? ` for ${str(values, "userName")}` : ""} with ${sentenceList(strings(values, "items"))}.`,
  requirements: (values) => {
    const items = strings(values, "items")
    const user = str(values, "userName")
    const trigger = user || str(values, "triggerLabel")
    const destructive = str(values, "destructiveItem")
    const requirements: [string, string][] = [
      ["trigger", `The "${trigger}" button opens the menu (aria-haspopup, aria-expanded)`],
      ["items", `The menu lists ${sentenceList(items)}, in that order`],
      ["select", "Choosing an item calls onSelect with it, closes the menu and returns focus to the trigger"],
      ["keyboard", "Enter opens the menu on its first item; arrow keys move between items; Escape closes it"],
    ]
    if (destructive && items.includes(destructive))
      requirements.push([
        "destructive",
        `${destructive} is styled as destructive and set apart by a separator`,
      ])
    if (user)
      requirements.push([
        "user",
        `The menu shows ${user}${str(values, "userEmail") ? ` and ${str(values, "userEmail")}` : ""} at the top`,
      ])
    return requirements
  },
  component: (context) => `import { Fragment } from "react"
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
${context.lookImports}

${context.propsInterface}

${context.defaults}

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
    .split(/\\s+/)
    .map((part) => part.charAt(0))
    .join("")
    .slice(0, 2)
    .toUpperCase()
}

${context.signature}
  ${context.look}
  return (
    <div className={cn(look.className, "flex w-full max-w-xs items-start justify-center p-6")} style={look.style}>
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
                {userEmail ? <span className="text-xs font-normal text-muted-foreground">{userEmail}</span> : null}
              </DropdownMenuLabel>
              <DropdownMenuSeparator />
            </>
          ) : null}
          {items.map((item, index) => {
            const Icon = iconFor(item)
            const destructive = item === destructiveItem
            return (
              <Fragment key={item}>
                {(destructive || /^(?:log|sign) ?out$/i.test(item)) && index > 0 ? <DropdownMenuSeparator /> : null}
                <DropdownMenuItem variant={destructive ? "destructive" : "default"} onSelect={() => onSelect?.(item)}>
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
`,
  tests: (context) => {
    const lit = tlit
    const items = strings(context.values, "items")
    const user = str(context.values, "userName")
    const triggerName = lit(user || str(context.values, "triggerLabel"))
    const destructive = str(context.values, "destructiveItem")
    const chosen = items.find((item) => item !== destructive) ?? items[0] ?? ""
    const trigger = `screen.getByRole("button", { name: ${triggerName} })`
    const tests = [
      `it("${context.id("trigger")}: the trigger opens the menu", async () => {
  const user = userEvent.setup()
  render(<${context.name} />)
  const trigger = ${trigger}
  expect(trigger).toHaveAttribute("aria-haspopup", "menu")
  expect(trigger).toHaveAttribute("aria-expanded", "false")
  expect(screen.queryByRole("menu")).not.toBeInTheDocument()
  await user.click(trigger)
  expect(screen.getByRole("menu")).toBeInTheDocument()
  expect(trigger).toHaveAttribute("aria-expanded", "true")
})`,
      `it("${context.id("items")}: lists the items in order", async () => {
  const user = userEvent.setup()
  render(<${context.name} />)
  await user.click(${trigger})
  expect(screen.getAllByRole("menuitem").map((item) => item.textContent)).toEqual(${lit(items)})
})`,
      `it("${context.id("select")}: choosing an item calls onSelect and closes the menu", async () => {
  const user = userEvent.setup()
  const onSelect = vi.fn()
  render(<${context.name} onSelect={onSelect} />)
  const trigger = ${trigger}
  await user.click(trigger)
  await user.click(screen.getByRole("menuitem", { name: ${lit(chosen)} }))
  expect(onSelect).toHaveBeenCalledWith(${lit(chosen)})
  expect(screen.queryByRole("menu")).not.toBeInTheDocument()
  expect(trigger).toHaveFocus()
})`,
      `it("${context.id("keyboard")}: works with the keyboard", async () => {
  const user = userEvent.setup()
  const onSelect = vi.fn()
  render(<${context.name} onSelect={onSelect} />)
  const trigger = ${trigger}
  trigger.focus()
  await user.keyboard("{Enter}")
  expect(screen.getByRole("menuitem", { name: ${lit(items[0] ?? "")} })).toHaveFocus()
  await user.keyboard("{ArrowDown}")
  expect(screen.getByRole("menuitem", { name: ${lit(items[1] ?? items[0] ?? "")} })).toHaveFocus()
  await user.keyboard("{Escape}")
  expect(screen.queryByRole("menu")).not.toBeInTheDocument()
  expect(trigger).toHaveFocus()

  await user.keyboard("{Enter}")
  await user.keyboard("{ArrowDown}")
  await user.keyboard("{Enter}")
  expect(onSelect).toHaveBeenCalledWith(${lit(items[1] ?? items[0] ?? "")})
  expect(screen.queryByRole("menu")).not.toBeInTheDocument()
})`,
    ]
    if (context.has("destructive")) {
      tests.push(`it("${context.id("destructive")}: the destructive item is styled as such and set apart", async () => {
  const user = userEvent.setup()
  render(<${context.name} />)
  await user.click(${trigger})
  const item = screen.getByRole("menuitem", { name: ${lit(destructive)} })
  expect(item).toHaveAttribute("data-variant", "destructive")
  ${
    items.indexOf(destructive) > 0
      ? `expect(item.previousElementSibling).toHaveAttribute("role", "separator")`
      : `expect(item).toBeInTheDocument()`
  }
  for (const other of screen.getAllByRole("menuitem").filter((element) => element !== item))
    expect(other).toHaveAttribute("data-variant", "default")
})`)
    }
    if (context.has("user")) {
      const email = str(context.values, "userEmail")
      tests.push(`it("${context.id("user")}: shows the user at the top of the menu", async () => {
  const user = userEvent.setup()
  render(<${context.name} />)
  await user.click(${trigger})
  const menu = screen.getByRole("menu")
  expect(within(menu).getByText(${lit(user)})).toBeInTheDocument()${
    email ? `\n  expect(within(menu).getByText(${lit(email)})).toBeInTheDocument()` : ""
  }
})`)
    }
    return tests.join("\n\n")
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    const items = strings(values, "items")
    const removed = removedItem(facts, items)
    if (removed && items.length > 2) {
      next.items = items.filter((item) => item !== removed)
      if (str(values, "destructiveItem") === removed) next.destructiveItem = ""
      applied.push(`no ${removed} item`)
    } else {
      const added = addedItems(facts, "item|items|option|options|action|actions|entry").filter(
        (item) => !items.includes(item),
      )
      if (added.length > 0) {
        const destructive = str(values, "destructiveItem")
        // New items go before the destructive one, which stays last.
        const kept = items.filter((item) => item !== destructive)
        next.items =
          destructive && items.includes(destructive) ? [...kept, ...added, destructive] : [...items, ...added]
        if (!destructive) next.destructiveItem = added.find((item) => DESTRUCTIVE.test(item)) ?? ""
        applied.push(`${sentenceList(added)} ${added.length > 1 ? "items" : "item"}`)
      }
    }
    if (iconTriggerOf(facts) && !bool(values, "iconTrigger") && !str(values, "userName")) {
      next.iconTrigger = true
      next.triggerLabel = "More actions"
      applied.push("a ⋯ icon trigger")
    }
    return { values: next, applied }
  },
  followUpHints: ["add a Rename item", "remove Share", "use a three-dots button"],
}
