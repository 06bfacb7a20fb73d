import { createRef } from "react"
import { describe, it, expect, vi } from "vitest"
import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"

import { Textarea } from "./textarea"

describe("Textarea", () => {
  it("renders a multi-line textbox the user can type into", async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(<Textarea aria-label="Message" onChange={onChange} />)
    const textarea = screen.getByRole("textbox", { name: "Message" })
    expect(textarea.tagName).toBe("TEXTAREA")
    await user.type(textarea, "line one{Enter}line two")
    expect(textarea).toHaveValue("line one\nline two")
    expect(onChange).toHaveBeenCalled()
    expect(textarea).toHaveAttribute("data-slot", "textarea")
    expect(textarea).toHaveClass("border-input", "min-h-16", "w-full", "rounded-md")
  })

  it("forwards its ref to the textarea element", () => {
    const ref = createRef<HTMLTextAreaElement>()
    render(<Textarea ref={ref} aria-label="Notes" />)
    expect(ref.current).toBe(screen.getByRole("textbox", { name: "Notes" }))
  })

  it("forwards native props such as rows, placeholder, maxLength and disabled", async () => {
    const user = userEvent.setup()
    render(<Textarea rows={5} placeholder="Say something" maxLength={3} disabled />)
    const textarea = screen.getByPlaceholderText("Say something")
    expect(textarea).toHaveAttribute("rows", "5")
    expect(textarea).toHaveAttribute("maxlength", "3")
    expect(textarea).toBeDisabled()
    await user.type(textarea, "hello")
    expect(textarea).toHaveValue("")
  })

  it("respects maxLength while typing", async () => {
    const user = userEvent.setup()
    render(<Textarea aria-label="Short" maxLength={3} />)
    const textarea = screen.getByRole("textbox", { name: "Short" })
    await user.type(textarea, "hello")
    expect(textarea).toHaveValue("hel")
  })

  it("merges a custom className", () => {
    render(<Textarea aria-label="Tall" className="min-h-32" />)
    const textarea = screen.getByRole("textbox", { name: "Tall" })
    expect(textarea).toHaveClass("min-h-32")
    expect(textarea).not.toHaveClass("min-h-16")
  })
})
