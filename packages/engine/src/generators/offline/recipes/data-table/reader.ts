import { capitalize, countOf, mentions, type PromptFacts } from "../../facts"

type Cell = string | number

/** One row of the table: a value for each column heading. */
export type Row = Record<string, Cell>

/** What a table lists: its component name, what a row is, its heading, usual columns and the words for it. */
export interface Topic {
  name: string
  noun: string
  title: string
  columns: string[]
  words: string[]
}

export const TOPICS: Topic[] = [
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

export const GENERIC: Topic = {
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
export function cellFor(column: string, index: number, topic: Topic, currency: string, row: Row): Cell {
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

/** The topic the prompt's words name (orders, invoices, products …), else a generic table. */
export function topicOf(facts: PromptFacts): Topic {
  return TOPICS.find((topic) => topic.words.some((word) => mentions(facts, word, `${word}s`))) ?? GENERIC
}

// Words after a column list that describe the table, not a column ("…, status, sortable").
const NOT_COLUMNS =
  /^(?:sortable|sorting|sorted|filterable|filtering|filter|search|searchable|paginated|pagination|pages|rows|data|table|responsive|dark|light|striped)\b/i

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

/** `count` rows of plausible values for the columns. */
export function rowsFor(columns: readonly string[], count: number, topic: Topic, currency: string): Row[] {
  return Array.from({ length: count }, (_, index) => {
    const row: Row = {}
    for (const column of columns) row[column] = cellFor(column, index, topic, currency, row)
    return row
  })
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

/** The topic's heading and noun (or the people the prompt names), the columns, sample rows, filter and pages. */
export function readDataTable(facts: PromptFacts): {
  title: string
  noun: string
  columns: string[]
  rows: Row[]
  filterable: boolean
  pageSize: number
} {
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
  return {
    title: facts.quoted[0] ?? title,
    noun,
    columns,
    rows,
    filterable: !mentions(facts, "no filter", "without a filter", "without filter", "no search"),
    pageSize: pageSizeOf(facts, rows.length),
  }
}
