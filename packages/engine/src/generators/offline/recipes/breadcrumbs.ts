import { capitalize, countOf, mentions, type PromptFacts } from "../facts"
import { sentenceList, str, strings, type Recipe, type Values } from "../recipe"
import { addedItems, readItems, removedItem, tlit } from "./navbar"

const DEFAULT_TRAIL = ["Home", "Projects", "Website redesign", "Settings"]

// Words that lead into a trail ("breadcrumbs for Home > …") and words that end its last item ("Shoes with …").
const LEAD =
  /^(?:.*\b(?:breadcrumbs?|trail|path|navigation|nav|for|with|like|showing|shows?|show|as|of|from|is|are|e\.?g\.?|:)\s+)?(.+)$/i
const END =
  /^(?:in|on|at|with|that|which|where|for|to|using|and|each|per|plus|when|below|above|separated|as)$/i

/**
 * Trails written with arrows or slashes: "Home > Products > Shoes", "Home / Settings / Billing", "Home › Docs".
 * facts.lists splits "/", "→" and "->" only when the items are capitalised or led in; ">" not at all.
 */
export function readTrail(text: string): string[] | undefined {
  const plain = text.replace(/["“”`]/g, "")
  const word = String.raw`[\p{L}\p{N}][\p{L}\p{N}'’&.+-]*`
  const item = `${word}(?: ${word}){0,5}`
  const sep = String.raw`\s*(?:->|=>|>|›|»|→|\/|\\|\|)\s*`
  const pattern = new RegExp(`${item}(?:${sep}${item})+`, "gu")
  for (const match of plain.matchAll(pattern)) {
    const parts = match[0].split(new RegExp(sep, "u")).map((part) => part.trim().replace(/[-.]+$/, ""))
    const first = LEAD.exec(parts[0] ?? "")?.[1] ?? parts[0] ?? ""
    // "breadcrumb Home" → "Home": drop lower-case lead words when a capitalised word follows.
    const firstWords = first.split(" ")
    const capital = firstWords.findIndex((part) => /^\p{Lu}/u.test(part))
    parts[0] = capital > 0 ? firstWords.slice(capital).join(" ") : first
    const lastWords = (parts[parts.length - 1] ?? "").split(" ")
    const cut = lastWords.findIndex((part, index) => index > 0 && END.test(part))
    parts[parts.length - 1] = (cut > 0 ? lastWords.slice(0, cut) : lastWords).join(" ")
    const items = parts.filter((part) => part.length > 0 && part.length <= 40)
    if (items.length >= 2) return items.map(capitalize)
  }
  return undefined
}

function trailOf(facts: PromptFacts): string[] {
  const trail = readTrail(facts.text)
  if (trail) return trail
  const listed = readItems(facts)
  if (listed) return listed
  const count = countOf(facts, "level", "item", "step", "crumb", "link")
  return DEFAULT_TRAIL.slice(0, Math.min(Math.max(count ?? 4, 2), DEFAULT_TRAIL.length))
}

function separatorOf(facts: PromptFacts): "chevron" | "slash" | undefined {
  if (mentions(facts, "slash", "slashes")) return "slash"
  if (mentions(facts, "chevron", "chevrons", "arrow", "arrows")) return "chevron"
  return undefined
}

/** A breadcrumb trail: links to each level, the current page last and marked, decorative separators. */
export const breadcrumbs: Recipe = {
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
  params: (facts) => {
    const trail = trailOf(facts)
    const written = /\S\s*\/\s*\S/.test(facts.text) && !/>|›|»|→/.test(facts.text) ? "slash" : "chevron"
    return [
      {
        name: "items",
        type: "string[]",
        value: trail,
        description: "The trail from the top level to the current page.",
      },
      {
        name: "separator",
        type: '"chevron" | "slash"',
        value: separatorOf(facts) ?? written,
        description: "The mark between items.",
        control: "select",
        options: ["chevron", "slash"],
      },
    ]
  },
  summary: (values) =>
    `Breadcrumbs: ${strings(values, "items").join(" › ")}, the last item being the current page.`,
  requirements: (values) => {
    const items = strings(values, "items")
    const current = items[items.length - 1] ?? ""
    return [
      ["landmark", 'Is a navigation landmark labelled "Breadcrumb"'],
      ["items", `Shows ${sentenceList(items)}, in that order`],
      ["current", `${current} is the current page (aria-current="page"), as text rather than a link`],
      [
        "links",
        `${sentenceList(items.slice(0, -1))} ${items.length > 2 ? "are links that call" : "is a link that calls"} onNavigate with the item`,
      ],
      [
        "separators",
        `A ${str(values, "separator") === "slash" ? "slash" : "chevron"} between items is hidden from screen readers`,
      ],
    ]
  },
  component: (context) => `import { ChevronRight, House, Slash } from "lucide-react"
${context.lookImports}

${context.propsInterface}

${context.defaults}

function slug(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, "-")
}

${context.signature}
  ${context.look}
  const Separator = separator === "slash" ? Slash : ChevronRight
  return (
    <nav aria-label="Breadcrumb" className={cn(look.className, "w-full max-w-3xl px-4 py-3")} style={look.style}>
      <ol className="flex flex-wrap items-center gap-1.5 text-sm text-muted-foreground">
        {items.map((item, index) => {
          const last = index === items.length - 1
          return (
            <li key={\`\${index}-\${item}\`} className="flex items-center gap-1.5">
              {index > 0 ? <Separator aria-hidden="true" data-separator="" className="size-3.5" /> : null}
              {last ? (
                <span aria-current="page" className="font-medium text-foreground">
                  {item}
                </span>
              ) : (
                <a
                  href={\`#\${slug(item)}\`}
                  className="inline-flex items-center gap-1 rounded-sm transition-colors hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                  onClick={() => onNavigate?.(item, index)}
                >
                  {index === 0 && /^home$/i.test(item) ? <House aria-hidden="true" className="size-3.5" /> : null}
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
`,
  tests: (context) => {
    const lit = tlit
    const items = strings(context.values, "items")
    const current = items[items.length - 1] ?? ""
    const links = items.slice(0, -1)
    const target = links[links.length - 1] ?? ""
    return `it("${context.id("landmark")}: is a navigation landmark labelled Breadcrumb", () => {
  render(<${context.name} />)
  expect(screen.getByRole("navigation", { name: "Breadcrumb" })).toBeInTheDocument()
})

it("${context.id("items")}: shows the trail in order", () => {
  render(<${context.name} />)
  const nav = screen.getByRole("navigation", { name: "Breadcrumb" })
  expect(within(nav).getAllByRole("listitem").map((item) => item.textContent)).toEqual(${lit(items)})
})

it("${context.id("current")}: the last item is the current page, not a link", () => {
  render(<${context.name} />)
  const currentItem = screen.getByText(${lit(current)}, { selector: "[aria-current]" })
  expect(currentItem).toHaveAttribute("aria-current", "page")
  expect(currentItem.closest("a")).toBeNull()
  expect(screen.queryByRole("link", { name: ${lit(current)} })).not.toBeInTheDocument()
})

it("${context.id("links")}: the earlier items are links that call onNavigate", async () => {
  const user = userEvent.setup()
  const onNavigate = vi.fn()
  render(<${context.name} onNavigate={onNavigate} />)
  expect(screen.getAllByRole("link").map((link) => link.textContent)).toEqual(${lit(links)})
  await user.click(screen.getByRole("link", { name: ${lit(target)} }))
  expect(onNavigate).toHaveBeenCalledWith(${lit(target)}, ${links.length - 1})
})

it("${context.id("separators")}: separators are hidden from screen readers", () => {
  const { container } = render(<${context.name} />)
  const separators = container.querySelectorAll("[data-separator]")
  expect(separators).toHaveLength(${items.length - 1})
  for (const separator of separators) expect(separator).toHaveAttribute("aria-hidden", "true")
})`
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    const separator = separatorOf(facts)
    if (separator) {
      next.separator = separator
      applied.push(`${separator} separators`)
    }
    const items = strings(values, "items")
    const trail = readTrail(facts.text)
    const removed = removedItem(facts, items)
    if (trail && trail.length >= 2) {
      next.items = trail
      applied.push(`the trail ${trail.join(" › ")}`)
    } else if (removed && items.length > 2) {
      next.items = items.filter((item) => item !== removed)
      applied.push(`no ${removed}`)
    } else {
      const added = addedItems(facts, "item|level|crumb|link|page").filter((item) => !items.includes(item))
      if (added.length > 0) {
        next.items = [...items, ...added]
        applied.push(`${sentenceList(added)} at the end`)
      }
    }
    return { values: next, applied }
  },
  followUpHints: ["use slashes", "use chevrons", "add a Details level", "Home > A > B (a new trail)"],
}
