import { countOf, mentions, type PromptFacts } from "../facts"
import { bool, num, type Recipe, type Values } from "../recipe"

type PageItem = number | "ellipsis-start" | "ellipsis-end"

/** The same page window the component shows (kept in step with PAGE_ITEMS below). */
function pageItems(current: number, total: number): PageItem[] {
  if (total <= 7) return Array.from({ length: total }, (_, index) => index + 1)
  if (current <= 4) return [1, 2, 3, 4, 5, "ellipsis-end", total]
  if (current >= total - 3) return [1, "ellipsis-start", total - 4, total - 3, total - 2, total - 1, total]
  return [1, "ellipsis-start", current - 1, current, current + 1, "ellipsis-end", total]
}

const PAGE_ITEMS = `type PageItem = number | "ellipsis-start" | "ellipsis-end"

/** The pages to show: all of them up to 7, else the first, the last, the current one and its neighbours. */
function pageItems(current: number, total: number): PageItem[] {
  if (total <= 7) return Array.from({ length: total }, (_, index) => index + 1)
  if (current <= 4) return [1, 2, 3, 4, 5, "ellipsis-end", total]
  if (current >= total - 3) return [1, "ellipsis-start", total - 4, total - 3, total - 2, total - 1, total]
  return [1, "ellipsis-start", current - 1, current, current + 1, "ellipsis-end", total]
}`

function totalOf(facts: PromptFacts): number | undefined {
  const perPage =
    /\b(\d+)\s+(?:results?|items?|rows?|records?|products?|posts?|entries|articles?|orders?)\b[^.]*?\b(\d+)\s+(?:\w+\s+)?(?:per|a|each)\s+page\b/.exec(
      facts.lower,
    )
  if (perPage && Number(perPage[2]) > 0) return Math.ceil(Number(perPage[1]) / Number(perPage[2]))
  const pages = countOf(facts, "page")
  if (pages !== undefined) return pages
  const of = /\bpage\s+\d+\s+(?:of|out of)\s+(\d+)\b/.exec(facts.lower)
  if (of) return Number(of[1])
  return facts.max
}

function initialOf(facts: PromptFacts): number | undefined {
  const match =
    /\bpage\s+(\d+)\s+(?:is\s+|as\s+)?(?:selected|active|current|open|highlighted)\b/.exec(facts.lower) ??
    /\b(?:start\w*|open\w*|begin\w*|current(?:ly)?|default\w*|land\w*|show\w*)\s+(?:on\s+|at\s+|to\s+|with\s+)?page\s+(?:is\s+)?(\d+)\b/.exec(
      facts.lower,
    ) ??
    /\bon\s+page\s+(\d+)\b/.exec(facts.lower)
  return match ? Number(match[1]) : undefined
}

function clampTotal(value: number): number {
  return Math.min(Math.max(Math.round(value), 2), 999)
}

