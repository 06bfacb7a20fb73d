import { fireEvent, render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { useState } from "react"
import { describe, expect, it, vi } from "vitest"
import type { Contract } from "@studio/protocol"
import { pricingContract } from "../run/run-fixtures"
import { DesignPanel } from "./design-panel"
import type { ControlValue } from "./prop-values"

/** The panel as the studio uses it: values held by the parent, updated on every change. */
function Harness({
  contract = pricingContract,
  onChange = () => {},
  onReset = () => {},
  initial = {},
}: {
  contract?: Contract | null
  onChange?: (name: string, value: ControlValue) => void
  onReset?: () => void
  initial?: Record<string, unknown>
}) {
  const [values, setValues] = useState<Record<string, unknown>>(initial)
  return (
    <DesignPanel
      contract={contract}
      values={values}
      onChange={(name, value) => {
        onChange(name, value)
        setValues((current) => ({ ...current, [name]: value }))
      }}
      onReset={() => {
        onReset()
        setValues({})
      }}
    />
  )
}

describe("DesignPanel", () => {
  it("asks for a component first when there is no contract", () => {
    render(<DesignPanel contract={undefined} values={{}} onChange={() => {}} onReset={() => {}} />)
    expect(screen.getByText("Generate a component first; its props appear here.")).toBeInTheDocument()
    expect(screen.queryByRole("button", { name: "Reset" })).not.toBeInTheDocument()
  })

  it("shows one control per prop, named by the prop, with its default and help text", () => {
    render(<Harness />)

    const title = screen.getByRole("textbox", { name: "title" })
    expect(title).toHaveValue("Pricing")
    expect(title).toHaveAccessibleDescription("Heading above the tiers")
    expect(screen.getByRole("spinbutton", { name: "columns" })).toHaveValue(3)
    expect(screen.getByRole("switch", { name: "showAnnual" })).not.toBeChecked()
    expect(screen.getByRole("combobox", { name: "highlighted" })).toHaveValue("pro")
    expect(screen.getByRole("textbox", { name: "accent" })).toHaveValue("#3b82f6")
    expect(screen.getByLabelText("Pick accent")).toHaveValue("#3b82f6")

    const inCode = within(screen.getByRole("list", { name: "Props set in code" })).getAllByRole("listitem")
    expect(inCode).toHaveLength(2)
    expect(inCode[0]).toHaveTextContent(/^tiers\* \(required\)Tier\[\]The plans to show · set in code$/)
    expect(inCode[1]).toHaveTextContent(/^onSelect\(tier: Tier\) => voidset in code$/)
  })

  it("shows the person's values over the defaults", () => {
    render(<Harness initial={{ columns: 5, highlighted: "team", showAnnual: true }} />)
    expect(screen.getByRole("spinbutton", { name: "columns" })).toHaveValue(5)
    expect(screen.getByRole("combobox", { name: "highlighted" })).toHaveValue("team")
    expect(screen.getByRole("switch", { name: "showAnnual" })).toBeChecked()
  })

  it("sends text on every keystroke", async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(<Harness onChange={onChange} />)
    const title = screen.getByRole("textbox", { name: "title" })

    await user.clear(title)
    expect(onChange).toHaveBeenLastCalledWith("title", "")
    await user.type(title, "Plans")
    expect(onChange.mock.calls.slice(-5)).toEqual([
      ["title", "P"],
      ["title", "Pl"],
      ["title", "Pla"],
      ["title", "Plan"],
      ["title", "Plans"],
    ])
    expect(title).toHaveValue("Plans")
  })

  it("sends numbers as numbers, and never a half-typed one", async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(<Harness onChange={onChange} />)
    const columns = screen.getByRole("spinbutton", { name: "columns" })

    await user.clear(columns)
    expect(onChange).not.toHaveBeenCalled()
    await user.type(columns, "4")
    expect(onChange).toHaveBeenLastCalledWith("columns", 4)
    expect(typeof onChange.mock.lastCall?.[1]).toBe("number")

    await user.clear(columns)
    await user.tab()
    // An empty field goes back to the last number rather than sending nothing.
    expect(columns).toHaveValue(4)
    expect(onChange).toHaveBeenCalledTimes(1)
  })

  it("toggles booleans by click and by keyboard", async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(<Harness onChange={onChange} />)
    const toggle = screen.getByRole("switch", { name: "showAnnual" })
    expect(toggle).toHaveAccessibleDescription("Show annual prices")

    await user.click(toggle)
    expect(onChange).toHaveBeenLastCalledWith("showAnnual", true)
    expect(toggle).toBeChecked()

    toggle.focus()
    await user.keyboard(" ")
    expect(onChange).toHaveBeenLastCalledWith("showAnnual", false)
    expect(toggle).not.toBeChecked()
  })

  it("picks an option of a union", async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(<Harness onChange={onChange} />)
    const select = screen.getByRole("combobox", { name: "highlighted" })
    expect(
      within(select)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["basic", "pro", "team"])

    await user.selectOptions(select, "team")
    expect(onChange).toHaveBeenLastCalledWith("highlighted", "team")
    expect(select).toHaveValue("team")
  })

  it("offers the component's own default when a select has no value", async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    const contract: Contract = {
      ...pricingContract,
      props: [{ name: "size", type: "string", required: false, control: "select", options: ["sm", "lg"] }],
    }
    render(<Harness contract={contract} onChange={onChange} />)
    const select = screen.getByRole("combobox", { name: "size" })
    expect(select).toHaveValue("")
    expect(within(select).getByRole("option", { name: "Component default" })).toBeInTheDocument()
    await user.selectOptions(select, "lg")
    expect(onChange).toHaveBeenLastCalledWith("size", "lg")
  })

  it("sends colours as hex from the text field and the picker", async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(<Harness onChange={onChange} />)
    const hex = screen.getByRole("textbox", { name: "accent" })

    await user.clear(hex)
    await user.type(hex, "#FF00")
    expect(hex).toHaveAttribute("aria-invalid", "true")
    expect(onChange.mock.calls.every(([, value]) => value === "#ffff00" || value === "#ff0000")).toBe(true)
    await user.type(hex, "00")
    expect(onChange).toHaveBeenLastCalledWith("accent", "#ff0000")
    expect(hex).not.toHaveAttribute("aria-invalid")
    expect(screen.getByLabelText("Pick accent")).toHaveValue("#ff0000")

    fireEvent.input(screen.getByLabelText("Pick accent"), { target: { value: "#00ff00" } })
    expect(onChange).toHaveBeenLastCalledWith("accent", "#00ff00")
    expect(hex).toHaveValue("#00ff00")
  })

  it("resets every control to its default", async () => {
    const user = userEvent.setup()
    const onReset = vi.fn()
    render(
      <Harness
        onReset={onReset}
        initial={{ columns: 6, title: "Plans", accent: "#000000", showAnnual: true }}
      />,
    )

    await user.click(screen.getByRole("button", { name: "Reset" }))
    expect(onReset).toHaveBeenCalledOnce()
    expect(screen.getByRole("spinbutton", { name: "columns" })).toHaveValue(3)
    expect(screen.getByRole("textbox", { name: "title" })).toHaveValue("Pricing")
    expect(screen.getByRole("textbox", { name: "accent" })).toHaveValue("#3b82f6")
    expect(screen.getByRole("switch", { name: "showAnnual" })).not.toBeChecked()
  })

  it("says how fast the preview repainted", () => {
    const { rerender } = render(
      <DesignPanel contract={pricingContract} values={{}} onChange={() => {}} onReset={() => {}} />,
    )
    expect(screen.getByRole("status")).toBeEmptyDOMElement()
    rerender(
      <DesignPanel
        contract={pricingContract}
        values={{}}
        onChange={() => {}}
        onReset={() => {}}
        lastRepaintMs={12}
      />,
    )
    expect(screen.getByRole("status")).toHaveTextContent("Preview updated in 12 ms")
  })

  it("handles a component without props and props named like Object's own members", () => {
    const { rerender } = render(<Harness contract={{ ...pricingContract, props: [] }} />)
    expect(screen.getByText("PricingTable takes no props.")).toBeInTheDocument()

    const odd: Contract = {
      ...pricingContract,
      props: [
        { name: "constructor", type: "number", required: false },
        { name: "toString", type: "string", required: false },
      ],
    }
    rerender(<DesignPanel contract={odd} values={{}} onChange={() => {}} onReset={() => {}} />)
    expect(screen.getByRole("spinbutton", { name: "constructor" })).toHaveValue(null)
    expect(screen.getByRole("textbox", { name: "toString" })).toHaveValue("")
  })
})
