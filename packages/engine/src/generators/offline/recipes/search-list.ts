import { capitalize, countOf, mentions, type PromptFacts } from "../facts"
import { records, sentenceList, str, type Recipe } from "../recipe"
import { entryList, FEATURES } from "./todo-list"

// Lists that name the fields shown for each entry ("with name and email"), not entries.
const FIELDS = new RegExp(
  `${FEATURES.source}|\\b(?:names?|emails?|avatars?|photos?|images?|roles?|prices?|descriptions?|details|status|dates?|ratings?)\\b`,
  "i",
)

interface Item extends Record<string, string> {
  name: string
  detail: string
}

type Topic = "users" | "countries" | "products" | "fruits" | "cities" | "books" | "generic"

function topicOf(facts: PromptFacts): Topic {
  if (
    mentions(
      facts,
      "user",
      "users",
      "people",
      "members",
      "team",
      "contacts",
      "employees",
      "customers",
      "staff",
      "colleagues",
    )
  )
    return "users"
  if (mentions(facts, "country", "countries", "nations")) return "countries"
  if (mentions(facts, "product", "products", "catalog", "catalogue", "inventory", "shop", "store"))
    return "products"
  if (mentions(facts, "fruit", "fruits")) return "fruits"
  if (mentions(facts, "city", "cities")) return "cities"
  if (mentions(facts, "book", "books", "library")) return "books"
  return "generic"
}

const POOLS: Record<Exclude<Topic, "generic">, (currency: string) => Item[]> = {
  users: () => [
    { name: "Amelia Chen", detail: "Product designer" },
    { name: "Jonas Weber", detail: "Frontend engineer" },
    { name: "Priya Patel", detail: "Engineering manager" },
    { name: "Marcus Johnson", detail: "Data analyst" },
    { name: "Sofia García", detail: "Customer success" },
    { name: "Liam O'Brien", detail: "Backend engineer" },
    { name: "Yuki Tanaka", detail: "QA engineer" },
    { name: "Fatima Khan", detail: "Marketing lead" },
    { name: "Noah Williams", detail: "Sales" },
    { name: "Elena Rossi", detail: "Product manager" },
  ],
  countries: () => [
    { name: "Australia", detail: "Canberra" },
    { name: "Brazil", detail: "Brasília" },
    { name: "Canada", detail: "Ottawa" },
    { name: "Egypt", detail: "Cairo" },
    { name: "France", detail: "Paris" },
    { name: "Germany", detail: "Berlin" },
    { name: "India", detail: "New Delhi" },
    { name: "Japan", detail: "Tokyo" },
    { name: "Kenya", detail: "Nairobi" },
    { name: "Mexico", detail: "Mexico City" },
    { name: "Norway", detail: "Oslo" },
    { name: "Spain", detail: "Madrid" },
  ],
  products: (currency) =>
    [
      ["Wireless Headphones", 129],
      ["Mechanical Keyboard", 89],
      ["4K Monitor", 349],
      ["USB-C Hub", 39],
      ["Ergonomic Mouse", 59],
      ["Laptop Stand", 45],
      ["HD Webcam", 69],
      ["Desk Lamp", 35],
      ["Noise-Cancelling Earbuds", 149],
      ["Portable SSD", 119],
    ].map(([name, price]) => ({ name: String(name), detail: `${currency}${price}` })),
  fruits: () => [
    { name: "Apple", detail: "Crisp and sweet" },
    { name: "Banana", detail: "Soft and creamy" },
    { name: "Blueberry", detail: "Small and tart" },
    { name: "Cherry", detail: "Summer stone fruit" },
    { name: "Kiwi", detail: "Tangy, green flesh" },
    { name: "Mango", detail: "Tropical and juicy" },
    { name: "Orange", detail: "Citrus, easy to peel" },
    { name: "Pear", detail: "Mellow and grainy" },
    { name: "Pineapple", detail: "Sweet and sharp" },
    { name: "Strawberry", detail: "Bright and fragrant" },
  ],
  cities: () => [
    { name: "Amsterdam", detail: "Netherlands" },
    { name: "Barcelona", detail: "Spain" },
    { name: "Berlin", detail: "Germany" },
    { name: "Buenos Aires", detail: "Argentina" },
    { name: "Cape Town", detail: "South Africa" },
    { name: "Lisbon", detail: "Portugal" },
    { name: "New York", detail: "United States" },
    { name: "Seoul", detail: "South Korea" },
    { name: "Sydney", detail: "Australia" },
    { name: "Toronto", detail: "Canada" },
  ],
  books: () => [
    { name: "Pride and Prejudice", detail: "Jane Austen" },
    { name: "To Kill a Mockingbird", detail: "Harper Lee" },
    { name: "Nineteen Eighty-Four", detail: "George Orwell" },
    { name: "The Great Gatsby", detail: "F. Scott Fitzgerald" },
    { name: "One Hundred Years of Solitude", detail: "Gabriel García Márquez" },
    { name: "Beloved", detail: "Toni Morrison" },
    { name: "The Hobbit", detail: "J. R. R. Tolkien" },
    { name: "Dune", detail: "Frank Herbert" },
  ],
}

