import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it } from "vitest"
import DataTable from "./DataTable"

const COLUMNS = ["Order", "Customer", "Total"]
const ROWS = [
  { Order: "#1042", Customer: "Olivia Martin", Total: "$1,240.00" },
  { Order: "#1043", Customer: "Jackson Lee", Total: "$89.50" },
  { Order: "#1044", Customer: "Isabella Nguyen", Total: "$312.00" },
]

function firstCells(index: number) {
  const [, ...body] = screen.getAllByRole("row")
  return body.map((row) => within(row).getAllByRole("cell")[index]?.textContent)
}

describe("DataTable (template)", () => {
  it("sorts amounts as numbers, ascending then descending, and says so with aria-sort", async () => {
    const user = userEvent.setup()
    render(<DataTable title="Orders" noun="orders" columns={COLUMNS} rows={ROWS} />)
    const total = screen.getByRole("columnheader", { name: "Total" })
    expect(total).toHaveAttribute("aria-sort", "none")
    await user.click(within(total).getByRole("button"))
    expect(total).toHaveAttribute("aria-sort", "ascending")
    expect(firstCells(2)).toEqual(["$89.50", "$312.00", "$1,240.00"])
    await user.click(within(total).getByRole("button"))
    expect(total).toHaveAttribute("aria-sort", "descending")
    expect(firstCells(2)).toEqual(["$1,240.00", "$312.00", "$89.50"])
  })

  it("filters rows by any value, ignoring case, and counts what is shown", async () => {
    const user = userEvent.setup()
    render(<DataTable noun="orders" columns={COLUMNS} rows={ROWS} />)
    const filter = screen.getByRole("searchbox", { name: "Filter orders" })
    await user.type(filter, "LEE")
    expect(firstCells(1)).toEqual(["Jackson Lee"])
    expect(screen.getByText("Showing 1 of 3 orders")).toBeInTheDocument()
    await user.clear(filter)
    await user.type(filter, "nobody")
    expect(screen.getByText("No results")).toBeInTheDocument()
  })

  it("pages through the rows with Previous and Next, and has no filter when not filterable", async () => {
    const user = userEvent.setup()
    render(<DataTable columns={COLUMNS} rows={ROWS} pageSize={2} filterable={false} />)
    expect(screen.queryByRole("searchbox")).not.toBeInTheDocument()
    expect(screen.getByText("Page 1 of 2")).toBeInTheDocument()
    expect(screen.getByRole("button", { name: "Previous" })).toBeDisabled()
    await user.click(screen.getByRole("button", { name: "Next" }))
    expect(firstCells(0)).toEqual(["#1044"])
    expect(screen.getByRole("button", { name: "Next" })).toBeDisabled()
  })
})
