import { useId, useState } from "react"
import { Search, X } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { matchingItems, resultCount } from "./inline/search"

export interface Item {
  name: string
  detail: string
}

export interface SearchableListProps extends AppearanceOptions {
  /** The list's heading. */
  title?: string
  /** The entries, in order: a name and an optional detail (role, capital, price …). */
  items?: Item[]
}

const DEFAULT_ITEMS: Item[] = [
  { name: "Apple", detail: "Crisp and sweet" },
  { name: "Banana", detail: "Soft and creamy" },
  { name: "Blueberry", detail: "Small and tart" },
  { name: "Cherry", detail: "Summer stone fruit" },
  { name: "Kiwi", detail: "Tangy, green flesh" },
  { name: "Mango", detail: "Tropical and juicy" },
  { name: "Orange", detail: "Citrus, easy to peel" },
  { name: "Pear", detail: "Mellow and grainy" },
]

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

export default function SearchableList({
  title = "Fruits",
  items = DEFAULT_ITEMS,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
}: SearchableListProps) {
  const look = appearance({ accent, dark, size, radius })
  const id = useId()
  const [query, setQuery] = useState("")
  const needle = query.trim().toLowerCase()
  const results = matchingItems(items, query)

  return (
    <section
      aria-labelledby={`${id}-title`}
      className={cn(
        look.className,
        "flex w-full max-w-md flex-col gap-4 rounded-xl border bg-card p-6 text-card-foreground shadow-sm",
      )}
      style={look.style}
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold leading-tight">
        {title}
      </h2>
      <div className="relative">
        <Label htmlFor={`${id}-search`} className="sr-only">
          {`Search ${title.toLowerCase()}`}
        </Label>
        <Search
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
        />
        <Input
          id={`${id}-search`}
          type="search"
          value={query}
          placeholder={`Search ${title.toLowerCase()}…`}
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
        {resultCount(results.length)}
      </p>
      {results.length > 0 ? (
        <ul aria-label={title} className="max-h-80 divide-y overflow-y-auto rounded-lg border">
          {results.map((item) => (
            <li
              key={`${item.name}-${item.detail}`}
              className="flex items-center justify-between gap-3 px-4 py-3"
            >
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
