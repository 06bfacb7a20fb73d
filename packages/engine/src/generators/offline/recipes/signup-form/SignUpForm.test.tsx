import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import SignUpForm from "./SignUpForm"

type User = ReturnType<typeof userEvent.setup>

async function fill(user: User, label: string, value: string) {
  await user.click(screen.getByLabelText(label))
  await user.paste(value)
}

describe("SignUpForm (template)", () => {
  it("asks for each field, refuses what is missing or invalid, then submits the values by key", async () => {
    const user = userEvent.setup()
    const onSubmit = vi.fn()
    render(<SignUpForm onSubmit={onSubmit} />)
    await user.click(screen.getByRole("button", { name: "Create account" }))
    expect(screen.getByText("Full name is required")).toBeInTheDocument()
    await fill(user, "Full name", " Ada Lovelace ")
    await fill(user, "Email", "ada@")
    await fill(user, "Password", "short")
    await user.click(screen.getByRole("button", { name: "Create account" }))
    expect(screen.getByText("Enter a valid email address")).toBeInTheDocument()
    expect(screen.getByText("Password must be at least 8 characters")).toBeInTheDocument()
    expect(screen.getByText("Passwords do not match")).toBeInTheDocument()
    await fill(user, "Email", "example.com")
    await fill(user, "Password", "-and-long")
    await fill(user, "Confirm password", "short-and-long")
    await user.click(screen.getByRole("button", { name: "Create account" }))
    expect(onSubmit).toHaveBeenCalledWith({
      name: "Ada Lovelace",
      email: "ada@example.com",
      password: "short-and-long",
    })
  })

  it("holds passwords to each rule and the account to the terms", async () => {
    const user = userEvent.setup()
    const onSubmit = vi.fn()
    render(
      <SignUpForm
        fields={[{ key: "password", label: "Password", type: "password", autoComplete: "new-password" }]}
        minPasswordLength={4}
        requireNumber
        requireUppercase
        requireSymbol
        confirmPassword={false}
        requireTerms
        termsLabel="I accept"
        onSubmit={onSubmit}
      />,
    )
    const password = screen.getByLabelText("Password")
    for (const [value, message] of [
      ["abcd", "Password must include a number"],
      ["abc1", "Password must include an uppercase letter"],
      ["Abc1", "Password must include a symbol"],
      ["Abc1!", "You must accept the terms to continue"],
    ]) {
      await user.clear(password)
      await user.paste(value!)
      await user.click(screen.getByRole("button", { name: "Create account" }))
      expect(screen.getByText(message!)).toBeInTheDocument()
    }
    expect(onSubmit).not.toHaveBeenCalled()
    await user.click(screen.getByRole("checkbox", { name: "I accept" }))
    await user.click(screen.getByRole("button", { name: "Create account" }))
    expect(onSubmit).toHaveBeenCalledWith({ password: "Abc1!" })
  })

  it("shows and hides the password", async () => {
    const user = userEvent.setup()
    render(<SignUpForm />)
    await user.click(screen.getByRole("button", { name: "Show password" }))
    expect(screen.getByLabelText("Password")).toHaveAttribute("type", "text")
    expect(screen.getByLabelText("Confirm password")).toHaveAttribute("type", "text")
    await user.click(screen.getByRole("button", { name: "Hide password" }))
    expect(screen.getByLabelText("Password")).toHaveAttribute("type", "password")
  })
})
