import { boolean, defineRecipe, text } from "../../define-recipe"
import { mentions } from "../../facts"
import { quotedWith } from "../../readers"
import { code, testCase } from "../../test-builder"
import { dialogText } from "./reader"

/** A confirmation dialog: a trigger button opens the kit Dialog with a title, a description, Cancel and Confirm. */
export const modalDialog = defineRecipe({
  kind: "modal-dialog",
  title: "Confirmation dialog",
  names: ["ConfirmDialog"],
  keywords: {
    strong: [
      "modal",
      "dialog",
      "dialogue",
      "confirmation dialog",
      "confirm dialog",
      "confirmation modal",
      "alert dialog",
      "pop up",
      "are you sure",
    ],
    weak: ["confirm", "confirmation", "overlay", "cancel and confirm"],
  },
  callbacks: [
    { name: "onConfirm", type: "() => void", description: "Called when the action is confirmed." },
    {
      name: "onCancel",
      type: "() => void",
      description:
        "Called when the dialog is dismissed without confirming (Cancel, Escape, the close button).",
    },
  ],
  params: {
    triggerLabel: text("The label of the button that opens the dialog."),
    title: text("The dialog's title."),
    description: text("What confirming will do."),
    confirmLabel: text("The confirm button's label."),
    cancelLabel: text("The cancel button's label."),
    destructive: boolean("Style the confirm button as a destructive action."),
  },
  read: dialogText,
  summary: ({ triggerLabel, title, cancelLabel, confirmLabel }) =>
    `A "${triggerLabel}" button that opens a dialog asking "${title}" with ${cancelLabel} and ${confirmLabel}.`,
  requirements: ({ triggerLabel, title, cancelLabel, confirmLabel, destructive }) => {
    const requirements: [string, string][] = [
      [
        "open",
        `The "${triggerLabel}" button opens a dialog titled "${title}" with its description, and moves focus into it`,
      ],
      ["cancel", `"${cancelLabel}" closes the dialog without confirming and calls onCancel`],
      ["confirm", `"${confirmLabel}" calls onConfirm once and closes the dialog`],
      ["escape", "Escape closes the dialog and returns focus to the trigger"],
    ]
    if (destructive) requirements.push(["destructive", `"${confirmLabel}" is styled as a destructive action`])
    return requirements
  },
  tests: ({
    Component,
    values: { triggerLabel: trigger, title, description, confirmLabel: confirm, cancelLabel: cancel },
    has,
  }) => {
    const openDialog = code`await user.click(screen.getByRole("button", { name: ${trigger} }))`
    const tests = [
      testCase(
        "open",
        "the trigger opens the dialog with its title and description",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          expect(screen.queryByRole("dialog")).not.toBeInTheDocument()
          ${openDialog}
          const dialog = screen.getByRole("dialog", { name: ${title} })
          expect(dialog).toHaveAccessibleDescription(${description})
          expect(dialog).toContainElement(document.activeElement as HTMLElement)
        `,
      ),
      testCase(
        "cancel",
        "the cancel button closes without confirming",
        code`
          const user = userEvent.setup()
          const onConfirm = vi.fn()
          const onCancel = vi.fn()
          render(<${Component} onConfirm={onConfirm} onCancel={onCancel} />)
          ${openDialog}
          await user.click(screen.getByRole("button", { name: ${cancel} }))
          expect(screen.queryByRole("dialog")).not.toBeInTheDocument()
          expect(onCancel).toHaveBeenCalledTimes(1)
          expect(onConfirm).not.toHaveBeenCalled()
        `,
      ),
      testCase(
        "confirm",
        "the confirm button calls onConfirm and closes",
        code`
          const user = userEvent.setup()
          const onConfirm = vi.fn()
          const onCancel = vi.fn()
          render(<${Component} onConfirm={onConfirm} onCancel={onCancel} />)
          ${openDialog}
          await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: ${confirm} }))
          expect(onConfirm).toHaveBeenCalledTimes(1)
          expect(onCancel).not.toHaveBeenCalled()
          expect(screen.queryByRole("dialog")).not.toBeInTheDocument()
        `,
      ),
      testCase(
        "escape",
        "Escape closes the dialog and returns focus to the trigger",
        code`
          const user = userEvent.setup()
          const onConfirm = vi.fn()
          render(<${Component} onConfirm={onConfirm} />)
          const trigger = screen.getByRole("button", { name: ${trigger} })
          await user.click(trigger)
          expect(screen.getByRole("dialog")).toBeInTheDocument()
          await user.keyboard("{Escape}")
          expect(screen.queryByRole("dialog")).not.toBeInTheDocument()
          expect(trigger).toHaveFocus()
          expect(onConfirm).not.toHaveBeenCalled()
        `,
      ),
    ]
    if (has("destructive"))
      tests.push(
        testCase(
          "destructive",
          "the confirm button is styled as destructive",
          code`
            const user = userEvent.setup()
            render(<${Component} />)
            ${openDialog}
            expect(within(screen.getByRole("dialog")).getByRole("button", { name: ${confirm} })).toHaveAttribute(
              "data-variant",
              "destructive",
            )
          `,
        ),
      )
    return tests
  },
  followUp: (facts) => {
    type Words = "title" | "description" | "confirmLabel" | "cancelLabel" | "triggerLabel"
    const next: { destructive?: boolean } & { [name in Words]?: string } = {}
    const applied: string[] = []
    if (
      /\b(?:not|non|less|no longer|isn't|shouldn't be)[ -](?:destructive|red|dangerous)\b/.test(facts.lower)
    ) {
      next.destructive = false
      applied.push("a regular (not destructive) confirm button")
    } else if (mentions(facts, "destructive", "dangerous", "danger")) {
      next.destructive = true
      applied.push("a destructive confirm button")
    }
    const fields: [Words, RegExp, string][] = [
      ["title", /\b(?:title|heading)\b[^"“”`]*$/i, "title"],
      ["description", /\b(?:description|message|text|body)\b[^"“”`]*$/i, "description"],
      ["confirmLabel", /\bconfirm(?:ation)?(?: button)?\b[^"“”`]*$/i, "confirm label"],
      ["cancelLabel", /\bcancel(?: button)?\b[^"“”`]*$/i, "cancel label"],
      ["triggerLabel", /\b(?:trigger|open(?:ing)? button|opens? it)\b[^"“”`]*$/i, "trigger label"],
    ]
    for (const [name, before, words] of fields) {
      const value = quotedWith(facts, before)
      if (value) {
        next[name] = value
        applied.push(`${words} "${value}"`)
      }
    }
    return { values: next, applied }
  },
  followUpHints: ['title "…"', 'confirm button "…"', "make it destructive / not destructive"],
})
