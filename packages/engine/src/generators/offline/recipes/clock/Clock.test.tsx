import { render, screen } from "@testing-library/react"
import { beforeEach, describe, expect, it, vi } from "vitest"
import { advance, withFakeTimersInEachTest } from "../test-support/fake-timers"
import Clock from "./Clock"

const ZONES = [
  { label: "London", timeZone: "Europe/London" },
  { label: "Tokyo", timeZone: "Asia/Tokyo" },
]

withFakeTimersInEachTest()

beforeEach(() => {
  vi.setSystemTime(new Date("2024-03-15T14:30:05Z"))
})

describe("Clock (template)", () => {
  it("shows one place's time and date, ticking every second", () => {
    render(<Clock zones={[{ label: "UTC", timeZone: "UTC" }]} title="UTC" />)
    const clock = screen.getByRole("region", { name: "UTC" })
    expect(clock).toHaveTextContent("2:30:05 PM")
    expect(clock).toHaveTextContent("Friday, March 15, 2024")
    advance(1000)
    expect(clock).toHaveTextContent("2:30:06 PM")
  })

  it("uses the 24-hour clock without seconds, and holds a time passed as a prop", () => {
    render(
      <Clock
        zones={[{ label: "", timeZone: "UTC" }]}
        hour12={false}
        showSeconds={false}
        showDate={false}
        time={Date.UTC(2024, 0, 2, 3, 4, 5)}
      />,
    )
    const clock = screen.getByRole("region", { name: "Clock" })
    advance(120_000)
    expect(clock).toHaveTextContent(/^03:04$/)
  })

  it("as a world clock, shows a card for each place at its own time", () => {
    render(<Clock zones={ZONES} layout="world" />)
    expect(screen.getByRole("region", { name: "World clock" })).toBeInTheDocument()
    expect(screen.getAllByRole("listitem").map((item) => item.getAttribute("aria-label"))).toEqual([
      "London",
      "Tokyo",
    ])
    expect(screen.getByRole("listitem", { name: "London" })).toHaveTextContent("2:30:05 PM")
    expect(screen.getByRole("listitem", { name: "Tokyo" })).toHaveTextContent("11:30:05 PM")
    expect(screen.getByRole("listitem", { name: "Tokyo" })).toHaveTextContent("Fri, Mar 15 · GMT+9")
  })
})
