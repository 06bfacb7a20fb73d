import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import CharacterCounter from "./CharacterCounter"

describe("CharacterCounter (template)", () => {
  it("counts characters as people see them, down from the limit", async () => {
    const user = userEvent.setup()
    render(<CharacterCounter maxChars={10} />)
    expect(screen.getByText("10 characters left")).toBeInTheDocument()
    await user.type(screen.getByRole("textbox", { name: "Message" }), "Hi 👋")
    expect(screen.getByText("6 characters left")).toBeInTheDocument()
  })

  it("says how many are over the limit and disables the button", async () => {
    const user = userEvent.setup()
    render(<CharacterCounter maxChars={3} />)
    await user.click(screen.getByRole("textbox", { name: "Message" }))
    await user.paste("abcd")
    expect(screen.getByText("1 character over the limit")).toHaveClass("text-destructive")
    expect(screen.getByRole("button", { name: "Submit" })).toBeDisabled()
  })

  it("submits the trimmed text and empties the field when clearOnSubmit is on", async () => {
    const user = userEvent.setup()
    const onSubmit = vi.fn()
    render(<CharacterCounter clearOnSubmit onSubmit={onSubmit} />)
    await user.type(screen.getByRole("textbox", { name: "Message" }), " Hello ")
    await user.click(screen.getByRole("button", { name: "Submit" }))
    expect(onSubmit).toHaveBeenCalledWith("Hello")
    expect(screen.getByRole("textbox", { name: "Message" })).toHaveValue("")
  })
})
