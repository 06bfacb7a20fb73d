import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import PricingTable from "./PricingTable"

const TIERS = [
  {
    name: "Hobby",
    monthly: 0,
    description: "For side projects",
    features: "1 project; Community support",
    cta: "Start free",
  },
  {
    name: "Pro",
    monthly: 19,
    description: "For professionals",
    features: "Unlimited projects",
    cta: "Upgrade",
  },
]

describe("PricingTable (template)", () => {
  it("shows each tier's monthly price and its features", () => {
    render(<PricingTable tiers={TIERS} currency="€" defaultBilling="monthly" />)
    const pro = screen.getByRole("article", { name: "Pro" })
    expect(within(pro).getByText("€19")).toBeInTheDocument()
    expect(
      within(screen.getByRole("article", { name: "Hobby" })).getByText("Free forever"),
    ).toBeInTheDocument()
    const features = screen.getByRole("list", { name: "Hobby features" })
    expect(within(features).getAllByRole("listitem")).toHaveLength(2)
  })

  it("switches to yearly prices, the discount off, and tells onSelect the billing period", async () => {
    const user = userEvent.setup()
    const onSelect = vi.fn()
    render(<PricingTable tiers={TIERS} yearlyDiscount={25} popular="Pro" onSelect={onSelect} />)
    await user.click(screen.getByRole("button", { name: /^Yearly/ }))
    const pro = screen.getByRole("article", { name: "Pro" })
    expect(within(pro).getByText("$14.25")).toBeInTheDocument()
    expect(within(pro).getByText("$171 billed yearly")).toBeInTheDocument()
    await user.click(within(pro).getByRole("button", { name: "Upgrade" }))
    expect(onSelect).toHaveBeenLastCalledWith("Pro", "yearly")
  })

  it("has no toggle when billingToggle is off", () => {
    render(<PricingTable tiers={TIERS} billingToggle={false} />)
    expect(screen.queryByRole("group", { name: "Billing period" })).not.toBeInTheDocument()
  })
})
