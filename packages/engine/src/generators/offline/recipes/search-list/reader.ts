import { capitalize, countOf, mentions, type PromptFacts } from "../../facts"
import { entryList, FEATURE_WORDS } from "../../readers"

// Lists that name the fields shown for each entry ("with name and email"), not entries.
const FIELDS = new RegExp(
  `${FEATURE_WORDS.source}|\\b(?:names?|emails?|avatars?|photos?|images?|roles?|prices?|descriptions?|details|status|dates?|ratings?)\\b`,
  "i",
)

/** An entry: its name and an optional detail (a role, a capital, a price). */
export interface Item extends Record<string, string> {
  name: string
  detail: string
}

type Topic = "users" | "countries" | "products" | "fruits" | "cities" | "books" | "generic"

/** What the list holds: users, countries, products, fruits, cities, books or other things. */
export function topicOf(facts: PromptFacts): Topic {
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

/** The list's heading and its entries: the prompt's, or as many as it counts from a pool for its topic. */
export function readSearchList(facts: PromptFacts): { title: string; items: Item[] } {
  const topic = topicOf(facts)
  return { title: titleOf(facts, topic), items: itemsOf(facts, topic) }
}
