import { boolean, defineRecipe, number, records, strings, text } from "../../define-recipe"
import { capitalize, countOf, mentions } from "../../facts"
import { sentenceList } from "../../recipe"
import { code, NO_CODE, testCase, type TestCase } from "../../test-builder"
import { compareCells, rowMatches } from "./inline/table-rows"
import { cellFor, GENERIC, readDataTable, rowsFor, topicOf, TOPICS, type Row } from "./reader"

/** The rows sorted by a column, as the table sorts them. */
function sorted(rows: readonly Row[], column: string, direction: "asc" | "desc"): Row[] {
  return [...rows].sort((a, b) => {
    const result = compareCells(a[column] ?? "", b[column] ?? "")
    return direction === "asc" ? result : -result
  })
}

/** A sortable, filterable table with a count and optional pages, its rows written for what the prompt lists. */
export const dataTable = defineRecipe({
  kind: "data-table",
  title: "Data table",
  names: [
    "DataTable",
    "UsersTable",
    "EmployeesTable",
    "LeaderboardTable",
    "OrdersTable",
    "InvoicesTable",
    "ProductsTable",
    "TransactionsTable",
  ],
  keywords: {
    strong: [
      "data table",
      "table",
      "data grid",
      "datagrid",
      "sortable table",
      "users table",
      "user table",
      "orders table",
      "order table",
      "invoices table",
      "invoice table",
      "products table",
      "product table",
      "transactions table",
      "employee table",
      "paginated table",
      "table with pagination",
      "in a table",
      "table of",
      "spreadsheet view",
      "leaderboard",
      "transaction history",
      "transactions list",
      "order history",
      "orders list",
      "invoice list",
      "user list",
      "users list",
      "customer list",
      "employee directory",
    ],
    weak: ["rows", "columns", "sortable", "sort by", "filterable", "records", "inventory", "sku", "entries"],
  },
  name: (facts) => topicOf(facts).name,
  params: {
    title: text("The table's heading."),
    noun: text('What a row is, in the plural, for the filter label and the count ("users").'),
    columns: strings("The column headings, in order; each row has a value for each."),
    rows: records<Row>("DataRow", "The rows: one value per column heading."),
    filterable: boolean("Show the filter box above the table."),
    pageSize: number("Rows per page, with Previous and Next; 0 shows every row on one page."),
  },
  read: readDataTable,
  summary: ({ noun, columns, filterable }) =>
    `A table of ${noun} with the columns ${sentenceList(columns)}, sortable by any column${filterable ? " and filterable" : ""}.`,
  requirements: ({ columns, rows, noun, filterable, pageSize }) => {
    const list: [string, string][] = [
      ["columns", `Shows the columns ${sentenceList(columns)}, in that order`],
      ["rows", `Shows ${rows.length} ${noun}, one row each, with a value in every column`],
      [
        "sort",
        "Clicking a column heading sorts the rows by it ascending, clicking again sorts descending (aria-sort says which)",
      ],
    ]
    if (filterable) {
      list.push(
        ["filter", `Typing in the "Filter ${noun}" box shows only the rows that contain the text`],
        ["empty", 'Shows a "No results" row when nothing matches the filter'],
      )
    }
    list.push(["count", `Shows how many ${noun} are listed ("Showing ${rows.length} of ${rows.length}")`])
    if (pageSize > 0 && rows.length > pageSize) {
      list.push([
        "pages",
        `Shows ${pageSize} rows a page; Previous and Next move between the ${Math.ceil(rows.length / pageSize)} pages ("Page 1 of ${Math.ceil(rows.length / pageSize)}")`,
      ])
    }
    return list
  },
  tests: ({ Component, values: { columns, rows, noun, pageSize: size }, has }) => {
    const total = rows.length
    // Sort by the first column whose values differ, so the first row changes between the two directions.
    const sortIndex = Math.max(
      columns.findIndex((column) => new Set(rows.map((row) => String(row[column] ?? ""))).size > 1),
      0,
    )
    const sortColumn = columns[sortIndex] ?? ""
    const ascFirst = String(sorted(rows, sortColumn, "asc")[0]?.[sortColumn] ?? "")
    const descFirst = String(sorted(rows, sortColumn, "desc")[0]?.[sortColumn] ?? "")
    // Filter by a value of the second row (or the first) and count the rows that contain it.
    const probeRow = rows[Math.min(1, Math.max(total - 1, 0))] ?? {}
    const probe = String(
      Object.values(probeRow).find((value) => typeof value === "string" && value.length >= 3) ??
        Object.values(probeRow)[0] ??
        "",
    )
    const probeCount = rows.filter((row) => rowMatches(row, probe)).length
    const firstCell = String(rows[0]?.[columns[0] ?? ""] ?? "")
    const pageSize = Math.floor(size)
    const perPage = pageSize > 0 ? pageSize : Math.max(total, 1)
    const filterBox = code`screen.getByRole("searchbox", { name: ${`Filter ${noun}`} })`
    const firstSorted = (expected: string, again: boolean) =>
      total > 0
        ? code`
            ${again ? code`first = screen.getAllByRole("row")[1]!` : code`let first = screen.getAllByRole("row")[1]!`}
            expect(within(first).getAllByRole("cell")[${sortIndex}]?.textContent).toBe(${expected})
          `
        : NO_CODE
    const tests: TestCase[] = [
      testCase(
        "columns",
        "shows the columns in order",
        code`
          render(<${Component} />)
          const headings = screen.getAllByRole("columnheader").map((cell) => cell.textContent)
          expect(headings).toEqual(${columns})
        `,
      ),
      testCase(
        "rows",
        "shows one row per record",
        code`
          render(<${Component} />)
          const [, ...body] = screen.getAllByRole("row")
          expect(body).toHaveLength(${Math.max(Math.min(total, perPage), 1)})
          expect(within(body[0]!).getAllByRole("cell")).toHaveLength(${total > 0 ? columns.length : 1})
          expect(within(body[0]!).getAllByRole("cell")[0]?.textContent).toBe(${total > 0 ? firstCell : "No results"})
        `,
      ),
      testCase(
        "sort",
        "clicking a heading sorts ascending, then descending",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          const heading = screen.getByRole("columnheader", { name: ${sortColumn} })
          expect(heading).toHaveAttribute("aria-sort", "none")
          await user.click(within(heading).getByRole("button"))
          expect(heading).toHaveAttribute("aria-sort", "ascending")
          ${firstSorted(ascFirst, false)}
          await user.click(within(heading).getByRole("button"))
          expect(heading).toHaveAttribute("aria-sort", "descending")
          ${firstSorted(descFirst, true)}
        `,
      ),
    ]
    if (has("filter"))
      tests.push(
        testCase(
          "filter",
          "typing in the filter box shows only the matching rows",
          code`
            const user = userEvent.setup()
            render(<${Component} />)
            await user.type(${filterBox}, ${probe})
            const [, ...body] = screen.getAllByRole("row")
            expect(body).toHaveLength(${Math.max(Math.min(probeCount, perPage), 1)})
            for (const row of body) expect(row.textContent?.toLowerCase()).toContain(${probe.toLowerCase()})
          `,
        ),
        testCase(
          "empty",
          "shows a No results row when nothing matches",
          code`
            const user = userEvent.setup()
            render(<${Component} />)
            await user.type(${filterBox}, "zzqx-nothing")
            expect(screen.getByText("No results")).toBeInTheDocument()
            expect(screen.getByText(${`Showing 0 of ${total} ${noun}`})).toBeInTheDocument()
          `,
        ),
      )
    tests.push(
      testCase(
        "count",
        "shows how many rows are listed",
        code`
          ${has("filter") ? code`const user = userEvent.setup()` : NO_CODE}
          render(<${Component} />)
          expect(screen.getByText(${`Showing ${total} of ${total} ${noun}`})).toBeInTheDocument()
          ${
            has("filter")
              ? code`
                  await user.type(${filterBox}, ${probe})
                  expect(screen.getByText(${`Showing ${probeCount} of ${total} ${noun}`})).toBeInTheDocument()
                `
              : NO_CODE
          }
        `,
      ),
    )
    if (has("pages")) {
      const pages = Math.ceil(total / perPage)
      const secondFirst = String(rows[perPage]?.[columns[0] ?? ""] ?? "")
      tests.push(
        testCase(
          "pages",
          "Previous and Next move between pages",
          code`
            const user = userEvent.setup()
            render(<${Component} />)
            expect(screen.getByText(${`Page 1 of ${pages}`})).toBeInTheDocument()
            expect(screen.getByRole("button", { name: "Previous" })).toBeDisabled()
            await user.click(screen.getByRole("button", { name: "Next" }))
            expect(screen.getByText(${`Page 2 of ${pages}`})).toBeInTheDocument()
            const [, ...body] = screen.getAllByRole("row")
            expect(body).toHaveLength(${Math.min(total - perPage, perPage)})
            expect(within(body[0]!).getAllByRole("cell")[0]?.textContent).toBe(${secondFirst})
            await user.click(screen.getByRole("button", { name: "Previous" }))
            expect(screen.getByText(${`Page 1 of ${pages}`})).toBeInTheDocument()
          `,
        ),
      )
    }
    return tests
  },
  followUp: (facts, values) => {
    const next: { columns?: string[]; rows?: Row[]; pageSize?: number; filterable?: boolean } = {}
    const applied: string[] = []
    const { rows, columns } = values
    const topic = TOPICS.find((candidate) => candidate.noun === values.noun) ?? GENERIC
    const add =
      /\badd (?:an? |the )?(?:column (?:for |called |named )?)?["“]?([A-Za-z][\w ]{1,24}?)["”]? column\b|\badd (?:an? )?column (?:for |called |named )?["“]?([A-Za-z][\w ]{1,24}?)["”]?(?=$|[.,;!?]| and\b)/i.exec(
        facts.text,
      )
    const added = add?.[1] ?? add?.[2]
    if (added && !columns.some((column) => column.toLowerCase() === added.trim().toLowerCase())) {
      const column = capitalize(added.trim())
      next.columns = [...columns, column]
      next.rows = rows.map((row, index) => ({
        ...row,
        [column]: cellFor(column, index, topic, "$", row),
      }))
      applied.push(`the ${column} column`)
    }
    const count = countOf(facts, "row", "entry", "record")
    if (count !== undefined && count > 0 && count !== rows.length) {
      const cols = next.columns ?? columns
      const currency =
        /^[$€£¥₹]/.exec(
          String(rows.flatMap((row) => Object.values(row)).find((v) => /^[$€£¥₹]/.test(String(v))) ?? ""),
        )?.[0] ?? "$"
      const fresh = rowsFor(cols, Math.min(count, 40), topic, currency)
      next.rows = fresh.map((row, index) => ({ ...row, ...(rows[index] ?? {}) }))
      applied.push(`${Math.min(count, 40)} rows`)
    }
    const perPage =
      /(\d+)\s*(?:rows?|items?|entries|records|results)?\s*(?:per|a|each|on each)\s*page\b/.exec(facts.lower)
    if (perPage) {
      next.pageSize = Math.max(Number(perPage[1]), 1)
      applied.push(`${next.pageSize} rows a page`)
    } else if (mentions(facts, "no pagination", "remove the pagination", "without pagination", "all rows")) {
      next.pageSize = 0
      applied.push("every row on one page")
    } else if (/\b(paginat\w*|pages)\b/.test(facts.lower)) {
      next.pageSize = 5
      applied.push("5 rows a page")
    }
    if (mentions(facts, "no filter", "remove the filter", "without a filter", "hide the filter")) {
      next.filterable = false
      applied.push("no filter box")
    } else if (mentions(facts, "add a filter", "add filter", "add a search", "filter box", "search box")) {
      next.filterable = true
      applied.push("a filter box")
    }
    return { values: next, applied }
  },
  followUpHints: [
    "add a <name> column",
    "N rows",
    "add or remove the filter box",
    "N per page / no pagination",
  ],
})
