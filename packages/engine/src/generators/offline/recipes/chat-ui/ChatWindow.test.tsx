import { act, fireEvent, render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it, vi } from "vitest"
import ChatWindow from "./ChatWindow"

function messages() {
  return within(screen.getByRole("log", { name: "Messages" })).queryAllByRole("listitem")
}

afterEach(() => {
  vi.useRealTimers()
})

describe("ChatWindow (template)", () => {
  it("sends with Enter, not with Shift+Enter or a blank message, and calls onSend", async () => {
    const user = userEvent.setup()
    const onSend = vi.fn()
    render(<ChatWindow botName="Milo" messages={[]} reply="" onSend={onSend} />)
    expect(screen.getByRole("region", { name: "Milo" })).toBeInTheDocument()
    expect(screen.getByText("No messages yet")).toBeInTheDocument()
    const input = screen.getByLabelText("Message")
    await user.type(input, "   {Enter}")
    expect(messages()).toHaveLength(0)
    await user.type(input, "One{Shift>}{Enter}{/Shift}Two{Enter}")
    expect(messages()).toHaveLength(1)
    expect(onSend).toHaveBeenCalledWith("One\nTwo")
    expect(screen.getByRole("status")).toHaveTextContent("")
  })

  it("shows that the bot is typing, then its reply after the delay, each message with its time", () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date(2024, 2, 15, 0, 7))
    render(<ChatWindow reply="On it!" replyDelayMs={1500} />)
    expect(messages()[0]).toHaveTextContent("Hi, I'm Ava! How can I help you today?")
    fireEvent.change(screen.getByLabelText("Message"), { target: { value: "Hello?" } })
    fireEvent.click(screen.getByRole("button", { name: "Send" }))
    expect(messages().at(-1)).toHaveTextContent("12:07 AM")
    expect(screen.getByRole("status")).toHaveTextContent("Ava is typing…")
    act(() => {
      vi.advanceTimersByTime(1499)
    })
    expect(messages()).toHaveLength(2)
    act(() => {
      vi.advanceTimersByTime(1)
    })
    expect(messages().at(-1)).toHaveTextContent("On it!")
    expect(screen.getByRole("status")).toHaveTextContent("")
  })
})
