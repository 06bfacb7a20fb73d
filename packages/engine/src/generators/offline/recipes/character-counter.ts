import { mentions, type PromptFacts } from "../facts"
import { bool, num, str, type Recipe, type Values } from "../recipe"

/** Text for inside a double-quoted test name. */
const esc = (text: string) => JSON.stringify(text).slice(1, -1)

type Flavour = "tweet" | "bio" | "other"

function flavourOf(facts: PromptFacts): Flavour {
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

/** 'a button that says "Send"', 'Save button labelled "Update bio"' → the button's label. */
export function buttonLabel(text: string): string | undefined {
  return /\bbutton\b[\w\s]{0,20}?(?:says?|reads?|labell?ed|called|named|text|:)?\s*["“']([^"”']+)["”']/i.exec(
    text,
  )?.[1]
}

function limitOf(facts: PromptFacts): number | undefined {
  const limit =
    facts.maxChars ?? (/\b(?:limit|max|maximum|up to|at most)\b/.test(facts.lower) ? facts.max : undefined)
  return limit !== undefined && limit > 0 ? Math.round(limit) : undefined
}

function wantsClear(facts: PromptFacts): boolean | undefined {
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

const left = (count: number) => `${count} ${count === 1 ? "character" : "characters"} left`
const over = (count: number) => `${count} ${count === 1 ? "character" : "characters"} over the limit`

/** A labelled text area with a live "N characters left" count, red when over, and a submit button. */
export const characterCounter: Recipe = {
  kind: "character-counter",
  title: "Character counter",
  names: ["CharacterCounter", "TweetComposer", "BioEditor"],
  keywords: {
    strong: [
      "character counter",
      "character count",
      "char counter",
      "char count",
      "character limit",
      "characters left",
      "characters remaining",
      "chars left",
      "tweet composer",
      "tweet box",
      "compose tweet",
      "tweet",
      "bio editor",
      "bio field",
      "bio",
      "edit bio",
      "edit your bio",
      "status composer",
    ],
    weak: [
      "characters",
      "chars",
      "textarea",
      "text area",
      "compose",
      "composer",
      "editor",
      "limit",
      "remaining",
    ],
  },
  callbacks: [
    {
      name: "onSubmit",
      type: "(text: string) => void",
      description: "Called with the text when it is submitted.",
    },
  ],
  name: (facts) => {
    const flavour = flavourOf(facts)
    return flavour === "tweet" ? "TweetComposer" : flavour === "bio" ? "BioEditor" : "CharacterCounter"
  },
  params: (facts) => {
    const flavour = flavourOf(facts)
    const texts = textsOf(facts, flavour)
    return [
      {
        name: "label",
        type: "string",
        value: texts.label,
        description: "The text area's label.",
        control: "text",
      },
      {
        name: "placeholder",
        type: "string",
        value: texts.placeholder,
        description: "Shown in the empty text area.",
        control: "text",
      },
      {
        name: "maxChars",
        type: "number",
        value: limitOf(facts) ?? (flavour === "bio" ? 160 : 280),
        description: "The character limit.",
        control: "number",
      },
      {
        name: "submitLabel",
        type: "string",
        value: texts.submit,
        description: "The submit button's label.",
        control: "text",
      },
      {
        name: "clearOnSubmit",
        type: "boolean",
        value: wantsClear(facts) ?? flavour === "tweet",
        description: "Empty the text area after a submit.",
        control: "boolean",
      },
    ]
  },
  summary: (values) =>
    `A "${str(values, "label")}" text area limited to ${num(values, "maxChars", 280)} characters with a live count and a ${str(values, "submitLabel")} button.`,
  requirements: (values) => {
    const max = num(values, "maxChars", 280)
    const submit = str(values, "submitLabel")
    return [
      ["label", `Shows a text area labelled "${str(values, "label")}" and "${left(max)}"`],
      ["live", "The count goes down as you type and is announced politely"],
      [
        "limit",
        `Refuses more than ${max} characters: the count turns red and says how many are over, and ${submit} is disabled`,
      ],
      [
        "submit",
        `${submit} is disabled while the text is empty and calls onSubmit with the text${
          bool(values, "clearOnSubmit") ? ", then empties the field" : ""
        }`,
      ],
    ]
  },
  component: (context) => `import { useId, useState, type FormEvent } from "react"
import { Button } from "@/components/ui/button"
import { Label } from "@/components/ui/label"
import { Textarea } from "@/components/ui/textarea"

${context.lookImports}

${context.propsInterface}

function characters(count: number): string {
  return count === 1 ? "character" : "characters"
}

${context.signature}
  ${context.look}
  const id = useId()
  const [text, setText] = useState("")
  // Count characters as people see them (an emoji is one), not UTF-16 units.
  const length = [...text].length
  const remaining = maxChars - length
  const over = remaining < 0
  const near = !over && remaining <= Math.max(10, Math.round(maxChars * 0.1))
  const empty = text.trim() === ""

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (empty || over) return
    onSubmit?.(text.trim())
    if (clearOnSubmit) setText("")
  }

  return (
    <form
      noValidate
      onSubmit={handleSubmit}
      className={cn(look.className, "flex w-full max-w-lg flex-col gap-3 rounded-xl border bg-card p-6 text-card-foreground shadow-sm")}
      style={look.style}
    >
      <Label htmlFor={\`\${id}-text\`}>{label}</Label>
      <Textarea
        id={\`\${id}-text\`}
        value={text}
        placeholder={placeholder}
        rows={4}
        onChange={(event) => setText(event.target.value)}
        aria-invalid={over || undefined}
        aria-describedby={\`\${id}-count\`}
        className="min-h-28 resize-y"
      />
      <div aria-hidden="true" className="h-1 overflow-hidden rounded-full bg-muted">
        <div
          className={cn("h-full rounded-full transition-all", over ? "bg-destructive" : near ? "bg-warning" : "bg-primary")}
          style={{ width: \`\${Math.min(length / Math.max(maxChars, 1), 1) * 100}%\` }}
        />
      </div>
      <div className="flex items-center justify-between gap-4">
        <p
          id={\`\${id}-count\`}
          aria-live="polite"
          className={cn("text-sm tabular-nums", over ? "font-medium text-destructive" : near ? "text-warning" : "text-muted-foreground")}
        >
          {over ? \`\${-remaining} \${characters(-remaining)} over the limit\` : \`\${remaining} \${characters(remaining)} left\`}
        </p>
        <Button type="submit" disabled={empty || over}>
          {submitLabel}
        </Button>
      </div>
    </form>
  )
}
`,
  tests: (context) => {
    const { values, name, id, lit } = context
    const max = num(values, "maxChars", 280)
    const label = str(values, "label")
    const submit = str(values, "submitLabel")
    const field = `screen.getByRole("textbox", { name: ${lit(label)} })`
    const button = `screen.getByRole("button", { name: ${lit(submit)} })`
    const sample = "Hello there".slice(0, Math.max(1, Math.min(11, max)))
    const clear = bool(values, "clearOnSubmit")
    return `it("${id("label")}: shows the labelled text area and ${left(max)}", () => {
  render(<${name} />)
  expect(${field}).toHaveValue("")
  expect(screen.getByText(${lit(left(max))})).toBeInTheDocument()
})

it("${id("live")}: the count goes down as you type", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.type(${field}, ${lit(sample)})
  const count = screen.getByText(${lit(left(max - sample.length))})
  expect(count).toHaveAttribute("aria-live", "polite")
  expect(${field}).toHaveAccessibleDescription(${lit(left(max - sample.length))})
})

it("${id("limit")}: refuses more than ${max} characters", async () => {
  const user = userEvent.setup()
  const onSubmit = vi.fn()
  render(<${name} onSubmit={onSubmit} />)
  await user.click(${field})
  await user.paste("a".repeat(${max}))
  expect(screen.getByText(${lit(left(0))})).toBeInTheDocument()
  expect(${button}).toBeEnabled()
  await user.paste("bcd")
  const count = screen.getByText(${lit(over(3))})
  expect(count).toHaveClass("text-destructive")
  expect(${field}).toHaveAttribute("aria-invalid", "true")
  expect(${button}).toBeDisabled()
  await user.keyboard("{Enter}")
  expect(onSubmit).not.toHaveBeenCalled()
})

it("${id("submit")}: ${esc(submit)} is disabled while empty and calls onSubmit with the text", async () => {
  const user = userEvent.setup()
  const onSubmit = vi.fn()
  render(<${name} onSubmit={onSubmit} />)
  expect(${button}).toBeDisabled()
  await user.type(${field}, "   ")
  expect(${button}).toBeDisabled()
  await user.clear(${field})
  await user.type(${field}, ${lit(sample)})
  await user.click(${button})
  expect(onSubmit).toHaveBeenCalledWith(${lit(sample)})
  expect(${field}).toHaveValue(${clear ? '""' : lit(sample)})
})`
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    const limit = limitOf(facts)
    if (limit !== undefined) {
      next.maxChars = limit
      applied.push(`a ${limit}-character limit`)
    }
    const clear = wantsClear(facts)
    if (clear !== undefined) {
      next.clearOnSubmit = clear
      applied.push(clear ? "empties after submit" : "keeps the text after submit")
    }
    const button = buttonLabel(facts.text)
    if (button) {
      next.submitLabel = button
      applied.push(`the button says "${button}"`)
    }
    return { values: next, applied }
  },
  followUpHints: ["N characters", "clear after submit", 'the button says "…"'],
}