const TITLES: Record<Topic, string> = {
  users: "Team members",
  countries: "Countries",
  products: "Products",
  fruits: "Fruits",
  cities: "Cities",
  books: "Books",
  generic: "Items",
}

function itemsOf(facts: PromptFacts, topic: Topic): Item[] {
  const listed = entryList(facts, FIELDS)
  if (listed && listed.length >= 2) {
    const names = [...new Set(listed.map((item) => capitalize(item.trim())))]
    return names.map((name) => ({ name, detail: "" }))
  }
  const pool = POOLS[topic === "generic" ? "fruits" : topic](facts.currency ?? "$")
  const count = countOf(
    facts,
    "item",
    "user",
    "member",
    "country",
    "product",
    "fruit",
    "city",
    "book",
    "person",
    "result",
  )
  return pool.slice(0, Math.min(Math.max(count ?? 8, 2), pool.length))
}

function titleOf(facts: PromptFacts, topic: Topic): string {
  if (facts.quoted[0] && !entryList(facts, FIELDS)?.includes(facts.quoted[0])) return facts.quoted[0]
  return TITLES[topic === "generic" && !entryList(facts, FIELDS) ? "fruits" : topic]
}

/** What the component's filter keeps for a query (the tests compute their expectations with it). */
function filter(items: readonly Item[], query: string): Item[] {
  const needle = query.trim().toLowerCase()
  if (!needle) return [...items]
  return items.filter(
    (item) => item.name.toLowerCase().includes(needle) || item.detail.toLowerCase().includes(needle),
  )
}

const results = (count: number) => `${count} ${count === 1 ? "result" : "results"}`

