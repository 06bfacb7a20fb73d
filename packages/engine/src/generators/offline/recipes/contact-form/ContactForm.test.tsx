import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import ContactForm from "./ContactForm"

async function fillIn(user: ReturnType<typeof userEvent.setup>, entries: Record<string, string>) {
  for (const [label, value] of Object.entries(entries)) {
    await user.click(screen.getByLabelText(label))
    await user.paste(value)
  }
}

describe("ContactForm (template)", () => {
  it("says what is missing, then sends the trimmed values and thanks the person", async () => {
    const user = userEvent.setup()
    const onSubmit = vi.fn()
    render(<ContactForm showSubject showPhone onSubmit={onSubmit} />)
    await user.click(screen.getByRole("button", { name: "Send message" }))
    expect(screen.getByText("Enter your name")).toBeInTheDocument()
    expect(screen.getByText("Enter your email address")).toBeInTheDocument()
    expect(screen.getByText("Enter a subject")).toBeInTheDocument()
    expect(screen.getByText("Enter a message")).toBeInTheDocument()
    expect(onSubmit).not.toHaveBeenCalled()
    await fillIn(user, {
      Name: " Jane Cooper ",
      Email: "jane@example.com",
      "Phone (optional)": "555 0100",
      Subject: "Partnership",
      Message: "Hello there",
    })
    await user.click(screen.getByRole("button", { name: "Send message" }))
    expect(onSubmit).toHaveBeenCalledWith({
      name: "Jane Cooper",
      email: "jane@example.com",
      phone: "555 0100",
      subject: "Partnership",
      message: "Hello there",
    })
    expect(
      within(screen.getByRole("status")).getByText("Thanks for reaching out! We'll get back to you soon."),
    ).toBeInTheDocument()
  })

  it("counts the message against its limit and cuts it there", async () => {
    const user = userEvent.setup()
    render(<ContactForm maxLength={10} />)
    const message = screen.getByLabelText("Message")
    await user.type(message, "Hi")
    expect(screen.getByText("2/10")).toBeInTheDocument()
    await user.paste("a".repeat(20))
    expect(message).toHaveValue("Hi" + "a".repeat(8))
    expect(screen.getByText("10/10")).toBeInTheDocument()
  })

  it("brings back an empty form with Send another message", async () => {
    const user = userEvent.setup()
    render(<ContactForm />)
    await fillIn(user, { Name: "Jane", Email: "jane@example.com", Message: "Hello" })
    await user.click(screen.getByRole("button", { name: "Send message" }))
    expect(screen.queryByLabelText("Message")).not.toBeInTheDocument()
    await user.click(screen.getByRole("button", { name: "Send another message" }))
    expect(screen.getByLabelText("Name")).toHaveValue("")
    expect(screen.getByLabelText("Message")).toHaveValue("")
  })
})
