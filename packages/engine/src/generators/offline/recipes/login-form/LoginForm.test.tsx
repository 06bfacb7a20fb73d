import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import LoginForm from "./LoginForm"

describe("LoginForm (template)", () => {
  it("refuses an invalid email and a short password, then submits valid values", async () => {
    const user = userEvent.setup()
    const onSubmit = vi.fn()
    render(<LoginForm minPasswordLength={8} onSubmit={onSubmit} />)
    await user.type(screen.getByLabelText("Email"), "ada@")
    await user.type(screen.getByLabelText("Password"), "short")
    await user.click(screen.getByRole("button", { name: "Sign in" }))
    expect(screen.getByText("Enter a valid email address")).toBeInTheDocument()
    expect(onSubmit).not.toHaveBeenCalled()
    await user.type(screen.getByLabelText("Email"), "example.com")
    await user.type(screen.getByLabelText("Password"), "-and-long")
    await user.click(screen.getByRole("button", { name: "Sign in" }))
    expect(onSubmit).toHaveBeenCalledWith({
      email: "ada@example.com",
      password: "short-and-long",
      remember: false,
    })
  })

  it("shows and hides the password, and has Remember me and Forgot password? only when asked", async () => {
    const user = userEvent.setup()
    const onForgotPassword = vi.fn()
    render(<LoginForm showRememberMe showForgotPassword onForgotPassword={onForgotPassword} />)
    await user.type(screen.getByLabelText("Password"), "s3cret")
    await user.click(screen.getByRole("button", { name: "Show password" }))
    expect(screen.getByLabelText("Password")).toHaveAttribute("type", "text")
    expect(screen.getByRole("checkbox", { name: "Remember me" })).toBeInTheDocument()
    await user.click(screen.getByRole("button", { name: "Forgot password?" }))
    expect(onForgotPassword).toHaveBeenCalledTimes(1)
  })
})
