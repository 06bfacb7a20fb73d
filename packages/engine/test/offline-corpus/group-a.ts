import type { CorpusEntry } from "./types"

export const CORPUS_A: CorpusEntry[] = []
