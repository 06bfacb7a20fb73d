import { defineRecipe, strings, text } from "../../define-recipe"
import { sentenceList } from "../../recipe"
import { code, testCase } from "../../test-builder"
import { readTabs } from "./reader"

/** Tabs with one panel each: the kit's Radix tabs (roles, arrow keys and focus come with them). */
export const tabs = defineRecipe({
  kind: "tabs",
  title: "Tabs",
  names: ["SettingsTabs"],
  keywords: { strong: ["tabs", "tabbed", "tab bar", "tab view"], weak: ["panels", "sections"] },
  params: {
    tabs: strings("The tab labels, in order; each tab has a panel."),
    defaultTab: text("The tab selected at first."),
  },
  read: readTabs,
  summary: ({ tabs }) => `Tabs for ${sentenceList(tabs)}, each showing its own panel.`,
  requirements: ({ tabs, defaultTab }) => [
    ["labels", `Shows a tab for each of ${sentenceList(tabs)}, in that order`],
    ["initial", `${defaultTab} is selected at first and its panel is shown`],
    ["click", "Clicking a tab selects it and shows its panel instead of the previous one"],
    ["keyboard", "Arrow keys move between tabs"],
  ],
  tests: ({ Component, values: { tabs, defaultTab } }) => {
    const other = tabs.find((label) => label !== defaultTab) ?? defaultTab
    return [
      testCase(
        "labels",
        "shows a tab for each label, in order",
        code`
          render(<${Component} />)
          const names = screen.getAllByRole("tab").map((tab) => tab.textContent)
          expect(names).toEqual(${tabs})
        `,
      ),
      testCase(
        "initial",
        `${defaultTab} is selected at first and its panel is shown`,
        code`
          render(<${Component} />)
          expect(screen.getByRole("tab", { name: ${defaultTab} })).toHaveAttribute("aria-selected", "true")
          expect(screen.getByRole("tabpanel")).toHaveTextContent(${defaultTab})
        `,
      ),
      testCase(
        "click",
        "clicking a tab selects it and shows its panel",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.click(screen.getByRole("tab", { name: ${other} }))
          expect(screen.getByRole("tab", { name: ${other} })).toHaveAttribute("aria-selected", "true")
          expect(screen.getByRole("tabpanel")).toHaveTextContent(${other})
          expect(screen.getAllByRole("tabpanel")).toHaveLength(1)
        `,
      ),
      testCase(
        "keyboard",
        "arrow keys move between tabs",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.click(screen.getByRole("tab", { name: ${tabs[0] ?? ""} }))
          await user.keyboard("{ArrowRight}")
          expect(screen.getByRole("tab", { name: ${tabs[1] ?? tabs[0] ?? ""} })).toHaveFocus()
        `,
      ),
    ]
  },
})
