import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, it, expect, vi } from "vitest"

import {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectSeparator,
  SelectTrigger,
  SelectValue,
} from "./select"

function Fruits({
  onValueChange,
  defaultValue,
  size,
}: {
  onValueChange?: (value: string) => void
  defaultValue?: string
  size?: "sm" | "default"
}) {
  return (
    <Select onValueChange={onValueChange} defaultValue={defaultValue}>
      <SelectTrigger aria-label="Fruit" size={size}>
        <SelectValue placeholder="Pick a fruit" />
      </SelectTrigger>
      <SelectContent>
        <SelectGroup>
          <SelectLabel>Fruits</SelectLabel>
          <SelectItem value="apple">Apple</SelectItem>
          <SelectItem value="banana">Banana</SelectItem>
          <SelectSeparator />
          <SelectItem value="cherry">Cherry</SelectItem>
          <SelectItem value="durian" disabled>
            Durian
          </SelectItem>
        </SelectGroup>
      </SelectContent>
    </Select>
  )
}

describe("Select", () => {
  it("shows the placeholder in a closed combobox", () => {
    render(<Fruits />)
    const trigger = screen.getByRole("combobox", { name: "Fruit" })
    expect(trigger).toHaveTextContent("Pick a fruit")
    expect(trigger).toHaveAttribute("aria-expanded", "false")
    expect(trigger).toHaveAttribute("data-slot", "select-trigger")
    expect(trigger).toHaveAttribute("data-size", "default")
    expect(screen.queryByRole("listbox")).not.toBeInTheDocument()
  })

  it("opens a listbox of options when the trigger is clicked", async () => {
    const user = userEvent.setup()
    render(<Fruits />)
    const trigger = screen.getByRole("combobox", { name: "Fruit" })
    await user.click(trigger)

    expect(screen.getByRole("listbox")).toBeInTheDocument()
    expect(trigger).toHaveAttribute("aria-expanded", "true")
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Apple",
      "Banana",
      "Cherry",
      "Durian",
    ])
    expect(screen.getByRole("option", { name: "Durian" })).toHaveAttribute("aria-disabled", "true")
    expect(screen.getByText("Fruits")).toHaveAttribute("data-slot", "select-label")
  })

  it("chooses an option by click, calls onValueChange and shows the value", async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    render(<Fruits onValueChange={onValueChange} />)
    const trigger = screen.getByRole("combobox", { name: "Fruit" })
    await user.click(trigger)

    await user.click(screen.getByRole("option", { name: "Banana" }))

    expect(onValueChange).toHaveBeenCalledTimes(1)
    expect(onValueChange).toHaveBeenCalledWith("banana")
    expect(screen.queryByRole("listbox")).not.toBeInTheDocument()
    expect(trigger).toHaveTextContent("Banana")
    expect(trigger).not.toHaveTextContent("Pick a fruit")
    expect(trigger).toHaveFocus()
  })

  it("chooses an option with the keyboard", async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    render(<Fruits onValueChange={onValueChange} />)
    const trigger = screen.getByRole("combobox", { name: "Fruit" })
    trigger.focus()

    await user.keyboard("{Enter}")
    expect(screen.getByRole("listbox")).toBeInTheDocument()
    await user.keyboard("{ArrowDown}")
    await user.keyboard("{Enter}")

    expect(onValueChange).toHaveBeenCalledWith("banana")
    expect(screen.queryByRole("listbox")).not.toBeInTheDocument()
    expect(trigger).toHaveTextContent("Banana")
  })

  it("skips disabled options and closes on Escape without changing the value", async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    render(<Fruits defaultValue="cherry" onValueChange={onValueChange} />)
    const trigger = screen.getByRole("combobox", { name: "Fruit" })
    expect(trigger).toHaveTextContent("Cherry")
    trigger.focus()

    await user.keyboard("{ArrowDown}")
    expect(screen.getByRole("option", { name: "Cherry" })).toHaveAttribute("aria-selected", "true")
    await user.keyboard("{ArrowDown}")
    expect(screen.getByRole("option", { name: "Cherry" })).toHaveFocus()
    await user.keyboard("{Escape}")

    expect(screen.queryByRole("listbox")).not.toBeInTheDocument()
    expect(onValueChange).not.toHaveBeenCalled()
    expect(trigger).toHaveTextContent("Cherry")
  })

  it("supports the sm trigger size", () => {
    render(<Fruits size="sm" />)
    expect(screen.getByRole("combobox", { name: "Fruit" })).toHaveAttribute("data-size", "sm")
  })

  it("works as a controlled component", async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    const { rerender } = render(
      <Select value="apple" onValueChange={onValueChange}>
        <SelectTrigger aria-label="Fruit">
          <SelectValue />
        </SelectTrigger>
        <SelectContent position="popper">
          <SelectItem value="apple">Apple</SelectItem>
          <SelectItem value="banana">Banana</SelectItem>
        </SelectContent>
      </Select>,
    )
    const trigger = screen.getByRole("combobox", { name: "Fruit" })
    expect(trigger).toHaveTextContent("Apple")
    await user.click(trigger)
    await user.click(screen.getByRole("option", { name: "Banana" }))
    expect(onValueChange).toHaveBeenCalledWith("banana")
    expect(trigger).toHaveTextContent("Apple")

    rerender(
      <Select value="banana" onValueChange={onValueChange}>
        <SelectTrigger aria-label="Fruit">
          <SelectValue />
        </SelectTrigger>
        <SelectContent position="popper">
          <SelectItem value="apple">Apple</SelectItem>
          <SelectItem value="banana">Banana</SelectItem>
        </SelectContent>
      </Select>,
    )
    expect(trigger).toHaveTextContent("Banana")
  })
})
