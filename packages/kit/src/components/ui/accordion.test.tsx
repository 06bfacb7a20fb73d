import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, it, expect, vi } from "vitest"

import { Accordion, AccordionContent, AccordionItem, AccordionTrigger } from "./accordion"

function Faq(props: { type?: "single" | "multiple"; onValueChange?: (value: string) => void }) {
  const items = (
    <>
      <AccordionItem value="a11y">
        <AccordionTrigger>Is it accessible?</AccordionTrigger>
        <AccordionContent>Yes. It adheres to the WAI-ARIA design pattern.</AccordionContent>
      </AccordionItem>
      <AccordionItem value="styled">
        <AccordionTrigger>Is it styled?</AccordionTrigger>
        <AccordionContent>Yes. It comes with default styles.</AccordionContent>
      </AccordionItem>
    </>
  )
  if (props.type === "multiple") return <Accordion type="multiple">{items}</Accordion>
  return (
    <Accordion type="single" collapsible onValueChange={props.onValueChange}>
      {items}
    </Accordion>
  )
}

describe("Accordion", () => {
  it("starts collapsed with the content hidden", () => {
    render(<Faq />)
    const trigger = screen.getByRole("button", { name: "Is it accessible?" })
    expect(trigger).toHaveAttribute("aria-expanded", "false")
    expect(trigger).toHaveAttribute("data-slot", "accordion-trigger")
    expect(screen.queryByText("Yes. It adheres to the WAI-ARIA design pattern.")).not.toBeInTheDocument()
  })

  it("expands and collapses on click", async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    render(<Faq onValueChange={onValueChange} />)
    const trigger = screen.getByRole("button", { name: "Is it accessible?" })

    await user.click(trigger)
    expect(trigger).toHaveAttribute("aria-expanded", "true")
    const region = screen.getByRole("region", { name: "Is it accessible?" })
    expect(region).toHaveTextContent("Yes. It adheres to the WAI-ARIA design pattern.")
    expect(trigger).toHaveAttribute("aria-controls", region.id)
    expect(onValueChange).toHaveBeenLastCalledWith("a11y")

    await user.click(trigger)
    expect(trigger).toHaveAttribute("aria-expanded", "false")
    expect(screen.queryByText("Yes. It adheres to the WAI-ARIA design pattern.")).not.toBeInTheDocument()
    expect(onValueChange).toHaveBeenLastCalledWith("")
  })

  it("opens only one item at a time when type is single", async () => {
    const user = userEvent.setup()
    render(<Faq />)
    const first = screen.getByRole("button", { name: "Is it accessible?" })
    const second = screen.getByRole("button", { name: "Is it styled?" })

    await user.click(first)
    await user.click(second)

    expect(first).toHaveAttribute("aria-expanded", "false")
    expect(second).toHaveAttribute("aria-expanded", "true")
    expect(screen.getByText("Yes. It comes with default styles.")).toBeInTheDocument()
  })

  it("keeps several items open when type is multiple", async () => {
    const user = userEvent.setup()
    render(<Faq type="multiple" />)
    await user.click(screen.getByRole("button", { name: "Is it accessible?" }))
    await user.click(screen.getByRole("button", { name: "Is it styled?" }))

    expect(screen.getByRole("button", { name: "Is it accessible?" })).toHaveAttribute("aria-expanded", "true")
    expect(screen.getByRole("button", { name: "Is it styled?" })).toHaveAttribute("aria-expanded", "true")
  })

  it("works with the keyboard: Enter/Space toggle, arrows move focus", async () => {
    const user = userEvent.setup()
    render(<Faq />)
    const first = screen.getByRole("button", { name: "Is it accessible?" })
    const second = screen.getByRole("button", { name: "Is it styled?" })

    await user.tab()
    expect(first).toHaveFocus()
    await user.keyboard("{Enter}")
    expect(first).toHaveAttribute("aria-expanded", "true")

    await user.keyboard("{ArrowDown}")
    expect(second).toHaveFocus()
    await user.keyboard(" ")
    expect(second).toHaveAttribute("aria-expanded", "true")
    expect(first).toHaveAttribute("aria-expanded", "false")

    await user.keyboard(" ")
    expect(second).toHaveAttribute("aria-expanded", "false")
    await user.keyboard("{ArrowUp}")
    expect(first).toHaveFocus()
  })

  it("renders the chevron icon and data-slots", () => {
    const { container } = render(<Faq />)
    expect(screen.getByRole("button", { name: "Is it accessible?" }).querySelector("svg")).toHaveClass(
      "lucide-chevron-down",
    )
    expect(container.querySelector('[data-slot="accordion"]')).toBeInTheDocument()
    expect(container.querySelectorAll('[data-slot="accordion-item"]')).toHaveLength(2)
  })
})
