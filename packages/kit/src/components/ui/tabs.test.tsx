import { describe, it, expect, vi } from "vitest"
import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"

import { Tabs, TabsContent, TabsList, TabsTrigger } from "./tabs"

function AccountTabs(props: { onValueChange?: (value: string) => void; disablePassword?: boolean }) {
  return (
    <Tabs defaultValue="account" onValueChange={props.onValueChange}>
      <TabsList aria-label="Settings">
        <TabsTrigger value="account">Account</TabsTrigger>
        <TabsTrigger value="password" disabled={props.disablePassword}>
          Password
        </TabsTrigger>
        <TabsTrigger value="billing">Billing</TabsTrigger>
      </TabsList>
      <TabsContent value="account">Edit your profile.</TabsContent>
      <TabsContent value="password">Change your password.</TabsContent>
      <TabsContent value="billing">Manage billing.</TabsContent>
    </Tabs>
  )
}

describe("Tabs", () => {
  it("renders a tablist with the default tab selected and only its panel shown", () => {
    render(<AccountTabs />)
    expect(screen.getByRole("tablist", { name: "Settings" })).toHaveAttribute("data-slot", "tabs-list")
    expect(screen.getAllByRole("tab")).toHaveLength(3)
    const account = screen.getByRole("tab", { name: "Account" })
    expect(account).toHaveAttribute("aria-selected", "true")
    expect(account).toHaveAttribute("data-state", "active")
    expect(screen.getByRole("tab", { name: "Password" })).toHaveAttribute("aria-selected", "false")
    const panel = screen.getByRole("tabpanel", { name: "Account" })
    expect(panel).toHaveTextContent("Edit your profile.")
    expect(panel).toHaveAttribute("data-slot", "tabs-content")
    expect(screen.queryByText("Change your password.")).not.toBeInTheDocument()
  })

  it("switches content when another tab is clicked", async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    render(<AccountTabs onValueChange={onValueChange} />)
    await user.click(screen.getByRole("tab", { name: "Password" }))
    expect(screen.getByRole("tab", { name: "Password" })).toHaveAttribute("aria-selected", "true")
    expect(screen.getByRole("tabpanel", { name: "Password" })).toHaveTextContent("Change your password.")
    expect(screen.queryByText("Edit your profile.")).not.toBeInTheDocument()
    expect(onValueChange).toHaveBeenCalledWith("password")
  })

  it("moves between tabs with the arrow keys, wrapping around", async () => {
    const user = userEvent.setup()
    render(<AccountTabs />)
    await user.tab()
    expect(screen.getByRole("tab", { name: "Account" })).toHaveFocus()
    await user.keyboard("{ArrowRight}")
    expect(screen.getByRole("tab", { name: "Password" })).toHaveFocus()
    expect(screen.getByRole("tabpanel")).toHaveTextContent("Change your password.")
    await user.keyboard("{ArrowRight}")
    expect(screen.getByRole("tabpanel")).toHaveTextContent("Manage billing.")
    await user.keyboard("{ArrowRight}")
    expect(screen.getByRole("tab", { name: "Account" })).toHaveFocus()
    expect(screen.getByRole("tabpanel")).toHaveTextContent("Edit your profile.")
    await user.keyboard("{ArrowLeft}")
    expect(screen.getByRole("tab", { name: "Billing" })).toHaveAttribute("aria-selected", "true")
  })

  it("skips disabled tabs", async () => {
    const user = userEvent.setup()
    render(<AccountTabs disablePassword />)
    const password = screen.getByRole("tab", { name: "Password" })
    expect(password).toBeDisabled()
    await user.click(password)
    expect(screen.getByRole("tab", { name: "Account" })).toHaveAttribute("aria-selected", "true")
    expect(screen.getByRole("tabpanel")).toHaveTextContent("Edit your profile.")
    screen.getByRole("tab", { name: "Account" }).focus()
    await user.keyboard("{ArrowRight}")
    expect(screen.getByRole("tab", { name: "Billing" })).toHaveFocus()
    expect(screen.getByRole("tabpanel")).toHaveTextContent("Manage billing.")
  })

  it("can be controlled with value", async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn()
    render(
      <Tabs value="b" onValueChange={onValueChange}>
        <TabsList>
          <TabsTrigger value="a">A</TabsTrigger>
          <TabsTrigger value="b">B</TabsTrigger>
        </TabsList>
        <TabsContent value="a">Panel A</TabsContent>
        <TabsContent value="b">Panel B</TabsContent>
      </Tabs>,
    )
    expect(screen.getByRole("tabpanel")).toHaveTextContent("Panel B")
    await user.click(screen.getByRole("tab", { name: "A" }))
    expect(onValueChange).toHaveBeenCalledWith("a")
    // Controlled: the parent did not update `value`, so B stays selected.
    expect(screen.getByRole("tabpanel")).toHaveTextContent("Panel B")
  })

  it("applies the shadcn classes to the active trigger", () => {
    render(<AccountTabs />)
    const account = screen.getByRole("tab", { name: "Account" })
    expect(account).toHaveAttribute("data-slot", "tabs-trigger")
    expect(account).toHaveClass("data-[state=active]:bg-background", "rounded-md", "text-sm")
    expect(screen.getByRole("tablist")).toHaveClass("bg-muted", "rounded-lg")
  })
})
