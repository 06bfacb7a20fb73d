import { mentions, type PromptFacts } from "../facts"
import { str, type Recipe, type Values } from "../recipe"
import { BUTTON_ROLES, buttonFollowUp, HEADING_ROLES, quotedFor } from "./login-form"

const SUCCESS_ROLES = [
  "success",
  "confirmation",
  "thank you",
  "thanks",
  "afterwards",
  "after subscribing",
  "then show",
]

function labelsOf(facts: PromptFacts): { heading: string; button: string; success: string } {
  const button = quotedFor(facts, BUTTON_ROLES)
  const success = quotedFor(facts, SUCCESS_ROLES)
  const heading =
    quotedFor(facts, HEADING_ROLES) ?? facts.quoted.find((text) => text !== button && text !== success)
  const waitlist = mentions(facts, "waitlist", "wait list", "waiting list", "early access")
  return {
    heading: heading ?? (waitlist ? "Join the waitlist" : "Subscribe to our newsletter"),
    button: button ?? (waitlist ? "Join waitlist" : "Subscribe"),
    success:
      success ??
      (waitlist
        ? "You're on the list! We'll email you as soon as we launch."
        : "Thanks for subscribing! Check your inbox to confirm."),
  }
}

function descriptionOf(facts: PromptFacts): string {
  if (mentions(facts, "weekly", "every week", "once a week"))
    return "One email a week with our best articles and product news. No spam, unsubscribe anytime."
  if (mentions(facts, "monthly", "every month", "once a month"))
    return "One email a month with our best articles and product news. No spam, unsubscribe anytime."
  if (mentions(facts, "daily", "every day"))
    return "A short daily digest of what's new. No spam, unsubscribe anytime."
  if (mentions(facts, "waitlist", "wait list", "waiting list", "early access"))
    return "Be the first to know when we launch, and get early access before everyone else."
  return "The latest articles, guides and product news, straight to your inbox. No spam, unsubscribe anytime."
}

/** An email box and a subscribe button, with validation and a thank-you state. */
export const newsletterSignup: Recipe = {
  kind: "newsletter-signup",
  title: "Newsletter signup",
  names: ["NewsletterSignup"],
  keywords: {
    strong: [
      "newsletter",
      "newsletter signup",
      "newsletter sign up",
      "newsletter form",
      "mailing list",
      "email signup",
      "email capture",
      "subscribe form",
      "email subscription",
      "waitlist",
      "wait list",
    ],
    weak: ["subscribe", "subscription", "inbox", "updates", "digest"],
  },
  callbacks: [
    {
      name: "onSubscribe",
      type: "(email: string) => void",
      description: "Called with the email address when it is valid.",
    },
  ],
  params: (facts) => {
    const labels = labelsOf(facts)
    return [
      {
        name: "heading",
        type: "string",
        value: labels.heading,
        description: "The heading above the box.",
        control: "text",
      },
      {
        name: "description",
        type: "string",
        value: descriptionOf(facts),
        description: "The line under the heading.",
        control: "text",
      },
      {
        name: "buttonLabel",
        type: "string",
        value: labels.button,
        description: "The subscribe button's label.",
        control: "text",
      },
      {
        name: "placeholder",
        type: "string",
        value: "you@example.com",
        description: "The email box's placeholder.",
        control: "text",
      },
      {
        name: "successMessage",
        type: "string",
        value: labels.success,
        description: "Shown once the address is accepted.",
        control: "text",
      },
    ]
  },
  summary: (values) =>
    `A newsletter signup "${str(values, "heading")}": an email box and a "${str(values, "buttonLabel")}" button, ` +
    "with validation and a thank-you message.",
  requirements: (values) => [
    [
      "content",
      `Shows the heading "${str(values, "heading")}", a labelled email box and a "${str(values, "buttonLabel")}" button`,
    ],
    [
      "validation",
      'Refuses an empty or invalid address with "Enter your email address" / "Enter a valid email address"',
    ],
    [
      "success",
      `A valid address calls onSubscribe with it and shows "${str(values, "successMessage")}" instead of the form`,
    ],
  ],
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    const label = buttonFollowUp(facts)
    if (label) {
      next.buttonLabel = label
      applied.push(`the button reads "${label}"`)
    }
    const heading = quotedFor(facts, HEADING_ROLES)
    if (heading && heading !== label) {
      next.heading = heading
      applied.push(`the heading "${heading}"`)
    }
    const success = quotedFor(facts, SUCCESS_ROLES)
    if (success && success !== label && success !== heading) {
      next.successMessage = success
      applied.push(`the thank-you message "${success}"`)
    }
    if (mentions(facts, "weekly", "monthly", "daily")) {
      next.description = descriptionOf(facts)
      applied.push("a description for the cadence")
    }
    return { values: next, applied }
  },
  followUpHints: ['button text "…"', 'heading "…"', 'success message "…"', "weekly / monthly / daily"],
  component: (context) => `import { useId, useState, type FormEvent } from "react"
import { Mail, MailCheck } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
${context.lookImports}

${context.propsInterface}

const EMAIL_PATTERN = /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/

${context.signature}
  ${context.look}
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
`,
  tests: (context) => {
    const { name, values, lit } = context
    const button = `screen.getByRole("button", { name: ${lit(str(values, "buttonLabel"))} })`
    return `it("${context.id("content")}: shows the heading, the email box and the button", () => {
  render(<${name} />)
  expect(screen.getByRole("heading", { name: ${lit(str(values, "heading"))} })).toBeInTheDocument()
  expect(screen.getByLabelText("Email address")).toHaveAttribute("type", "email")
  expect(screen.getByLabelText("Email address")).toHaveAttribute("placeholder", ${lit(str(values, "placeholder"))})
  expect(${button}).toHaveAttribute("type", "submit")
})

it("${context.id("validation")}: refuses an empty or invalid address", async () => {
  const user = userEvent.setup()
  const onSubscribe = vi.fn()
  render(<${name} onSubscribe={onSubscribe} />)
  await user.click(${button})
  expect(screen.getByRole("alert")).toHaveTextContent("Enter your email address")
  await user.type(screen.getByLabelText("Email address"), "jane@example")
  await user.click(${button})
  expect(screen.getByRole("alert")).toHaveTextContent("Enter a valid email address")
  expect(screen.getByLabelText("Email address")).toHaveAttribute("aria-invalid", "true")
  expect(onSubscribe).not.toHaveBeenCalled()
})

it("${context.id("success")}: a valid address calls onSubscribe and shows the thank-you message", async () => {
  const user = userEvent.setup()
  const onSubscribe = vi.fn()
  render(<${name} onSubscribe={onSubscribe} />)
  await user.type(screen.getByLabelText("Email address"), " jane@example.com ")
  await user.click(${button})
  expect(onSubscribe).toHaveBeenCalledWith("jane@example.com")
  expect(within(screen.getByRole("status")).getByText(${lit(str(values, "successMessage"))})).toBeInTheDocument()
  expect(screen.queryByLabelText("Email address")).not.toBeInTheDocument()
})`
  },
}
