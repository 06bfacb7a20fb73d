import { render, screen } from "@testing-library/react"
import { describe, it, expect } from "vitest"

import { Progress } from "./progress"

describe("Progress", () => {
  it("exposes a progressbar with its value", () => {
    render(<Progress value={40} aria-label="Upload" />)
    const bar = screen.getByRole("progressbar", { name: "Upload" })
    expect(bar).toHaveAttribute("aria-valuenow", "40")
    expect(bar).toHaveAttribute("aria-valuemin", "0")
    expect(bar).toHaveAttribute("aria-valuemax", "100")
    expect(bar).toHaveAttribute("data-state", "loading")
    expect(bar).toHaveAttribute("data-slot", "progress")
  })

  it("moves the indicator by the remaining percentage", () => {
    render(<Progress value={40} aria-label="Upload" />)
    const indicator = screen
      .getByRole("progressbar")
      .querySelector<HTMLElement>('[data-slot="progress-indicator"]')
    expect(indicator).not.toBeNull()
    expect(indicator?.style.transform).toBe("translateX(-60%)")
  })

  it("is complete at 100", () => {
    render(<Progress value={100} aria-label="Upload" />)
    const bar = screen.getByRole("progressbar")
    expect(bar).toHaveAttribute("aria-valuenow", "100")
    expect(bar).toHaveAttribute("data-state", "complete")
    expect(bar.querySelector<HTMLElement>('[data-slot="progress-indicator"]')?.style.transform).toBe(
      "translateX(-0%)",
    )
  })

  it("is indeterminate without a value and the indicator stays empty", () => {
    render(<Progress aria-label="Loading" />)
    const bar = screen.getByRole("progressbar", { name: "Loading" })
    expect(bar).not.toHaveAttribute("aria-valuenow")
    expect(bar).toHaveAttribute("data-state", "indeterminate")
    expect(bar.querySelector<HTMLElement>('[data-slot="progress-indicator"]')?.style.transform).toBe(
      "translateX(-100%)",
    )
  })

  it("respects a custom max", () => {
    render(<Progress value={3} max={4} aria-label="Steps" />)
    const bar = screen.getByRole("progressbar")
    expect(bar).toHaveAttribute("aria-valuemax", "4")
    expect(bar).toHaveAttribute("aria-valuenow", "3")
  })

  it("merges className", () => {
    render(<Progress value={10} className="h-4" aria-label="Upload" />)
    const bar = screen.getByRole("progressbar")
    expect(bar).toHaveClass("h-4", "rounded-full")
    expect(bar).not.toHaveClass("h-2")
  })
})
