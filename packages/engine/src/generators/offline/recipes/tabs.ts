import { capitalize, countOf, firstList, mentions, type PromptFacts } from "../facts"
import { sentenceList, strings, type Recipe } from "../recipe"

const POOL = [
  "Overview",
  "Activity",
  "Settings",
  "Billing",
  "Members",
  "Integrations",
  "Security",
  "Notifications",
]

function tabLabels(facts: PromptFacts): string[] {
  const listed = firstList(facts)
  if (listed) return listed.map(capitalize)
  const count = Math.min(Math.max(countOf(facts, "tab", "section", "panel") ?? 3, 2), POOL.length)
  return POOL.slice(0, count)
}

/** Tabs with one panel each: the kit's Radix tabs (roles, arrow keys and focus come with them). */
export const tabs: Recipe = {
  kind: "tabs",
  title: "Tabs",
  names: ["SettingsTabs"],
  keywords: { strong: ["tabs", "tabbed", "tab bar", "tab view"], weak: ["panels", "sections"] },
  params: (facts) => [
    {
      name: "tabs",
      type: "string[]",
      value: tabLabels(facts),
      description: "The tab labels, in order; each tab has a panel.",
    },
    {
      name: "defaultTab",
      type: "string",
      value: tabLabels(facts)[mentions(facts, "second tab") ? 1 : 0] ?? "",
      description: "The tab selected at first.",
      control: "text",
    },
  ],
  summary: (values) => `Tabs for ${sentenceList(strings(values, "tabs"))}, each showing its own panel.`,
  requirements: (values) => {
    const labels = strings(values, "tabs")
    return [
      ["labels", `Shows a tab for each of ${sentenceList(labels)}, in that order`],
      ["initial", `${String(values.defaultTab)} is selected at first and its panel is shown`],
      ["click", "Clicking a tab selects it and shows its panel instead of the previous one"],
      ["keyboard", "Arrow keys move between tabs"],
    ]
  },
  component: (context) => `import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs"
${context.lookImports}

${context.propsInterface}

${context.defaults}

function slug(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, "-")
}

${context.signature}
  ${context.look}
  const selected = tabs.includes(defaultTab) ? defaultTab : tabs[0]
  return (
    <div className={cn(look.className, "w-full max-w-2xl p-4")} style={look.style}>
      <Tabs defaultValue={selected && slug(selected)} className="gap-4">
        <TabsList aria-label="Sections">
          {tabs.map((label) => (
            <TabsTrigger key={label} value={slug(label)}>
              {label}
            </TabsTrigger>
          ))}
        </TabsList>
        {tabs.map((label) => (
          <TabsContent key={label} value={slug(label)} className="rounded-lg border p-6">
            <h2 className="text-lg font-semibold">{label}</h2>
            <p className="mt-2 text-sm text-muted-foreground">
              {/* TODO: replace with the {label} panel's content */}
              Everything about {label.toLowerCase()} lives here.
            </p>
          </TabsContent>
        ))}
      </Tabs>
    </div>
  )
}
`,
  tests: (context) => {
    const labels = strings(context.values, "tabs")
    const first = String(context.values.defaultTab)
    const other = labels.find((label) => label !== first) ?? first
    return `it("${context.id("labels")}: shows a tab for each label, in order", () => {
  render(<${context.name} />)
  const names = screen.getAllByRole("tab").map((tab) => tab.textContent)
  expect(names).toEqual(${context.lit(labels)})
})

it("${context.id("initial")}: ${first} is selected at first and its panel is shown", () => {
  render(<${context.name} />)
  expect(screen.getByRole("tab", { name: ${context.lit(first)} })).toHaveAttribute("aria-selected", "true")
  expect(screen.getByRole("tabpanel")).toHaveTextContent(${context.lit(first)})
})

it("${context.id("click")}: clicking a tab selects it and shows its panel", async () => {
  const user = userEvent.setup()
  render(<${context.name} />)
  await user.click(screen.getByRole("tab", { name: ${context.lit(other)} }))
  expect(screen.getByRole("tab", { name: ${context.lit(other)} })).toHaveAttribute("aria-selected", "true")
  expect(screen.getByRole("tabpanel")).toHaveTextContent(${context.lit(other)})
  expect(screen.getAllByRole("tabpanel")).toHaveLength(1)
})

it("${context.id("keyboard")}: arrow keys move between tabs", async () => {
  const user = userEvent.setup()
  render(<${context.name} />)
  await user.click(screen.getByRole("tab", { name: ${context.lit(labels[0] ?? "")} }))
  await user.keyboard("{ArrowRight}")
  expect(screen.getByRole("tab", { name: ${context.lit(labels[1] ?? labels[0] ?? "")} })).toHaveFocus()
})`
  },
}
