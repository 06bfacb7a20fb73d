import { CORPUS_CORE } from "./core"
import { FORM_PROMPTS } from "./forms"
import { INPUT_PROMPTS } from "./inputs"
import { NAVIGATION_AND_OVERLAY_PROMPTS } from "./navigation-and-overlays"
import { DATA_DISPLAY_PROMPTS } from "./data-display"
import { TOOL_PROMPTS } from "./tools"
import type { CorpusEntry } from "./types"

export const CORPUS: Record<string, CorpusEntry[]> = {
  core: CORPUS_CORE,
  forms: FORM_PROMPTS,
  inputs: INPUT_PROMPTS,
  "navigation-and-overlays": NAVIGATION_AND_OVERLAY_PROMPTS,
  "data-display": DATA_DISPLAY_PROMPTS,
  tools: TOOL_PROMPTS,
}
export type { CorpusEntry }

/** Every prompt with its group, as `it.each` rows ("$group: $prompt"). */
export const CORPUS_ENTRIES = Object.entries(CORPUS).flatMap(([group, list]) =>
  list.map((entry): { group: string; prompt: string; entry: CorpusEntry } => ({
    group,
    prompt: entry.prompt,
    entry,
  })),
)
