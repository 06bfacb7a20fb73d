import { fireEvent, render, screen, within } from "@testing-library/react"
import { describe, expect, it, vi } from "vitest"
import { advance, withFakeTimersInEachTest } from "../test-support/fake-timers"
import Stopwatch from "./Stopwatch"

withFakeTimersInEachTest()

describe("Stopwatch (template)", () => {
  it("counts up from 00:00.00, stops with onStop and resets", () => {
    const onStop = vi.fn()
    render(<Stopwatch onStop={onStop} />)
    expect(screen.getByRole("timer")).toHaveTextContent("00:00.00")
    fireEvent.click(screen.getByRole("button", { name: "Start" }))
    advance(61_500)
    expect(screen.getByRole("timer")).toHaveTextContent("01:01.50")
    fireEvent.click(screen.getByRole("button", { name: "Stop" }))
    expect(onStop).toHaveBeenCalledWith(61_500)
    fireEvent.click(screen.getByRole("button", { name: "Reset" }))
    expect(screen.getByRole("timer")).toHaveTextContent("00:00.00")
  })

  it("has no lap button unless laps are on, and then lists laps newest first", () => {
    const { unmount } = render(<Stopwatch />)
    expect(screen.queryByRole("button", { name: "Lap" })).not.toBeInTheDocument()
    unmount()
    render(<Stopwatch laps />)
    fireEvent.click(screen.getByRole("button", { name: "Start" }))
    advance(1000)
    fireEvent.click(screen.getByRole("button", { name: "Lap" }))
    advance(2500)
    fireEvent.click(screen.getByRole("button", { name: "Lap" }))
    const items = within(screen.getByRole("list", { name: "Laps" })).getAllByRole("listitem")
    expect(items[0]).toHaveTextContent("Lap 2")
    expect(items[0]).toHaveTextContent("00:02.50")
  })
})
