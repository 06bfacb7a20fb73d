import { mentions, type PromptFacts } from "../../facts"
import { buttonLabel } from "../../readers"

type Flavour = "tweet" | "bio" | "other"

/** What the text is for: a tweet, a bio or something else. */
export function flavourOf(facts: PromptFacts): Flavour {
  if (mentions(facts, "tweet", "tweets", "twitter", "status update", "microblog", "toot", "thread", "x post"))
    return "tweet"
  if (mentions(facts, "bio", "about me", "biography", "profile description", "profile blurb")) return "bio"
  return "other"
}

const TOPICS: [string, string, string][] = [
  ["comment", "Comment", "Post comment"],
  ["reply", "Reply", "Reply"],
  ["review", "Review", "Submit review"],
  ["feedback", "Feedback", "Send feedback"],
  ["message", "Message", "Send"],
  ["caption", "Caption", "Save caption"],
  ["description", "Description", "Save"],
  ["headline", "Headline", "Save"],
  ["summary", "Summary", "Save"],
  ["note", "Note", "Save note"],
  ["title", "Title", "Save"],
  ["status", "Status", "Update status"],
]

function textsOf(
  facts: PromptFacts,
  flavour: Flavour,
): { label: string; submit: string; placeholder: string } {
  const base =
    flavour === "tweet"
      ? { label: "What's happening?", submit: "Post", placeholder: "Share an update…" }
      : flavour === "bio"
        ? { label: "Bio", submit: "Save bio", placeholder: "Tell people a little about yourself" }
        : (() => {
            const topic = TOPICS.find(([word]) => mentions(facts, word, `${word}s`))
            return topic
              ? { label: topic[1], submit: topic[2], placeholder: `Write your ${topic[0]}…` }
              : { label: "Message", submit: "Submit", placeholder: "Type your message…" }
          })()
  const button = buttonLabel(facts.text)
  const hint = /\bplaceholder\b(?: text)?\s*(?:says?|reads?|of|is|=|:)?\s*["“']([^"”']+)["”']/i.exec(
    facts.text,
  )?.[1]
  const quoted = facts.quoted.filter((text) => text !== button && text !== hint)
  return {
    label: quoted[0] ?? base.label,
    submit: button ?? base.submit,
    placeholder: hint ?? quoted[1] ?? base.placeholder,
  }
}

/** The character limit a prompt names: "280 char limit", "max 160 characters". */
export function limitOf(facts: PromptFacts): number | undefined {
  const limit =
    facts.maxChars ?? (/\b(?:limit|max|maximum|up to|at most)\b/.test(facts.lower) ? facts.max : undefined)
  return limit !== undefined && limit > 0 ? Math.round(limit) : undefined
}

/** Whether the text area should empty after a submit (true), keep its text (false), or the prompt does not say. */
export function wantsClear(facts: PromptFacts): boolean | undefined {
  if (
    /\bkeeps? (?:the )?(?:text|draft|message)\b|\b(?:don't|do not|doesn't|does not) (?:clear|empty|reset)\b/.test(
      facts.lower,
    )
  )
    return false
  if (
    /\b(?:clear|clears|empty|empties|reset|resets)\b[\w\s]{0,30}\b(?:after|on submit|once|when)\b/.test(
      facts.lower,
    )
  )
    return true
  return undefined
}

/** The text area's words, its limit (a tweet's 280, a bio's 160 unless the prompt says) and whether it empties. */
export function readCharacterCounter(facts: PromptFacts): {
  label: string
  placeholder: string
  maxChars: number
  submitLabel: string
  clearOnSubmit: boolean
} {
  const flavour = flavourOf(facts)
  const texts = textsOf(facts, flavour)
  return {
    label: texts.label,
    placeholder: texts.placeholder,
    maxChars: limitOf(facts) ?? (flavour === "bio" ? 160 : 280),
    submitLabel: texts.submit,
    clearOnSubmit: wantsClear(facts) ?? flavour === "tweet",
  }
}
