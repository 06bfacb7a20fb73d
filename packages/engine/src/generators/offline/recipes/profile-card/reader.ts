import { capitalize, mentions, type PromptFacts } from "../../facts"

/** A number under the bio: its label and its value as shown. */
export interface Stat extends Record<string, string> {
  label: string
  value: string
}

interface Person {
  name: string
  role: string
  bio: string
}

const ROLE_CONTEXT = /\b(role|title|job|position|works as|who is an?|is an?)\s*$/i
const BIO_CONTEXT = /\b(bio|about|description|tagline|says|quote|blurb)\b[^"“]*$/i
const NAME_CONTEXT = /\b(name|named|called|for|of)\s*$/i
const PERSON_NAME = /^[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’.-]+){1,2}$/

/** The person a prompt describes: a quoted or capitalised name, their role and a bio. */
export function personOf(facts: PromptFacts): Person {
  const person: Partial<Person> = {}
  let from = 0
  const loose: string[] = []
  for (const quote of facts.quoted) {
    const at = facts.text.indexOf(quote, from)
    const before = facts.text.slice(Math.max(from, at - 40), Math.max(at - 1, 0))
    from = at + quote.length
    if (ROLE_CONTEXT.test(before) && !person.role) person.role = quote
    else if (BIO_CONTEXT.test(before) && !person.bio) person.bio = quote
    else if (NAME_CONTEXT.test(before) && !person.name) person.name = quote
    else loose.push(quote)
  }
  for (const quote of loose) {
    if (!person.name && PERSON_NAME.test(quote)) person.name = quote
    else if (!person.bio && quote.split(" ").length > 5) person.bio = quote
    else if (!person.role) person.role = quote
    else if (!person.name) person.name = quote
  }
  if (!person.name) {
    const named = /\b(?:for|of|named|called)\s+([A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+){1,2})\b/.exec(
      facts.text,
    )
    if (named) person.name = named[1]
  }
  if (!person.role) {
    const role = /,\s*(?:an?\s+)?([a-z][a-z ]{2,40}?)(?=\s+(?:at|with)\b|[.,;!?]|$)/i.exec(
      facts.text.slice(person.name ? facts.text.indexOf(person.name) : facts.text.length),
    )
    if (role) person.role = role[1]!.split(" ").map(capitalize).join(" ")
  }
  return {
    name: person.name ?? "Maya Patel",
    role: person.role ?? "Senior Product Designer",
    bio:
      person.bio ??
      "Designing calm, accessible interfaces for fintech teams. Previously at Linear and Monzo. Based in London.",
  }
}

const DEFAULT_STATS: Stat[] = [
  { label: "Posts", value: "128" },
  { label: "Followers", value: "4.2k" },
  { label: "Following", value: "312" },
]

/** Realistic values for stats a follow-up adds by label. */
export const STAT_VALUES: [RegExp, string][] = [
  [/follower/, "4.2k"],
  [/following/, "312"],
  [/post|article/, "128"],
  [/project|repo/, "36"],
  [/like|kudos|star/, "9.8k"],
  [/review/, "214"],
  [/year|experience/, "8"],
  [/course|student/, "1.3k"],
  [/shot|photo/, "540"],
]

function statsOf(facts: PromptFacts): Stat[] {
  const listed = facts.lists.find(
    (list) =>
      list.length >= 2 &&
      list.every((item) => STAT_VALUES.some(([pattern]) => pattern.test(item.toLowerCase()))),
  )
  if (!listed) return DEFAULT_STATS
  return listed.map((label, index) => ({
    label: capitalize(label),
    value: STAT_VALUES.find(([pattern]) => pattern.test(label.toLowerCase()))?.[1] ?? String(24 + index * 7),
  }))
}

/** The person the prompt describes (name, role, bio), their stats and the buttons' state. */
export function readProfileCard(facts: PromptFacts): {
  name: string
  role: string
  bio: string
  avatarUrl: string
  stats: Stat[]
  following: boolean
  showMessage: boolean
} {
  const person = personOf(facts)
  return {
    name: person.name,
    role: person.role,
    bio: person.bio,
    avatarUrl: "",
    stats: statsOf(facts),
    following: mentions(facts, "already following", "followed by default", "following by default"),
    showMessage: !mentions(facts, "no message", "without message", "without a message"),
  }
}
