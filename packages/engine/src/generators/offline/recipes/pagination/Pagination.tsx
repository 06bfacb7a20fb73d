import { useState } from "react"
import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from "lucide-react"
import { Button } from "@/components/ui/button"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { pageItems } from "./inline/page-items"

export interface PaginationProps extends AppearanceOptions {
  /** How many pages there are. */
  totalPages?: number
  /** The page that is current at first. */
  initialPage?: number
  /** Show buttons that jump to the first and the last page. */
  showFirstLast?: boolean
  /** Called with the page number when the page changes. */
  onPageChange?: (page: number) => void
}

export default function Pagination({
  totalPages = 10,
  initialPage = 1,
  showFirstLast = false,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onPageChange,
}: PaginationProps) {
  const look = appearance({ accent, dark, size, radius })
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
            <Button
              variant="ghost"
              size="icon"
              aria-label="First page"
              disabled={page === 1}
              onClick={() => go(1)}
            >
              <ChevronsLeft aria-hidden="true" />
            </Button>
          </li>
        ) : null}
        <li>
          <Button
            variant="ghost"
            aria-label="Previous page"
            disabled={page === 1}
            onClick={() => go(page - 1)}
          >
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
                aria-label={`Page ${item}`}
                aria-current={item === page ? "page" : undefined}
                onClick={() => go(item)}
              >
                {item}
              </Button>
            </li>
          ) : (
            <li
              key={item}
              aria-hidden="true"
              className="flex size-9 items-center justify-center text-muted-foreground"
            >
              …
            </li>
          ),
        )}
        <li>
          <Button
            variant="ghost"
            aria-label="Next page"
            disabled={page === total}
            onClick={() => go(page + 1)}
          >
            <span className="hidden sm:inline">Next</span>
            <ChevronRight aria-hidden="true" />
          </Button>
        </li>
        {showFirstLast ? (
          <li>
            <Button
              variant="ghost"
              size="icon"
              aria-label="Last page"
              disabled={page === total}
              onClick={() => go(total)}
            >
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
