import { boolean, defineRecipe, number, select, text } from "../../define-recipe"
import { mentions } from "../../facts"
import { code, NO_CODE, testCase } from "../../test-builder"
import { formatPrice } from "./inline/format-price"
import { CODES, readProductCard } from "./reader"

const CURRENCIES = ["USD", "EUR", "GBP", "JPY", "INR"] as const

/** A product card: image placeholder, name, price (and the price before a sale), rating, Add to cart, wishlist. */
export const productCard = defineRecipe({
  kind: "product-card",
  title: "Product card",
  names: ["ProductCard"],
  keywords: {
    strong: [
      "product card",
      "product",
      "product tile",
      "product listing",
      "shop item",
      "store item",
      "ecommerce card",
      "e-commerce card",
      "merch card",
      "shopping item",
      "shopping card",
      "catalog item",
      "listing card",
    ],
    weak: [
      "add to cart",
      "cart",
      "wishlist",
      "wish list",
      "in stock",
      "buy now",
      "shop",
      "store",
      "price",
      "rating",
      "star rating",
      "reviews",
    ],
  },
  callbacks: [
    { name: "onAddToCart", type: "() => void", description: "Called when Add to cart is clicked." },
    {
      name: "onWishlistChange",
      type: "(saved: boolean) => void",
      description: "Called with the new state when the wishlist button is toggled.",
    },
  ],
  params: {
    name: text("The product's name."),
    description: text("One line under the name."),
    price: number("The price."),
    compareAtPrice: number("The price before a discount, struck through; 0 for none."),
    currency: select(CURRENCIES, "The currency prices are shown in."),
    rating: number("The average rating out of 5."),
    reviewCount: number("How many reviews the rating is based on."),
    badge: text('A label over the image ("New", "Sale"); empty for none.'),
    showWishlist: boolean("Show the wishlist (heart) toggle."),
  },
  read: readProductCard,
  summary: ({ name, price, currency, showWishlist }) =>
    `A product card for ${name} at ${formatPrice(price, currency)} with its rating, an Add to cart button${showWishlist ? " and a wishlist toggle" : ""}.`,
  requirements: ({ name, price, compareAtPrice, currency, rating, reviewCount, showWishlist }) => {
    const list: [string, string][] = [
      [
        "details",
        `Shows ${name}, its price ${formatPrice(price, currency)}${compareAtPrice > 0 ? ` (was ${formatPrice(compareAtPrice, currency)})` : ""} and an image placeholder`,
      ],
      ["rating", `Shows the rating ${rating} out of 5 from ${reviewCount} reviews`],
      ["cart", 'Clicking "Add to cart" calls onAddToCart and the button changes to "Added"'],
    ]
    if (showWishlist)
      list.push(["wishlist", "The wishlist button toggles (aria-pressed) and reports the new state"])
    return list
  },
  tests: ({ Component, values: { name, price, compareAtPrice, currency, rating, reviewCount }, has }) => {
    const tests = [
      testCase(
        "details",
        "shows the name, the price and an image placeholder",
        code`
          render(<${Component} />)
          expect(screen.getByRole("heading", { name: ${name} })).toBeInTheDocument()
          expect(screen.getByText(${formatPrice(price, currency)})).toBeInTheDocument()
          ${compareAtPrice > 0 ? code`expect(screen.getByText(${formatPrice(compareAtPrice, currency)})).toHaveClass("line-through")` : NO_CODE}
          expect(screen.getByRole("img", { name: ${name} })).toBeInTheDocument()
        `,
      ),
      testCase(
        "rating",
        "shows the rating and the number of reviews",
        code`
          render(<${Component} />)
          expect(screen.getByRole("img", { name: ${`Rated ${rating} out of 5`} })).toBeInTheDocument()
          expect(screen.getByText(${`(${reviewCount} reviews)`}, { exact: false })).toBeInTheDocument()
        `,
      ),
      testCase(
        "cart",
        "Add to cart calls onAddToCart and shows Added",
        code`
          const user = userEvent.setup()
          const onAddToCart = vi.fn()
          render(<${Component} onAddToCart={onAddToCart} />)
          await user.click(screen.getByRole("button", { name: "Add to cart" }))
          expect(onAddToCart).toHaveBeenCalledTimes(1)
          expect(screen.getByRole("button", { name: "Added" })).toBeInTheDocument()
          expect(screen.getByText(${`${name} added to cart`})).toBeInTheDocument()
        `,
      ),
    ]
    if (has("wishlist"))
      tests.push(
        testCase(
          "wishlist",
          "the wishlist button toggles and reports its state",
          code`
            const user = userEvent.setup()
            const onWishlistChange = vi.fn()
            render(<${Component} onWishlistChange={onWishlistChange} />)
            const toggle = screen.getByRole("button", { name: "Save to wishlist" })
            expect(toggle).toHaveAttribute("aria-pressed", "false")
            await user.click(toggle)
            expect(toggle).toHaveAttribute("aria-pressed", "true")
            expect(onWishlistChange).toHaveBeenLastCalledWith(true)
            await user.click(toggle)
            expect(toggle).toHaveAttribute("aria-pressed", "false")
            expect(onWishlistChange).toHaveBeenLastCalledWith(false)
          `,
        ),
      )
    return tests
  },
  followUp: (facts, values) => {
    const applied: string[] = []
    const next: {
      showWishlist?: boolean
      compareAtPrice?: number
      price?: number
      currency?: (typeof CURRENCIES)[number]
      badge?: string
    } = {}
    if (mentions(facts, "no wishlist", "remove the wishlist", "without wishlist", "hide the wishlist")) {
      next.showWishlist = false
      applied.push("no wishlist toggle")
    } else if (mentions(facts, "wishlist", "wish list", "heart", "favourite", "favorite")) {
      next.showWishlist = true
      applied.push("a wishlist toggle")
    }
    const amounts = [...facts.text.matchAll(/[$€£¥₹]\s?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)/g)].map(
      (match) => Number(match[1]!.replace(/,/g, "")),
    )
    if (amounts[0] !== undefined) {
      if (mentions(facts, "was", "compare at", "original", "before")) {
        next.compareAtPrice = amounts[0]
        applied.push(`was ${amounts[0]}`)
      } else {
        next.price = amounts[0]
        applied.push(`price ${amounts[0]}`)
      }
    }
    const code = facts.currency
      ? CURRENCIES.find((currency) => currency === CODES[facts.currency!])
      : undefined
    if (code && code !== values.currency) {
      next.currency = code
      applied.push(`prices in ${code}`)
    }
    const badge = /\b(?:badge|label|tag)\s+(?:saying\s+|that says\s+)?["“]([^"”]+)["”]/i.exec(facts.text)
    if (badge) {
      next.badge = badge[1]!
      applied.push(`the badge "${badge[1]}"`)
    } else if (mentions(facts, "on sale", "sale badge")) {
      next.badge = "Sale"
      applied.push('the badge "Sale"')
    }
    return { values: next, applied }
  },
  followUpHints: ["add or remove the wishlist", "a price ($49)", "in euros", 'a badge "New"'],
})
