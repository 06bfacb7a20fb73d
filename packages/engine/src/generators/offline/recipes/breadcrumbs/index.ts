import { defineRecipe, select, strings } from "../../define-recipe"
import { addedItems, removedItem } from "../../readers"
import { sentenceList } from "../../recipe"
import { code, testCase } from "../../test-builder"
import { readBreadcrumbs, readTrail, separatorOf } from "./reader"

/** A breadcrumb trail: links to each level, the current page last and marked, decorative separators. */
export const breadcrumbs = defineRecipe({
  kind: "breadcrumbs",
  title: "Breadcrumbs",
  names: ["Breadcrumbs"],
  keywords: {
    strong: ["breadcrumb", "breadcrumb trail", "breadcrumb navigation", "crumb trail"],
    weak: ["trail", "path", "hierarchy", "you are here"],
  },
  callbacks: [
    {
      name: "onNavigate",
      type: "(item: string, index: number) => void",
      description: "Called with the item and its position when a link in the trail is clicked.",
    },
  ],
  params: {
    items: strings("The trail from the top level to the current page."),
    separator: select(["chevron", "slash"], "The mark between items."),
  },
  read: readBreadcrumbs,
  summary: ({ items }) => `Breadcrumbs: ${items.join(" › ")}, the last item being the current page.`,
  requirements: ({ items, separator }) => [
    ["landmark", 'Is a navigation landmark labelled "Breadcrumb"'],
    ["items", `Shows ${sentenceList(items)}, in that order`],
    [
      "current",
      `${items.at(-1) ?? ""} is the current page (aria-current="page"), as text rather than a link`,
    ],
    [
      "links",
      `${sentenceList(items.slice(0, -1))} ${items.length > 2 ? "are links that call" : "is a link that calls"} onNavigate with the item`,
    ],
    ["separators", `A ${separator} between items is hidden from screen readers`],
  ],
  tests: ({ Component, values: { items } }) => {
    const current = items.at(-1) ?? ""
    const links = items.slice(0, -1)
    const target = links.at(-1) ?? ""
    return [
      testCase(
        "landmark",
        "is a navigation landmark labelled Breadcrumb",
        code`
          render(<${Component} />)
          expect(screen.getByRole("navigation", { name: "Breadcrumb" })).toBeInTheDocument()
        `,
      ),
      testCase(
        "items",
        "shows the trail in order",
        code`
          render(<${Component} />)
          const nav = screen.getByRole("navigation", { name: "Breadcrumb" })
          expect(within(nav).getAllByRole("listitem").map((item) => item.textContent)).toEqual(${items})
        `,
      ),
      testCase(
        "current",
        "the last item is the current page, not a link",
        code`
          render(<${Component} />)
          const currentItem = screen.getByText(${current}, { selector: "[aria-current]" })
          expect(currentItem).toHaveAttribute("aria-current", "page")
          expect(currentItem.closest("a")).toBeNull()
          expect(screen.queryByRole("link", { name: ${current} })).not.toBeInTheDocument()
        `,
      ),
      testCase(
        "links",
        "the earlier items are links that call onNavigate",
        code`
          const user = userEvent.setup()
          const onNavigate = vi.fn()
          render(<${Component} onNavigate={onNavigate} />)
          expect(screen.getAllByRole("link").map((link) => link.textContent)).toEqual(${links})
          await user.click(screen.getByRole("link", { name: ${target} }))
          expect(onNavigate).toHaveBeenCalledWith(${target}, ${links.length - 1})
        `,
      ),
      testCase(
        "separators",
        "separators are hidden from screen readers",
        code`
          const { container } = render(<${Component} />)
          const separators = container.querySelectorAll("[data-separator]")
          expect(separators).toHaveLength(${items.length - 1})
          for (const separator of separators) expect(separator).toHaveAttribute("aria-hidden", "true")
        `,
      ),
    ]
  },
  followUp: (facts, { items }) => {
    const applied: string[] = []
    const separator = separatorOf(facts)
    if (separator) applied.push(`${separator} separators`)
    const trail = readTrail(facts.text)
    const removed = removedItem(facts, items)
    let next: readonly string[] | undefined
    if (trail && trail.length >= 2) {
      next = trail
      applied.push(`the trail ${trail.join(" › ")}`)
    } else if (removed && items.length > 2) {
      next = items.filter((item) => item !== removed)
      applied.push(`no ${removed}`)
    } else {
      const added = addedItems(facts, "item|level|crumb|link|page").filter((item) => !items.includes(item))
      if (added.length > 0) {
        next = [...items, ...added]
        applied.push(`${sentenceList(added)} at the end`)
      }
    }
    return { values: { ...(separator ? { separator } : {}), ...(next ? { items: next } : {}) }, applied }
  },
  followUpHints: ["use slashes", "use chevrons", "add a Details level", "Home > A > B (a new trail)"],
})
