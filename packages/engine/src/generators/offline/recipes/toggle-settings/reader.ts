import { capitalize, countOf, escapeRegExp, mentions, type PromptFacts } from "../../facts"
import { buttonLabel, entryList } from "../../readers"

/** A switch: its label, the line under it and whether it starts on. */
export interface Setting extends Record<string, string | boolean> {
  label: string
  description: string
  enabled: boolean
}

export type Flavour = "notifications" | "privacy" | "general"

/** What the settings are about: notifications, privacy or (otherwise) general preferences. */
export function flavourOf(facts: PromptFacts): Flavour {
  if (mentions(facts, "notification", "notifications", "notify", "alerts", "email preferences"))
    return "notifications"
  if (mentions(facts, "privacy")) return "privacy"
  return "general"
}

// Channels that read as "<Channel> notifications" in a notification panel.
const CHANNELS: Record<string, string> = {
  email: "Email",
  "e-mail": "Email",
  push: "Push",
  sms: "SMS",
  text: "Text message",
  "in-app": "In-app",
  desktop: "Desktop",
  browser: "Browser",
  mobile: "Mobile",
  slack: "Slack",
  phone: "Phone",
  whatsapp: "WhatsApp",
}

const DESCRIPTIONS: [RegExp, string][] = [
  [/\be-?mail\b/, "Updates and receipts sent to your inbox."],
  [/\bpush\b|\bmobile\b/, "Alerts on your phone, even when the app is closed."],
  [/\bsms\b|\btext\b|\bphone\b|\bwhatsapp\b/, "Text messages for urgent account activity."],
  [/\bin-app\b/, "Badges and banners while you use the app."],
  [/\bdesktop\b|\bbrowser\b/, "Pop-up notifications in your browser."],
  [/\bslack\b/, "Messages in your connected Slack workspace."],
  [/\bmarketing\b|\bpromo/, "News about products, features and offers."],
  [/\bnewsletter\b/, "Our monthly newsletter with tips and stories."],
  [/\bdigest\b|\bsummary\b/, "A summary of your activity every Monday."],
  [/\bsecurity\b|\blogin\b|\bsign-in\b/, "Sign-ins from new devices and password changes."],
  [/\bmention/, "When someone mentions you in a comment."],
  [/\bcomment/, "Replies to your posts and comments."],
  [/\bdark mode\b|\bdark theme\b/, "Use a dark theme across the app."],
  [/\bautoplay\b/, "Play videos automatically as you scroll."],
  [/\bsound/, "Play sounds for messages and actions."],
  [/\bonline status\b|\bactivity status\b/, "Let others see when you're active."],
  [/\bread receipts?\b/, "Let people know when you've read their messages."],
  [/\bpublic profile\b|\bprofile\b/, "Anyone can find and view your profile."],
  [/\bpersonali[sz]ed ads\b|\bads\b/, "Use your activity to tailor the ads you see."],
  [/\banalytics\b|\busage data\b|\btelemetry\b/, "Share anonymous usage data to help us improve."],
  [/\btwo-factor\b|\b2fa\b/, "Ask for a code when you sign in on a new device."],
  [/\bauto-?save\b/, "Save your work as you go."],
  [/\blocation\b/, "Use your location for local results."],
]

const OFF_BY_DEFAULT =
  /\bsms\b|\btext message|\bmarketing\b|\bpromo|\bnewsletter\b|\bautoplay\b|\bads\b|\banalytics\b|\bdark mode\b|\blocation\b/i

const POOLS: Record<Flavour, string[]> = {
  notifications: [
    "Email notifications",
    "Push notifications",
    "SMS notifications",
    "Weekly digest",
    "Security alerts",
    "Marketing emails",
  ],
  privacy: [
    "Public profile",
    "Show online status",
    "Read receipts",
    "Personalised ads",
    "Share usage analytics",
    "Location access",
  ],
  general: [
    "Dark mode",
    "Sound effects",
    "Autoplay videos",
    "Auto-save drafts",
    "Show online status",
    "Two-factor authentication",
  ],
}