/** Page navigation: previous/next, numbered pages with the current one marked, ellipses for long ranges. */
export const pagination: Recipe = {
  kind: "pagination",
  title: "Pagination",
  names: ["Pagination"],
  keywords: {
    strong: ["pagination", "paginator", "pager", "page numbers", "paging", "paginated"],
    weak: ["next page", "previous page", "prev next", "per page"],
  },
  callbacks: [
    {
      name: "onPageChange",
      type: "(page: number) => void",
      description: "Called with the page number when the page changes.",
    },
  ],
  params: (facts) => {
    const total = clampTotal(totalOf(facts) ?? 10)
    const initial = Math.min(Math.max(initialOf(facts) ?? 1, 1), total)
    return [
      {
        name: "totalPages",
        type: "number",
        value: total,
        description: "How many pages there are.",
        control: "number",
      },
      {
        name: "initialPage",
        type: "number",
        value: initial,
        description: "The page that is current at first.",
        control: "number",
      },
      {
        name: "showFirstLast",
        type: "boolean",
        value: mentions(facts, "first and last", "first/last", "first page", "last page", "jump to"),
        description: "Show buttons that jump to the first and the last page.",
        control: "boolean",
      },
    ]
  },
  summary: (values) =>
    `Pagination for ${num(values, "totalPages")} pages with previous/next buttons, starting on page ${num(values, "initialPage", 1)}.`,
  requirements: (values) => {
    const total = num(values, "totalPages", 10)
    const initial = num(values, "initialPage", 1)
    const requirements: [string, string][] = [
      [
        "pages",
        total > 7
          ? `Shows numbered page buttons for ${total} pages: the first, the last and the current page with its neighbours`
          : total === 1
            ? "Shows a single numbered page button"
            : `Shows a numbered button for each of the ${total} pages`,
      ],
      [
        "current",
        `Page ${initial} is current at first (aria-current) and "Page ${initial} of ${total}" is shown`,
      ],
      ["select", "Clicking a page makes it current and calls onPageChange with its number"],
      ["ends", "Previous is disabled on the first page and Next on the last; each moves one page"],
    ]
    if (total > 7) requirements.push(["ellipsis", "An ellipsis stands for the pages that are not shown"])
    if (bool(values, "showFirstLast"))
      requirements.push(["edges", "First and Last buttons jump to page 1 and to the last page"])
    return requirements
  },
  component: (context) => `import { useState } from "react"
import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from "lucide-react"
import { Button } from "@/components/ui/button"
${context.lookImports}

${context.propsInterface}

${PAGE_ITEMS}

${context.signature}
  ${context.look}
  const total = Math.max(1, Math.floor(totalPages))
  const [page, setPage] = useState(Math.min(Math.max(1, Math.floor(initialPage)), total))

  function go(target: number) {
    const next = Math.min(Math.max(1, target), total)
    if (next === page) return
    setPage(next)
    onPageChange?.(next)
  }

  return (
    <nav
      aria-label="Pagination"
      className={cn(look.className, "flex w-full max-w-2xl flex-col items-center gap-3 p-4")}
      style={look.style}
    >
      <ul className="flex flex-wrap items-center justify-center gap-1">
        {showFirstLast ? (
          <li>
            <Button variant="ghost" size="icon" aria-label="First page" disabled={page === 1} onClick={() => go(1)}>
              <ChevronsLeft aria-hidden="true" />
            </Button>
          </li>
        ) : null}
        <li>
          <Button variant="ghost" aria-label="Previous page" disabled={page === 1} onClick={() => go(page - 1)}>
            <ChevronLeft aria-hidden="true" />
            <span className="hidden sm:inline">Previous</span>
          </Button>
        </li>
        {pageItems(page, total).map((item) =>
          typeof item === "number" ? (
            <li key={item}>
              <Button
                variant={item === page ? "outline" : "ghost"}
                size="icon"
                aria-label={\`Page \${item}\`}
                aria-current={item === page ? "page" : undefined}
                onClick={() => go(item)}
              >
                {item}
              </Button>
            </li>
          ) : (
            <li key={item} aria-hidden="true" className="flex size-9 items-center justify-center text-muted-foreground">
              …
            </li>
          ),
        )}
        <li>
          <Button variant="ghost" aria-label="Next page" disabled={page === total} onClick={() => go(page + 1)}>
            <span className="hidden sm:inline">Next</span>
            <ChevronRight aria-hidden="true" />
          </Button>
        </li>
        {showFirstLast ? (
          <li>
            <Button variant="ghost" size="icon" aria-label="Last page" disabled={page === total} onClick={() => go(total)}>
              <ChevronsRight aria-hidden="true" />
            </Button>
          </li>
        ) : null}
      </ul>
      <p aria-live="polite" className="text-sm text-muted-foreground">
        Page {page} of {total}
      </p>
    </nav>
  )
}
`,
  tests: (context) => {
    const lit = context.lit
    const total = Math.max(1, Math.floor(num(context.values, "totalPages", 10)))
    const initial = Math.min(Math.max(1, Math.floor(num(context.values, "initialPage", 1))), total)
    const shown = (current: number) =>
      pageItems(current, total)
        .filter((item): item is number => typeof item === "number")
        .map(String)
    const gaps = (current: number) =>
      pageItems(current, total).filter((item) => typeof item !== "number").length
    // A neighbour of the first page shown: it stays in view, and so does the page it replaces.
    const target = initial < total ? initial + 1 : initial - 1
    const pageNames = `screen.getAllByRole("button", { name: /^Page \\d+$/ }).map((button) => button.textContent)`
    const tests = [
      `it("${context.id("pages")}: shows the page buttons for ${total} ${total === 1 ? "page" : "pages"}", () => {
  render(<${context.name} />)
  expect(${pageNames}).toEqual(${lit(shown(initial))})
})`,
      `it("${context.id("current")}: page ${initial} is current at first", () => {
  render(<${context.name} />)
  expect(screen.getByRole("button", { name: "Page ${initial}" })).toHaveAttribute("aria-current", "page")
  expect(screen.getAllByRole("button", { current: "page" })).toHaveLength(1)
  expect(screen.getByText("Page ${initial} of ${total}")).toBeInTheDocument()
})`,
      `it("${context.id("select")}: clicking a page makes it current and calls onPageChange", async () => {
  const user = userEvent.setup()
  const onPageChange = vi.fn()
  render(<${context.name} onPageChange={onPageChange} />)
  await user.click(screen.getByRole("button", { name: "Page ${target}" }))
  expect(onPageChange).toHaveBeenCalledWith(${target})
  expect(screen.getByRole("button", { name: "Page ${target}" })).toHaveAttribute("aria-current", "page")
  expect(screen.getByRole("button", { name: "Page ${initial}" })).not.toHaveAttribute("aria-current")
  expect(screen.getAllByRole("button", { current: "page" })).toHaveLength(1)
  expect(screen.getByText("Page ${target} of ${total}")).toBeInTheDocument()
})`,
      `it("${context.id("ends")}: Previous is disabled on the first page, Next on the last", async () => {
  const user = userEvent.setup()
  const onPageChange = vi.fn()
  render(<${context.name} onPageChange={onPageChange} />)
  ${initial !== 1 ? `await user.click(screen.getByRole("button", { name: "Page 1" }))\n  ` : ""}expect(screen.getByRole("button", { name: "Previous page" })).toBeDisabled()
  await user.click(screen.getByRole("button", { name: "Next page" }))
  expect(onPageChange).toHaveBeenLastCalledWith(2)
  expect(screen.getByRole("button", { name: "Page 2" })).toHaveAttribute("aria-current", "page")
  await user.click(screen.getByRole("button", { name: "Page ${total}" }))
  expect(screen.getByRole("button", { name: "Next page" })).toBeDisabled()
  expect(screen.getByRole("button", { name: "Previous page" })).toBeEnabled()
  await user.click(screen.getByRole("button", { name: "Previous page" }))
  expect(onPageChange).toHaveBeenLastCalledWith(${total - 1})
})`,
    ]
    if (total === 1) {
      // A single page (set in the design panel): nothing to move to.
      tests.splice(
        2,
        2,
        `it("${context.id("select")}: clicking the only page changes nothing", async () => {
  const user = userEvent.setup()
  const onPageChange = vi.fn()
  render(<${context.name} onPageChange={onPageChange} />)
  await user.click(screen.getByRole("button", { name: "Page 1" }))
  expect(onPageChange).not.toHaveBeenCalled()
  expect(screen.getByRole("button", { name: "Page 1" })).toHaveAttribute("aria-current", "page")
})`,
        `it("${context.id("ends")}: Previous and Next are both disabled on the only page", () => {
  render(<${context.name} />)
  expect(screen.getByRole("button", { name: "Previous page" })).toBeDisabled()
  expect(screen.getByRole("button", { name: "Next page" })).toBeDisabled()
})`,
      )
    }
    if (context.has("ellipsis")) {
      tests.push(`it("${context.id("ellipsis")}: an ellipsis stands for the hidden pages", async () => {
  const user = userEvent.setup()
  render(<${context.name} />)
  expect(screen.getAllByText("…")).toHaveLength(${gaps(initial)})
  await user.click(screen.getByRole("button", { name: "Page ${total}" }))
  expect(${pageNames}).toEqual(${lit(shown(total))})
  expect(screen.getAllByText("…")).toHaveLength(${gaps(total)})${
    total > 8
      ? `
  await user.click(screen.getByRole("button", { name: "Page ${total - 4}" }))
  expect(${pageNames}).toEqual(${lit(shown(total - 4))})
  expect(screen.getAllByText("…")).toHaveLength(${gaps(total - 4)})`
      : ""
  }
})`)
    }
    if (context.has("edges")) {
      const jump = (
        button: "First" | "Last",
        page: number,
      ) => `await user.click(screen.getByRole("button", { name: "${button} page" }))
  expect(onPageChange).toHaveBeenLastCalledWith(${page})
  expect(screen.getByRole("button", { name: "${button} page" })).toBeDisabled()`
      tests.push(
        total === 1
          ? `it("${context.id("edges")}: First and Last are both disabled on the only page", () => {
  render(<${context.name} />)
  expect(screen.getByRole("button", { name: "First page" })).toBeDisabled()
  expect(screen.getByRole("button", { name: "Last page" })).toBeDisabled()
})`
          : `it("${context.id("edges")}: First and Last jump to the ends", async () => {
  const user = userEvent.setup()
  const onPageChange = vi.fn()
  render(<${context.name} onPageChange={onPageChange} />)
  ${initial === 1 ? `${jump("Last", total)}\n  ${jump("First", 1)}` : `${jump("First", 1)}\n  ${jump("Last", total)}`}
})`,
      )
    }
    return tests.join("\n\n")
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    const total = totalOf(facts)
    if (total !== undefined) {
      next.totalPages = clampTotal(total)
      applied.push(`${clampTotal(total)} pages`)
    }
    const initial = initialOf(facts)
    const limit = num(next, "totalPages", 10)
    if (initial !== undefined || (total !== undefined && num(next, "initialPage", 1) > limit)) {
      next.initialPage = Math.min(Math.max(initial ?? 1, 1), limit)
      applied.push(`starting on page ${num(next, "initialPage", 1)}`)
    }
    if (/\b(?:add|with|show|include)\b.*\bfirst\b.*\blast\b/.test(facts.lower)) {
      next.showFirstLast = true
      applied.push("first and last page buttons")
    } else if (/\b(?:remove|drop|without|no|hide)\b.*\bfirst\b.*\blast\b/.test(facts.lower)) {
      next.showFirstLast = false
      applied.push("no first and last page buttons")
    }
    return { values: next, applied }
  },
  followUpHints: ["N pages", "start on page N", "add first and last buttons"],
}
