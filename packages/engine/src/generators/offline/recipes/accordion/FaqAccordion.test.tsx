import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import FaqAccordion from "./FaqAccordion"

const ITEMS = [
  { question: "How long does shipping take?", answer: "Three to five days." },
  { question: "Can I return an item?", answer: "Within 30 days." },
]
const header = (question: string) => screen.getByRole("button", { name: question })

describe("FaqAccordion (template)", () => {
  it("opens one item at a time and reports the open items", async () => {
    const user = userEvent.setup()
    const onOpenChange = vi.fn()
    render(<FaqAccordion items={ITEMS} onOpenChange={onOpenChange} />)
    expect(screen.getByRole("heading", { name: "Frequently asked questions" })).toBeInTheDocument()
    await user.click(header("How long does shipping take?"))
    expect(screen.getByRole("region", { name: "How long does shipping take?" })).toHaveTextContent(
      "Three to five days.",
    )
    await user.click(header("Can I return an item?"))
    expect(header("How long does shipping take?")).toHaveAttribute("aria-expanded", "false")
    expect(onOpenChange).toHaveBeenLastCalledWith(["Can I return an item?"])
  })

  it("keeps several open when allowed, the first open at first", async () => {
    const user = userEvent.setup()
    render(<FaqAccordion items={ITEMS} allowMultiple defaultOpenFirst />)
    expect(header("How long does shipping take?")).toHaveAttribute("aria-expanded", "true")
    await user.click(header("Can I return an item?"))
    expect(screen.getAllByRole("button", { expanded: true })).toHaveLength(2)
  })
})
