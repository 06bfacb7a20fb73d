import { code } from "./test-builder"

/** Fake timers for every test, and `advance(ms)` to move them inside `act` (clocks, timers, stopwatches). */
export const FAKE_TIMERS = code`
  beforeEach(() => {
    vi.useFakeTimers()
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  function advance(ms: number) {
    act(() => {
      vi.advanceTimersByTime(ms)
    })
  }
`
