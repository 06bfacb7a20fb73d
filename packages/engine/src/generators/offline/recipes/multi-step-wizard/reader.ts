import { capitalize, firstList, mentions, NUMBER_WORDS, type PromptFacts } from "../../facts"
import { BUTTON_ROLES, HEADING_ROLES, quotedFor } from "../../readers"

/** A step: its title, the required field's label ("" for a review step) and the field's type ("review" for none). */
export interface WizardStep extends Record<string, string> {
  title: string
  field: string
  type: string
}

type Flavour = "onboarding" | "signup" | "checkout"

const REVIEW = /^(?:review|summary|confirm|confirmation|overview|finish|done|check)\b/i

// Step titles and the field each asks for.
const STEP_FIELDS: readonly [RegExp, string, string][] = [
  [/account|login|credentials|sign ?up|e-?mail/i, "Email", "email"],
  [/company|organi[sz]ation|business/i, "Company name", "text"],
  [/team/i, "Team name", "text"],
  [/workspace|project/i, "Workspace name", "text"],
  [/address|shipping/i, "Street address", "text"],
  [/delivery/i, "Delivery instructions", "text"],
  [/payment|billing|card/i, "Card number", "text"],
  [/contact|phone/i, "Phone number", "tel"],
  [/preference|interest/i, "Interests", "text"],
  [/goal/i, "Main goal", "text"],
  [/role|job/i, "Job title", "text"],
  [/experience/i, "Years of experience", "text"],
  [/profile|personal|about|details|info|name|welcome|you\b/i, "Full name", "text"],
]

/** The steps each kind of wizard offers, in the order they are added. */
export const POOLS: Record<Flavour, string[]> = {
  checkout: ["Shipping", "Delivery", "Payment", "Contact", "Billing address", "Notes"],
  signup: ["Account", "Profile", "Preferences", "Company", "Contact", "Goals"],
  onboarding: ["Profile", "Workspace", "Goals", "Team", "Preferences", "Role"],
}

/** What the wizard is for: a checkout, a sign-up or (otherwise) an onboarding. */
export function flavourOf(facts: PromptFacts): Flavour {
  if (mentions(facts, "checkout", "check out", "payment", "shipping", "order", "purchase")) return "checkout"
  if (mentions(facts, "sign up", "signup", "register", "registration", "create account", "account"))
    return "signup"
  return "onboarding"
}

/** The step a title names, with the field it asks for ("Shipping" asks for a street address). */
export function stepFor(title: string): WizardStep {
  if (REVIEW.test(title)) return { title, field: "", type: "review" }
  const match = STEP_FIELDS.find(([pattern]) => pattern.test(title))
  return { title, field: match?.[1] ?? title, type: match?.[2] ?? "text" }
}

/** "3 steps", "five-step": 2 to 7. */
export function stepCountOf(facts: PromptFacts): number | undefined {
  const match = /\b(\d+|two|three|four|five|six|seven)[\s-]*steps?\b/.exec(facts.lower)
  const value = match ? (NUMBER_WORDS[match[1]!] ?? Number(match[1])) : undefined
  return value !== undefined && value >= 2 && value <= 7 ? value : undefined
}

// Steps a prompt may name in passing ("shipping address, payment, then a review of the order").
const NAMED_STEPS: readonly [RegExp, string][] = [
  [/\baccount\b/, "Account"],
  [/\b(?:profile|personal (?:info|details))\b/, "Profile"],
  [/\bcompany\b/, "Company"],
  [/\bteam\b/, "Team"],
  [/\bworkspace\b/, "Workspace"],
  [/\bshipping\b/, "Shipping"],
  [/\bdelivery\b/, "Delivery"],
  [/\b(?:payment|billing)\b/, "Payment"],
  [/\bcontact\b/, "Contact"],
  [/\bpreferences\b/, "Preferences"],
  [/\bgoals?\b/, "Goals"],
  [/\b(?:review|summary|confirm(?:ation)?)\b/, "Review"],
]

function namedSteps(facts: PromptFacts): string[] {
  return NAMED_STEPS.map(([pattern, title]) => ({ title, at: pattern.exec(facts.lower)?.index ?? -1 }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)
    .map(({ title }) => title)
}

function titlesOf(facts: PromptFacts): string[] {
  const listed = firstList(facts)?.filter((item) => item.length <= 30)
  if (listed && listed.length >= 2) return listed.map((item) => capitalize(item.replace(/\s+steps?$/i, "")))
  const count = stepCountOf(facts)
  const pool = POOLS[flavourOf(facts)]
  const named = namedSteps(facts)
  if (named.length >= 2 && (count === undefined || named.length <= count)) {
    const review = named.includes("Review")
    const asking = named.filter((title) => title !== "Review")
    for (const title of pool)
      if (count !== undefined && asking.length < count - 1 && !asking.includes(title)) asking.push(title)
    return [...asking, ...(review || count === undefined || asking.length < count ? ["Review"] : [])]
  }
  return [...pool.slice(0, (count ?? 4) - 1), "Review"]
}

/** The prompt's steps (listed, named in passing or the flavour's), each asking for a field of its own. */
export function stepsOf(facts: PromptFacts): WizardStep[] {
  const titles = titlesOf(facts)
  const steps = titles.filter((title, index) => titles.indexOf(title) === index).map(stepFor)
  // Two steps asking the same thing would confuse: the later one asks about its own title instead.
  return steps.map((step, index) =>
    step.field && steps.slice(0, index).some((other) => other.field === step.field)
      ? { ...step, field: step.title, type: "text" }
      : step,
  )
}

const COPY: Record<Flavour, { title: string; finish: string; done: string }> = {
  checkout: { title: "Checkout", finish: "Place order", done: "Order placed! We've emailed your receipt." },
  signup: {
    title: "Create your account",
    finish: "Create account",
    done: "Account created. Welcome aboard!",
  },
  onboarding: { title: "Set up your workspace", finish: "Finish", done: "You're all set!" },
}

/** The heading, the steps, the last button and the done message (a checkout's, a sign-up's or an onboarding's). */
export function readMultiStepWizard(facts: PromptFacts): {
  title: string
  steps: readonly WizardStep[]
  finishLabel: string
  doneMessage: string
} {
  const copy = COPY[flavourOf(facts)]
  return {
    title: quotedFor(facts, HEADING_ROLES) ?? copy.title,
    steps: stepsOf(facts),
    finishLabel: quotedFor(facts, BUTTON_ROLES) ?? copy.finish,
    doneMessage: copy.done,
  }
}
