import { act, render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import ToastDemo from "./ToastDemo"

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true })
})

afterEach(() => {
  vi.useRealTimers()
})

describe("ToastDemo (template)", () => {
  it("shows a toast in a polite live region that dismisses itself after its duration", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    render(<ToastDemo message="Link copied!" triggerLabel="Copy link" durationMs={3000} />)
    const region = screen.getByRole("region", { name: "Notifications" })
    expect(region).toHaveAttribute("aria-live", "polite")
    await user.click(screen.getByRole("button", { name: "Copy link" }))
    expect(within(region).getByText("Link copied!")).toBeInTheDocument()
    act(() => {
      vi.advanceTimersByTime(3100)
    })
    expect(within(region).queryByText("Link copied!")).not.toBeInTheDocument()
  })

  it("stacks toasts, keeps them with no duration, and closes one with its button", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    render(<ToastDemo message="Saved" triggerLabel="Save" durationMs={0} />)
    const region = screen.getByRole("region", { name: "Notifications" })
    await user.click(screen.getByRole("button", { name: "Save" }))
    await user.click(screen.getByRole("button", { name: "Save" }))
    act(() => {
      vi.advanceTimersByTime(60_000)
    })
    expect(within(region).getAllByText("Saved")).toHaveLength(2)
    await user.click(within(region).getAllByRole("button", { name: "Dismiss notification" })[0]!)
    expect(within(region).getAllByText("Saved")).toHaveLength(1)
  })
})
