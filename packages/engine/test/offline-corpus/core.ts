import type { CorpusEntry } from "./types"

/** Prompts for the recipes outside the groups (tabs, the content card fallback). */
export const CORPUS_CORE: CorpusEntry[] = [
  {
    prompt: "tabs for Overview, Settings and Billing",
    kind: "tabs",
    expect: ["Overview", "Settings", "Billing"],
    followUp: { prompt: "make it blue and a bit bigger", expect: ["#2563eb", '"lg"'] },
  },
  {
    prompt: "I need a tabbed view with 5 sections for my admin dashboard",
    kind: "tabs",
    expect: ["Overview", "Activity", "Settings", "Billing", "Members"],
  },
  {
    prompt:
      'A simple card called "Welcome back" that says "You have 3 new messages" with a button "Open inbox"',
    kind: "content-card",
    expect: ["Welcome back", "You have 3 new messages", "Open inbox"],
    followUp: { prompt: "dark mode please", expect: ["dark"] },
  },
]
