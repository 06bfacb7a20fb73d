import { mentions, type PromptFacts } from "../facts"
import { num, sentenceList, str, strings, type Recipe, type Values } from "../recipe"
import { quotedFor, toggleRequest } from "./login-form"

// What the tags are about, the label it gives and realistic starting tags.
const SUBJECTS: readonly { words: string[]; label: string; tags: string[] }[] = [
  { words: ["skill", "skills"], label: "Skills", tags: ["React", "TypeScript"] },
  { words: ["topic", "topics"], label: "Topics", tags: ["Design", "Engineering"] },
  { words: ["keyword", "keywords"], label: "Keywords", tags: ["pricing", "onboarding"] },
  { words: ["interest", "interests", "hobbies"], label: "Interests", tags: ["Hiking", "Photography"] },
  { words: ["ingredient", "ingredients"], label: "Ingredients", tags: ["Garlic", "Basil"] },
  { words: ["email", "emails", "recipients", "invite"], label: "Recipients", tags: ["ana@example.com"] },
  { words: ["label", "labels"], label: "Labels", tags: ["bug", "frontend"] },
  { words: ["categories", "category"], label: "Categories", tags: ["News", "Guides"] },
]
const KEY_WORDS = /^(?:enter|return|comma|tab|space|backspace|commas?|keys?)$/i
const CANDIDATES = [
  "accessibility",
  "performance",
  "testing",
  "animation",
  "security",
  "analytics",
  "mobile",
  "search",
]

function subjectOf(facts: PromptFacts): { label: string; tags: string[] } {
  const subject = SUBJECTS.find(({ words }) => mentions(facts, ...words))
  return subject ?? { label: "Tags", tags: ["design", "frontend"] }
}

function maxOf(facts: PromptFacts): number | undefined {
  const limit =
    facts.max ??
    (mentions(facts, "max", "maximum", "limit", "at most", "up to")
      ? (facts.counts.tag ?? facts.counts.skill)
      : undefined)
  return limit !== undefined && limit >= 1 && limit <= 50 ? Math.floor(limit) : undefined
}

