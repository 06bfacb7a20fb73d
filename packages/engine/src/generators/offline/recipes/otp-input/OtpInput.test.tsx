import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import OtpInput from "./OtpInput"

const box = (index: number, length = 6) => screen.getByLabelText(`Digit ${index} of ${length}`)

describe("OtpInput (template)", () => {
  it("moves on as digits are typed, ignores other keys and reports the whole code once", async () => {
    const user = userEvent.setup()
    const onComplete = vi.fn()
    render(<OtpInput length={4} onComplete={onComplete} />)
    await user.click(box(1, 4))
    await user.keyboard("1a23")
    expect(box(4, 4)).toHaveFocus()
    expect(onComplete).not.toHaveBeenCalled()
    await user.keyboard("4")
    expect(onComplete).toHaveBeenCalledWith("1234")
  })

  it("fills every box from a paste and goes back on Backspace", async () => {
    const user = userEvent.setup()
    render(<OtpInput />)
    await user.click(box(1))
    await user.paste("987654")
    expect(screen.getAllByRole("textbox").map((input) => (input as HTMLInputElement).value)).toEqual([
      "9",
      "8",
      "7",
      "6",
      "5",
      "4",
    ])
    await user.click(box(3))
    await user.keyboard("{Backspace}{Backspace}")
    expect(box(2)).toHaveFocus()
  })

  it("has a resend button only with a wait", () => {
    const { unmount } = render(<OtpInput />)
    expect(screen.queryByRole("button", { name: /Resend code/ })).not.toBeInTheDocument()
    unmount()
    render(<OtpInput resendSeconds={30} />)
    expect(screen.getByRole("button", { name: "Resend code in 30s" })).toBeDisabled()
  })
})
