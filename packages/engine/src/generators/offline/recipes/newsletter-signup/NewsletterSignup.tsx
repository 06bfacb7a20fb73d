import { useId, useState, type FormEvent } from "react"
import { Mail, MailCheck } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface NewsletterSignupProps extends AppearanceOptions {
  /** The heading above the box. */
  heading?: string
  /** The line under the heading. */
  description?: string
  /** The subscribe button's label. */
  buttonLabel?: string
  /** The email box's placeholder. */
  placeholder?: string
  /** Shown once the address is accepted. */
  successMessage?: string
  /** Called with the email address when it is valid. */
  onSubscribe?: (email: string) => void
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export default function NewsletterSignup({
  heading = "Subscribe to our newsletter",
  description = "The latest articles, guides and product news, straight to your inbox. No spam, unsubscribe anytime.",
  buttonLabel = "Subscribe",
  placeholder = "you@example.com",
  successMessage = "Thanks for subscribing! Check your inbox to confirm.",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onSubscribe,
}: NewsletterSignupProps) {
  const look = appearance({ accent, dark, size, radius })
  const id = useId()
  const [email, setEmail] = useState("")
  const [error, setError] = useState("")
  const [subscribed, setSubscribed] = useState(false)

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const address = email.trim()
    if (!address) return setError("Enter your email address")
    if (!EMAIL_PATTERN.test(address)) return setError("Enter a valid email address")
    setError("")
    onSubscribe?.(address)
    setSubscribed(true)
  }

  return (
    <div className={cn(look.className, "w-full max-w-xl p-4")} style={look.style}>
      <section
        aria-labelledby={id + "-heading"}
        className="flex flex-col gap-4 rounded-xl border bg-card p-6 text-card-foreground shadow-sm sm:p-8"
      >
        <div className="flex items-start gap-3">
          <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-primary/10 text-primary">
            <Mail className="size-5" aria-hidden="true" />
          </span>
          <div className="flex flex-col gap-1">
            <h2 id={id + "-heading"} className="text-lg font-semibold leading-tight">
              {heading}
            </h2>
            {description && <p className="text-sm text-muted-foreground">{description}</p>}
          </div>
        </div>
        <div role="status" aria-live="polite">
          {subscribed && (
            <p className="flex items-center gap-2 rounded-lg bg-muted p-3 text-sm font-medium">
              <MailCheck className="size-4 shrink-0 text-primary" aria-hidden="true" />
              {successMessage}
            </p>
          )}
        </div>
        {!subscribed && (
          <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-2">
            <div className="flex flex-col gap-2 sm:flex-row">
              <label htmlFor={id + "-email"} className="sr-only">
                Email address
              </label>
              <Input
                id={id + "-email"}
                type="email"
                autoComplete="email"
                placeholder={placeholder}
                value={email}
                onChange={(event) => {
                  setEmail(event.target.value)
                  setError("")
                }}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? id + "-error" : undefined}
                className="sm:flex-1"
              />
              <Button type="submit">{buttonLabel}</Button>
            </div>
            {error && (
              <p id={id + "-error"} role="alert" className="text-sm text-destructive">
                {error}
              </p>
            )}
          </form>
        )}
      </section>
    </div>
  )
}
