import { capitalize, countOf, mentions, type PromptFacts } from "../facts"
import { num, records, sentenceList, str, strings, type Recipe, type Values } from "../recipe"

type Cell = string | number
type Row = Record<string, Cell>

interface Topic {
  name: string
  noun: string
  title: string
  columns: string[]
  words: string[]
}

const TOPICS: Topic[] = [
  {
    name: "OrdersTable",
    noun: "orders",
    title: "Recent orders",
    columns: ["Order", "Customer", "Date", "Status", "Total"],
    words: ["order", "purchase", "sale"],
  },
  {
    name: "InvoicesTable",
    noun: "invoices",
    title: "Invoices",
    columns: ["Invoice", "Client", "Issued", "Due date", "Status", "Amount"],
    words: ["invoice", "billing"],
  },
  {
    name: "ProductsTable",
    noun: "products",
    title: "Products",
    columns: ["Product", "SKU", "Category", "Price", "Stock"],
    words: ["product", "inventory", "stock", "catalog", "catalogue"],
  },
  {
    name: "TransactionsTable",
    noun: "transactions",
    title: "Transactions",
    columns: ["Date", "Description", "Method", "Status", "Amount"],
    words: ["transaction", "payment", "payout", "expense"],
  },
  {
    name: "LeaderboardTable",
    noun: "players",
    title: "Leaderboard",
    columns: ["Rank", "Player", "Score", "Games"],
    words: ["leaderboard", "ranking", "scoreboard", "high score", "player"],
  },
  {
    name: "EmployeesTable",
    noun: "employees",
    title: "Team directory",
    columns: ["Name", "Department", "Title", "Location", "Start date"],
    words: ["employee", "staff", "directory", "team member", "headcount"],
  },
  {
    name: "UsersTable",
    noun: "users",
    title: "Users",
    columns: ["Name", "Email", "Role", "Status", "Joined"],
    words: [
      "user",
      "member",
      "customer",
      "account",
      "people",
      "subscriber",
      "signup",
      "client",
      "student",
      "contact",
    ],
  },
]

const GENERIC: Topic = {
  name: "DataTable",
  noun: "rows",
  title: "Records",
  columns: ["Name", "Email", "Role", "Status", "Joined"],
  words: [],
}

const PEOPLE = [
  "Olivia Martin",
  "Jackson Lee",
  "Isabella Nguyen",
  "William Kim",
  "Sofia Davis",
  "Liam Johnson",
  "Emma Brown",
  "Noah Garcia",
  "Ava Wilson",
  "Lucas Moore",
  "Mia Taylor",
  "Ethan Anderson",
]
const COMPANIES = [
  "Acme Corp",
  "Globex",
  "Initech",
  "Umbrella Labs",
  "Stark Industries",
  "Wayne Enterprises",
  "Hooli",
  "Vandelay Imports",
]
const PRODUCTS = [
  "Wireless Headphones",
  "Mechanical Keyboard",
  "USB-C Hub",
  "4K Monitor",
  "Ergonomic Chair",
  "Standing Desk",
  "Webcam Pro",
  "Laptop Sleeve",
  "Desk Lamp",
  "Noise Machine",
  "Phone Stand",
  "Smart Speaker",
]
// The category of each product above, in the same order.
const CATEGORIES = [
  "Audio",
  "Peripherals",
  "Accessories",
  "Displays",
  "Furniture",
  "Furniture",
  "Peripherals",
  "Accessories",
  "Lighting",
  "Audio",
  "Accessories",
  "Audio",
]
const STOCK = [24, 3, 118, 0, 56, 12, 7, 340, 41, 9, 77, 15]
const COUNTRIES = ["United States", "Germany", "Japan", "Brazil", "Canada", "France", "India", "Australia"]
const CITIES = ["New York", "Berlin", "Tokyo", "São Paulo", "Toronto", "Paris", "Bengaluru", "Sydney"]
const DEPARTMENTS = ["Engineering", "Design", "Marketing", "Sales", "Support", "Finance"]
const JOBS = [
  "Product Designer",
  "Frontend Engineer",
  "Account Executive",
  "Data Analyst",
  "Support Lead",
  "Engineering Manager",
]
const PLANS = ["Free", "Pro", "Team", "Enterprise"]
const ROLES = ["Admin", "Editor", "Viewer", "Owner", "Member"]
const METHODS = ["Visa •••• 4242", "PayPal", "Mastercard •••• 5100", "Apple Pay", "Bank transfer"]
const DESCRIPTIONS = [
  "Cloud hosting",
  "Office supplies",
  "Software license",
  "Client lunch",
  "Conference tickets",
  "Contractor payout",
]
const PRIORITIES = ["High", "Medium", "Low", "Urgent"]
const STATUSES: Record<string, string[]> = {
  OrdersTable: ["Paid", "Pending", "Shipped", "Delivered", "Refunded"],
  InvoicesTable: ["Paid", "Overdue", "Sent", "Draft"],
  ProductsTable: STOCK.map((units) => (units === 0 ? "Out of stock" : units < 10 ? "Low stock" : "In stock")),
  TransactionsTable: ["Completed", "Pending", "Failed"],
  UsersTable: ["Active", "Invited", "Suspended", "Active"],
  EmployeesTable: ["Active", "On leave", "Remote"],
  LeaderboardTable: ["Online", "Offline", "In game"],
  DataTable: ["Active", "Pending", "Archived"],
}

