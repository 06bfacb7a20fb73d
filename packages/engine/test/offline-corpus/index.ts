import { CORPUS_CORE } from "./core"
import { CORPUS_A } from "./group-a"
import { CORPUS_B } from "./group-b"
import { CORPUS_C } from "./group-c"
import { CORPUS_D } from "./group-d"
import { CORPUS_E } from "./group-e"
import type { CorpusEntry } from "./types"

export const CORPUS: Record<string, CorpusEntry[]> = {
  core: CORPUS_CORE,
  "group-a": CORPUS_A,
  "group-b": CORPUS_B,
  "group-c": CORPUS_C,
  "group-d": CORPUS_D,
  "group-e": CORPUS_E,
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
