import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface SettingsTabsProps extends AppearanceOptions {
  /** The tab labels, in order; each tab has a panel. */
  tabs?: string[]
  /** The tab selected at first. */
  defaultTab?: string
}

const DEFAULT_TABS: string[] = ["Overview", "Activity", "Settings"]

function slug(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, "-")
}

export default function SettingsTabs({
  tabs = DEFAULT_TABS,
  defaultTab = "Overview",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
}: SettingsTabsProps) {
  const look = appearance({ accent, dark, size, radius })
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
