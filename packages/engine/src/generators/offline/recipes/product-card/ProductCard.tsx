import { useState } from "react"
import { Check, Heart, ShoppingBag, ShoppingCart, Star } from "lucide-react"
import { Badge } from "@/components/ui/badge"
import { Button } from "@/components/ui/button"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { formatPrice } from "./inline/format-price"

export interface ProductCardProps extends AppearanceOptions {
  /** The product's name. */
  name?: string
  /** One line under the name. */
  description?: string
  /** The price. */
  price?: number
  /** The price before a discount, struck through; 0 for none. */
  compareAtPrice?: number
  /** The currency prices are shown in. */
  currency?: "USD" | "EUR" | "GBP" | "JPY" | "INR"
  /** The average rating out of 5. */
  rating?: number
  /** How many reviews the rating is based on. */
  reviewCount?: number
  /** A label over the image ("New", "Sale"); empty for none. */
  badge?: string
  /** Show the wishlist (heart) toggle. */
  showWishlist?: boolean
  /** Called when Add to cart is clicked. */
  onAddToCart?: () => void
  /** Called with the new state when the wishlist button is toggled. */
  onWishlistChange?: (saved: boolean) => void
}

export default function ProductCard({
  name = "Aurora Wireless Headphones",
  description = "Noise-cancelling, 30-hour battery and a fold-flat design.",
  price = 129,
  compareAtPrice = 0,
  currency = "USD",
  rating = 4.5,
  reviewCount = 128,
  badge = "",
  showWishlist = true,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onAddToCart,
  onWishlistChange,
}: ProductCardProps) {
  const look = appearance({ accent, dark, size, radius })
  const [added, setAdded] = useState(false)
  const [saved, setSaved] = useState(false)
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
            <span
              role="img"
              aria-label={"Rated " + rating + " out of 5"}
              className="flex items-center gap-0.5"
            >
              {[1, 2, 3, 4, 5].map((star) => (
                <Star
                  key={star}
                  aria-hidden="true"
                  className={cn(
                    "size-4",
                    star <= stars ? "fill-warning text-warning" : "text-muted-foreground/40",
                  )}
                />
              ))}
            </span>
            <span className="text-muted-foreground">
              {rating} ({reviewCount} reviews)
            </span>
          </div>
          <p className="flex items-baseline gap-2">
            <span className="text-xl font-semibold tabular-nums">{formatPrice(price, currency)}</span>
            {compareAtPrice > 0 && (
              <span className="text-sm text-muted-foreground line-through">
                <span className="sr-only">Was </span>
                {formatPrice(compareAtPrice, currency)}
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
