import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import Pagination from "./Pagination"

const pageNames = () =>
  screen.getAllByRole("button", { name: /^Page \d+$/ }).map((button) => button.textContent)

describe("Pagination (template)", () => {
  it("shows every page up to seven, the current one marked", () => {
    render(<Pagination totalPages={5} initialPage={3} />)
    expect(pageNames()).toEqual(["1", "2", "3", "4", "5"])
    expect(screen.getByRole("button", { name: "Page 3" })).toHaveAttribute("aria-current", "page")
    expect(screen.getByText("Page 3 of 5")).toBeInTheDocument()
  })

  it("shows the first, the last and the current page's neighbours past seven, with ellipses", async () => {
    const user = userEvent.setup()
    const onPageChange = vi.fn()
    render(<Pagination totalPages={20} initialPage={10} onPageChange={onPageChange} />)
    expect(pageNames()).toEqual(["1", "9", "10", "11", "20"])
    expect(screen.getAllByText("…")).toHaveLength(2)
    await user.click(screen.getByRole("button", { name: "Next page" }))
    expect(onPageChange).toHaveBeenLastCalledWith(11)
  })

  it("disables Previous on the first page and jumps with First and Last", async () => {
    const user = userEvent.setup()
    render(<Pagination totalPages={12} showFirstLast />)
    expect(screen.getByRole("button", { name: "Previous page" })).toBeDisabled()
    await user.click(screen.getByRole("button", { name: "Last page" }))
    expect(screen.getByRole("button", { name: "Page 12" })).toHaveAttribute("aria-current", "page")
    expect(screen.getByRole("button", { name: "Next page" })).toBeDisabled()
  })
})
