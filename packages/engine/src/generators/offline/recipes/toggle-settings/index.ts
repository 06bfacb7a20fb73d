import { boolean, defineRecipe, records, text, type ParamSpec } from "../../define-recipe"
import { sentenceList } from "../../recipe"
import { buttonLabel } from "../../readers"
import { code, codeLines, NO_CODE, TestCode, testCase } from "../../test-builder"
import { flavourOf, labelFor, readToggleSettings, setting, type Flavour, type Setting } from "./reader"

/**
 * The shared look's accent and dark (the kit's AppearanceOptions), owned here so that dark can differ from the
 * prompt's: "a settings page with a dark mode toggle" names a setting, not the dark theme, and stays light. Same
 * names, types, words and controls as the shared params, and in their order (accent, then dark), so the contract
 * reads as if they were the shared ones.
 */
const accent: ParamSpec<string> = {
  ...text("Accent colour for primary actions and focus rings (hex); empty keeps the theme's."),
  control: "color",
}
const dark = boolean("Render on the dark theme.")

/** "Email notifications and Push notifications start on; SMS notifications starts off". */
function stateOf(settings: readonly Setting[]): string {
  const on = settings.filter((item) => item.enabled).map((item) => item.label)
  const off = settings.filter((item) => !item.enabled).map((item) => item.label)
  if (off.length === 0) return `${sentenceList(on)} ${on.length === 1 ? "starts" : "start"} on`
  if (on.length === 0) return `${sentenceList(off)} ${off.length === 1 ? "starts" : "start"} off`
  return `${sentenceList(on)} ${on.length === 1 ? "starts" : "start"} on; ${sentenceList(off)} ${off.length === 1 ? "starts" : "start"} off`
}

/** A list of labelled switches with descriptions, a Save button and a "Saved" status. */
export const toggleSettings = defineRecipe({
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
  params: {
    title: text("The panel's heading."),
    description: text("The text under the heading."),
    settings: records<Setting>(
      "Setting",
      "The switches, in order: a label, a description and whether it starts on.",
    ),
    saveLabel: text("The save button's label."),
    accent,
    dark,
  },
  read: readToggleSettings,
  summary: ({ title, settings, saveLabel }) =>
    `A "${title}" panel with switches for ${sentenceList(settings.map((item) => item.label))} and a ${saveLabel} button.`,
  requirements: ({ settings, saveLabel: save }) => [
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
  ],
  tests: ({ Component, values: { settings, saveLabel: save } }) => {
    const first = settings[0]!
    const toggle = (label: string) => code`screen.getByRole("switch", { name: ${label} })`
    const not = (negated: boolean) => (negated ? new TestCode(".not") : NO_CODE)
    // What onSave gets once the first switch is flipped.
    const expected = new TestCode(
      JSON.stringify(
        Object.fromEntries(
          settings.map((item, index) => [item.label, index === 0 ? !item.enabled : item.enabled]),
        ),
      ),
    )
    return [
      testCase(
        "list",
        "shows a switch for each setting, with its description",
        code`
          render(<${Component} />)
          const switches = screen.getAllByRole("switch")
          expect(switches).toHaveLength(${settings.length})
          ${codeLines(settings.map((item) => code`expect(${toggle(item.label)}).toHaveAccessibleDescription(${item.description})`))}
        `,
      ),
      testCase(
        "initial",
        stateOf(settings),
        code`
          render(<${Component} />)
          ${codeLines(settings.map((item) => code`expect(${toggle(item.label)})${not(!item.enabled)}.toBeChecked()`))}
        `,
      ),
      testCase(
        "toggle",
        "clicking a switch or its label flips it",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.click(${toggle(first.label)})
          expect(${toggle(first.label)})${not(first.enabled)}.toBeChecked()
          expect(screen.getByRole("status")).toHaveTextContent("Unsaved changes")
          await user.click(screen.getByText(${first.label}))
          expect(${toggle(first.label)})${not(!first.enabled)}.toBeChecked()
          expect(screen.getByRole("status")).toBeEmptyDOMElement()
        `,
      ),
      testCase(
        "save",
        `${save} calls onSave with every setting and shows Saved`,
        code`
          const user = userEvent.setup()
          const onSave = vi.fn()
          render(<${Component} onSave={onSave} />)
          const save = screen.getByRole("button", { name: ${save} })
          expect(save).toBeDisabled()
          await user.click(${toggle(first.label)})
          await user.click(save)
          expect(onSave).toHaveBeenCalledWith(${expected})
          expect(screen.getByRole("status")).toHaveTextContent("Saved")
          expect(save).toBeDisabled()
          await user.click(${toggle(first.label)})
          expect(screen.getByRole("status")).toHaveTextContent("Unsaved changes")
        `,
      ),
    ]
  },
  followUp: (facts, { settings }) => {
    const next: { settings?: readonly Setting[]; saveLabel?: string } = {}
    const applied: string[] = []
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
})
