import { mentions, type PromptFacts } from "../../facts"
import { quotedWith } from "../../readers"

/** The trigger's icons, by name. */
export const ICONS = [
  "info",
  "help",
  "copy",
  "trash",
  "share",
  "edit",
  "download",
  "settings",
  "bell",
  "heart",
  "bookmark",
  "plus",
] as const
type Icon = (typeof ICONS)[number]

/** Where a tooltip can sit relative to its trigger. */
export const SIDES = ["top", "right", "bottom", "left"] as const

/** Icon buttons a tooltip usually explains: what the prompt says, its icon, its name and its tooltip. */
export const ACTIONS: [RegExp, Icon, string, string][] = [
  [/\bcop(?:y|ies|ied)\b|\bclipboard\b/, "copy", "Copy link", "Copy to clipboard"],
  [/\b(?:delete|trash|bin|remove)\b/, "trash", "Delete", "Delete permanently"],
  [/\bshar(?:e|ing)\b/, "share", "Share", "Share with your team"],
  [/\b(?:edit|pencil|rename)\b/, "edit", "Edit", "Edit details"],
  [/\bdownload\w*\b|\bexport\b/, "download", "Download", "Download as PDF"],
  [/\b(?:settings?|gear|cog|preferences)\b/, "settings", "Settings", "Open settings"],
  [/\b(?:bell|notifications?)\b/, "bell", "Notifications", "View notifications"],
  [/\b(?:heart|like|favou?rites?)\b/, "heart", "Add to favorites", "Add to favorites"],
  [/\b(?:bookmark|save for later)\b/, "bookmark", "Bookmark", "Save for later"],
  [/\b(?:plus|add|new|create)\b/, "plus", "Add item", "Create a new item"],
]

/** Terms an info tooltip often explains, and a real explanation for each. */
const TERMS: [RegExp, string, string][] = [
  [/\b(?:cvv|cvc|security code)\b/, "CVV", "The 3-digit code on the back of your card."],
  [
    /\bapr\b|\binterest rate\b/,
    "APR",
    "Annual percentage rate: the yearly cost of borrowing, including fees.",
  ],
  [/\bapi key\b/, "API key", "Keep this key secret: anyone who has it can access your account."],
  [/\bpassword\b/, "Password", "Use at least 8 characters, including a number and a symbol."],
  [/\busername\b/, "Username", "This is how other people see you. You can change it once every 30 days."],
  [/\b(?:vat|sales tax|tax)\b/, "Tax", "Calculated at checkout from your shipping address."],
  [
    /\bshipping\b/,
    "Shipping",
    "Free standard shipping on orders over $50. Express arrives in 1–2 business days.",
  ],
  [/\bstorage\b/, "Storage used", "Includes files, backups and version history across all your projects."],
  [/\bseats?\b/, "Seats", "Each member of your workspace uses one seat. Guests are free."],
  [/\buptime\b/, "Uptime", "The share of the last 30 days the service was available."],
]

/** Whether the prompt asks for an info icon next to a term rather than an icon button. */
export function isInfo(facts: PromptFacts): boolean {
  if (
    mentions(
      facts,
      "info icon",
      "information icon",
      "help icon",
      "question mark",
      "info tooltip",
      "help tooltip",
    )
  )
    return true
  if (ACTIONS.some(([pattern]) => pattern.test(facts.lower)) || mentions(facts, "icon button", "button"))
    return false
  return true
}

/** The side a prompt puts the tooltip on: "below", "on the right". */
export function sideOf(facts: PromptFacts): (typeof SIDES)[number] | undefined {
  const match =
    /\b(?:on the |to the |at the )?(top|right|bottom|left|above|below|under|underneath)\b(?! corner)/.exec(
      facts.lower,
    )
  if (!match) return undefined
  if (
    !/\b(?:on the|to the|at the|above|below|under|underneath|side|appear|show|place|position)/.test(
      facts.lower,
    )
  )
    return undefined
  const word = match[1]!
  if (word === "above") return "top"
  if (word === "below" || word === "under" || word === "underneath") return "bottom"
  return word as (typeof SIDES)[number]
}

/** The tooltip's text: the quote the prompt ties to it, else its first other quote. */
export function tooltipText(facts: PromptFacts, exclude?: string): string | undefined {
  return (
    quotedWith(
      facts,
      /\b(?:says?|saying|text|reads?|reading|shows?|showing|displays?|tooltip|explains?|explaining|hint|with|message|content)\b[^"“”`]*$/i,
    ) ?? facts.quoted.find((value) => value !== exclude)
  )
}

function tooltipValues(facts: PromptFacts, info: boolean) {
  if (info) {
    const term = TERMS.find(([pattern]) => pattern.test(facts.lower))
    const labelled = quotedWith(
      facts,
      /\b(?:label|labelled|labeled|field|term|next to|beside|for|heading|called|named)\b[^"“”`]*$/i,
      /^\s*(?:label|field|heading|term)\b/i,
    )
    const named =
      /\b(?:next to|beside|for|explain(?:s|ing)?|about|on)\s+(?:the\s+|a\s+|an\s+|our\s+|my\s+)?([A-Z][\w&'-]*(?: [A-Za-z][\w&'-]*){0,2}?)(?=\s+(?:label|field|heading|term|input|column|setting)\b|[.,;!?]|$)/.exec(
        facts.text,
      )
    const label = labelled ?? named?.[1] ?? term?.[1] ?? "Storage used"
    const text =
      tooltipText(facts, label) ??
      term?.[2] ??
      TERMS.find(([pattern]) => pattern.test(label.toLowerCase()))?.[2] ??
      `What ${label} means and how it is calculated.`
    return {
      term: label,
      label: `About ${label}`,
      text,
      icon: mentions(facts, "question mark", "help") ? ("help" as Icon) : ("info" as Icon),
    }
  }
  const action = ACTIONS.find(([pattern]) => pattern.test(facts.lower))
  const labelled = quotedWith(
    facts,
    /\b(?:labelled|labeled|named|called|aria-label|label)\b[^"“”`]*$/i,
    /^\s*(?:button|icon)\b/i,
  )
  const label = labelled ?? action?.[2] ?? "More information"
  return {
    term: "",
    label,
    text: tooltipText(facts, label) ?? action?.[3] ?? label,
    icon: action?.[1] ?? ("info" as Icon),
  }
}

/** The term (for an info icon), the button's name, the tooltip's text, the icon and the side. */
export function readTooltip(facts: PromptFacts): {
  term: string
  label: string
  text: string
  icon: Icon
  side: (typeof SIDES)[number]
} {
  return { ...tooltipValues(facts, isInfo(facts)), side: sideOf(facts) ?? "top" }
}
