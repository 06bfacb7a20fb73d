import { boolean, defineRecipe, number, text } from "../../define-recipe"
import { buttonLabel } from "../../readers"
import { code, testCase } from "../../test-builder"
import { charactersLeft, charactersOver } from "./inline/character-count"
import { flavourOf, limitOf, readCharacterCounter, wantsClear } from "./reader"

/** A labelled text area with a live "N characters left" count, red when over, and a submit button. */
export const characterCounter = defineRecipe({
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
  params: {
    label: text("The text area's label."),
    placeholder: text("Shown in the empty text area."),
    maxChars: number("The character limit."),
    submitLabel: text("The submit button's label."),
    clearOnSubmit: boolean("Empty the text area after a submit."),
  },
  read: readCharacterCounter,
  summary: ({ label, maxChars, submitLabel }) =>
    `A "${label}" text area limited to ${maxChars} characters with a live count and a ${submitLabel} button.`,
  requirements: ({ label, maxChars, submitLabel, clearOnSubmit }) => [
    ["label", `Shows a text area labelled "${label}" and "${charactersLeft(maxChars)}"`],
    ["live", "The count goes down as you type and is announced politely"],
    [
      "limit",
      `Refuses more than ${maxChars} characters: the count turns red and says how many are over, and ${submitLabel} is disabled`,
    ],
    [
      "submit",
      `${submitLabel} is disabled while the text is empty and calls onSubmit with the text${
        clearOnSubmit ? ", then empties the field" : ""
      }`,
    ],
  ],
  tests: ({ Component, values: { label, maxChars: max, submitLabel: submit, clearOnSubmit } }) => {
    const field = code`screen.getByRole("textbox", { name: ${label} })`
    const button = code`screen.getByRole("button", { name: ${submit} })`
    const sample = "Hello there".slice(0, Math.max(1, Math.min(11, max)))
    return [
      testCase(
        "label",
        `shows the labelled text area and ${charactersLeft(max)}`,
        code`
          render(<${Component} />)
          expect(${field}).toHaveValue("")
          expect(screen.getByText(${charactersLeft(max)})).toBeInTheDocument()
        `,
      ),
      testCase(
        "live",
        "the count goes down as you type",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.type(${field}, ${sample})
          const count = screen.getByText(${charactersLeft(max - sample.length)})
          expect(count).toHaveAttribute("aria-live", "polite")
          expect(${field}).toHaveAccessibleDescription(${charactersLeft(max - sample.length)})
        `,
      ),
      testCase(
        "limit",
        `refuses more than ${max} characters`,
        code`
          const user = userEvent.setup()
          const onSubmit = vi.fn()
          render(<${Component} onSubmit={onSubmit} />)
          await user.click(${field})
          await user.paste("a".repeat(${max}))
          expect(screen.getByText(${charactersLeft(0)})).toBeInTheDocument()
          expect(${button}).toBeEnabled()
          await user.paste("bcd")
          const count = screen.getByText(${charactersOver(3)})
          expect(count).toHaveClass("text-destructive")
          expect(${field}).toHaveAttribute("aria-invalid", "true")
          expect(${button}).toBeDisabled()
          await user.keyboard("{Enter}")
          expect(onSubmit).not.toHaveBeenCalled()
        `,
      ),
      testCase(
        "submit",
        `${submit} is disabled while empty and calls onSubmit with the text`,
        code`
          const user = userEvent.setup()
          const onSubmit = vi.fn()
          render(<${Component} onSubmit={onSubmit} />)
          expect(${button}).toBeDisabled()
          await user.type(${field}, "   ")
          expect(${button}).toBeDisabled()
          await user.clear(${field})
          await user.type(${field}, ${sample})
          await user.click(${button})
          expect(onSubmit).toHaveBeenCalledWith(${sample})
          expect(${field}).toHaveValue(${clearOnSubmit ? "" : sample})
        `,
      ),
    ]
  },
  followUp: (facts) => {
    const next: { maxChars?: number; clearOnSubmit?: boolean; submitLabel?: string } = {}
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
})
