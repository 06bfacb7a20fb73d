import { mentions, type PromptFacts } from "../../facts"
import { quotedWith } from "../../readers"

type Variant = "success" | "error" | "info"

/** Where toasts can appear on the screen. */
export const POSITIONS = [
  "bottom-right",
  "bottom-left",
  "bottom-center",
  "top-right",
  "top-left",
  "top-center",
] as const

interface Preset {
  pattern: RegExp
  message: string
  trigger: string
  variant: Variant
}

const PRESETS: Preset[] = [
  {
    pattern:
      /\bpayments?\b[^.]*\b(?:errors?|fail(?:s|ed|ure)?|declined)\b|\b(?:errors?|fail(?:s|ed|ure)?|declined)\b[^.]*\bpayments?\b/,
    message: "Payment failed. Please check your card details and try again.",
    trigger: "Pay now",
    variant: "error",
  },
  {
    pattern:
      /\buploads?\b[^.]*\b(?:errors?|fail(?:s|ed|ure)?)\b|\b(?:errors?|fail(?:s|ed|ure)?)\b[^.]*\buploads?\b/,
    message: "Upload failed. Please try again.",
    trigger: "Upload file",
    variant: "error",
  },
  {
    pattern: /\b(?:errors?|fail(?:s|ed|ure)?|went wrong|problem)\b/,
    message: "Something went wrong. Please try again.",
    trigger: "Submit",
    variant: "error",
  },
  {
    pattern: /\bcop(?:y|ied)\b|\bclipboard\b/,
    message: "Link copied to clipboard.",
    trigger: "Copy link",
    variant: "success",
  },
  {
    pattern: /\bcart\b|\bbasket\b/,
    message: "Added to your cart.",
    trigger: "Add to cart",
    variant: "success",
  },
  {
    pattern: /\b(?:sent|send)\b/,
    message: "Your message has been sent.",
    trigger: "Send message",
    variant: "success",
  },
  {
    pattern: /\binvit(?:e|ed|ation)\b/,
    message: "Invitation sent.",
    trigger: "Send invite",
    variant: "success",
  },
  {
    pattern: /\bdelet(?:e|ed)\b|\bremov(?:e|ed)\b/,
    message: "Item deleted.",
    trigger: "Delete item",
    variant: "info",
  },
  {
    pattern: /\bsubscrib\w*\b|\bnewsletter\b/,
    message: "You're subscribed!",
    trigger: "Subscribe",
    variant: "success",
  },
  {
    pattern: /\bsav(?:e|ed|ing)\b/,
    message: "Your changes have been saved.",
    trigger: "Save changes",
    variant: "success",
  },
]

const DEFAULT_PRESET: Preset = {
  pattern: /$^/,
  message: "Your changes have been saved.",
  trigger: "Save changes",
  variant: "success",
}

/** The tone a prompt names: error, success or info. */
export function variantOf(facts: PromptFacts): Variant | undefined {
  if (mentions(facts, "error", "danger", "failure", "destructive")) return "error"
  if (mentions(facts, "success", "green", "check mark", "checkmark")) return "success"
  if (mentions(facts, "info", "informational", "neutral")) return "info"
  return undefined
}

/** The corner or edge a prompt puts the toasts at: "top right", "bottom center". */
export function positionOf(facts: PromptFacts): (typeof POSITIONS)[number] | undefined {
  const vertical = /\btop\b/.test(facts.lower) ? "top" : /\bbottom\b/.test(facts.lower) ? "bottom" : undefined
  const horizontal = /\bleft\b/.test(facts.lower)
    ? "left"
    : /\bright\b/.test(facts.lower)
      ? "right"
      : /\b(?:center|centre|middle)\b/.test(facts.lower)
        ? "center"
        : undefined
  if (!vertical && !horizontal) return undefined
  if (!/\b(?:corner|top|bottom|position|show (?:it|them) (?:at|in|on))\b/.test(facts.lower)) return undefined
  return `${vertical ?? "bottom"}-${horizontal ?? (vertical ? "center" : "right")}` as (typeof POSITIONS)[number]
}

/** "never dismiss", "stays until I close it", "sticky". */
export const STICKY =
  /\b(?:never|don't|do not|not|doesn't|does not|shouldn't|should not)\b[^.]*\b(?:auto[- ]?)?(?:dismiss|disappear|close|hide|vanish|go away)\w*\b|\bstays? (?:open|until|on screen until|there until)\b|\buntil (?:i|you|the user|they) (?:close|dismiss)\b|\bsticky\b|\bpersistent\b/

function toastValues(facts: PromptFacts) {
  const preset = PRESETS.find((candidate) => candidate.pattern.test(facts.lower)) ?? DEFAULT_PRESET
  const trigger = quotedWith(facts, /\b(?:button|trigger|clicking|click)\b[^"“”`]*$/i, /^\s*button\b/i)
  const message =
    quotedWith(facts, /\b(?:says?|saying|message|text|reads?|shows?|showing|with|displays?)\b[^"“”`]*$/i) ??
    facts.quoted.find((value) => value !== trigger)
  return {
    message: message ?? preset.message,
    triggerLabel: trigger ?? preset.trigger,
    variant: variantOf(facts) ?? preset.variant,
  }
}

/** The toast's message, the button that shows it, how long it stays (0: until closed), its tone and place. */
export function readToastNotification(facts: PromptFacts): {
  message: string
  triggerLabel: string
  durationMs: number
  variant: Variant
  position: (typeof POSITIONS)[number]
} {
  return {
    ...toastValues(facts),
    durationMs: facts.durationsMs[0] ?? (STICKY.test(facts.lower) ? 0 : 5000),
    position: positionOf(facts) ?? "bottom-right",
  }
}
