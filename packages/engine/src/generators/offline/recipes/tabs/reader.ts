import { capitalize, countOf, firstList, mentions, type PromptFacts } from "../../facts"

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

/** The tabs a prompt names (or as many as it counts, from a pool) and the one selected at first. */
export function readTabs(facts: PromptFacts): { tabs: string[]; defaultTab: string } {
  const tabs = tabLabels(facts)
  return { tabs, defaultTab: tabs[mentions(facts, "second tab") ? 1 : 0] ?? "" }
}
