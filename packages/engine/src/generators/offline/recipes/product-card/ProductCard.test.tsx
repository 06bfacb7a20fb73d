import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import ProductCard from "./ProductCard"

describe("ProductCard (template)", () => {
  it("shows the price in its currency and the price before the sale struck through", () => {
    render(<ProductCard name="Trail Runner 2" price={89} compareAtPrice={120} currency="EUR" />)
    expect(screen.getByRole("heading", { name: "Trail Runner 2" })).toBeInTheDocument()
    expect(screen.getByText("€89.00")).toBeInTheDocument()
    expect(screen.getByText("€120.00")).toHaveClass("line-through")
  })

  it("adds to the cart once and toggles the wishlist", async () => {
    const user = userEvent.setup()
    const onAddToCart = vi.fn()
    const onWishlistChange = vi.fn()
    render(<ProductCard onAddToCart={onAddToCart} onWishlistChange={onWishlistChange} />)
    await user.click(screen.getByRole("button", { name: "Add to cart" }))
    expect(onAddToCart).toHaveBeenCalledTimes(1)
    expect(screen.getByRole("button", { name: "Added" })).toBeInTheDocument()
    await user.click(screen.getByRole("button", { name: "Save to wishlist" }))
    expect(onWishlistChange).toHaveBeenLastCalledWith(true)
  })

  it("has no wishlist toggle when it is turned off", () => {
    render(<ProductCard showWishlist={false} />)
    expect(screen.queryByRole("button", { name: "Save to wishlist" })).not.toBeInTheDocument()
  })
})
