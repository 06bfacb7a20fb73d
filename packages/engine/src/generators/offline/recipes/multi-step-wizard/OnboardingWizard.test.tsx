import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import OnboardingWizard from "./OnboardingWizard"

describe("OnboardingWizard (template)", () => {
  it("holds a step until its field is filled, and goes back keeping the answer", async () => {
    const user = userEvent.setup()
    render(<OnboardingWizard />)
    expect(screen.getByText("Step 1 of 4")).toBeInTheDocument()
    expect(screen.getByRole("progressbar", { name: "Progress" })).toHaveAttribute("aria-valuenow", "25")
    await user.click(screen.getByRole("button", { name: "Next" }))
    expect(screen.getByRole("alert")).toHaveTextContent("Full name is required")
    await user.type(screen.getByLabelText("Full name"), "Ada")
    await user.click(screen.getByRole("button", { name: "Next" }))
    expect(screen.getByText("Step 2 of 4")).toBeInTheDocument()
    expect(screen.getByRole("heading", { name: "Workspace", level: 3 })).toBeInTheDocument()
    await user.click(screen.getByRole("button", { name: "Back" }))
    expect(screen.getByLabelText("Full name")).toHaveValue("Ada")
    expect(screen.getByRole("button", { name: "Back" })).toBeDisabled()
  })

  it("checks an email step, summarises the answers and finishes with them", async () => {
    const user = userEvent.setup()
    const onFinish = vi.fn()
    render(
      <OnboardingWizard
        steps={[
          { title: "Account", field: "Email", type: "email" },
          { title: "Review", field: "", type: "review" },
        ]}
        finishLabel="Create account"
        onFinish={onFinish}
      />,
    )
    await user.type(screen.getByLabelText("Email"), "ada@")
    await user.click(screen.getByRole("button", { name: "Next" }))
    expect(screen.getByRole("alert")).toHaveTextContent("Enter a valid email address")
    await user.type(screen.getByLabelText("Email"), "example.com")
    await user.click(screen.getByRole("button", { name: "Next" }))
    expect(screen.getByText("ada@example.com")).toBeInTheDocument()
    await user.click(screen.getByRole("button", { name: "Create account" }))
    expect(onFinish).toHaveBeenCalledWith({ Email: "ada@example.com" })
    expect(within(screen.getByRole("status")).getByText("You're all set!")).toBeInTheDocument()
    expect(screen.getByText("Completed")).toBeInTheDocument()
  })
})
