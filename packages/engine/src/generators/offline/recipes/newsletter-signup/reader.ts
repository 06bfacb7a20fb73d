import { mentions, type PromptFacts } from "../../facts"
import { BUTTON_ROLES, HEADING_ROLES, quotedFor } from "../../readers"

/** Words that tie a quote to the thank-you message: `success message "You're in!"`. */
export const SUCCESS_ROLES = [
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

/** The line under the heading, for the cadence the prompt names (weekly, monthly, daily) or a waitlist. */
export function descriptionOf(facts: PromptFacts): string {
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

/** The signup's words: quoted ones the prompt ties to a heading, a button or a thank-you, else a newsletter's. */
export function readNewsletterSignup(facts: PromptFacts): {
  heading: string
  description: string
  buttonLabel: string
  placeholder: string
  successMessage: string
} {
  const labels = labelsOf(facts)
  return {
    heading: labels.heading,
    description: descriptionOf(facts),
    buttonLabel: labels.button,
    placeholder: "you@example.com",
    successMessage: labels.success,
  }
}
