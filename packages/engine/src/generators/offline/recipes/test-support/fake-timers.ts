import { act } from "@testing-library/react"
import { afterEach, beforeEach, vi } from "vitest"

/** Fake timers for each test of the file that calls this (the templates' clocks, timers and stopwatches). */
export function withFakeTimersInEachTest(): void {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })
}

/** Moves the fake clock on, inside `act` so React renders what the timers did. */
export function advance(ms: number): void {
  act(() => {
    vi.advanceTimersByTime(ms)
  })
}
