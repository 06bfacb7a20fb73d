import { render, screen, within } from "@testing-library/react"
import { describe, it, expect } from "vitest"

import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from "./table"

const invoices = [
  { id: "INV001", status: "Paid", amount: "$250.00" },
  { id: "INV002", status: "Pending", amount: "$150.00" },
]

function Invoices() {
  return (
    <Table>
      <TableCaption>A list of your recent invoices.</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>Invoice</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Amount</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {invoices.map((invoice) => (
          <TableRow key={invoice.id}>
            <TableCell>{invoice.id}</TableCell>
            <TableCell>{invoice.status}</TableCell>
            <TableCell className="text-right">{invoice.amount}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell colSpan={2}>Total</TableCell>
          <TableCell className="text-right">$400.00</TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  )
}

describe("Table", () => {
  it("renders a semantic table named by its caption", () => {
    render(<Invoices />)
    const table = screen.getByRole("table", { name: "A list of your recent invoices." })
    expect(table).toHaveAttribute("data-slot", "table")
  })

  it("has column headers, rows and cells", () => {
    render(<Invoices />)
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "Invoice",
      "Status",
      "Amount",
    ])
    const rows = screen.getAllByRole("row")
    expect(rows).toHaveLength(4)
    const firstBodyRow = rows[1] as HTMLElement
    expect(
      within(firstBodyRow)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["INV001", "Paid", "$250.00"])
    expect(screen.getAllByRole("rowgroup")).toHaveLength(3)
  })

  it("wraps the table in a horizontal scroll container", () => {
    render(<Invoices />)
    const container = screen.getByRole("table").parentElement
    expect(container).toHaveAttribute("data-slot", "table-container")
    expect(container).toHaveClass("overflow-x-auto")
  })

  it("puts data-slot on every part and merges className", () => {
    const { container } = render(<Invoices />)
    for (const slot of [
      "table-header",
      "table-body",
      "table-footer",
      "table-row",
      "table-head",
      "table-cell",
      "table-caption",
    ]) {
      expect(container.querySelector(`[data-slot="${slot}"]`)).toBeInTheDocument()
    }
    expect(screen.getByRole("columnheader", { name: "Amount" })).toHaveClass("text-right", "font-medium")
  })
})
