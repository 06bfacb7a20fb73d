import { defineRecipe, records, text } from "../../define-recipe"
import { sentenceList } from "../../recipe"
import { code, testCase } from "../../test-builder"
import { matchingItems, resultCount } from "./inline/search"
import { readSearchList, topicOf, type Item } from "./reader"

/** A search box over a list: filters as you type (any case), counts results politely, says when nothing matches. */
export const searchList = defineRecipe({
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
  params: {
    title: text("The list's heading."),
    items: records<Item>(
      "Item",
      "The entries, in order: a name and an optional detail (role, capital, price …).",
    ),
  },
  read: readSearchList,
  summary: ({ items, title }) =>
    `A searchable list of ${items.length} ${title.toLowerCase()} that filters as you type and says when nothing matches.`,
  requirements: ({ items, title }) => {
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
  testSetup: ({ values: { title } }) => code`
    function shownNames() {
      return within(screen.getByRole("list", { name: ${title} }))
        .getAllByRole("listitem")
        .map((item) => item.firstElementChild?.textContent)
    }
  `,
  tests: ({ Component, values: { items, title } }) => {
    const box = code`screen.getByRole("searchbox", { name: ${`Search ${title.toLowerCase()}`} })`
    const target = items[1] ?? items[0]!
    // A query in the wrong case that matches the target (and perhaps others).
    const query = target.name.slice(0, Math.min(3, target.name.length)).toUpperCase()
    const matched = matchingItems(items, query)
    const miss =
      ["zzqx", "qqqqzz", "xyzzy-404"].find((candidate) => matchingItems(items, candidate).length === 0) ??
      "xyzzy-404"
    const names = (found: readonly Item[]) => found.map((item) => item.name)
    return [
      testCase(
        "list",
        `shows all ${items.length} entries at first`,
        code`
          render(<${Component} />)
          expect(screen.getByRole("heading", { name: ${title} })).toBeInTheDocument()
          expect(shownNames()).toEqual(${names(items)})
        `,
      ),
      testCase(
        "filter",
        "typing keeps only the matching entries, ignoring case",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.type(${box}, ${query})
          expect(shownNames()).toEqual(${names(matched)})
        `,
      ),
      testCase(
        "count",
        "announces the number of results",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          const count = screen.getByText(${resultCount(items.length)})
          expect(count).toHaveAttribute("aria-live", "polite")
          await user.type(${box}, ${query})
          expect(count).toHaveTextContent(${resultCount(matched.length)})
        `,
      ),
      testCase(
        "empty",
        "says when nothing matches",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.type(${box}, ${miss})
          expect(screen.getByText(${`No results for “${miss}”`})).toBeInTheDocument()
          expect(screen.queryByRole("list")).not.toBeInTheDocument()
          expect(screen.getByText("0 results")).toBeInTheDocument()
        `,
      ),
      testCase(
        "clear",
        "Clear search empties the box and shows every entry",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          expect(screen.queryByRole("button", { name: "Clear search" })).not.toBeInTheDocument()
          await user.type(${box}, ${miss})
          await user.click(screen.getByRole("button", { name: "Clear search" }))
          expect(${box}).toHaveValue("")
          expect(shownNames()).toEqual(${names(items)})
        `,
      ),
    ]
  },
})