function describeSetting(label: string): string {
  const lower = label.toLowerCase()
  return DESCRIPTIONS.find(([pattern]) => pattern.test(lower))?.[1] ?? `Turn ${lower} on or off.`
}

/** A switch for a label: its description and whether it starts on. */
export function setting(label: string): Setting {
  return { label, description: describeSetting(label), enabled: !OFF_BY_DEFAULT.test(label) }
}

/** "email", "push" and "SMS notifications" → "Email notifications", "Push notifications", "SMS notifications". */
export function labelFor(item: string, flavour: Flavour): string {
  const cleaned = item
    .replace(/^(?:toggles?|switches|settings|options)\s+(?:for|to)\s+/i, "")
    .replace(/\s+(?:notifications?|alerts|toggles?|switches|settings|options|preferences)$/i, "")
    .trim()
  const channel = CHANNELS[cleaned.toLowerCase()]
  if (channel) return flavour === "notifications" ? `${channel} notifications` : channel
  return capitalize(cleaned || item)
}

/** `listed`: the prompt's list of entries, without the save button's label ("… and a Save preferences button"). */
function settingsOf(facts: PromptFacts, flavour: Flavour, listed: string[] | undefined): Setting[] {
  let items = listed?.length ? listed : undefined
  if (!items) {
    // "email push and sms toggles": channel words in the order they are written.
    const found = Object.keys(CHANNELS)
      .map((word) => ({ word, at: facts.lower.search(new RegExp(`\\b${escapeRegExp(word)}\\b`)) }))
      .filter((entry) => entry.at >= 0)
      .sort((a, b) => a.at - b.at)
      .map((entry) => entry.word)
    if (found.length >= 2) items = found
  }
  if (items) {
    const labels = [...new Set(items.map((item) => labelFor(item, flavour)))]
    return labels.map(setting)
  }
  const count = countOf(facts, "toggle", "switch", "setting", "option", "preference")
  const pool = POOLS[flavour]
  return pool.slice(0, Math.min(Math.max(count ?? 4, 1), pool.length)).map(setting)
}

const TEXTS: Record<Flavour, { title: string; description: string }> = {
  notifications: { title: "Notifications", description: "Choose how we keep you posted." },
  privacy: { title: "Privacy", description: "Control who sees you and your activity." },
  general: { title: "Preferences", description: "Adjust how the app works for you." },
}

/**
 * The heading and line under it (the prompt's quotes, else the flavour's), the switches, the save button, and the
 * shared look's accent and dark. "Dark mode" named as a setting is not a request for the dark theme: when every
 * "dark" in the prompt belongs to the label of a setting the prompt names, dark stays off.
 */
export function readToggleSettings(facts: PromptFacts): {
  title: string
  description: string
  settings: readonly Setting[]
  saveLabel: string
  accent: string
  dark: boolean
} {
  const flavour = flavourOf(facts)
  const button = buttonLabel(facts.text)
  const listed = entryList(facts, null)
  const quoted = facts.quoted.filter((text) => text !== button && !(listed ?? []).includes(text))
  // The button closes the list, it is not a setting.
  const settings = settingsOf(
    facts,
    flavour,
    listed?.filter((item) => item.toLowerCase() !== button?.toLowerCase()),
  )
  // Only the prompt's own settings count: a "Dark mode" switch from the default set does not explain its "dark".
  const darkSettings = settings.filter(
    (item) => /\bdark\b/i.test(item.label) && facts.lower.includes(item.label.toLowerCase()),
  ).length
  const darkWords = facts.lower.match(/\bdark\b/g)?.length ?? 0
  const darkIsASetting = facts.dark === true && darkSettings > 0 && darkWords <= darkSettings
  return {
    title: quoted[0] ?? TEXTS[flavour].title,
    description: quoted[1] ?? TEXTS[flavour].description,
    settings,
    saveLabel: button ?? "Save changes",
    accent: facts.colour?.hex ?? "",
    dark: darkIsASetting ? false : (facts.dark ?? false),
  }
}
