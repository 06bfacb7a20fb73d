import type { CorpusEntry } from "./types"

export const CORPUS_D: CorpusEntry[] = []
