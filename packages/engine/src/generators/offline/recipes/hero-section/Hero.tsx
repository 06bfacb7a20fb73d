import { useId, useState, type FormEvent } from "react"
import { ArrowRight } from "lucide-react"
import { Badge } from "@/components/ui/badge"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface HeroProps extends AppearanceOptions {
  /** A short label above the headline; empty for none. */
  eyebrow?: string
  /** The main heading. */
  headline?: string
  /** The sentence under the headline. */
  subheading?: string
  /** The primary button's label (the submit button when the email box is shown). */
  primaryLabel?: string
  /** The secondary button's label; empty for none. */
  secondaryLabel?: string
  /** Ask for an email address next to the primary button. */
  showEmail?: boolean
  /** Text alignment. */
  align?: "center" | "left"
  /** Called when the primary button is clicked. */
  onPrimary?: () => void
  /** Called when the secondary button is clicked. */
  onSecondary?: () => void
  /** Called with the address when a valid email is submitted. */
  onSubscribe?: (email: string) => void
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export default function Hero({
  eyebrow = "",
  headline = "Ship better products, faster",
  subheading = "Plan, build and launch with one tool your whole team will love. Free for up to 5 people.",
  primaryLabel = "Get started",
  secondaryLabel = "Learn more",
  showEmail = false,
  align = "center",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onPrimary,
  onSecondary,
  onSubscribe,
}: HeroProps) {
  const look = appearance({ accent, dark, size, radius })
  const emailId = useId()
  const errorId = useId()
  const [email, setEmail] = useState("")
  const [error, setError] = useState("")
  const [subscribed, setSubscribed] = useState(false)
  const centred = align === "center"

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const value = email.trim()
    if (!EMAIL.test(value)) {
      setError("Enter a valid email address")
      return
    }
    setError("")
    setSubscribed(true)
    onSubscribe?.(value)
  }

  return (
    <section className={cn(look.className, "w-full px-6 py-20 sm:py-28")} style={look.style}>
      <div
        className={cn(
          "mx-auto flex max-w-3xl flex-col gap-6",
          centred ? "items-center text-center" : "items-start text-left",
        )}
      >
        {eyebrow && (
          <Badge variant="secondary" className="rounded-full px-3 py-1">
            {eyebrow}
          </Badge>
        )}
        <h1 className="text-4xl font-bold tracking-tight text-balance sm:text-5xl lg:text-6xl">{headline}</h1>
        {subheading && <p className="max-w-2xl text-lg text-muted-foreground text-pretty">{subheading}</p>}
        {showEmail ? (
          <div className={cn("flex w-full max-w-md flex-col gap-3", centred && "items-center")}>
            <form onSubmit={submit} noValidate className="flex w-full flex-col gap-2 sm:flex-row">
              <Label htmlFor={emailId} className="sr-only">
                Email address
              </Label>
              <Input
                id={emailId}
                type="email"
                autoComplete="email"
                placeholder="you@company.com"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                className="h-10 sm:flex-1"
              />
              <Button type="submit" size="lg">
                {primaryLabel}
              </Button>
            </form>
            {error && (
              <p id={errorId} className="text-sm text-destructive">
                {error}
              </p>
            )}
            <p aria-live="polite" className={cn("text-sm text-success", !subscribed && "sr-only")}>
              {subscribed ? "Thanks! We'll be in touch." : ""}
            </p>
            {secondaryLabel && (
              <Button type="button" variant="link" onClick={onSecondary}>
                {secondaryLabel}
                <ArrowRight aria-hidden="true" />
              </Button>
            )}
          </div>
        ) : (
          <div className={cn("flex flex-col gap-3 sm:flex-row", centred && "justify-center")}>
            <Button type="button" size="lg" onClick={onPrimary}>
              {primaryLabel}
              <ArrowRight aria-hidden="true" />
            </Button>
            {secondaryLabel && (
              <Button type="button" size="lg" variant="outline" onClick={onSecondary}>
                {secondaryLabel}
              </Button>
            )}
          </div>
        )}
      </div>
    </section>
  )
}
