import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it } from "vitest"
import Testimonials from "./Testimonials"

const QUOTES = [
  { quote: "It paid for itself in a month.", author: "Ana Ruiz", role: "CFO, Acme" },
  { quote: "Support answered on a Sunday.", author: "Ben Ode", role: "" },
  { quote: "We never looked back.", author: "Cleo Park", role: "PM, Lumen" },
]

describe("Testimonials (template)", () => {
  it("is a region named by its heading and shows one quote at a time, wrapping around", async () => {
    const user = userEvent.setup()
    render(<Testimonials heading="Customers say" testimonials={QUOTES} layout="carousel" />)
    const region = screen.getByRole("region", { name: "Customers say" })
    expect(within(region).getAllByRole("figure")).toHaveLength(1)
    expect(screen.getByText("It paid for itself in a month.")).toBeInTheDocument()
    expect(screen.getByText("1 of 3")).toHaveAttribute("aria-live", "polite")
    await user.click(screen.getByRole("button", { name: "Previous testimonial" }))
    expect(screen.getByText("We never looked back.")).toBeInTheDocument()
    expect(screen.getByText("3 of 3")).toBeInTheDocument()
  })

  it("shows every quote with its author in a grid", () => {
    render(<Testimonials testimonials={QUOTES} layout="grid" />)
    const figures = screen.getAllByRole("figure")
    expect(figures).toHaveLength(3)
    expect(within(figures[1]!).getByText("Ben Ode")).toBeInTheDocument()
    expect(screen.queryByRole("button", { name: "Next testimonial" })).not.toBeInTheDocument()
  })
})
