import { capitalize, type PromptFacts } from "../../facts"

function titleOf(facts: PromptFacts): string {
  const quoted = facts.quoted[0]
  if (quoted) return quoted
  const about =
    /\b(?:about|for|called|titled|named)\s+(?:an?\s+|the\s+)?([a-z][\w\s'-]{2,40}?)(?=[.,;!?]|\s+(?:with|and|that|which)\b|$)/i.exec(
      facts.text,
    )
  return about ? capitalize(about[1]!.trim()) : "Get started"
}

/** The card's heading, text and button label: the prompt's quotes in order, else what it is about. */
export function readContentCard(facts: PromptFacts): {
  title: string
  description: string
  actionLabel: string
} {
  return {
    title: titleOf(facts),
    description: facts.quoted[1] ?? `Built from: ${facts.text.slice(0, 160) || "a short description"}`,
    actionLabel: facts.quoted[2] ?? "Continue",
  }
}
