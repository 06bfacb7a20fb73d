import { capitalize, countOf, mentions, type PromptFacts } from "../facts"
import { bool, num, str, type Recipe, type Values } from "../recipe"

const CODES: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR" }

function nameOf(facts: PromptFacts): string {
  const quoted = facts.quoted.find((item) => item.split(" ").length <= 6)
  if (quoted) return quoted
  const called =
    /\b(?:for|called|named|selling|sells)\s+(?:an?\s+|the\s+|our\s+)?([A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}?)(?=\s+(?:for|at|priced|costing|with|that|which|and|in|on)\b|[.,;!?]|$)/i.exec(
      facts.text,
    )
  const candidate = called?.[1]?.trim()
  if (candidate && !/^(a|an|the|my|our|shop|store|product|item|e-?commerce|ecommerce)$/i.test(candidate))
    return candidate.split(" ").map(capitalize).join(" ")
  // A capitalised name written as is: "an ecommerce product card, Nike Air Max 90, $129.99".
  const proper =
    /(?:^|[,:;(]\s*|\s)([A-Z][\w'’-]*(?:\s+[A-Z0-9][\w'’-]*){1,4})(?=\s*(?:[,;.)]|$|\s+(?:for|at|priced|costing|with|in)\b))/.exec(
      facts.text.slice(1),
    )
  if (proper && !/^(Add|Buy|Product|Shop|Sale|New)\b/.test(proper[1]!)) return proper[1]!
  return "Aurora Wireless Headphones"
}

function ratingOf(facts: PromptFacts): number {
  const match = /(\d(?:\.\d)?)\s*(?:\/\s*5|out of 5|stars?|-star|★)/.exec(facts.lower)
  const value = match ? Number(match[1]) : 4.5
  return Math.min(Math.max(value, 0), 5)
}

function priceOf(facts: PromptFacts): { price: number; compareAt: number } {
  // "$1,299" is read as 1.299 by the shared facts: read the amounts here with thousands separators.
  const amounts = [...facts.text.matchAll(/[$€£¥₹]\s?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)/g)].map((match) =>
    Number(match[1]!.replace(/,/g, "")),
  )
  const words = [...facts.text.matchAll(/\b(\d+(?:\.\d+)?)\s*(?:dollars|euros?|pounds|usd|eur|gbp)\b/gi)].map(
    (match) => Number(match[1]),
  )
  const all = [...amounts, ...words]
  const price = all[0] ?? 129
  const second = all[1]
  const onSale = mentions(
    facts,
    "sale",
    "discount",
    "discounted",
    "was",
    "reduced",
    "marked down",
    "compare at",
  )
  if (second !== undefined) {
    return second > price ? { price, compareAt: second } : { price: second, compareAt: price }
  }
  return { price, compareAt: onSale ? Math.round(price * 1.3) : 0 }
}

function badgeOf(facts: PromptFacts, compareAt: number): string {
  if (mentions(facts, "new", "new arrival", "just in")) return "New"
  if (mentions(facts, "bestseller", "best seller", "best-seller", "popular")) return "Bestseller"
  if (compareAt > 0 || mentions(facts, "sale", "discount")) return "Sale"
  if (mentions(facts, "limited")) return "Limited"
  return ""
}

function currencyFormat(values: Values): Intl.NumberFormat {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: str(values, "currency", "USD") })
}

function descriptionOf(facts: PromptFacts, name: string): string {
  const long = facts.quoted.find((item) => item !== name && item.split(" ").length > 3)
  if (long) return long
  name = `${name} ${facts.lower}`
  if (/headphone|earbud|speaker|audio/i.test(name))
    return "Noise-cancelling, 30-hour battery and a fold-flat design."
  if (/shoe|sneaker|boot|trainer/i.test(name)) return "Breathable knit upper with a cushioned, recycled sole."
  if (/mug|cup|bottle/i.test(name)) return "Double-walled to keep drinks hot for 12 hours."
  if (/shirt|tee|hoodie|jacket|dress|sweater/i.test(name)) return "Organic cotton, relaxed fit, made to last."
  if (/watch|clock/i.test(name)) return "Sapphire glass, 5 ATM water resistance and a 2-year warranty."
  if (/lamp|light|chair|desk|table|sofa/i.test(name)) return "Solid oak and steel, designed in Copenhagen."
  if (/bag|backpack|wallet/i.test(name))
    return "Roomy main compartment, sturdy straps and a padded laptop sleeve."
  return "Thoughtfully made, ships free in 2–3 business days."
}

