import { mentions, type PromptFacts } from "../../facts"
import { BUTTON_ROLES, HEADING_ROLES, minLengthOf, quotedFor } from "../../readers"

function submitLabelOf(facts: PromptFacts): string {
  return (
    quotedFor(facts, BUTTON_ROLES) ??
    (mentions(facts, "log in", "login", "logon", "log on") && !mentions(facts, "sign in")
      ? "Log in"
      : "Sign in")
  )
}

/** Email and password sign-in with a show/hide toggle, inline validation and an optional "Remember me". */

/** The heading, the submit label ("Log in" when the prompt says so), the optional parts and the password minimum. */
export function readLoginForm(facts: PromptFacts): {
  title: string
  description: string
  submitLabel: string
  showRememberMe: boolean
  showForgotPassword: boolean
  minPasswordLength: number
} {
  const submitLabel = submitLabelOf(facts)
  return {
    title: quotedFor(facts, HEADING_ROLES) ?? "Welcome back",
    description: `${submitLabel === "Log in" ? "Log in" : "Sign in"} to your account to continue.`,
    submitLabel,
    showRememberMe: mentions(facts, "remember me", "remember", "stay signed in", "keep me signed in"),
    showForgotPassword: mentions(
      facts,
      "forgot password",
      "forgot your password",
      "forgotten password",
      "reset password",
    ),
    minPasswordLength: minLengthOf(facts) ?? 0,
  }
}
