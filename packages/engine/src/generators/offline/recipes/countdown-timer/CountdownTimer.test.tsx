import { fireEvent, render, screen } from "@testing-library/react"
import { describe, expect, it, vi } from "vitest"
import { advance, withFakeTimersInEachTest } from "../test-support/fake-timers"
import CountdownTimer from "./CountdownTimer"

withFakeTimersInEachTest()

describe("CountdownTimer (template)", () => {
  it("counts down from its duration, holds on Pause and goes back on Reset", () => {
    render(<CountdownTimer durationSeconds={90} />)
    expect(screen.getByRole("timer")).toHaveTextContent("01:30")
    fireEvent.click(screen.getByRole("button", { name: "Start" }))
    advance(31_000)
    expect(screen.getByRole("timer")).toHaveTextContent("00:59")
    fireEvent.click(screen.getByRole("button", { name: "Pause" }))
    advance(5000)
    expect(screen.getByRole("timer")).toHaveTextContent("00:59")
    fireEvent.click(screen.getByRole("button", { name: "Reset" }))
    expect(screen.getByRole("timer")).toHaveTextContent("01:30")
  })

  it("shows hours past an hour", () => {
    render(<CountdownTimer durationSeconds={3725} />)
    expect(screen.getByRole("timer")).toHaveTextContent("1:02:05")
  })

  it("at zero says its message and calls onComplete once", () => {
    const onComplete = vi.fn()
    render(<CountdownTimer durationSeconds={2} doneMessage="Tea is ready" onComplete={onComplete} />)
    fireEvent.click(screen.getByRole("button", { name: "Start" }))
    advance(4000)
    expect(screen.getByRole("status")).toHaveTextContent("Tea is ready")
    expect(onComplete).toHaveBeenCalledTimes(1)
  })
})
