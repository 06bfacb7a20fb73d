import { insideDoubleQuotes } from "../literals"
import { capitalize, countOf, escapeRegExp, mentions, type PromptFacts } from "../facts"
import { records, sentenceList, str, type Param, type Recipe, type Values } from "../recipe"
import { buttonLabel, entryList } from "../readers"

interface Setting extends Record<string, string | boolean> {
  label: string
  description: string
  enabled: boolean
}

type Flavour = "notifications" | "privacy" | "general"

function flavourOf(facts: PromptFacts): Flavour {
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

function describe(label: string): string {
  const lower = label.toLowerCase()
  return DESCRIPTIONS.find(([pattern]) => pattern.test(lower))?.[1] ?? `Turn ${lower} on or off.`
}

function setting(label: string): Setting {
  return { label, description: describe(label), enabled: !OFF_BY_DEFAULT.test(label) }
}

/** "email", "push" and "SMS notifications" → "Email notifications", "Push notifications", "SMS notifications". */
function labelFor(item: string, flavour: Flavour): string {
  const cleaned = item
    .replace(/^(?:toggles?|switches|settings|options)\s+(?:for|to)\s+/i, "")
    .replace(/\s+(?:notifications?|alerts|toggles?|switches|settings|options|preferences)$/i, "")
    .trim()
  const channel = CHANNELS[cleaned.toLowerCase()]
  if (channel) return flavour === "notifications" ? `${channel} notifications` : channel
  return capitalize(cleaned || item)
}

function settingsOf(facts: PromptFacts, flavour: Flavour): Setting[] {
  let items = entryList(facts, null)
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

function stateOf(settings: readonly Setting[]): string {
  const on = settings.filter((item) => item.enabled).map((item) => item.label)
  const off = settings.filter((item) => !item.enabled).map((item) => item.label)
  if (off.length === 0) return `${sentenceList(on)} ${on.length === 1 ? "starts" : "start"} on`
  if (on.length === 0) return `${sentenceList(off)} ${off.length === 1 ? "starts" : "start"} off`
  return `${sentenceList(on)} ${on.length === 1 ? "starts" : "start"} on; ${sentenceList(off)} ${off.length === 1 ? "starts" : "start"} off`
}

/** A list of labelled switches with descriptions, a Save button and a "Saved" status. */
export const toggleSettings: Recipe = {
  kind: "toggle-settings",
  title: "Settings toggles",
  names: ["SettingsToggles", "NotificationSettings"],
  keywords: {
    strong: [
      "notification settings",
      "notification preferences",
      "notification toggles",
      "settings toggles",
      "toggle settings",
      "preference toggles",
      "preferences toggles",
      "settings switches",
      "toggle switches",
      "privacy settings",
      "email preferences",
      "preferences panel",
      "settings with switches",
      "settings with toggles",
      "switches for",
      "toggles for",
      "settings screen",
      "settings page",
      "on/off switches",
    ],
    weak: ["toggles", "switches", "toggle", "switch", "preferences", "settings", "notifications", "opt in"],
  },
  callbacks: [
    {
      name: "onSave",
      type: "(settings: Record<string, boolean>) => void",
      description: "Called with every setting's state (label → on) when Save is pressed.",
    },
  ],
  name: (facts) => (flavourOf(facts) === "notifications" ? "NotificationSettings" : "SettingsToggles"),
  params: (facts) => {
    const flavour = flavourOf(facts)
    const button = buttonLabel(facts.text)
    const listed = entryList(facts, null) ?? []
    const quoted = facts.quoted.filter((text) => text !== button && !listed.includes(text))
    const settings = settingsOf(facts, flavour)
    // "Dark mode" named as a setting is not a request for the dark theme.
    const darkSettings = settings.filter((item) => /\bdark\b/i.test(item.label)).length
    const darkWords = facts.lower.match(/\bdark\b/g)?.length ?? 0
    const ownDark: Param[] =
      facts.dark === true && darkSettings > 0 && darkWords <= darkSettings
        ? [
            {
              name: "dark",
              type: "boolean",
              value: false,
              description: "Render on the dark theme.",
              control: "boolean",
            },
          ]
        : []
    return [
      {
        name: "title",
        type: "string",
        value: quoted[0] ?? TEXTS[flavour].title,
        description: "The panel's heading.",
        control: "text",
      },
      {
        name: "description",
        type: "string",
        value: quoted[1] ?? TEXTS[flavour].description,
        description: "The text under the heading.",
        control: "text",
      },
      {
        name: "settings",
        type: "Setting[]",
        value: settings,
        description: "The switches, in order: a label, a description and whether it starts on.",
      },
      {
        name: "saveLabel",
        type: "string",
        value: button ?? "Save changes",
        description: "The save button's label.",
        control: "text",
      },
      ...ownDark,
    ]
  },
  summary: (values) =>
    `A "${str(values, "title")}" panel with switches for ${sentenceList(
      records<Setting>(values, "settings").map((item) => item.label),
    )} and a ${str(values, "saveLabel")} button.`,
  requirements: (values) => {
    const settings = records<Setting>(values, "settings")
    const save = str(values, "saveLabel")
    return [
      [
        "list",
        `Shows a switch for each of ${sentenceList(settings.map((item) => item.label))}, with its description`,
      ],
      ["initial", stateOf(settings)],
      ["toggle", 'Clicking a switch or its label flips it and shows "Unsaved changes"'],
      [
        "save",
        `"${save}" calls onSave with every setting's state and shows "Saved"; it is disabled until something changes`,
      ],
    ]
  },
  component: (context) => `import { useId, useState, type FormEvent } from "react"
import { Check } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Label } from "@/components/ui/label"
import { Switch } from "@/components/ui/switch"

${context.lookImports}

export interface Setting {
  label: string
  description: string
  enabled: boolean
}

${context.propsInterface}

${context.defaults}

${context.signature}
  ${context.look}
  const id = useId()
  const initial = () => Object.fromEntries(settings.map((setting) => [setting.label, setting.enabled]))
  const [state, setState] = useState<Record<string, boolean>>(initial)
  const [saved, setSaved] = useState<Record<string, boolean>>(initial)
  const [justSaved, setJustSaved] = useState(false)
  const dirty = settings.some((setting) => state[setting.label] !== saved[setting.label])

  function toggle(label: string, on: boolean) {
    setState((previous) => ({ ...previous, [label]: on }))
    setJustSaved(false)
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const next = Object.fromEntries(settings.map((setting) => [setting.label, state[setting.label] ?? false]))
    onSave?.(next)
    setSaved(next)
    setJustSaved(true)
  }

  return (
    <form
      noValidate
      onSubmit={handleSubmit}
      aria-labelledby={\`\${id}-title\`}
      className={cn(look.className, "flex w-full max-w-lg flex-col gap-5 rounded-xl border bg-card p-6 text-card-foreground shadow-sm")}
      style={look.style}
    >
      <div className="flex flex-col gap-1">
        <h2 id={\`\${id}-title\`} className="text-lg font-semibold leading-tight">
          {title}
        </h2>
        <p className="text-sm text-muted-foreground">{description}</p>
      </div>
      <ul className="divide-y rounded-lg border">
        {settings.map((setting, index) => (
          <li key={setting.label} className="flex items-start justify-between gap-4 p-4">
            <div className="flex flex-col gap-1">
              <Label htmlFor={\`\${id}-\${index}\`}>{setting.label}</Label>
              <p id={\`\${id}-\${index}-description\`} className="text-sm text-muted-foreground">
                {setting.description}
              </p>
            </div>
            <Switch
              id={\`\${id}-\${index}\`}
              checked={state[setting.label] ?? false}
              onCheckedChange={(on) => toggle(setting.label, on)}
              aria-describedby={\`\${id}-\${index}-description\`}
              className="mt-0.5"
            />
          </li>
        ))}
      </ul>
      <div className="flex items-center justify-end gap-3">
        <p role="status" className="text-sm text-muted-foreground">
          {justSaved ? (
            <span className="inline-flex items-center gap-1 font-medium text-success">
              <Check aria-hidden="true" className="size-4" />
              Saved
            </span>
          ) : dirty ? (
            "Unsaved changes"
          ) : null}
        </p>
        <Button type="submit" disabled={!dirty}>
          {saveLabel}
        </Button>
      </div>
    </form>
  )
}
`,
  tests: (context) => {
    const { values, name, id, lit } = context
    const settings = records<Setting>(values, "settings")
    const save = str(values, "saveLabel")
    const first = settings[0]!
    const toggle = (label: string) => `screen.getByRole("switch", { name: ${lit(label)} })`
    const expected = Object.fromEntries(
      settings.map((item, index) => [item.label, index === 0 ? !item.enabled : item.enabled]),
    )
    return `it("${id("list")}: shows a switch for each setting, with its description", () => {
  render(<${name} />)
  const switches = screen.getAllByRole("switch")
  expect(switches).toHaveLength(${settings.length})
  ${settings
    .map((item) => `expect(${toggle(item.label)}).toHaveAccessibleDescription(${lit(item.description)})`)
    .join("\n  ")}
})

it("${id("initial")}: ${insideDoubleQuotes(stateOf(settings))}", () => {
  render(<${name} />)
  ${settings
    .map((item) => `expect(${toggle(item.label)})${item.enabled ? "" : ".not"}.toBeChecked()`)
    .join("\n  ")}
})

it("${id("toggle")}: clicking a switch or its label flips it", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.click(${toggle(first.label)})
  expect(${toggle(first.label)})${first.enabled ? ".not" : ""}.toBeChecked()
  expect(screen.getByRole("status")).toHaveTextContent("Unsaved changes")
  await user.click(screen.getByText(${lit(first.label)}))
  expect(${toggle(first.label)})${first.enabled ? "" : ".not"}.toBeChecked()
  expect(screen.getByRole("status")).toBeEmptyDOMElement()
})

it("${id("save")}: ${insideDoubleQuotes(save)} calls onSave with every setting and shows Saved", async () => {
  const user = userEvent.setup()
  const onSave = vi.fn()
  render(<${name} onSave={onSave} />)
  const save = screen.getByRole("button", { name: ${lit(save)} })
  expect(save).toBeDisabled()
  await user.click(${toggle(first.label)})
  await user.click(save)
  expect(onSave).toHaveBeenCalledWith(${JSON.stringify(expected)})
  expect(screen.getByRole("status")).toHaveTextContent("Saved")
  expect(save).toBeDisabled()
  await user.click(${toggle(first.label)})
  expect(screen.getByRole("status")).toHaveTextContent("Unsaved changes")
})`
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    const settings = records<Setting>(values, "settings")
    const flavour: Flavour = settings.some((item) => /notification/i.test(item.label))
      ? "notifications"
      : "general"
    const added =
      /\badd (?:an? |the )?(?:toggle|switch|setting|option) (?:for |called |named )?["“']?([^"”'.,]+)["”']?/i.exec(
        facts.text,
      )?.[1]
    if (added) {
      const label = labelFor(added.trim(), flavour)
      if (!settings.some((item) => item.label === label)) {
        next.settings = [...settings, setting(label)]
        applied.push(`a "${label}" switch`)
      }
    }
    const button = buttonLabel(facts.text)
    if (button) {
      next.saveLabel = button
      applied.push(`the button says "${button}"`)
    }
    return { values: next, applied }
  },
  followUpHints: ['add a toggle for "…"', 'the save button says "…"'],
}
