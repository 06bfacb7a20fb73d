import { boolean, defineRecipe, strings, text } from "../../define-recipe"
import { activeItemOf, addedItems, removedItem } from "../../readers"
import { sentenceList } from "../../recipe"
import { code, NO_CODE, testCase, TestCode } from "../../test-builder"
import { COLLAPSED, readSidebar } from "./reader"

/** An app sidebar: a title, links with icons and the current one marked, and a button that collapses it to icons. */
export const sidebar = defineRecipe({
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
  params: {
    title: text("The name at the top."),
    items: strings("The navigation items, in order."),
    activeItem: text("The item marked as the current page at first."),
    defaultCollapsed: boolean("Start collapsed to icons only."),
  },
  read: readSidebar,
  summary: ({ title, items }) =>
    `A collapsible sidebar for ${title} with ${sentenceList(items)}, each with an icon.`,
  requirements: ({ title, items, activeItem, defaultCollapsed }) => [
    ["title", `Shows the title "${title}"`],
    ["items", `Shows ${sentenceList(items)}, in that order, each with an icon`],
    ["active", `${activeItem} is marked as the current page (aria-current) at first`],
    ["navigate", "Clicking an item marks it as the current page and calls onNavigate with it"],
    [
      "collapse",
      defaultCollapsed
        ? "Starts collapsed to icons; the expand button (aria-expanded) shows the labels again, and the links keep their names"
        : "The collapse button (aria-expanded) hides the labels and leaves the icons, and the links keep their names",
    ],
  ],
  tests: ({ Component, values: { title, items, activeItem: active, defaultCollapsed: startsCollapsed } }) => {
    const other = items.find((item) => item !== active) ?? active
    const first = items[0] ?? ""
    const linkNames = code`screen.getAllByRole("link").map((link) => link.textContent)`
    const not = new TestCode(".not")
    return [
      testCase(
        "title",
        "shows the title",
        code`
          render(<${Component} />)
          expect(screen.getByText(${title})).toBeInTheDocument()
        `,
      ),
      testCase(
        "items",
        "shows each item in order, with an icon",
        code`
          render(<${Component} />)
          expect(${linkNames}).toEqual(${items})
          for (const link of screen.getAllByRole("link")) {
            expect(link.querySelector("svg")).toHaveAttribute("aria-hidden", "true")
          }
        `,
      ),
      testCase(
        "active",
        "the active item is the current page",
        code`
          render(<${Component} />)
          expect(screen.getByRole("link", { name: ${active} })).toHaveAttribute("aria-current", "page")
          expect(screen.getAllByRole("link", { current: "page" })).toHaveLength(1)
        `,
      ),
      testCase(
        "navigate",
        "clicking an item marks it current and calls onNavigate",
        code`
          const user = userEvent.setup()
          const onNavigate = vi.fn()
          render(<${Component} onNavigate={onNavigate} />)
          await user.click(screen.getByRole("link", { name: ${other} }))
          expect(onNavigate).toHaveBeenCalledWith(${other})
          expect(screen.getByRole("link", { name: ${other} })).toHaveAttribute("aria-current", "page")
          expect(screen.getAllByRole("link", { current: "page" })).toHaveLength(1)
        `,
      ),
      testCase(
        "collapse",
        `the ${startsCollapsed ? "expand" : "collapse"} button toggles the labels`,
        code`
          const user = userEvent.setup()
          const onCollapsedChange = vi.fn()
          render(<${Component} onCollapsedChange={onCollapsedChange} />)
          const button = screen.getByRole("button", { name: ${startsCollapsed ? "Expand sidebar" : "Collapse sidebar"} })
          expect(button).toHaveAttribute("aria-expanded", ${String(!startsCollapsed)})
          expect(screen.getByText(${first}))${startsCollapsed ? NO_CODE : not}.toHaveClass("sr-only")

          await user.click(button)
          expect(onCollapsedChange).toHaveBeenCalledWith(${!startsCollapsed})
          expect(button).toHaveAttribute("aria-expanded", ${String(startsCollapsed)})
          expect(button).toHaveAccessibleName(${startsCollapsed ? "Collapse sidebar" : "Expand sidebar"})
          expect(screen.getByText(${first}))${startsCollapsed ? not : NO_CODE}.toHaveClass("sr-only")
          expect(${linkNames}).toEqual(${items})
        `,
      ),
    ]
  },
  followUp: (facts, { items }) => {
    const next: { defaultCollapsed?: boolean; items?: readonly string[]; activeItem?: string } = {}
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
    const active = activeItemOf(facts, next.items ?? items)
    if (active) {
      next.activeItem = active
      applied.push(`${active} as the current page`)
    }
    return { values: next, applied }
  },
  followUpHints: ["start collapsed", "add a Help item", "remove Reports", "make Projects active"],
})
