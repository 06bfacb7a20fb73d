import { capitalize, mentions, type PromptFacts } from "../facts"
import { bool, records, sentenceList, str, type Recipe, type Values } from "../recipe"

interface Stat extends Record<string, string> {
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

function personOf(facts: PromptFacts): Person {
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

const STAT_VALUES: [RegExp, string][] = [
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

function statsFrom(values: Values): Stat[] {
  return records<Stat>(values, "stats")
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => part[0]!)
    .slice(0, 2)
    .join("")
    .toUpperCase()
}

export const profileCard: Recipe = {
  kind: "profile-card",
  title: "Profile card",
  names: ["ProfileCard"],
  keywords: {
    strong: [
      "profile card",
      "profile",
      "user card",
      "user profile",
      "team member card",
      "author card",
      "bio card",
      "contact card",
      "creator card",
    ],
    weak: ["follow button", "followers", "avatar", "bio", "initials", "message button"],
  },
  callbacks: [
    {
      name: "onFollowChange",
      type: "(following: boolean) => void",
      description: "Called with the new state when Follow is toggled.",
    },
    { name: "onMessage", type: "() => void", description: "Called when Message is clicked." },
  ],
  params: (facts) => {
    const person = personOf(facts)
    return [
      {
        name: "name",
        type: "string",
        value: person.name,
        description: "The person's name.",
        control: "text",
      },
      {
        name: "role",
        type: "string",
        value: person.role,
        description: "Their role or title.",
        control: "text",
      },
      { name: "bio", type: "string", value: person.bio, description: "A short bio.", control: "text" },
      {
        name: "avatarUrl",
        type: "string",
        value: "",
        description: "A photo URL; empty shows the initials.",
        control: "text",
      },
      {
        name: "stats",
        type: "Stat[]",
        value: statsOf(facts),
        description: "Numbers under the bio: a label and its value as shown.",
      },
      {
        name: "following",
        type: "boolean",
        value: mentions(facts, "already following", "followed by default", "following by default"),
        description: "Whether the viewer follows them at first.",
        control: "boolean",
      },
      {
        name: "showMessage",
        type: "boolean",
        value: !mentions(facts, "no message", "without message", "without a message"),
        description: "Show the Message button.",
        control: "boolean",
      },
    ]
  },
  summary: (values) =>
    `A profile card for ${str(values, "name")} (${str(values, "role")}) with a bio, ${sentenceList(statsFrom(values).map((stat) => stat.label.toLowerCase()))}, a Follow toggle${bool(values, "showMessage") ? " and a Message button" : ""}.`,
  requirements: (values) => {
    const list: [string, string][] = [
      [
        "identity",
        `Shows ${str(values, "name")}, "${str(values, "role")}" and the bio, with an avatar that falls back to the initials ${initials(str(values, "name"))}`,
      ],
      [
        "stats",
        `Shows ${sentenceList(statsFrom(values).map((stat) => `${stat.value} ${stat.label.toLowerCase()}`))}`,
      ],
      [
        "follow",
        `The ${bool(values, "following") ? "Following" : "Follow"} button toggles between Follow and Following (aria-pressed) and calls onFollowChange`,
      ],
    ]
    if (bool(values, "showMessage")) list.push(["message", "The Message button calls onMessage"])
    return list
  },
  component: (context) => `import { useId, useState } from "react"
import { Check, MessageCircle, UserPlus } from "lucide-react"
import { Avatar, AvatarFallback, AvatarImage } from "@/components/ui/avatar"
import { Button } from "@/components/ui/button"
${context.lookImports}

/** A number on the card: its label and its value as shown ("4.2k"). */
export interface Stat {
  label: string
  value: string
}

${context.propsInterface}

${context.defaults}

function initialsOf(name: string): string {
  return name
    .split(/\\s+/)
    .filter(Boolean)
    .map((part) => part.charAt(0))
    .slice(0, 2)
    .join("")
    .toUpperCase()
}

${context.signature}
  ${context.look}
  const nameId = useId()
  const [isFollowing, setIsFollowing] = useState(following)

  function toggleFollow() {
    const next = !isFollowing
    setIsFollowing(next)
    onFollowChange?.(next)
  }

  return (
    <div className={cn(look.className, "w-full max-w-sm p-4")} style={look.style}>
      <article aria-labelledby={nameId} className="flex flex-col items-center gap-4 rounded-xl border bg-card p-6 text-center text-card-foreground shadow-sm">
        <Avatar className="size-20 text-xl">
          {avatarUrl && <AvatarImage src={avatarUrl} alt={name} />}
          <AvatarFallback className="bg-primary/10 text-xl font-semibold text-primary">{initialsOf(name)}</AvatarFallback>
        </Avatar>
        <div className="flex flex-col gap-1">
          <h2 id={nameId} className="text-lg font-semibold leading-tight">
            {name}
          </h2>
          <p className="text-sm text-muted-foreground">{role}</p>
        </div>
        {bio && <p className="text-sm text-pretty">{bio}</p>}
        {stats.length > 0 && (
          <dl className="grid w-full divide-x rounded-lg border" style={{ gridTemplateColumns: "repeat(" + stats.length + ", minmax(0, 1fr))" }}>
            {stats.map((stat) => (
              <div key={stat.label} className="flex flex-col-reverse gap-0.5 px-2 py-3">
                <dt className="text-xs text-muted-foreground">{stat.label}</dt>
                <dd className="text-base font-semibold tabular-nums">{stat.value}</dd>
              </div>
            ))}
          </dl>
        )}
        <div className="flex w-full gap-2">
          <Button
            type="button"
            aria-pressed={isFollowing}
            variant={isFollowing ? "outline" : "default"}
            onClick={toggleFollow}
            className="flex-1"
          >
            {isFollowing ? <Check aria-hidden="true" /> : <UserPlus aria-hidden="true" />}
            {isFollowing ? "Following" : "Follow"}
          </Button>
          {showMessage && (
            <Button type="button" variant="outline" onClick={onMessage} className="flex-1">
              <MessageCircle aria-hidden="true" />
              Message
            </Button>
          )}
        </div>
      </article>
    </div>
  )
}
`,
  tests: (context) => {
    const { values, lit, id, name } = context
    const stats = statsFrom(values)
    const following = bool(values, "following")
    const first = following ? "Following" : "Follow"
    const second = following ? "Follow" : "Following"
    const tests = [
      `it("${id("identity")}: shows the name, role, bio and the initials", () => {
  render(<${name} />)
  expect(screen.getByRole("heading", { name: ${lit(str(values, "name"))} })).toBeInTheDocument()
  expect(screen.getByText(${lit(str(values, "role"))})).toBeInTheDocument()
  expect(screen.getByText(${lit(str(values, "bio"))})).toBeInTheDocument()
  expect(screen.getByText(${lit(initials(str(values, "name")))})).toHaveAttribute("data-slot", "avatar-fallback")
})`,
      `it("${id("stats")}: shows each stat with its value", () => {
  render(<${name} />)
  const terms = screen.getAllByRole("term").map((term) => term.textContent)
  const definitions = screen.getAllByRole("definition").map((definition) => definition.textContent)
  expect(terms).toEqual(${lit(stats.map((stat) => stat.label))})
  expect(definitions).toEqual(${lit(stats.map((stat) => stat.value))})
})`,
      `it("${id("follow")}: Follow toggles to Following and back", async () => {
  const user = userEvent.setup()
  const onFollowChange = vi.fn()
  render(<${name} onFollowChange={onFollowChange} />)
  const button = screen.getByRole("button", { name: ${lit(first)} })
  expect(button).toHaveAttribute("aria-pressed", ${lit(String(following))})
  await user.click(button)
  expect(button).toHaveAccessibleName(${lit(second)})
  expect(button).toHaveAttribute("aria-pressed", ${lit(String(!following))})
  expect(onFollowChange).toHaveBeenLastCalledWith(${!following})
  await user.click(button)
  expect(button).toHaveAccessibleName(${lit(first)})
  expect(onFollowChange).toHaveBeenLastCalledWith(${following})
})`,
    ]
    if (context.has("message")) {
      tests.push(`it("${id("message")}: Message calls onMessage", async () => {
  const user = userEvent.setup()
  const onMessage = vi.fn()
  render(<${name} onMessage={onMessage} />)
  await user.click(screen.getByRole("button", { name: "Message" }))
  expect(onMessage).toHaveBeenCalledTimes(1)
})`)
    }
    return tests.join("\n\n")
  },
  followUp: (facts, values) => {
    const applied: string[] = []
    const next: Record<string, Values[string]> = { ...values }
    if (mentions(facts, "remove the message", "no message", "without message", "hide the message")) {
      next.showMessage = false
      applied.push("no Message button")
    } else if (mentions(facts, "message button", "add a message", "add message")) {
      next.showMessage = true
      applied.push("a Message button")
    }
    const quoted = facts.quoted[0]
    if (quoted) {
      if (/\b(bio|about)\b/i.test(facts.text)) {
        next.bio = quoted
        applied.push("a new bio")
      } else if (/\b(role|title|job|position)\b/i.test(facts.text)) {
        next.role = quoted
        applied.push(`the role "${quoted}"`)
      } else if (/\bname\b/i.test(facts.text)) {
        next.name = quoted
        applied.push(`the name "${quoted}"`)
      }
    }
    const add = /\badd (?:an? |the )?["“]?([A-Za-z][\w ]{1,20}?)["”]? (?:stat|count|number)\b/i.exec(
      facts.text,
    )
    if (add) {
      const label = capitalize(add[1]!.trim())
      const stats = statsFrom(values)
      if (!stats.some((stat) => stat.label.toLowerCase() === label.toLowerCase())) {
        const value = STAT_VALUES.find(([pattern]) => pattern.test(label.toLowerCase()))?.[1] ?? "42"
        next.stats = [...stats, { label, value }]
        applied.push(`the ${label} stat`)
      }
    }
    return { values: next, applied }
  },
  followUpHints: ['a new bio "…"', 'the role "…"', "add or remove the Message button", "add a <label> stat"],
}
