import { mentions, type PromptFacts } from "../../facts"
import { BUTTON_ROLES, HEADING_ROLES, minLengthOf, quotedFor } from "../../readers"

/** A field of the form: its key in the submitted values, label, input type and autocomplete token. */
export interface SignUpField extends Record<string, string> {
  key: string
  label: string
  type: string
  autoComplete: string
}

/** The fields a sign-up form may ask for, with the words that name them (matched in the prompt, in its order). */
export const KNOWN_FIELDS: readonly { pattern: RegExp; field: SignUpField }[] = [
  {
    pattern: /\bfirst name\b|\bgiven name\b/,
    field: { key: "firstName", label: "First name", type: "text", autoComplete: "given-name" },
  },
  {
    pattern: /\blast name\b|\bsurname\b|\bfamily name\b/,
    field: { key: "lastName", label: "Last name", type: "text", autoComplete: "family-name" },
  },
  {
    pattern: /\b(?:full )?name\b(?<!(?:first|last|user|company|family|given) name)/,
    field: { key: "name", label: "Full name", type: "text", autoComplete: "name" },
  },
  {
    pattern: /\buser ?names?\b|\bhandle\b/,
    field: { key: "username", label: "Username", type: "text", autoComplete: "username" },
  },
  {
    pattern: /\be-?mail\b/,
    field: { key: "email", label: "Email", type: "email", autoComplete: "email" },
  },
  {
    pattern: /\bphone\b|\bmobile\b|\btelephone\b/,
    field: { key: "phone", label: "Phone number", type: "tel", autoComplete: "tel" },
  },
  {
    pattern: /\bcompany\b|\borgani[sz]ation\b/,
    field: { key: "company", label: "Company", type: "text", autoComplete: "organization" },
  },
  {
    pattern: /\bpassword\b/,
    field: { key: "password", label: "Password", type: "password", autoComplete: "new-password" },
  },
]

/** The prompt's fields in its order; an email and a password are always asked for (name, email, password if none). */
function fieldsOf(facts: PromptFacts): SignUpField[] {
  const found = KNOWN_FIELDS.map(({ pattern, field }) => ({
    field,
    at: pattern.exec(facts.lower)?.index ?? -1,
  }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)
    .map(({ field }) => field)
  const byKey = (key: string) => KNOWN_FIELDS.find(({ field }) => field.key === key)!.field
  if (found.length === 0) return [byKey("name"), byKey("email"), byKey("password")]
  if (!found.some((field) => field.key === "email")) {
    const at = found.findIndex((field) => field.key === "password")
    found.splice(at < 0 ? found.length : at, 0, byKey("email"))
  }
  if (!found.some((field) => field.key === "password")) found.push(byKey("password"))
  return found
}

/** The heading and button, the fields, the password rules, the confirmation and the terms checkbox. */
export function readSignupForm(facts: PromptFacts): {
  title: string
  submitLabel: string
  fields: readonly SignUpField[]
  minPasswordLength: number
  requireNumber: boolean
  requireUppercase: boolean
  requireSymbol: boolean
  confirmPassword: boolean
  requireTerms: boolean
  termsLabel: string
} {
  return {
    title: quotedFor(facts, HEADING_ROLES) ?? "Create your account",
    submitLabel: quotedFor(facts, BUTTON_ROLES) ?? "Create account",
    fields: fieldsOf(facts),
    minPasswordLength: minLengthOf(facts) ?? 8,
    requireNumber:
      /\b(?:a|one|1|include|includes|including|contain|contains|with|needs?)\s+(?:a\s+|one\s+|at least one\s+)?(?:number|digit|numeral)s?\b/.test(
        facts.lower,
      ),
    requireUppercase: mentions(facts, "uppercase", "upper case", "capital letter", "capital"),
    requireSymbol: mentions(facts, "symbol", "special character", "special char", "punctuation"),
    confirmPassword: !/\b(?:no|without) (?:a )?(?:confirm|confirmation|repeat)/.test(facts.lower),
    requireTerms: mentions(
      facts,
      "terms",
      "terms of service",
      "privacy policy",
      "agree",
      "tos",
      "t&c",
      "consent",
    ),
    termsLabel:
      quotedFor(facts, ["checkbox", "tick box", "consent"]) ??
      "I agree to the Terms of Service and Privacy Policy",
  }
}
