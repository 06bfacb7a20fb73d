import { countOf, mentions, NUMBER_WORDS, type PromptFacts } from "../../facts"
import { HEADING_ROLES, quotedFor } from "../../readers"

/** "6-digit code", "4 digits", "six digit pin", "8 boxes" → the number of boxes. */
export function lengthOf(facts: PromptFacts): number | undefined {
  const match =
    /\b(\d+|three|four|five|six|seven|eight|nine|ten)[\s-]*(?:digits?|numbers?|characters?|chars?|boxes|box|fields?|inputs?|slots?|cells?)\b/.exec(
      facts.lower,
    )
  const value = match ? (NUMBER_WORDS[match[1]!] ?? Number(match[1])) : countOf(facts, "digit")
  return value !== undefined && value >= 3 && value <= 10 ? value : undefined
}

/** The wait before "Resend code" works again, when the prompt asks for one (30 s unless it says). */
export function resendSecondsOf(facts: PromptFacts): number {
  if (!mentions(facts, "resend", "send again", "new code", "send another")) return 0
  const seconds = Math.round((facts.durationsMs[0] ?? 30_000) / 1000)
  return seconds > 0 && seconds <= 600 ? seconds : 30
}

/** The code's length (6 unless the prompt says), the words above the boxes and the resend wait (0: none). */
export function readOtpInput(facts: PromptFacts): {
  length: number
  title: string
  description: string
  resendSeconds: number
} {
  return {
    length: lengthOf(facts) ?? 6,
    title:
      quotedFor(facts, HEADING_ROLES) ??
      (mentions(facts, "pin") ? "Enter your PIN" : "Enter verification code"),
    description: mentions(facts, "sms", "phone", "text message", "texted", "mobile")
      ? "We texted a code to your phone. It expires in 10 minutes."
      : mentions(facts, "pin")
        ? "Enter the PIN you chose for your account."
        : "We sent a code to your email. It expires in 10 minutes.",
    resendSeconds: resendSecondsOf(facts),
  }
}
