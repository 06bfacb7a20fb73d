import { describe, it, expect } from "vitest"
import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import Counter from "./Counter"
describe("Counter", () => {
  it("R1: shows the initial count", () => {
    render(<Counter initial={3} />)
    expect(screen.getByText("Count: 3")).toBeInTheDocument()
  })
  it("R2: increments", async () => {
    const u = userEvent.setup()
    render(<Counter />)
    await u.click(screen.getByRole("button", { name: "Increment" }))
    expect(screen.getByText("Count: 1")).toBeInTheDocument()
  })
  it("R3: resets", async () => {
    const u = userEvent.setup()
    render(<Counter initial={2} />)
    await u.click(screen.getByRole("button", { name: "Increment" }))
    await u.click(screen.getByRole("button", { name: "Reset" }))
    expect(screen.getByText("Count: 2")).toBeInTheDocument()
  })
})
