import { act, render, screen } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"
import { useStudioStore } from "../../state/studio-store"
import { NoticeBanner } from "./notice-banner"

afterEach(() => {
  vi.useRealTimers()
  useStudioStore.getState().reset()
})

describe("NoticeBanner", () => {
  it("says when the hourly limit lifts, counting down", () => {
    vi.useFakeTimers({ now: 1_000_000 })
    useStudioStore.getState().setNotice({
      kind: "rate_limit",
      message: "60 prompts an hour.",
      until: 1_000_000 + 12 * 60_000 + 5_000,
    })
    render(<NoticeBanner />)
    const alert = screen.getByRole("alert")
    expect(alert).toHaveTextContent("You have reached this hour's prompt limit.")
    expect(alert).toHaveTextContent("You can send again in 12 min 05 s.")
    act(() => vi.advanceTimersByTime(6_000))
    expect(alert).toHaveTextContent("You can send again in 11 min 59 s.")
    act(() => vi.advanceTimersByTime(12 * 60_000))
    expect(alert).toHaveTextContent("You can send again now.")
  })

  it("shows errors and can be dismissed", () => {
    useStudioStore.getState().setNotice({ kind: "error", message: "No such version in this project." })
    render(<NoticeBanner />)
    expect(screen.getByRole("alert")).toHaveTextContent("No such version in this project.")
    act(() => screen.getByRole("button", { name: "Dismiss" }).click())
    expect(screen.queryByRole("alert")).toBeNull()
    expect(useStudioStore.getState().notice).toBeNull()
  })
})
