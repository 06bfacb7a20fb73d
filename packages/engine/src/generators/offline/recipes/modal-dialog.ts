import { capitalize, mentions, type PromptFacts } from "../facts"
import { bool, str, type Recipe, type Values } from "../recipe"
import { quotedWith, tlit } from "./navbar"

interface Action {
  verb: string
  object: string
}

const VERBS: [RegExp, string][] = [
  [/^delet/, "delete"],
  [/^remov/, "remove"],
  [/^archiv/, "archive"],
  [/^cancel/, "cancel"],
  [/^discard/, "discard"],
  [/^log/, "log out"],
  [/^sign/, "sign out"],
  [/^publish/, "publish"],
  [/^leav/, "leave"],
  [/^reset/, "reset"],
  [/^deactivat/, "deactivate"],
  [/^clear/, "clear"],
  [/^unsubscrib/, "unsubscribe"],
  [/^submit/, "submit"],
  [/^restor/, "restore"],
  [/^revok/, "revoke"],
  [/^transfer/, "transfer"],
  [/^empty/, "empty"],
]

const DESTRUCTIVE = new Set([
  "delete",
  "remove",
  "discard",
  "deactivate",
  "clear",
  "revoke",
  "empty",
  "reset",
])
const STOP =
  /^(?:with|and|or|that|which|when|where|button|buttons|modal|dialog|dialogue|confirmation|confirm|popup|pop-up|prompt|warning|for|before|after|in|on|it|them|action|flow|step|please|using|to|so|if|is|are)$/
const YOUR =
  /\b(?:account|profile|subscription|data|password|membership|plan|card|workspace|changes|draft|cart|history)\b/

