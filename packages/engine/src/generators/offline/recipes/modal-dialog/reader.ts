import { capitalize, mentions, type PromptFacts } from "../../facts"
import { quotedWith } from "../../readers"

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

/** The dialog's words: quotes the prompt ties to a title, buttons or text, else ones that fit the action it names. */
export function dialogText(facts: PromptFacts): DialogText {
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
