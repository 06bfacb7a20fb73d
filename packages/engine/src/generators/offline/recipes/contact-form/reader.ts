import { mentions, type PromptFacts } from "../../facts"
import { BUTTON_ROLES, HEADING_ROLES, quotedFor } from "../../readers"

/** Words that tie a quote to the thank-you message: `After sending show "Thanks, I'll reply soon!"`. */
export const SUCCESS_ROLES = [
  "success",
  "confirmation",
  "thank you",
  "thanks",
  "afterwards",
  "after submit",
  "after submitting",
  "after sending",
  "once sent",
  "when sent",
  "on submit",
  "message says",
]

/** The message's character limit the prompt names ("max 300 characters"), 0 for none. */
export function limitOf(facts: PromptFacts): number {
  const limit =
    facts.maxChars ?? (mentions(facts, "character", "characters", "chars") ? facts.max : undefined)
  return limit !== undefined && limit > 0 && limit <= 10_000 ? limit : 0
}

/** The heading, the button and thank-you texts, the optional subject and phone fields and the message's limit. */
export function readContactForm(facts: PromptFacts): {
  title: string
  description: string
  submitLabel: string
  showSubject: boolean
  showPhone: boolean
  maxLength: number
  successMessage: string
} {
  return {
    title: quotedFor(facts, HEADING_ROLES) ?? "Get in touch",
    description: "Send us a message and we'll reply within one business day.",
    submitLabel: quotedFor(facts, BUTTON_ROLES) ?? "Send message",
    showSubject: mentions(facts, "subject", "topic"),
    showPhone: mentions(facts, "phone", "telephone", "mobile"),
    maxLength: limitOf(facts),
    successMessage: quotedFor(facts, SUCCESS_ROLES) ?? "Thanks for reaching out! We'll get back to you soon.",
  }
}
