import { boolean, defineRecipe, number } from "../../define-recipe"
import { code, NO_CODE, testCase, type TestCase } from "../../test-builder"
import { pageItems } from "./inline/page-items"
import { clampTotal, initialOf, readPagination, totalOf } from "./reader"

/** Page navigation: previous/next, numbered pages with the current one marked, ellipses for long ranges. */
export const pagination = defineRecipe({
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
  params: {
    totalPages: number("How many pages there are."),
    initialPage: number("The page that is current at first."),
    showFirstLast: boolean("Show buttons that jump to the first and the last page."),
  },
  read: readPagination,
  summary: ({ totalPages, initialPage }) =>
    `Pagination for ${totalPages} pages with previous/next buttons, starting on page ${initialPage}.`,
  requirements: ({ totalPages: total, initialPage: initial, showFirstLast }) => {
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
    if (showFirstLast)
      requirements.push(["edges", "First and Last buttons jump to page 1 and to the last page"])
    return requirements
  },
  tests: ({ Component, values, has }) => {
    const total = Math.max(1, Math.floor(values.totalPages))
    const initial = Math.min(Math.max(1, Math.floor(values.initialPage)), total)
    const shown = (current: number) =>
      pageItems(current, total)
        .filter((item): item is number => typeof item === "number")
        .map(String)
    const gaps = (current: number) =>
      pageItems(current, total).filter((item) => typeof item !== "number").length
    // A neighbour of the first page shown: it stays in view, and so does the page it replaces.
    const target = initial < total ? initial + 1 : initial - 1
    const pageNames = code`screen.getAllByRole("button", { name: /^Page \\d+$/ }).map((button) => button.textContent)`
    const pageButton = (page: number) => code`screen.getByRole("button", { name: ${`Page ${page}`} })`
    const pageOf = (page: number) => code`screen.getByText(${`Page ${page} of ${total}`})`
    const tests: TestCase[] = [
      testCase(
        "pages",
        `shows the page buttons for ${total} ${total === 1 ? "page" : "pages"}`,
        code`
          render(<${Component} />)
          expect(${pageNames}).toEqual(${shown(initial)})
        `,
      ),
      testCase(
        "current",
        `page ${initial} is current at first`,
        code`
          render(<${Component} />)
          expect(${pageButton(initial)}).toHaveAttribute("aria-current", "page")
          expect(screen.getAllByRole("button", { current: "page" })).toHaveLength(1)
          expect(${pageOf(initial)}).toBeInTheDocument()
        `,
      ),
    ]
    if (total === 1) {
      // A single page (set in the design panel): nothing to move to.
      tests.push(
        testCase(
          "select",
          "clicking the only page changes nothing",
          code`
            const user = userEvent.setup()
            const onPageChange = vi.fn()
            render(<${Component} onPageChange={onPageChange} />)
            await user.click(screen.getByRole("button", { name: "Page 1" }))
            expect(onPageChange).not.toHaveBeenCalled()
            expect(screen.getByRole("button", { name: "Page 1" })).toHaveAttribute("aria-current", "page")
          `,
        ),
        testCase(
          "ends",
          "Previous and Next are both disabled on the only page",
          code`
            render(<${Component} />)
            expect(screen.getByRole("button", { name: "Previous page" })).toBeDisabled()
            expect(screen.getByRole("button", { name: "Next page" })).toBeDisabled()
          `,
        ),
      )
    } else {
      tests.push(
        testCase(
          "select",
          "clicking a page makes it current and calls onPageChange",
          code`
            const user = userEvent.setup()
            const onPageChange = vi.fn()
            render(<${Component} onPageChange={onPageChange} />)
            await user.click(${pageButton(target)})
            expect(onPageChange).toHaveBeenCalledWith(${target})
            expect(${pageButton(target)}).toHaveAttribute("aria-current", "page")
            expect(${pageButton(initial)}).not.toHaveAttribute("aria-current")
            expect(screen.getAllByRole("button", { current: "page" })).toHaveLength(1)
            expect(${pageOf(target)}).toBeInTheDocument()
          `,
        ),
        testCase(
          "ends",
          "Previous is disabled on the first page, Next on the last",
          code`
            const user = userEvent.setup()
            const onPageChange = vi.fn()
            render(<${Component} onPageChange={onPageChange} />)
            ${initial !== 1 ? code`await user.click(screen.getByRole("button", { name: "Page 1" }))` : NO_CODE}
            expect(screen.getByRole("button", { name: "Previous page" })).toBeDisabled()
            await user.click(screen.getByRole("button", { name: "Next page" }))
            expect(onPageChange).toHaveBeenLastCalledWith(2)
            expect(screen.getByRole("button", { name: "Page 2" })).toHaveAttribute("aria-current", "page")
            await user.click(${pageButton(total)})
            expect(screen.getByRole("button", { name: "Next page" })).toBeDisabled()
            expect(screen.getByRole("button", { name: "Previous page" })).toBeEnabled()
            await user.click(screen.getByRole("button", { name: "Previous page" }))
            expect(onPageChange).toHaveBeenLastCalledWith(${total - 1})
          `,
        ),
      )
    }
    if (has("ellipsis")) {
      tests.push(
        testCase(
          "ellipsis",
          "an ellipsis stands for the hidden pages",
          code`
            const user = userEvent.setup()
            render(<${Component} />)
            expect(screen.getAllByText("…")).toHaveLength(${gaps(initial)})
            await user.click(${pageButton(total)})
            expect(${pageNames}).toEqual(${shown(total)})
            expect(screen.getAllByText("…")).toHaveLength(${gaps(total)})
            ${
              total > 8
                ? code`
                    await user.click(${pageButton(total - 4)})
                    expect(${pageNames}).toEqual(${shown(total - 4)})
                    expect(screen.getAllByText("…")).toHaveLength(${gaps(total - 4)})
                  `
                : NO_CODE
            }
          `,
        ),
      )
    }
    if (has("edges")) {
      const jump = (button: "First" | "Last", page: number) => code`
        await user.click(screen.getByRole("button", { name: ${`${button} page`} }))
        expect(onPageChange).toHaveBeenLastCalledWith(${page})
        expect(screen.getByRole("button", { name: ${`${button} page`} })).toBeDisabled()
      `
      tests.push(
        total === 1
          ? testCase(
              "edges",
              "First and Last are both disabled on the only page",
              code`
                render(<${Component} />)
                expect(screen.getByRole("button", { name: "First page" })).toBeDisabled()
                expect(screen.getByRole("button", { name: "Last page" })).toBeDisabled()
              `,
            )
          : testCase(
              "edges",
              "First and Last jump to the ends",
              code`
                const user = userEvent.setup()
                const onPageChange = vi.fn()
                render(<${Component} onPageChange={onPageChange} />)
                ${initial === 1 ? jump("Last", total) : jump("First", 1)}
                ${initial === 1 ? jump("First", 1) : jump("Last", total)}
              `,
            ),
      )
    }
    return tests
  },
  followUp: (facts, values) => {
    const next: { totalPages?: number; initialPage?: number; showFirstLast?: boolean } = {}
    const applied: string[] = []
    const total = totalOf(facts)
    if (total !== undefined) {
      next.totalPages = clampTotal(total)
      applied.push(`${clampTotal(total)} pages`)
    }
    const initial = initialOf(facts)
    const limit = next.totalPages ?? values.totalPages
    if (initial !== undefined || (total !== undefined && values.initialPage > limit)) {
      next.initialPage = Math.min(Math.max(initial ?? 1, 1), limit)
      applied.push(`starting on page ${next.initialPage}`)
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
})