function actionOf(facts: PromptFacts): Action | undefined {
  const match =
    /\b(delet(?:e|es|ing|ion)|remov(?:e|es|ing|al)|archiv(?:e|es|ing)|cancel(?:s|l?ing|l?ation)?|discard(?:s|ing)?|log(?:ging)?[ -]?out|sign(?:ing)?[ -]?out|publish(?:es|ing)?|leav(?:e|es|ing)|reset(?:s|ting)?|deactivat(?:e|es|ing|ion)|clear(?:s|ing)?|unsubscrib(?:e|es|ing)|submit(?:s|ting)?|restor(?:e|es|ing)|revok(?:e|es|ing)|transfer(?:s|ring)?|empty(?:ing)?)\b(?:\s+of)?\s*(?:(?:a|an|the|your|my|their|this|our|all|his|her|user'?s?)\s+)?((?:[a-z][\w-]*\s?){0,2})/.exec(
      facts.lower,
    )
  if (!match) return undefined
  const verb = VERBS.find(([pattern]) => pattern.test(match[1]!))?.[1] ?? "delete"
  const words: string[] = []
  for (const word of (match[2] ?? "").trim().split(/\s+/)) {
    if (!word || STOP.test(word)) break
    words.push(word)
  }
  if (verb === "log out" || verb === "sign out" || verb === "unsubscribe") return { verb, object: "" }
  return { verb, object: words.join(" ") }
}

function the(object: string): string {
  if (!object) return "it"
  return `${YOUR.test(object) ? "your" : "this"} ${object}`
}

function describe(action: Action): string {
  const { verb, object } = action
  const target = the(object)
  switch (verb) {
    case "delete":
    case "remove":
      return `This will permanently ${verb} ${target} and everything in it. This action cannot be undone.`
    case "archive":
      return `${capitalize(target)} will be hidden from your active list. You can restore it at any time.`
    case "cancel":
      return `${capitalize(target)} stays active until the end of the current billing period, then ends.`
    case "discard":
      return "Any changes you haven't saved will be lost."
    case "log out":
    case "sign out":
      return "You'll need to sign in again to get back into your account."
    case "publish":
      return `${capitalize(target)} will be visible to everyone right away.`
    case "leave":
      return `You'll lose access to ${target} until someone invites you again.`
    case "reset":
      return `${capitalize(target)} will go back to its default settings. This action cannot be undone.`
    case "deactivate":
      return `${capitalize(target)} will be turned off until you reactivate it.`
    case "clear":
    case "empty":
      return `Everything in ${target} will be removed. This action cannot be undone.`
    case "unsubscribe":
      return "You'll stop receiving these emails. You can subscribe again at any time."
    case "submit":
      return `Check that everything is correct: you can't edit ${target} after submitting.`
    default:
      return `Are you sure you want to ${verb} ${target}?`
  }
}

interface DialogText {
  triggerLabel: string
  title: string
  description: string
  confirmLabel: string
  cancelLabel: string
  destructive: boolean
}

function dialogText(facts: PromptFacts): DialogText {
  const action = actionOf(facts) ?? { verb: "publish", object: "changes" }
  const { verb, object } = action
  const phrase = object ? `${verb} ${object}` : verb
  const text: DialogText = {
    triggerLabel: capitalize(phrase),
    title: `${capitalize(verb)}${object ? ` ${the(object)}` : ""}?`,
    description: describe(action),
    confirmLabel:
      verb === "cancel" ? `Yes, cancel${object ? ` ${object.split(" ").pop()!}` : ""}` : capitalize(verb),
    cancelLabel: verb === "cancel" ? "Go back" : verb === "discard" ? "Keep editing" : "Cancel",
    destructive:
      DESTRUCTIVE.has(verb) ||
      (verb === "cancel" && /subscription|plan|membership|order|booking/.test(object)) ||
      mentions(facts, "destructive", "danger", "dangerous", "irreversible", "permanent"),
  }
  // Quoted strings, by what surrounds them, then in order: the trigger, the title, the description.
  const taken = new Set<string>()
  const pick = (before: RegExp, after?: RegExp) => {
    const value = quotedWith(facts, before, after)
    if (value && !taken.has(value)) {
      taken.add(value)
      return value
    }
    return undefined
  }
  // "buttons "Stay" and "Leave"": the footer's order, cancel then confirm.
  const pair = /\bbuttons\b[^"“”]*["“]([^"”]+)["”]\s*(?:and|&|,|\/|or)\s*["“]([^"”]+)["”]/i.exec(facts.text)
  if (pair) {
    text.cancelLabel = pair[1]!.trim()
    text.confirmLabel = pair[2]!.trim()
    taken.add(text.cancelLabel).add(text.confirmLabel)
  }
  let title = pick(/\b(?:title|heading|titled|header|headline)\b[^"“”`]*$/i)
  let description = pick(
    /\b(?:description|message|text|body|says?|saying|reads?|asks?|asking|explains?|warns?|warning|subtitle|copy)\b[^"“”`]*$/i,
  )
  // 'asking "Discard unsaved changes?"': a short question is the title.
  if (!title && description?.endsWith("?") && description.length <= 60) {
    title = description
    description = undefined
  }
  const confirm = pick(
    /\b(?:confirm(?:ation)?(?: button)?|primary(?: button)?|action button|ok button|yes button|confirm label)\b[^"“”`]*$/i,
  )
  const cancel = pick(
    /\b(?:cancel|dismiss|secondary|no)(?: button)?\b[^"“”`]*$/i,
    /^\s*(?:and|or)?\s*(?:to )?(?:cancel|dismiss)\b/i,
  )
  const trigger = pick(
    /\b(?:trigger|opened by|opens? (?:from|with|by)|button|link|clicking)\b[^"“”`]*$/i,
    /^\s*(?:button|link)\b/i,
  )
  const rest = facts.quoted.filter((value) => !taken.has(value) && value.length <= 160)
  const first = rest[0]
  text.triggerLabel =
    trigger ?? (first && first.length <= 40 && !first.endsWith("?") ? first : text.triggerLabel)
  const remaining = rest.filter((value) => value !== text.triggerLabel)
  text.title = title ?? remaining.find((value) => value.length <= 60) ?? text.title
  text.description = description ?? remaining.find((value) => value !== text.title) ?? text.description
  if (confirm) text.confirmLabel = confirm
  if (cancel) text.cancelLabel = cancel
  return text
}

/** A confirmation dialog: a trigger button opens the kit Dialog with a title, a description, Cancel and Confirm. */
export const modalDialog: Recipe = {
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
  params: (facts) => {
    const text = dialogText(facts)
    return [
      {
        name: "triggerLabel",
        type: "string",
        value: text.triggerLabel,
        description: "The label of the button that opens the dialog.",
        control: "text",
      },
      {
        name: "title",
        type: "string",
        value: text.title,
        description: "The dialog's title.",
        control: "text",
      },
      {
        name: "description",
        type: "string",
        value: text.description,
        description: "What confirming will do.",
        control: "text",
      },
      {
        name: "confirmLabel",
        type: "string",
        value: text.confirmLabel,
        description: "The confirm button's label.",
        control: "text",
      },
      {
        name: "cancelLabel",
        type: "string",
        value: text.cancelLabel,
        description: "The cancel button's label.",
        control: "text",
      },
      {
        name: "destructive",
        type: "boolean",
        value: text.destructive,
        description: "Style the confirm button as a destructive action.",
        control: "boolean",
      },
    ]
  },
  summary: (values) =>
    `A "${str(values, "triggerLabel")}" button that opens a dialog asking "${str(values, "title")}" with ${str(values, "cancelLabel")} and ${str(values, "confirmLabel")}.`,
  requirements: (values) => {
    const requirements: [string, string][] = [
      [
        "open",
        `The "${str(values, "triggerLabel")}" button opens a dialog titled "${str(values, "title")}" with its description, and moves focus into it`,
      ],
      ["cancel", `"${str(values, "cancelLabel")}" closes the dialog without confirming and calls onCancel`],
      ["confirm", `"${str(values, "confirmLabel")}" calls onConfirm once and closes the dialog`],
      ["escape", "Escape closes the dialog and returns focus to the trigger"],
    ]
    if (bool(values, "destructive"))
      requirements.push(["destructive", `"${str(values, "confirmLabel")}" is styled as a destructive action`])
    return requirements
  },
  component: (context) => `import { useState } from "react"
import { TriangleAlert } from "lucide-react"
import { Button } from "@/components/ui/button"
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog"
${context.lookImports}

${context.propsInterface}

${context.signature}
  ${context.look}
  const [open, setOpen] = useState(false)

  function changeOpen(next: boolean) {
    setOpen(next)
    if (!next) onCancel?.()
  }

  function confirm() {
    setOpen(false)
    onConfirm?.()
  }

  return (
    <div className={cn(look.className, "flex w-full max-w-md items-center justify-center p-6")} style={look.style}>
      <Dialog open={open} onOpenChange={changeOpen}>
        <DialogTrigger asChild>
          <Button variant={destructive ? "destructive" : "default"}>{triggerLabel}</Button>
        </DialogTrigger>
        {/* The dialog renders in a portal, outside the root: it takes the look again. */}
        <DialogContent className={cn(look.className, "sm:max-w-md")} style={look.style}>
          <DialogHeader>
            {destructive ? (
              <div className="mx-auto mb-2 flex size-10 items-center justify-center rounded-full bg-destructive/10 text-destructive sm:mx-0">
                <TriangleAlert aria-hidden="true" className="size-5" />
              </div>
            ) : null}
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription>{description}</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">{cancelLabel}</Button>
            </DialogClose>
            <Button variant={destructive ? "destructive" : "default"} onClick={confirm}>
              {confirmLabel}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  )
}
`,
  tests: (context) => {
    const lit = tlit
    const trigger = lit(str(context.values, "triggerLabel"))
    const title = lit(str(context.values, "title"))
    const confirm = lit(str(context.values, "confirmLabel"))
    const cancel = lit(str(context.values, "cancelLabel"))
    const tests = [
      `it("${context.id("open")}: the trigger opens the dialog with its title and description", async () => {
  const user = userEvent.setup()
  render(<${context.name} />)
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument()
  await user.click(screen.getByRole("button", { name: ${trigger} }))
  const dialog = screen.getByRole("dialog", { name: ${title} })
  expect(dialog).toHaveAccessibleDescription(${lit(str(context.values, "description"))})
  expect(dialog).toContainElement(document.activeElement as HTMLElement)
})`,
      `it("${context.id("cancel")}: the cancel button closes without confirming", async () => {
  const user = userEvent.setup()
  const onConfirm = vi.fn()
  const onCancel = vi.fn()
  render(<${context.name} onConfirm={onConfirm} onCancel={onCancel} />)
  await user.click(screen.getByRole("button", { name: ${trigger} }))
  await user.click(screen.getByRole("button", { name: ${cancel} }))
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument()
  expect(onCancel).toHaveBeenCalledTimes(1)
  expect(onConfirm).not.toHaveBeenCalled()
})`,
      `it("${context.id("confirm")}: the confirm button calls onConfirm and closes", async () => {
  const user = userEvent.setup()
  const onConfirm = vi.fn()
  const onCancel = vi.fn()
  render(<${context.name} onConfirm={onConfirm} onCancel={onCancel} />)
  await user.click(screen.getByRole("button", { name: ${trigger} }))
  await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: ${confirm} }))
  expect(onConfirm).toHaveBeenCalledTimes(1)
  expect(onCancel).not.toHaveBeenCalled()
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument()
})`,
      `it("${context.id("escape")}: Escape closes the dialog and returns focus to the trigger", async () => {
  const user = userEvent.setup()
  const onConfirm = vi.fn()
  render(<${context.name} onConfirm={onConfirm} />)
  const trigger = screen.getByRole("button", { name: ${trigger} })
  await user.click(trigger)
  expect(screen.getByRole("dialog")).toBeInTheDocument()
  await user.keyboard("{Escape}")
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument()
  expect(trigger).toHaveFocus()
  expect(onConfirm).not.toHaveBeenCalled()
})`,
    ]
    if (context.has("destructive")) {
      tests.push(`it("${context.id("destructive")}: the confirm button is styled as destructive", async () => {
  const user = userEvent.setup()
  render(<${context.name} />)
  await user.click(screen.getByRole("button", { name: ${trigger} }))
  expect(within(screen.getByRole("dialog")).getByRole("button", { name: ${confirm} })).toHaveAttribute(
    "data-variant",
    "destructive",
  )
})`)
    }
    return tests.join("\n\n")
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
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
    const quoted = (before: RegExp) => quotedWith(facts, before)
    const fields: [string, RegExp, string][] = [
      ["title", /\b(?:title|heading)\b[^"“”`]*$/i, "title"],
      ["description", /\b(?:description|message|text|body)\b[^"“”`]*$/i, "description"],
      ["confirmLabel", /\bconfirm(?:ation)?(?: button)?\b[^"“”`]*$/i, "confirm label"],
      ["cancelLabel", /\bcancel(?: button)?\b[^"“”`]*$/i, "cancel label"],
      ["triggerLabel", /\b(?:trigger|open(?:ing)? button|opens? it)\b[^"“”`]*$/i, "trigger label"],
    ]
    for (const [name, before, words] of fields) {
      const value = quoted(before)
      if (value) {
        next[name] = value
        applied.push(`${words} "${value}"`)
      }
    }
    return { values: next, applied }
  },
  followUpHints: ['title "…"', 'confirm button "…"', "make it destructive / not destructive"],
}