const AMOUNTS = [1240, 89.5, 312, 2450, 56.99, 780, 149, 1999, 432.1, 65, 3200, 215]

function pick<T>(pool: readonly T[], index: number): T {
  return pool[index % pool.length]!
}

function money(currency: string, value: number, withCents = true): string {
  const [whole = "0", cents = "00"] = value.toFixed(2).split(".")
  return `${currency}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${withCents ? `.${cents}` : ""}`
}

function isoDate(index: number, daysLater = 0): string {
  const date = new Date(Date.UTC(2024, 0, 3 + ((index * 37) % 330) + daysLater))
  return date.toISOString().slice(0, 10)
}

/** A plausible value for a column, by what its name says (deterministic for a row index). */
function cellFor(column: string, index: number, topic: Topic, currency: string, row: Row): Cell {
  const c = column.toLowerCase()
  const person = pick(PEOPLE, index)
  if (/e-?mail/.test(c)) {
    const named = Object.values(row).find((value) => typeof value === "string" && PEOPLE.includes(value))
    const base = typeof named === "string" ? named : person
    return `${base.toLowerCase().replace(/\s+/g, ".")}@example.com`
  }
  if (/^(rank|#|place|position)$/.test(c)) return index + 1
  if (/score|points|xp|elo|mmr/.test(c)) return 9820 - index * 415 - ((index * 37) % 90)
  if (/games|matches|played|wins/.test(c)) return [142, 128, 97, 160, 88, 115, 73, 131][index % 8]!
  if (/\b(sku)\b/.test(c)) return `SKU-${4100 + index * 7}`
  if (/\b(order|order id|order #|order no)\b/.test(c) && !/date/.test(c)) return `#${1042 + index}`
  if (/\b(invoice|invoice id|invoice #|invoice no)\b/.test(c) && !/date/.test(c))
    return `INV-${String(index + 1).padStart(4, "0")}`
  if (/^(id|#|no\.?|number|ref|reference)$/.test(c)) return 1000 + index + 1
  if (/status|state/.test(c)) return pick(STATUSES[topic.name] ?? STATUSES.DataTable!, index)
  if (/priority/.test(c)) return pick(PRIORITIES, index)
  if (/role|permission|access/.test(c)) return pick(ROLES, index)
  if (/plan|tier|subscription/.test(c)) return pick(PLANS, index)
  if (/due|expires|expiry|deadline/.test(c)) return isoDate(index, 30)
  if (/date|joined|created|signed|issued|updated|last|since|time|when|birthday/.test(c))
    return isoDate(index, /updated|last/.test(c) ? 9 : 0)
  if (/salary|compensation|wage|income/.test(c))
    return money(currency, pick([98000, 124500, 87000, 142000, 76500, 110000, 93000], index), false)
  if (/amount|total|price|revenue|balance|cost|spent|spend|salary|fee|paid|value|mrr|ltv/.test(c))
    return money(
      currency,
      /price|cost/.test(c)
        ? pick([129, 89.99, 39, 349, 499, 219, 79, 24.5, 59, 45, 129.99, 99], index)
        : pick(AMOUNTS, index),
    )
  if (/qty|quantity|stock|units|items|inventory|count|orders|seats|sold/.test(c)) return pick(STOCK, index)
  if (/rating|score/.test(c)) return [4.8, 4.2, 3.9, 4.5, 5, 3.6][index % 6]!
  if (/age/.test(c)) return [34, 28, 45, 23, 39, 51, 31, 26][index % 8]!
  if (/\b(product|item|name of product)\b/.test(c)) return pick(PRODUCTS, index)
  if (/category|type|genre|kind/.test(c)) return pick(CATEGORIES, index)
  if (/country|region|market/.test(c)) return pick(COUNTRIES, index)
  if (/city|location|office|address/.test(c)) return pick(CITIES, index)
  if (/company|organi[sz]ation|org|client|account|vendor|supplier/.test(c)) return pick(COMPANIES, index)
  if (/department|team|group/.test(c)) return pick(DEPARTMENTS, index)
  if (/title|position|job/.test(c)) return pick(JOBS, index)
  if (/phone|mobile|tel/.test(c)) return `+1 555-01${String(10 + index * 3).padStart(2, "0")}`
  if (/method|payment|card/.test(c)) return pick(METHODS, index)
  if (/description|memo|note|details|merchant/.test(c)) return pick(DESCRIPTIONS, index)
  if (/name|customer|user|member|employee|owner|person|assignee|author|contact|buyer|player|athlete/.test(c))
    return topic.name === "ProductsTable" && /^name$/.test(c) ? pick(PRODUCTS, index) : person
  return `${capitalize(column)} ${index + 1}`
}

function topicOf(facts: PromptFacts): Topic {
  return TOPICS.find((topic) => topic.words.some((word) => mentions(facts, word, `${word}s`))) ?? GENERIC
}

// Words after a column list that describe the table, not a column ("…, status, sortable").
const NOT_COLUMNS =
  /^(?:sortable|sorting|sorted|filterable|filtering|filter|search|searchable|paginated|pagination|pages|rows|data|table|responsive|dark|light|striped)\b/i

/** "columns name, email, role and status" / "columns: Name | Email" / a listed enumeration. */
/** The items of an enumeration that starts the text: "name, email and role, sortable" → name, email, role. */
function leadingItems(text: string): string[] {
  const run = text.split(/\s+(?:with|that|which|where|so|sorted|in|on)\s+|\s*[—–]\s*|\s+-\s+/i)[0] ?? ""
  const parts = run.split(/\s*(,|\band\b|\/|\||&|\bplus\b)\s*/)
  const items: string[] = []
  for (let index = 0; index < parts.length; index += 2) {
    const item = (parts[index] ?? "").replace(/^(?:the|a|an|their|its)\s+/i, "").trim()
    if (!item || item.length > 30 || item.split(" ").length > 3 || NOT_COLUMNS.test(item) || /^\d/.test(item))
      break
    items.push(item)
    // The item after "and" ends the list.
    if (parts[index - 1] === "and" || parts[index - 1] === "&") break
  }
  return items
}

const ACRONYMS = /^(sku|id|url|ip|api|vat|eta|sla|nps|mrr|arr|ltv|cac|kpi|ssn|iban|upc|ean)$/i

/** "sku" → "SKU", "order id" → "Order ID", "email" → "Email". */
function heading(item: string): string {
  return capitalize(
    item
      .split(" ")
      .map((word) => (ACRONYMS.test(word) ? word.toUpperCase() : word))
      .join(" "),
  )
}

// Columns that say which record a row is; a table without one gets the topic's first column.
const IDENTIFYING =
  /name|customer|client|user|member|employee|player|product|item|order|invoice|sku|id\b|#|title|description|date|rank/i

/** "columns name, email, role and status", "a table of employees with salary and department", a listed enumeration. */
function columnsOf(facts: PromptFacts, topic: Topic): string[] {
  const phrases = [
    /\bcolumns?\b\s*(?:for|:|like|including|of|with|showing|=)?\s*([^.;!?()]+)/i,
    /\b(?:table|grid|list|directory|leaderboard)\b[^.;!?()]*?(?:[-:—–]|\bwith\b|\bshowing\b|\bincluding\b|\blisting\b)\s*([^.;!?()]+)/i,
  ]
  let items: string[] = []
  for (const phrase of phrases) {
    const match = phrase.exec(facts.text)
    items = match ? leadingItems(match[1]!) : []
    if (items.length >= 2) break
  }
  if (items.length < 2) {
    const listed = facts.lists.find(
      (list) => list.length >= 2 && list.every((item) => item.length <= 30 && !NOT_COLUMNS.test(item)),
    )
    items = listed ?? []
  }
  if (items.length < 2) return topic.columns
  const columns = items.map(heading)
  const first = topic.columns[0]!
  return columns.some((column) => IDENTIFYING.test(column)) || columns.includes(first)
    ? columns
    : [first, ...columns]
}

function rowsFor(columns: readonly string[], count: number, topic: Topic, currency: string): Row[] {
  return Array.from({ length: count }, (_, index) => {
    const row: Row = {}
    for (const column of columns) row[column] = cellFor(column, index, topic, currency, row)
    return row
  })
}

/** The value a column sorts by: numbers, and amounts like "$1,240.00" or "12%" as numbers; text as text. */
function sortValue(value: Cell): Cell {
  if (typeof value === "number") return value
  if (/^[^A-Za-z]*\d[^A-Za-z]*$/.test(value) && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const parsed = Number(value.replace(/[^0-9.-]/g, ""))
    if (Number.isFinite(parsed)) return parsed
  }
  return value
}

function compare(a: Cell, b: Cell): number {
  const left = sortValue(a)
  const right = sortValue(b)
  if (typeof left === "number" && typeof right === "number") return left - right
  return String(left).localeCompare(String(right), undefined, { numeric: true })
}

function sorted(rows: readonly Row[], column: string, direction: "asc" | "desc"): Row[] {
  return [...rows].sort((a, b) => {
    const result = compare(a[column] ?? "", b[column] ?? "")
    return direction === "asc" ? result : -result
  })
}

function matches(row: Row, query: string): boolean {
  const needle = query.trim().toLowerCase()
  return Object.values(row).some((value) => String(value).toLowerCase().includes(needle))
}

/** "10 per page", "paginated" (5 a page), else 0: no pages. */
function pageSizeOf(facts: PromptFacts, total: number): number {
  const per = /(\d+)\s*(?:rows?|items?|entries|records|results)?\s*(?:per|a|each|on each)\s*page\b/.exec(
    facts.lower,
  )
  if (per) return Math.max(Number(per[1]), 1)
  if (/\b(paginat\w*|pages|pager|paging)\b/.test(facts.lower))
    return total > 5 ? 5 : Math.max(Math.ceil(total / 2), 1)
  return 0
}

function rowsOf(values: Values): Row[] {
  return records<Row>(values, "rows")
}

export const dataTable: Recipe = {
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
  params: (facts) => {
    const topic = topicOf(facts)
    const columns = columnsOf(facts, topic)
    const count = Math.min(
      Math.max(countOf(facts, "row", "entry", "record", topic.noun.replace(/s$/, "")) ?? 6, 1),
      40,
    )
    const rows = rowsFor(columns, count, topic, facts.currency ?? "$")
    // "customers", "members", "subscribers" name the rows of a users table better than "users".
    const people = /\b(customers|members|subscribers|accounts|clients|students|patients|contacts)\b/.exec(
      facts.lower,
    )?.[1]
    const noun = topic.name === "UsersTable" && people ? people : topic.noun
    const title = topic.name === "UsersTable" && people ? capitalize(people) : topic.title
    return [
      {
        name: "title",
        type: "string",
        value: facts.quoted[0] ?? title,
        description: "The table's heading.",
        control: "text",
      },
      {
        name: "noun",
        type: "string",
        value: noun,
        description: 'What a row is, in the plural, for the filter label and the count ("users").',
        control: "text",
      },
      {
        name: "columns",
        type: "string[]",
        value: columns,
        description: "The column headings, in order; each row has a value for each.",
      },
      {
        name: "rows",
        type: "DataRow[]",
        value: rows,
        description: "The rows: one value per column heading.",
      },
      {
        name: "filterable",
        type: "boolean",
        value: !mentions(facts, "no filter", "without a filter", "without filter", "no search"),
        description: "Show the filter box above the table.",
        control: "boolean",
      },
      {
        name: "pageSize",
        type: "number",
        value: pageSizeOf(facts, rows.length),
        description: "Rows per page, with Previous and Next; 0 shows every row on one page.",
        control: "number",
      },
    ]
  },
  summary: (values) =>
    `A table of ${str(values, "noun", "rows")} with the columns ${sentenceList(strings(values, "columns"))}, sortable by any column${values.filterable === false ? "" : " and filterable"}.`,
  requirements: (values) => {
    const columns = strings(values, "columns")
    const rows = rowsOf(values)
    const noun = str(values, "noun", "rows")
    const list: [string, string][] = [
      ["columns", `Shows the columns ${sentenceList(columns)}, in that order`],
      ["rows", `Shows ${rows.length} ${noun}, one row each, with a value in every column`],
      [
        "sort",
        "Clicking a column heading sorts the rows by it ascending, clicking again sorts descending (aria-sort says which)",
      ],
    ]
    if (values.filterable !== false) {
      list.push(
        ["filter", `Typing in the "Filter ${noun}" box shows only the rows that contain the text`],
        ["empty", 'Shows a "No results" row when nothing matches the filter'],
      )
    }
    list.push(["count", `Shows how many ${noun} are listed ("Showing ${rows.length} of ${rows.length}")`])
    const pageSize = num(values, "pageSize")
    if (pageSize > 0 && rows.length > pageSize) {
      list.push([
        "pages",
        `Shows ${pageSize} rows a page; Previous and Next move between the ${Math.ceil(rows.length / pageSize)} pages ("Page 1 of ${Math.ceil(rows.length / pageSize)}")`,
      ])
    }
    return list
  },
  component: (context) => `import { useId, useMemo, useState } from "react"
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronLeft, ChevronRight, Search } from "lucide-react"
import { Badge } from "@/components/ui/badge"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table"
${context.lookImports}

/** One row: a value for each column heading. */
export type DataRow = Record<string, string | number>

${context.propsInterface}

${context.defaults}

type Direction = "asc" | "desc"

/** Numbers, and amounts like "$1,240.00" or "12%", sort as numbers; everything else as text. */
function sortValue(value: string | number): string | number {
  if (typeof value === "number") return value
  if (/^[^A-Za-z]*\\d[^A-Za-z]*$/.test(value) && !/^\\d{4}-\\d{2}-\\d{2}$/.test(value)) {
    const parsed = Number(value.replace(/[^0-9.-]/g, ""))
    if (Number.isFinite(parsed)) return parsed
  }
  return value
}

function compare(a: string | number, b: string | number): number {
  const left = sortValue(a)
  const right = sortValue(b)
  if (typeof left === "number" && typeof right === "number") return left - right
  return String(left).localeCompare(String(right), undefined, { numeric: true })
}

const BADGE_COLUMN = /status|state|role|plan|tier|priority/i

${context.signature}
  ${context.look}
  const filterId = useId()
  const titleId = useId()
  const [query, setQuery] = useState("")
  const [sort, setSort] = useState<{ column: string; direction: Direction } | null>(null)
  const [page, setPage] = useState(0)

  const numeric = useMemo(
    () =>
      new Set(
        columns.filter(
          (column) =>
            rows.length > 0 && rows.every((row) => typeof sortValue(row[column] ?? "") === "number"),
        ),
      ),
    [columns, rows],
  )

  const visible = useMemo(() => {
    const needle = query.trim().toLowerCase()
    const indexed = rows.map((row, index) => ({ row, index }))
    const filtered = needle
      ? indexed.filter(({ row }) =>
          Object.values(row).some((value) => String(value).toLowerCase().includes(needle)),
        )
      : indexed
    if (!sort) return filtered
    return [...filtered].sort((a, b) => {
      const result = compare(a.row[sort.column] ?? "", b.row[sort.column] ?? "")
      return sort.direction === "asc" ? result : -result
    })
  }, [rows, query, sort])

  const perPage = pageSize > 0 ? Math.floor(pageSize) : Math.max(visible.length, 1)
  const pageCount = Math.max(Math.ceil(visible.length / perPage), 1)
  const currentPage = Math.min(page, pageCount - 1)
  const shown = visible.slice(currentPage * perPage, currentPage * perPage + perPage)

  function toggleSort(column: string) {
    setPage(0)
    setSort((current) =>
      current?.column === column
        ? { column, direction: current.direction === "asc" ? "desc" : "asc" }
        : { column, direction: "asc" },
    )
  }

  return (
    <div className={cn(look.className, "w-full max-w-5xl p-4")} style={look.style}>
      <section aria-labelledby={titleId} className="flex flex-col gap-4 rounded-xl border bg-card p-4 text-card-foreground shadow-sm sm:p-6">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <h2 id={titleId} className="text-lg font-semibold leading-tight">
            {title}
          </h2>
          {filterable && (
            <div className="relative w-full sm:max-w-xs">
              <Label htmlFor={filterId} className="sr-only">
                Filter {noun}
              </Label>
              <Search aria-hidden="true" className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
              <Input
                id={filterId}
                type="search"
                value={query}
                onChange={(event) => {
                  setQuery(event.target.value)
                  setPage(0)
                }}
                placeholder={"Filter " + noun + "…"}
                className="pl-9"
              />
            </div>
          )}
        </div>
        <Table aria-labelledby={titleId}>
          <TableHeader>
            <TableRow>
              {columns.map((column) => {
                const active = sort?.column === column ? sort.direction : null
                const Icon = active === "asc" ? ArrowUp : active === "desc" ? ArrowDown : ArrowUpDown
                return (
                  <TableHead
                    key={column}
                    aria-sort={active === "asc" ? "ascending" : active === "desc" ? "descending" : "none"}
                    className={cn(numeric.has(column) && "text-right")}
                  >
                    <button
                      type="button"
                      onClick={() => toggleSort(column)}
                      className={cn(
                        "-mx-2 inline-flex items-center gap-1 rounded-md px-2 py-1 font-medium hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                        active ? "text-foreground" : "text-muted-foreground",
                      )}
                    >
                      {column}
                      <Icon aria-hidden="true" className="size-3.5" />
                    </button>
                  </TableHead>
                )
              })}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.length === 0 ? (
              <TableRow>
                <TableCell colSpan={Math.max(columns.length, 1)} className="h-24 text-center text-muted-foreground">
                  No results
                </TableCell>
              </TableRow>
            ) : (
              shown.map(({ row, index }) => (
                <TableRow key={index}>
                  {columns.map((column) => {
                    const value = row[column] ?? ""
                    return (
                      <TableCell key={column} className={cn(numeric.has(column) && "text-right tabular-nums")}>
                        {BADGE_COLUMN.test(column) && value !== "" ? (
                          <Badge variant="outline">{value}</Badge>
                        ) : (
                          value
                        )}
                      </TableCell>
                    )
                  })}
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p aria-live="polite" className="text-sm text-muted-foreground">
            Showing {visible.length} of {rows.length} {noun}
          </p>
          {pageSize > 0 && pageCount > 1 && (
            <nav aria-label="Pages" className="flex items-center gap-2">
              <Button type="button" variant="outline" size="sm" onClick={() => setPage(currentPage - 1)} disabled={currentPage === 0}>
                <ChevronLeft aria-hidden="true" />
                Previous
              </Button>
              <span aria-live="polite" className="text-sm tabular-nums text-muted-foreground">
                Page {currentPage + 1} of {pageCount}
              </span>
              <Button type="button" variant="outline" size="sm" onClick={() => setPage(currentPage + 1)} disabled={currentPage >= pageCount - 1}>
                Next
                <ChevronRight aria-hidden="true" />
              </Button>
            </nav>
          )}
        </div>
      </section>
    </div>
  )
}
`,
  tests: (context) => {
    const { values, lit, id, name } = context
    const columns = strings(values, "columns")
    const rows = rowsOf(values)
    const noun = str(values, "noun", "rows")
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
    const probeCount = rows.filter((row) => matches(row, probe)).length
    const firstCell = String(rows[0]?.[columns[0] ?? ""] ?? "")
    const pageSize = Math.floor(num(values, "pageSize"))
    const perPage = pageSize > 0 ? pageSize : Math.max(total, 1)
    const tests = [
      `it("${id("columns")}: shows the columns in order", () => {
  render(<${name} />)
  const headings = screen.getAllByRole("columnheader").map((cell) => cell.textContent)
  expect(headings).toEqual(${lit(columns)})
})`,
      `it("${id("rows")}: shows one row per record", () => {
  render(<${name} />)
  const [, ...body] = screen.getAllByRole("row")
  expect(body).toHaveLength(${Math.max(Math.min(total, perPage), 1)})
  expect(within(body[0]!).getAllByRole("cell")).toHaveLength(${total > 0 ? columns.length : 1})
  expect(within(body[0]!).getAllByRole("cell")[0]?.textContent).toBe(${lit(total > 0 ? firstCell : "No results")})
})`,
      `it("${id("sort")}: clicking a heading sorts ascending, then descending", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  const heading = screen.getByRole("columnheader", { name: ${lit(sortColumn)} })
  expect(heading).toHaveAttribute("aria-sort", "none")
  await user.click(within(heading).getByRole("button"))
  expect(heading).toHaveAttribute("aria-sort", "ascending")${
    total > 0
      ? `
  let first = screen.getAllByRole("row")[1]!
  expect(within(first).getAllByRole("cell")[${sortIndex}]?.textContent).toBe(${lit(ascFirst)})`
      : ""
  }
  await user.click(within(heading).getByRole("button"))
  expect(heading).toHaveAttribute("aria-sort", "descending")${
    total > 0
      ? `
  first = screen.getAllByRole("row")[1]!
  expect(within(first).getAllByRole("cell")[${sortIndex}]?.textContent).toBe(${lit(descFirst)})`
      : ""
  }
})`,
    ]
    if (context.has("filter")) {
      tests.push(
        `it("${id("filter")}: typing in the filter box shows only the matching rows", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.type(screen.getByRole("searchbox", { name: ${lit(`Filter ${noun}`)} }), ${lit(probe)})
  const [, ...body] = screen.getAllByRole("row")
  expect(body).toHaveLength(${Math.max(Math.min(probeCount, perPage), 1)})
  for (const row of body) expect(row.textContent?.toLowerCase()).toContain(${lit(probe.toLowerCase())})
})`,
        `it("${id("empty")}: shows a No results row when nothing matches", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.type(screen.getByRole("searchbox", { name: ${lit(`Filter ${noun}`)} }), "zzqx-nothing")
  expect(screen.getByText("No results")).toBeInTheDocument()
  expect(screen.getByText(${lit(`Showing 0 of ${total} ${noun}`)})).toBeInTheDocument()
})`,
      )
    }
    tests.push(`it("${id("count")}: shows how many rows are listed", ${context.has("filter") ? "async " : ""}() => {
  ${context.has("filter") ? "const user = userEvent.setup()\n  " : ""}render(<${name} />)
  expect(screen.getByText(${lit(`Showing ${total} of ${total} ${noun}`)})).toBeInTheDocument()${
    context.has("filter")
      ? `
  await user.type(screen.getByRole("searchbox", { name: ${lit(`Filter ${noun}`)} }), ${lit(probe)})
  expect(screen.getByText(${lit(`Showing ${probeCount} of ${total} ${noun}`)})).toBeInTheDocument()`
      : ""
  }
})`)
    if (context.has("pages")) {
      const pages = Math.ceil(total / perPage)
      const secondFirst = String(rows[perPage]?.[columns[0] ?? ""] ?? "")
      tests.push(`it("${id("pages")}: Previous and Next move between pages", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  expect(screen.getByText(${lit(`Page 1 of ${pages}`)})).toBeInTheDocument()
  expect(screen.getByRole("button", { name: "Previous" })).toBeDisabled()
  await user.click(screen.getByRole("button", { name: "Next" }))
  expect(screen.getByText(${lit(`Page 2 of ${pages}`)})).toBeInTheDocument()
  const [, ...body] = screen.getAllByRole("row")
  expect(body).toHaveLength(${Math.min(total - perPage, perPage)})
  expect(within(body[0]!).getAllByRole("cell")[0]?.textContent).toBe(${lit(secondFirst)})
  await user.click(screen.getByRole("button", { name: "Previous" }))
  expect(screen.getByText(${lit(`Page 1 of ${pages}`)})).toBeInTheDocument()
})`)
    }
    return tests.join("\n\n")
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    const rows = rowsOf(values)
    const columns = strings(values, "columns")
    const add =
      /\badd (?:an? |the )?(?:column (?:for |called |named )?)?["“]?([A-Za-z][\w ]{1,24}?)["”]? column\b|\badd (?:an? )?column (?:for |called |named )?["“]?([A-Za-z][\w ]{1,24}?)["”]?(?=$|[.,;!?]| and\b)/i.exec(
        facts.text,
      )
    const added = add?.[1] ?? add?.[2]
    if (added && !columns.some((column) => column.toLowerCase() === added.trim().toLowerCase())) {
      const column = capitalize(added.trim())
      const topic = TOPICS.find((candidate) => candidate.noun === str(values, "noun")) ?? GENERIC
      next.columns = [...columns, column]
      next.rows = rows.map((row, index) => ({
        ...row,
        [column]: cellFor(column, index, topic, "$", row),
      }))
      applied.push(`the ${column} column`)
    }
    const count = countOf(facts, "row", "entry", "record")
    if (count !== undefined && count > 0 && count !== rows.length) {
      const topic = TOPICS.find((candidate) => candidate.noun === str(values, "noun")) ?? GENERIC
      const cols = strings(next, "columns")
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
}
