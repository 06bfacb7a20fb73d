import { defineRecipe, number, strings, text } from "../../define-recipe"
import { quotedFor, toggleRequest } from "../../readers"
import { sentenceList } from "../../recipe"
import { code, testCase } from "../../test-builder"
import { LABEL_ROLES, maxOf, readTagInput } from "./reader"

// Tags the tests add, none of them a starting tag.
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

/** Type a tag and press Enter or comma; remove buttons, no duplicates and an optional maximum. */
export const tagInput = defineRecipe({
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
  params: {
    label: text("The field's label."),
    placeholder: text("The placeholder of the text box."),
    defaultTags: strings("The tags shown at first."),
    maxTags: number("The most tags allowed (0: no limit)."),
  },
  read: readTagInput,
  summary: ({ label, maxTags }) =>
    `A ${label.toLowerCase()} input: Enter or comma adds a tag, each has a remove button, ` +
    `duplicates are refused${maxTags > 0 ? ` and at most ${maxTags} are allowed` : ""}.`,
  requirements: ({ label, defaultTags, maxTags }) => {
    const list: [string, string][] = [
      [
        "initial",
        `Shows the "${label}" field` +
          (defaultTags.length > 0 ? ` with ${sentenceList(defaultTags)} as tags` : ""),
      ],
      ["add", "Typing a tag and pressing Enter or a comma adds it, clears the box and calls onChange"],
      ["remove", 'Each tag has a "Remove <tag>" button that removes it'],
      ["duplicates", "Refuses a tag that is already there (ignoring case) and says so"],
    ]
    if (maxTags > 0)
      list.push(["max", `Allows at most ${maxTags} tags and says "You can add up to ${maxTags} tags"`])
    return list
  },
  followUp: (facts, values) => {
    const next: { maxTags?: number; defaultTags?: readonly string[]; label?: string; placeholder?: string } =
      {}
    const applied: string[] = []
    if (/\b(?:no|remove the|without a?) (?:limit|max(?:imum)?)\b/.test(facts.lower)) {
      next.maxTags = 0
      applied.push("no limit on tags")
    } else {
      const max = maxOf(facts) ?? facts.counts.tag
      if (max !== undefined) {
        next.maxTags = max
        next.defaultTags = values.defaultTags.slice(0, Math.max(0, max - 1))
        applied.push(`at most ${max} tags`)
      }
    }
    if (toggleRequest(facts, "tags", "defaults", "starting tags", "initial tags") === false) {
      next.defaultTags = []
      applied.push("no starting tags")
    }
    const label = quotedFor(facts, LABEL_ROLES)
    if (label) {
      next.label = label
      next.placeholder = `Add ${label.toLowerCase()}…`
      applied.push(`the label "${label}"`)
    }
    return { values: next, applied }
  },
  followUpHints: ["up to N tags", "no limit", "remove the starting tags", 'label "…"'],
  tests: ({ Component, values: { label, maxTags: max, defaultTags }, has }) => {
    const initial = defaultTags.slice(0, max > 0 ? max : undefined)
    const fresh = [...CANDIDATES, ...Array.from({ length: 50 }, (_, index) => `topic-${index + 1}`)].filter(
      (tag) => !initial.some((existing) => existing.toLowerCase() === tag),
    )
    const items = code`screen.queryAllByRole("listitem").map((item) => item.textContent)`
    const input = code`screen.getByLabelText(${label}, { selector: "input" })`
    const tests = [
      testCase(
        "initial",
        "shows the field and the starting tags",
        code`
          render(<${Component} />)
          expect(${input}).toBeInTheDocument()
          expect(${items}).toEqual(${initial})
        `,
      ),
      testCase(
        "add",
        "Enter or a comma adds a tag and clears the box",
        code`
          const user = userEvent.setup()
          const onChange = vi.fn()
          render(<${Component} defaultTags={[]} maxTags={0} onChange={onChange} />)
          await user.type(${input}, ${`${fresh[0]}{Enter}`})
          expect(onChange).toHaveBeenLastCalledWith(${[fresh[0] ?? ""]})
          expect(${input}).toHaveValue("")
          await user.type(${input}, ${` ${fresh[1]},`})
          expect(${items}).toEqual(${[fresh[0] ?? "", fresh[1] ?? ""]})
          expect(${input}).toHaveValue("")
        `,
      ),
      testCase(
        "remove",
        "each tag's remove button removes it",
        code`
          const user = userEvent.setup()
          const onChange = vi.fn()
          render(<${Component} defaultTags={${[fresh[2] ?? "", fresh[3] ?? ""]}} onChange={onChange} />)
          await user.click(screen.getByRole("button", { name: ${`Remove ${fresh[2]}`} }))
          expect(${items}).toEqual(${[fresh[3] ?? ""]})
          expect(onChange).toHaveBeenCalledWith(${[fresh[3] ?? ""]})
        `,
      ),
      testCase(
        "duplicates",
        "refuses a tag that is already there",
        code`
          const user = userEvent.setup()
          const onChange = vi.fn()
          render(<${Component} defaultTags={${[fresh[2] ?? ""]}} onChange={onChange} />)
          await user.type(${input}, ${`${(fresh[2] ?? "").toUpperCase()}{Enter}`})
          expect(${items}).toEqual(${[fresh[2] ?? ""]})
          expect(screen.getByRole("status")).toHaveTextContent("is already added")
          expect(onChange).not.toHaveBeenCalled()
        `,
      ),
    ]
    if (has("max")) {
      const adds = fresh.slice(0, Math.max(0, max - initial.length))
      tests.push(
        testCase(
          "max",
          `allows at most ${max} tags`,
          code`
            const user = userEvent.setup()
            render(<${Component} />)
            for (const tag of ${adds}) await user.type(${input}, tag + "{Enter}")
            expect(screen.getAllByRole("listitem")).toHaveLength(${max})
            await user.type(${input}, ${`extra-${max + 1}{Enter}`})
            expect(screen.getAllByRole("listitem")).toHaveLength(${max})
            expect(screen.getByRole("status")).toHaveTextContent(${`You can add up to ${max} tags`})
          `,
        ),
      )
    }
    return tests
  },
})