// "prefilled with React, Node and GraphQL", "starting tags: a, b, c": the facts may miss these lists.
function prefilled(facts: PromptFacts): string[] | undefined {
  const match =
    /\b(?:pre-?filled|pre-?loaded|pre-?populated|populated|seeded|starting|start(?:s)? with|initial(?: tags)?|default(?: tags)?|defaults|such as|like)\s*(?:with\s+)?(?:the\s+)?(?:tags?\s+)?:?\s*([^.;!?()]+)/i.exec(
      facts.text,
    )
  if (!match) return undefined
  const items = match[1]!
    .split(/\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+/)
    .map((item) => item.trim().replace(/^["“']|["”']$/g, ""))
    .filter((item) => item.length > 0 && item.length <= 30 && !/\b(?:max|up to|limit|tags?)\b/i.test(item))
  return items.length >= 2 ? items : undefined
}

function initialTags(facts: PromptFacts, max: number): string[] {
  const listed =
    prefilled(facts) ??
    facts.lists
      .map((list) => list.filter((item) => !KEY_WORDS.test(item) && !/^(?:max|up to|limit)\b/i.test(item)))
      .find((list) => list.length >= 2)
  const tags = listed ?? subjectOf(facts).tags
  const unique = tags.filter(
    (tag, index) => tags.findIndex((other) => other.toLowerCase() === tag.toLowerCase()) === index,
  )
  return max > 0 ? unique.slice(0, Math.max(0, max - 1)) : unique
}

/** Type a tag and press Enter or comma; remove buttons, no duplicates and an optional maximum. */
export const tagInput: Recipe = {
  kind: "tag-input",
  title: "Tag input",
  names: ["TagInput"],
  keywords: {
    strong: [
      "add tags",
      "tags field",
      "tag selector",
      "tagging",
      "tag input",
      "tags input",
      "tag field",
      "tag picker",
      "tag editor",
      "chips input",
      "chip input",
      "token input",
    ],
    weak: ["tags", "chips", "skills", "keywords", "press enter", "comma"],
  },
  callbacks: [
    {
      name: "onChange",
      type: "(tags: string[]) => void",
      description: "Called with the tags after each change.",
    },
  ],
  params: (facts) => {
    const max = maxOf(facts) ?? 0
    const subject = subjectOf(facts)
    const label = quotedFor(facts, ["label", "labelled", "labeled", "called", "titled"]) ?? subject.label
    return [
      {
        name: "label",
        type: "string",
        value: label,
        description: "The field's label.",
        control: "text",
      },
      {
        name: "placeholder",
        type: "string",
        value: `Add ${label.toLowerCase()}…`,
        description: "The placeholder of the text box.",
        control: "text",
      },
      {
        name: "defaultTags",
        type: "string[]",
        value: initialTags(facts, max),
        description: "The tags shown at first.",
      },
      {
        name: "maxTags",
        type: "number",
        value: max,
        description: "The most tags allowed (0: no limit).",
        control: "number",
      },
    ]
  },
  summary: (values) =>
    `A ${str(values, "label").toLowerCase()} input: Enter or comma adds a tag, each has a remove button, ` +
    `duplicates are refused${num(values, "maxTags") > 0 ? ` and at most ${num(values, "maxTags")} are allowed` : ""}.`,
  requirements: (values) => {
    const tags = strings(values, "defaultTags")
    const list: [string, string][] = [
      [
        "initial",
        `Shows the "${str(values, "label")}" field` +
          (tags.length > 0 ? ` with ${sentenceList(tags)} as tags` : ""),
      ],
      ["add", "Typing a tag and pressing Enter or a comma adds it, clears the box and calls onChange"],
      ["remove", 'Each tag has a "Remove <tag>" button that removes it'],
      ["duplicates", "Refuses a tag that is already there (ignoring case) and says so"],
    ]
    const max = num(values, "maxTags")
    if (max > 0) list.push(["max", `Allows at most ${max} tags and says "You can add up to ${max} tags"`])
    return list
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    if (/\b(?:no|remove the|without a?) (?:limit|max(?:imum)?)\b/.test(facts.lower)) {
      next.maxTags = 0
      applied.push("no limit on tags")
    } else {
      const max = maxOf(facts) ?? facts.counts.tag
      if (max !== undefined) {
        next.maxTags = max
        next.defaultTags = strings(values, "defaultTags").slice(0, Math.max(0, max - 1))
        applied.push(`at most ${max} tags`)
      }
    }
    if (toggleRequest(facts, "tags", "defaults", "starting tags", "initial tags") === false) {
      next.defaultTags = []
      applied.push("no starting tags")
    }
    const label = quotedFor(facts, ["label", "labelled", "labeled", "called", "titled"])
    if (label) {
      next.label = label
      next.placeholder = `Add ${label.toLowerCase()}…`
      applied.push(`the label "${label}"`)
    }
    return { values: next, applied }
  },
  followUpHints: ["up to N tags", "no limit", "remove the starting tags", 'label "…"'],
  component: (context) => `import { useId, useState, type KeyboardEvent } from "react"
import { X } from "lucide-react"
import { Badge } from "@/components/ui/badge"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
${context.lookImports}

${context.propsInterface}

${context.defaults}

${context.signature}
  ${context.look}
  const id = useId()
  const [tags, setTags] = useState<string[]>(() => (maxTags > 0 ? defaultTags.slice(0, maxTags) : defaultTags))
  const [draft, setDraft] = useState("")
  const [message, setMessage] = useState("")
  const full = maxTags > 0 && tags.length >= maxTags

  function change(next: string[]) {
    setTags(next)
    onChange?.(next)
  }

  function add(texts: string[]) {
    let next = tags
    let problem = ""
    for (const raw of texts) {
      const tag = raw.trim()
      if (!tag) continue
      if (next.some((existing) => existing.toLowerCase() === tag.toLowerCase())) {
        problem = "\\u201c" + tag + "\\u201d is already added"
        continue
      }
      if (maxTags > 0 && next.length >= maxTags) {
        problem = "You can add up to " + maxTags + " tags"
        break
      }
      next = [...next, tag]
    }
    setMessage(problem)
    if (next !== tags) change(next)
  }

  function remove(tag: string) {
    setMessage("")
    change(tags.filter((existing) => existing !== tag))
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault()
      add([draft])
      setDraft("")
    } else if (event.key === "Backspace" && draft === "" && tags.length > 0) {
      remove(tags[tags.length - 1] ?? "")
    }
  }

  function handleChange(value: string) {
    if (!value.includes(",")) return setDraft(value)
    const parts = value.split(",")
    add(parts.slice(0, -1))
    setDraft(parts[parts.length - 1] ?? "")
  }

  return (
    <div className={cn(look.className, "w-full max-w-md p-4")} style={look.style}>
      <div className="flex flex-col gap-2">
        <div className="flex items-baseline justify-between gap-2">
          <Label htmlFor={id + "-input"}>{label}</Label>
          {maxTags > 0 && (
            <span className="text-xs tabular-nums text-muted-foreground">
              {tags.length}/{maxTags}
            </span>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2 rounded-md border border-input bg-background p-2 shadow-xs focus-within:ring-2 focus-within:ring-ring">
          {tags.length > 0 && (
            <ul aria-label={label} className="flex flex-wrap gap-2">
              {tags.map((tag) => (
                <li key={tag}>
                  <Badge variant="secondary" className="gap-1 overflow-visible py-1 pl-2 pr-1 text-sm font-normal">
                    {tag}
                    <button
                      type="button"
                      aria-label={"Remove " + tag}
                      onClick={() => remove(tag)}
                      className="rounded-sm p-0.5 text-muted-foreground transition-colors hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                    >
                      <X className="size-3" aria-hidden="true" />
                    </button>
                  </Badge>
                </li>
              ))}
            </ul>
          )}
          <Input
            id={id + "-input"}
            value={draft}
            placeholder={full ? "" : placeholder}
            onChange={(event) => handleChange(event.target.value)}
            onKeyDown={handleKeyDown}
            aria-describedby={id + "-hint " + id + "-message"}
            className="h-8 min-w-32 flex-1 border-0 px-1 shadow-none focus-visible:ring-0"
          />
        </div>
        <p id={id + "-hint"} className="text-xs text-muted-foreground">
          Press Enter or comma to add.
        </p>
        <p id={id + "-message"} role="status" aria-live="polite" className="min-h-5 text-sm text-destructive">
          {message}
        </p>
      </div>
    </div>
  )
}
`,
  tests: (context) => {
    const { name, values, lit } = context
    const label = str(values, "label")
    const max = num(values, "maxTags")
    const initial = strings(values, "defaultTags").slice(0, max > 0 ? max : undefined)
    const fresh = [...CANDIDATES, ...Array.from({ length: 50 }, (_, index) => `topic-${index + 1}`)].filter(
      (tag) => !initial.some((existing) => existing.toLowerCase() === tag),
    )
    const items = `screen.queryAllByRole("listitem").map((item) => item.textContent)`
    const input = `screen.getByLabelText(${lit(label)}, { selector: "input" })`
    const tests = [
      `it("${context.id("initial")}: shows the field and the starting tags", () => {
  render(<${name} />)
  expect(${input}).toBeInTheDocument()
  expect(${items}).toEqual(${lit(initial)})
})`,
      `it("${context.id("add")}: Enter or a comma adds a tag and clears the box", async () => {
  const user = userEvent.setup()
  const onChange = vi.fn()
  render(<${name} defaultTags={[]} maxTags={0} onChange={onChange} />)
  await user.type(${input}, ${lit(`${fresh[0]}{Enter}`)})
  expect(onChange).toHaveBeenLastCalledWith(${lit([fresh[0] ?? ""])})
  expect(${input}).toHaveValue("")
  await user.type(${input}, ${lit(` ${fresh[1]},`)})
  expect(${items}).toEqual(${lit([fresh[0] ?? "", fresh[1] ?? ""])})
  expect(${input}).toHaveValue("")
})`,
      `it("${context.id("remove")}: each tag's remove button removes it", async () => {
  const user = userEvent.setup()
  const onChange = vi.fn()
  render(<${name} defaultTags={${lit([fresh[2] ?? "", fresh[3] ?? ""])}} onChange={onChange} />)
  await user.click(screen.getByRole("button", { name: ${lit(`Remove ${fresh[2]}`)} }))
  expect(${items}).toEqual(${lit([fresh[3] ?? ""])})
  expect(onChange).toHaveBeenCalledWith(${lit([fresh[3] ?? ""])})
})`,
      `it("${context.id("duplicates")}: refuses a tag that is already there", async () => {
  const user = userEvent.setup()
  const onChange = vi.fn()
  render(<${name} defaultTags={${lit([fresh[2] ?? ""])}} onChange={onChange} />)
  await user.type(${input}, ${lit(`${(fresh[2] ?? "").toUpperCase()}{Enter}`)})
  expect(${items}).toEqual(${lit([fresh[2] ?? ""])})
  expect(screen.getByRole("status")).toHaveTextContent("is already added")
  expect(onChange).not.toHaveBeenCalled()
})`,
    ]
    if (context.has("max")) {
      const adds = fresh.slice(0, Math.max(0, max - initial.length))
      const extra = `extra-${max + 1}`
      tests.push(`it("${context.id("max")}: allows at most ${max} tags", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  for (const tag of ${lit(adds)}) await user.type(${input}, tag + "{Enter}")
  expect(screen.getAllByRole("listitem")).toHaveLength(${max})
  await user.type(${input}, ${lit(`${extra}{Enter}`)})
  expect(screen.getAllByRole("listitem")).toHaveLength(${max})
  expect(screen.getByRole("status")).toHaveTextContent("You can add up to ${max} tags")
})`)
    }
    return tests.join("\n\n")
  },
}
