import { useId, useMemo, useState } from "react"
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronLeft, ChevronRight, Search } from "lucide-react"
import { Badge } from "@/components/ui/badge"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { compareCells, rowMatches, sortValue } from "./inline/table-rows"

/** One row: a value for each column heading. */
export type DataRow = Record<string, string | number>

export interface DataTableProps extends AppearanceOptions {
  /** The table's heading. */
  title?: string
  /** What a row is, in the plural, for the filter label and the count ("users"). */
  noun?: string
  /** The column headings, in order; each row has a value for each. */
  columns?: string[]
  /** The rows: one value per column heading. */
  rows?: DataRow[]
  /** Show the filter box above the table. */
  filterable?: boolean
  /** Rows per page, with Previous and Next; 0 shows every row on one page. */
  pageSize?: number
}

const DEFAULT_COLUMNS: string[] = ["Name", "Email", "Role", "Status", "Joined"]

const DEFAULT_ROWS: DataRow[] = [
  {
    Name: "Olivia Martin",
    Email: "olivia.martin@example.com",
    Role: "Admin",
    Status: "Active",
    Joined: "2024-01-03",
  },
  {
    Name: "Jackson Lee",
    Email: "jackson.lee@example.com",
    Role: "Editor",
    Status: "Pending",
    Joined: "2024-02-09",
  },
  {
    Name: "Isabella Nguyen",
    Email: "isabella.nguyen@example.com",
    Role: "Viewer",
    Status: "Archived",
    Joined: "2024-03-17",
  },
  {
    Name: "William Kim",
    Email: "william.kim@example.com",
    Role: "Owner",
    Status: "Active",
    Joined: "2024-04-23",
  },
  {
    Name: "Sofia Davis",
    Email: "sofia.davis@example.com",
    Role: "Member",
    Status: "Pending",
    Joined: "2024-05-30",
  },
  {
    Name: "Liam Johnson",
    Email: "liam.johnson@example.com",
    Role: "Admin",
    Status: "Archived",
    Joined: "2024-07-06",
  },
]

type Direction = "asc" | "desc"

const BADGE_COLUMN = /status|state|role|plan|tier|priority/i

export default function DataTable({
  title = "Records",
  noun = "rows",
  columns = DEFAULT_COLUMNS,
  rows = DEFAULT_ROWS,
  filterable = true,
  pageSize = 0,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
}: DataTableProps) {
  const look = appearance({ accent, dark, size, radius })
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
    const indexed = rows.map((row, index) => ({ row, index }))
    const filtered = query.trim() ? indexed.filter(({ row }) => rowMatches(row, query)) : indexed
    if (!sort) return filtered
    return [...filtered].sort((a, b) => {
      const result = compareCells(a.row[sort.column] ?? "", b.row[sort.column] ?? "")
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
      <section
        aria-labelledby={titleId}
        className="flex flex-col gap-4 rounded-xl border bg-card p-4 text-card-foreground shadow-sm sm:p-6"
      >
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <h2 id={titleId} className="text-lg font-semibold leading-tight">
            {title}
          </h2>
          {filterable && (
            <div className="relative w-full sm:max-w-xs">
              <Label htmlFor={filterId} className="sr-only">
                Filter {noun}
              </Label>
              <Search
                aria-hidden="true"
                className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
              />
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
                <TableCell
                  colSpan={Math.max(columns.length, 1)}
                  className="h-24 text-center text-muted-foreground"
                >
                  No results
                </TableCell>
              </TableRow>
            ) : (
              shown.map(({ row, index }) => (
                <TableRow key={index}>
                  {columns.map((column) => {
                    const value = row[column] ?? ""
                    return (
                      <TableCell
                        key={column}
                        className={cn(numeric.has(column) && "text-right tabular-nums")}
                      >
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
              <Button
                type="button"
                variant="outline"
                size="sm"
                onClick={() => setPage(currentPage - 1)}
                disabled={currentPage === 0}
              >
                <ChevronLeft aria-hidden="true" />
                Previous
              </Button>
              <span aria-live="polite" className="text-sm tabular-nums text-muted-foreground">
                Page {currentPage + 1} of {pageCount}
              </span>
              <Button
                type="button"
                variant="outline"
                size="sm"
                onClick={() => setPage(currentPage + 1)}
                disabled={currentPage >= pageCount - 1}
              >
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
