import { fireEvent, render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import RangeSlider from "./RangeSlider"

describe("RangeSlider (template)", () => {
  it("snaps to the step, shows the value with its units and moves by keyboard", async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    render(
      <RangeSlider
        label="Opacity"
        min={0}
        max={1}
        step={0.1}
        defaultValue={0.33}
        suffix="%"
        onValueChange={onValueChange}
      />,
    )
    const slider = screen.getByRole("slider", { name: "Opacity" })
    expect(slider).toHaveValue("0.3")
    expect(screen.getByRole("status")).toHaveTextContent("0.3%")
    await user.tab()
    await user.keyboard("{ArrowRight}")
    expect(onValueChange).toHaveBeenLastCalledWith([0.4])
    await user.keyboard("{End}")
    expect(screen.getByRole("status")).toHaveTextContent("1%")
  })

  it("keeps two thumbs from passing each other and writes thousands with commas", () => {
    const onValueChange = vi.fn()
    render(
      <RangeSlider
        range
        min={0}
        max={5000}
        step={50}
        defaultValue={1000}
        defaultHigh={4000}
        prefix="£"
        onValueChange={onValueChange}
      />,
    )
    expect(screen.getByRole("status")).toHaveTextContent("£1,000 – £4,000")
    fireEvent.change(screen.getByRole("slider", { name: "Minimum" }), { target: { value: "4500" } })
    expect(screen.getByRole("status")).toHaveTextContent("£4,000 – £4,000")
    fireEvent.change(screen.getByRole("slider", { name: "Maximum" }), { target: { value: "4820" } })
    expect(onValueChange).toHaveBeenLastCalledWith([4000, 4800])
  })
})