/** A search box over a list: filters as you type (any case), counts results politely, says when nothing matches. */
export const searchList: Recipe = {
  kind: "search-list",
  title: "Searchable list",
  names: ["SearchableList", "UserSearch", "CountrySearch", "ProductSearch"],
  keywords: {
    // A search box inside a header, hero or navbar belongs to those kinds: only phrases about a list are strong.
    strong: [
      "searchable list",
      "search list",
      "filterable list",
      "filter list",
      "searchable",
      "filterable",
      "live search",
      "search filter",
      "list with search",
      "list with a search",
      "user search",
      "search users",
      "people search",
      "product search",
      "search products",
      "country search",
      "search countries",
      "filter as you type",
      "type to filter",
      "type to search",
      "filter a list",
      "filters a list",
      "filters the list",
      "search a list",
      "search through",
    ],
    weak: [
      "search",
      "filter",
      "find",
      "lookup",
      "look up",
      "search box",
      "search bar",
      "search field",
      "search input",
    ],
  },
  name: (facts) => {
    const topic = topicOf(facts)
    if (topic === "users") return "UserSearch"
    if (topic === "countries") return "CountrySearch"
    if (topic === "products") return "ProductSearch"
    return "SearchableList"
  },
  params: (facts) => {
    const topic = topicOf(facts)
    return [
      {
        name: "title",
        type: "string",
        value: titleOf(facts, topic),
        description: "The list's heading.",
        control: "text",
      },
      {
        name: "items",
        type: "Item[]",
        value: itemsOf(facts, topic),
        description: "The entries, in order: a name and an optional detail (role, capital, price …).",
      },
    ]
  },
  summary: (values) =>
    `A searchable list of ${records<Item>(values, "items").length} ${str(values, "title").toLowerCase()} that filters as you type and says when nothing matches.`,
  requirements: (values) => {
    const items = records<Item>(values, "items")
    const title = str(values, "title")
    const names = items.map((item) => item.name)
    const withDetail = items.some((item) => item.detail)
    return [
      [
        "list",
        `Shows all ${items.length} ${title.toLowerCase()} at first${
          names.length <= 6
            ? ` (${sentenceList(names)})`
            : `, starting with ${sentenceList(names.slice(0, 3))}`
        }`,
      ],
      [
        "filter",
        `Typing in "Search ${title.toLowerCase()}" keeps only the entries whose name${withDetail ? " or detail" : ""} contains the text, ignoring case`,
      ],
      ["count", 'Announces the number of results ("3 results") politely as it changes'],
      ["empty", 'Shows "No results for “…”" when nothing matches'],
      ["clear", "A Clear search button empties the box and shows every entry again"],
    ]
  },
  component: (context) => `import { useId, useState } from "react"
import { Search, X } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
${context.lookImports}

export interface Item {
  name: string
  detail: string
}

${context.propsInterface}

${context.defaults}

/** The name with the first match of the query marked. */
function Highlight({ text, query }: { text: string; query: string }) {
  const at = query ? text.toLowerCase().indexOf(query) : -1
  if (at < 0) return <>{text}</>
  return (
    <>
      {text.slice(0, at)}
      <mark className="rounded-sm bg-primary/15 text-foreground">{text.slice(at, at + query.length)}</mark>
      {text.slice(at + query.length)}
    </>
  )
}

${context.signature}
  ${context.look}
  const id = useId()
  const [query, setQuery] = useState("")
  const needle = query.trim().toLowerCase()
  const results = needle
    ? items.filter((item) => item.name.toLowerCase().includes(needle) || item.detail.toLowerCase().includes(needle))
    : items

  return (
    <section
      aria-labelledby={\`\${id}-title\`}
      className={cn(look.className, "flex w-full max-w-md flex-col gap-4 rounded-xl border bg-card p-6 text-card-foreground shadow-sm")}
      style={look.style}
    >
      <h2 id={\`\${id}-title\`} className="text-lg font-semibold leading-tight">
        {title}
      </h2>
      <div className="relative">
        <Label htmlFor={\`\${id}-search\`} className="sr-only">
          {\`Search \${title.toLowerCase()}\`}
        </Label>
        <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input
          id={\`\${id}-search\`}
          type="search"
          value={query}
          placeholder={\`Search \${title.toLowerCase()}…\`}
          autoComplete="off"
          onChange={(event) => setQuery(event.target.value)}
          className="pr-10 pl-9 [&::-webkit-search-cancel-button]:appearance-none"
        />
        {query && (
          <Button
            type="button"
            variant="ghost"
            size="icon-sm"
            aria-label="Clear search"
            className="absolute top-1/2 right-1 -translate-y-1/2"
            onClick={() => setQuery("")}
          >
            <X aria-hidden="true" />
          </Button>
        )}
      </div>
      <p aria-live="polite" className="text-xs text-muted-foreground">
        {\`\${results.length} \${results.length === 1 ? "result" : "results"}\`}
      </p>
      {results.length > 0 ? (
        <ul aria-label={title} className="max-h-80 divide-y overflow-y-auto rounded-lg border">
          {results.map((item) => (
            <li key={\`\${item.name}-\${item.detail}\`} className="flex items-center justify-between gap-3 px-4 py-3">
              <span className="text-sm font-medium">
                <Highlight text={item.name} query={needle} />
              </span>
              {item.detail && <span className="truncate text-sm text-muted-foreground">{item.detail}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">
          No results for “{query.trim()}”
        </p>
      )}
    </section>
  )
}
`,
  tests: (context) => {
    const { values, name, id, lit } = context
    const items = records<Item>(values, "items")
    const title = str(values, "title")
    const box = `screen.getByRole("searchbox", { name: ${lit(`Search ${title.toLowerCase()}`)} })`
    const list = `screen.getByRole("list", { name: ${lit(title)} })`
    const target = items[1] ?? items[0]!
    // A query in the wrong case that matches the target (and perhaps others).
    const query = target.name.slice(0, Math.min(3, target.name.length)).toUpperCase()
    const matched = filter(items, query)
    const miss =
      ["zzqx", "qqqqzz", "xyzzy-404"].find((candidate) => filter(items, candidate).length === 0) ??
      "xyzzy-404"
    const names = (found: readonly Item[]) => lit(found.map((item) => item.name))
    return `function shownNames() {
  return within(${list})
    .getAllByRole("listitem")
    .map((item) => item.firstElementChild?.textContent)
}

it("${id("list")}: shows all ${items.length} entries at first", () => {
  render(<${name} />)
  expect(screen.getByRole("heading", { name: ${lit(title)} })).toBeInTheDocument()
  expect(shownNames()).toEqual(${names(items)})
})

it("${id("filter")}: typing keeps only the matching entries, ignoring case", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.type(${box}, ${lit(query)})
  expect(shownNames()).toEqual(${names(matched)})
})

it("${id("count")}: announces the number of results", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  const count = screen.getByText(${lit(results(items.length))})
  expect(count).toHaveAttribute("aria-live", "polite")
  await user.type(${box}, ${lit(query)})
  expect(count).toHaveTextContent(${lit(results(matched.length))})
})

it("${id("empty")}: says when nothing matches", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.type(${box}, ${lit(miss)})
  expect(screen.getByText(${lit(`No results for “${miss}”`)})).toBeInTheDocument()
  expect(screen.queryByRole("list")).not.toBeInTheDocument()
  expect(screen.getByText("0 results")).toBeInTheDocument()
})

it("${id("clear")}: Clear search empties the box and shows every entry", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  expect(screen.queryByRole("button", { name: "Clear search" })).not.toBeInTheDocument()
  await user.type(${box}, ${lit(miss)})
  await user.click(screen.getByRole("button", { name: "Clear search" }))
  expect(${box}).toHaveValue("")
  expect(shownNames()).toEqual(${names(items)})
})`
  },
}
