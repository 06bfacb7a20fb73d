import { boolean, defineRecipe, records, text } from "../../define-recipe"
import { capitalize, mentions } from "../../facts"
import { sentenceList } from "../../recipe"
import { code, testCase } from "../../test-builder"
import { initialsOf } from "../inline/initials"
import { readProfileCard, STAT_VALUES, type Stat } from "./reader"

/** A person's card: avatar (photo or initials), name, role, bio, stats, a Follow toggle and a Message button. */
export const profileCard = defineRecipe({
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
  params: {
    name: text("The person's name."),
    role: text("Their role or title."),
    bio: text("A short bio."),
    avatarUrl: text("A photo URL; empty shows the initials."),
    stats: records<Stat>("Stat", "Numbers under the bio: a label and its value as shown."),
    following: boolean("Whether the viewer follows them at first."),
    showMessage: boolean("Show the Message button."),
  },
  read: readProfileCard,
  summary: ({ name, role, stats, showMessage }) =>
    `A profile card for ${name} (${role}) with a bio, ${sentenceList(stats.map((stat) => stat.label.toLowerCase()))}, a Follow toggle${showMessage ? " and a Message button" : ""}.`,
  requirements: ({ name, role, stats, following, showMessage }) => {
    const list: [string, string][] = [
      [
        "identity",
        `Shows ${name}, "${role}" and the bio, with an avatar that falls back to the initials ${initialsOf(name)}`,
      ],
      ["stats", `Shows ${sentenceList(stats.map((stat) => `${stat.value} ${stat.label.toLowerCase()}`))}`],
      [
        "follow",
        `The ${following ? "Following" : "Follow"} button toggles between Follow and Following (aria-pressed) and calls onFollowChange`,
      ],
    ]
    if (showMessage) list.push(["message", "The Message button calls onMessage"])
    return list
  },
  tests: ({ Component, values: { name, role, bio, stats, following }, has }) => {
    const first = following ? "Following" : "Follow"
    const second = following ? "Follow" : "Following"
    const tests = [
      testCase(
        "identity",
        "shows the name, role, bio and the initials",
        code`
          render(<${Component} />)
          expect(screen.getByRole("heading", { name: ${name} })).toBeInTheDocument()
          expect(screen.getByText(${role})).toBeInTheDocument()
          expect(screen.getByText(${bio})).toBeInTheDocument()
          expect(screen.getByText(${initialsOf(name)})).toHaveAttribute("data-slot", "avatar-fallback")
        `,
      ),
      testCase(
        "stats",
        "shows each stat with its value",
        code`
          render(<${Component} />)
          const terms = screen.getAllByRole("term").map((term) => term.textContent)
          const definitions = screen.getAllByRole("definition").map((definition) => definition.textContent)
          expect(terms).toEqual(${stats.map((stat) => stat.label)})
          expect(definitions).toEqual(${stats.map((stat) => stat.value)})
        `,
      ),
      testCase(
        "follow",
        "Follow toggles to Following and back",
        code`
          const user = userEvent.setup()
          const onFollowChange = vi.fn()
          render(<${Component} onFollowChange={onFollowChange} />)
          const button = screen.getByRole("button", { name: ${first} })
          expect(button).toHaveAttribute("aria-pressed", ${String(following)})
          await user.click(button)
          expect(button).toHaveAccessibleName(${second})
          expect(button).toHaveAttribute("aria-pressed", ${String(!following)})
          expect(onFollowChange).toHaveBeenLastCalledWith(${!following})
          await user.click(button)
          expect(button).toHaveAccessibleName(${first})
          expect(onFollowChange).toHaveBeenLastCalledWith(${following})
        `,
      ),
    ]
    if (has("message"))
      tests.push(
        testCase(
          "message",
          "Message calls onMessage",
          code`
            const user = userEvent.setup()
            const onMessage = vi.fn()
            render(<${Component} onMessage={onMessage} />)
            await user.click(screen.getByRole("button", { name: "Message" }))
            expect(onMessage).toHaveBeenCalledTimes(1)
          `,
        ),
      )
    return tests
  },
  followUp: (facts, { stats }) => {
    const applied: string[] = []
    const next: {
      showMessage?: boolean
      bio?: string
      role?: string
      name?: string
      stats?: readonly Stat[]
    } = {}
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
      if (!stats.some((stat) => stat.label.toLowerCase() === label.toLowerCase())) {
        const value = STAT_VALUES.find(([pattern]) => pattern.test(label.toLowerCase()))?.[1] ?? "42"
        next.stats = [...stats, { label, value }]
        applied.push(`the ${label} stat`)
      }
    }
    return { values: next, applied }
  },
  followUpHints: ['a new bio "…"', 'the role "…"', "add or remove the Message button", "add a <label> stat"],
})
