import { act, fireEvent, render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import { withFakeTimersInEachTest } from "../test-support/fake-timers"
import Carousel from "./Carousel"

const SLIDES = [
  { title: "Summer sale", description: "Up to 50% off." },
  { title: "New arrivals", description: "Fresh for the season." },
  { title: "Free shipping", description: "On every order." },
]

function shown() {
  return within(screen.getByRole("group", { name: /^\d+ of \d+$/ })).getByRole("heading").textContent
}

describe("Carousel (template)", () => {
  it("shows one slide at a time; arrows, dots and arrow keys move, wrapping around", async () => {
    const user = userEvent.setup()
    render(<Carousel slides={SLIDES} title="Offers" />)
    expect(screen.getByRole("region", { name: "Offers" })).toBeInTheDocument()
    expect(shown()).toBe("Summer sale")
    await user.click(screen.getByRole("button", { name: "Previous slide" }))
    expect(shown()).toBe("Free shipping")
    expect(screen.getByText("3 of 3")).toBeInTheDocument()
    const dots = screen.getAllByRole("button", { name: /^Go to slide/ })
    await user.click(dots[1]!)
    expect(shown()).toBe("New arrivals")
    expect(dots[1]).toHaveAttribute("aria-current", "true")
    await user.keyboard("{ArrowRight}")
    expect(shown()).toBe("Free shipping")
    expect(screen.queryByRole("button", { name: "Pause slideshow" })).not.toBeInTheDocument()
  })

  it("stops at the ends when it does not loop", async () => {
    const user = userEvent.setup()
    render(<Carousel slides={SLIDES} loop={false} />)
    expect(screen.getByRole("button", { name: "Previous slide" })).toBeDisabled()
    await user.click(screen.getAllByRole("button", { name: /^Go to slide/ })[2]!)
    expect(screen.getByRole("button", { name: "Next slide" })).toBeDisabled()
    await user.keyboard("{ArrowRight}")
    expect(shown()).toBe("Free shipping")
  })

  describe("with autoplay", () => {
    withFakeTimersInEachTest()

    it("moves on by itself, holds while hovered and stops when paused", () => {
      render(<Carousel slides={SLIDES} autoplaySeconds={3} />)
      act(() => {
        vi.advanceTimersByTime(3000)
      })
      expect(shown()).toBe("New arrivals")
      fireEvent.mouseEnter(screen.getByRole("region"))
      act(() => {
        vi.advanceTimersByTime(9000)
      })
      expect(shown()).toBe("New arrivals")
      fireEvent.mouseLeave(screen.getByRole("region"))
      fireEvent.click(screen.getByRole("button", { name: "Pause slideshow" }))
      act(() => {
        vi.advanceTimersByTime(9000)
      })
      expect(shown()).toBe("New arrivals")
      expect(screen.getByRole("button", { name: "Play slideshow" })).toBeInTheDocument()
    })
  })
})