export const productCard: Recipe = {
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
  params: (facts) => {
    const name = nameOf(facts)
    const { price, compareAt } = priceOf(facts)
    return [
      { name: "name", type: "string", value: name, description: "The product's name.", control: "text" },
      {
        name: "description",
        type: "string",
        value: descriptionOf(facts, name),
        description: "One line under the name.",
        control: "text",
      },
      { name: "price", type: "number", value: price, description: "The price.", control: "number" },
      {
        name: "compareAtPrice",
        type: "number",
        value: compareAt,
        description: "The price before a discount, struck through; 0 for none.",
        control: "number",
      },
      {
        name: "currency",
        type: '"USD" | "EUR" | "GBP" | "JPY" | "INR"',
        value: CODES[facts.currency ?? "$"] ?? "USD",
        description: "The currency prices are shown in.",
        control: "select",
        options: ["USD", "EUR", "GBP", "JPY", "INR"],
      },
      {
        name: "rating",
        type: "number",
        value: ratingOf(facts),
        description: "The average rating out of 5.",
        control: "number",
      },
      {
        name: "reviewCount",
        type: "number",
        value: countOf(facts, "review", "rating") ?? 128,
        description: "How many reviews the rating is based on.",
        control: "number",
      },
      {
        name: "badge",
        type: "string",
        value: badgeOf(facts, compareAt),
        description: 'A label over the image ("New", "Sale"); empty for none.',
        control: "text",
      },
      {
        name: "showWishlist",
        type: "boolean",
        value: !mentions(facts, "no wishlist", "without wishlist", "without a wishlist"),
        description: "Show the wishlist (heart) toggle.",
        control: "boolean",
      },
    ]
  },
  summary: (values) =>
    `A product card for ${str(values, "name")} at ${currencyFormat(values).format(num(values, "price"))} with its rating, an Add to cart button${bool(values, "showWishlist") ? " and a wishlist toggle" : ""}.`,
  requirements: (values) => {
    const format = currencyFormat(values)
    const list: [string, string][] = [
      [
        "details",
        `Shows ${str(values, "name")}, its price ${format.format(num(values, "price"))}${num(values, "compareAtPrice") > 0 ? ` (was ${format.format(num(values, "compareAtPrice"))})` : ""} and an image placeholder`,
      ],
      [
        "rating",
        `Shows the rating ${num(values, "rating")} out of 5 from ${num(values, "reviewCount")} reviews`,
      ],
      ["cart", 'Clicking "Add to cart" calls onAddToCart and the button changes to "Added"'],
    ]
    if (bool(values, "showWishlist"))
      list.push(["wishlist", "The wishlist button toggles (aria-pressed) and reports the new state"])
    return list
  },
  component: (context) => `import { useState } from "react"
import { Check, Heart, ShoppingBag, ShoppingCart, Star } from "lucide-react"
import { Badge } from "@/components/ui/badge"
import { Button } from "@/components/ui/button"
${context.lookImports}

${context.propsInterface}

${context.signature}
  ${context.look}
  const [added, setAdded] = useState(false)
  const [saved, setSaved] = useState(false)
  const money = new Intl.NumberFormat("en-US", { style: "currency", currency })
  const stars = Math.round(Math.min(Math.max(rating, 0), 5))

  function addToCart() {
    setAdded(true)
    onAddToCart?.()
  }

  function toggleSaved() {
    const next = !saved
    setSaved(next)
    onWishlistChange?.(next)
  }

  return (
    <div className={cn(look.className, "w-full max-w-xs p-4")} style={look.style}>
      <article className="flex flex-col overflow-hidden rounded-xl border bg-card text-card-foreground shadow-sm">
        <div className="relative">
          <div
            role="img"
            aria-label={name}
            className="flex aspect-square items-center justify-center bg-gradient-to-br from-muted via-muted to-primary/20"
          >
            <ShoppingBag aria-hidden="true" className="size-16 text-muted-foreground/60" strokeWidth={1.25} />
          </div>
          {badge && <Badge className="absolute left-3 top-3">{badge}</Badge>}
          {showWishlist && (
            <Button
              type="button"
              variant="outline"
              size="icon"
              aria-label="Save to wishlist"
              aria-pressed={saved}
              onClick={toggleSaved}
              className="absolute right-3 top-3 rounded-full bg-background/90"
            >
              <Heart aria-hidden="true" className={cn(saved && "fill-destructive text-destructive")} />
            </Button>
          )}
        </div>
        <div className="flex flex-1 flex-col gap-3 p-4">
          <div className="flex flex-col gap-1">
            <h3 className="font-semibold leading-tight">{name}</h3>
            {description && <p className="text-sm text-muted-foreground">{description}</p>}
          </div>
          <div className="flex items-center gap-2 text-sm">
            <span role="img" aria-label={"Rated " + rating + " out of 5"} className="flex items-center gap-0.5">
              {[1, 2, 3, 4, 5].map((star) => (
                <Star
                  key={star}
                  aria-hidden="true"
                  className={cn("size-4", star <= stars ? "fill-warning text-warning" : "text-muted-foreground/40")}
                />
              ))}
            </span>
            <span className="text-muted-foreground">
              {rating} ({reviewCount} reviews)
            </span>
          </div>
          <p className="flex items-baseline gap-2">
            <span className="text-xl font-semibold tabular-nums">{money.format(price)}</span>
            {compareAtPrice > 0 && (
              <span className="text-sm text-muted-foreground line-through">
                <span className="sr-only">Was </span>
                {money.format(compareAtPrice)}
              </span>
            )}
          </p>
          <Button type="button" onClick={addToCart} className="mt-auto w-full">
            {added ? <Check aria-hidden="true" /> : <ShoppingCart aria-hidden="true" />}
            {added ? "Added" : "Add to cart"}
          </Button>
          <p aria-live="polite" className="sr-only">
            {added ? name + " added to cart" : ""}
          </p>
        </div>
      </article>
    </div>
  )
}
`,
  tests: (context) => {
    const { values, lit, id, name } = context
    const format = currencyFormat(values)
    const productName = str(values, "name")
    const tests = [
      `it("${id("details")}: shows the name, the price and an image placeholder", () => {
  render(<${name} />)
  expect(screen.getByRole("heading", { name: ${lit(productName)} })).toBeInTheDocument()
  expect(screen.getByText(${lit(format.format(num(values, "price")))})).toBeInTheDocument()${
    num(values, "compareAtPrice") > 0
      ? `\n  expect(screen.getByText(${lit(format.format(num(values, "compareAtPrice")))})).toHaveClass("line-through")`
      : ""
  }
  expect(screen.getByRole("img", { name: ${lit(productName)} })).toBeInTheDocument()
})`,
      `it("${id("rating")}: shows the rating and the number of reviews", () => {
  render(<${name} />)
  expect(screen.getByRole("img", { name: ${lit(`Rated ${num(values, "rating")} out of 5`)} })).toBeInTheDocument()
  expect(screen.getByText(${lit(`(${num(values, "reviewCount")} reviews)`)}, { exact: false })).toBeInTheDocument()
})`,
      `it("${id("cart")}: Add to cart calls onAddToCart and shows Added", async () => {
  const user = userEvent.setup()
  const onAddToCart = vi.fn()
  render(<${name} onAddToCart={onAddToCart} />)
  await user.click(screen.getByRole("button", { name: "Add to cart" }))
  expect(onAddToCart).toHaveBeenCalledTimes(1)
  expect(screen.getByRole("button", { name: "Added" })).toBeInTheDocument()
  expect(screen.getByText(${lit(`${productName} added to cart`)})).toBeInTheDocument()
})`,
    ]
    if (context.has("wishlist")) {
      tests.push(`it("${id("wishlist")}: the wishlist button toggles and reports its state", async () => {
  const user = userEvent.setup()
  const onWishlistChange = vi.fn()
  render(<${name} onWishlistChange={onWishlistChange} />)
  const toggle = screen.getByRole("button", { name: "Save to wishlist" })
  expect(toggle).toHaveAttribute("aria-pressed", "false")
  await user.click(toggle)
  expect(toggle).toHaveAttribute("aria-pressed", "true")
  expect(onWishlistChange).toHaveBeenLastCalledWith(true)
  await user.click(toggle)
  expect(toggle).toHaveAttribute("aria-pressed", "false")
  expect(onWishlistChange).toHaveBeenLastCalledWith(false)
})`)
    }
    return tests.join("\n\n")
  },
  followUp: (facts, values) => {
    const applied: string[] = []
    const next: Record<string, Values[string]> = { ...values }
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
    if (facts.currency && CODES[facts.currency] && CODES[facts.currency] !== values.currency) {
      next.currency = CODES[facts.currency]!
      applied.push(`prices in ${CODES[facts.currency]}`)
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
}
