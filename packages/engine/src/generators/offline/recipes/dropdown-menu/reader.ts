import { mentions, type PromptFacts } from "../../facts"
import { quotedWith, readItems } from "../../readers"

const ACTION_ITEMS = ["Edit", "Duplicate", "Share", "Archive", "Delete"]
const USER_ITEMS = ["Profile", "Settings", "Billing", "Log out"]
/** Items that destroy something: styled as destructive and kept last. */
export const DESTRUCTIVE = /^(?:delete|remove|trash|destroy|deactivate|discard)\b/i

/** Whether the prompt asks for a signed-in user's menu rather than an actions menu. */
export function isUserMenu(facts: PromptFacts): boolean {
  return mentions(
    facts,
    "user menu",
    "account menu",
    "profile menu",
    "avatar",
    "user dropdown",
    "account dropdown",
  )
}

function itemsOf(facts: PromptFacts, user: boolean): string[] {
  const listed = readItems(facts, ["Dropdown", "Menu"])
  if (listed) return listed
  return user ? USER_ITEMS : ACTION_ITEMS
}

function userOf(facts: PromptFacts): { name: string; email: string } {
  const email = /[\w.+-]+@[\w-]+\.[\w.]+/.exec(facts.text)?.[0]
  const quoted = quotedWith(facts, /\b(?:for|user|named|called|name|shows?|showing)\b[^"“”`]*$/i)
  const named = /\b(?:for|named|called|user)\s+([A-Z][a-z]+(?: [A-Z][a-z]+)+)/.exec(facts.text)?.[1]
  const name = quoted ?? named ?? "Ada Lovelace"
  return {
    name,
    email:
      email ??
      `${name
        .split(" ")[0]!
        .toLowerCase()
        .replace(/[^a-z0-9]/g, "")}@example.com`,
  }
}

/** Whether the prompt asks for a ⋯ icon trigger. */
export function iconTriggerOf(facts: PromptFacts): boolean {
  return mentions(
    facts,
    "kebab",
    "three dots",
    "three dot",
    "ellipsis",
    "dots",
    "overflow",
    "more button",
    "icon button",
    "meatball",
  )
}

/** The menu's items and trigger, and the user shown on it for a user menu. */
export function readDropdownMenu(facts: PromptFacts): {
  items: string[]
  destructiveItem: string
  triggerLabel: string
  iconTrigger: boolean
  userName: string
  userEmail: string
} {
  const user = isUserMenu(facts)
  const items = itemsOf(facts, user)
  const person = userOf(facts)
  const icon = !user && iconTriggerOf(facts)
  const trigger =
    quotedWith(
      facts,
      /\b(?:button|trigger|labelled|labeled|called)\b[^"“”`]*$/i,
      /^\s*(?:button|trigger)\b/i,
    ) ?? (icon ? "More actions" : mentions(facts, "options") ? "Options" : "Actions")
  return {
    items,
    destructiveItem: items.find((item) => DESTRUCTIVE.test(item)) ?? "",
    triggerLabel: trigger,
    iconTrigger: icon,
    userName: user ? person.name : "",
    userEmail: user ? person.email : "",
  }
}
