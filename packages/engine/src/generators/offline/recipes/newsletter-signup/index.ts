import { defineRecipe, text } from "../../define-recipe"
import { mentions } from "../../facts"
import { buttonFollowUp, HEADING_ROLES, quotedFor } from "../../readers"
import { code, testCase } from "../../test-builder"
import { descriptionOf, readNewsletterSignup, SUCCESS_ROLES } from "./reader"

/** An email box and a subscribe button, with validation and a thank-you state. */
export const newsletterSignup = defineRecipe({
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
  params: {
    heading: text("The heading above the box."),
    description: text("The line under the heading."),
    buttonLabel: text("The subscribe button's label."),
    placeholder: text("The email box's placeholder."),
    successMessage: text("Shown once the address is accepted."),
  },
  read: readNewsletterSignup,
  summary: ({ heading, buttonLabel }) =>
    `A newsletter signup "${heading}": an email box and a "${buttonLabel}" button, ` +
    "with validation and a thank-you message.",
  requirements: ({ heading, buttonLabel, successMessage }) => [
    ["content", `Shows the heading "${heading}", a labelled email box and a "${buttonLabel}" button`],
    [
      "validation",
      'Refuses an empty or invalid address with "Enter your email address" / "Enter a valid email address"',
    ],
    [
      "success",
      `A valid address calls onSubscribe with it and shows "${successMessage}" instead of the form`,
    ],
  ],
  followUp: (facts) => {
    const next: { buttonLabel?: string; heading?: string; successMessage?: string; description?: string } = {}
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
  tests: ({ Component, values: { heading, placeholder, buttonLabel, successMessage } }) => {
    const button = code`screen.getByRole("button", { name: ${buttonLabel} })`
    return [
      testCase(
        "content",
        "shows the heading, the email box and the button",
        code`
            render(<${Component} />)
            expect(screen.getByRole("heading", { name: ${heading} })).toBeInTheDocument()
            expect(screen.getByLabelText("Email address")).toHaveAttribute("type", "email")
            expect(screen.getByLabelText("Email address")).toHaveAttribute("placeholder", ${placeholder})
            expect(${button}).toHaveAttribute("type", "submit")
        `,
      ),
      testCase(
        "validation",
        "refuses an empty or invalid address",
        code`
            const user = userEvent.setup()
            const onSubscribe = vi.fn()
            render(<${Component} onSubscribe={onSubscribe} />)
            await user.click(${button})
            expect(screen.getByRole("alert")).toHaveTextContent("Enter your email address")
            await user.type(screen.getByLabelText("Email address"), "jane@example")
            await user.click(${button})
            expect(screen.getByRole("alert")).toHaveTextContent("Enter a valid email address")
            expect(screen.getByLabelText("Email address")).toHaveAttribute("aria-invalid", "true")
            expect(onSubscribe).not.toHaveBeenCalled()
        `,
      ),
      testCase(
        "success",
        "a valid address calls onSubscribe and shows the thank-you message",
        code`
            const user = userEvent.setup()
            const onSubscribe = vi.fn()
            render(<${Component} onSubscribe={onSubscribe} />)
            await user.type(screen.getByLabelText("Email address"), " jane@example.com ")
            await user.click(${button})
            expect(onSubscribe).toHaveBeenCalledWith("jane@example.com")
            expect(within(screen.getByRole("status")).getByText(${successMessage})).toBeInTheDocument()
            expect(screen.queryByLabelText("Email address")).not.toBeInTheDocument()
        `,
      ),
    ]
  },
})
