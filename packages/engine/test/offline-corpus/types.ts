/** One prompt of the offline corpus, written as a user would, with what its run must carry. */
export interface CorpusEntry {
  prompt: string
  /** The recipe kind the offline generator must choose. */
  kind: string
  /** The prompt's specifics (labels, counts, limits, prices …) that must appear in the component or contract. */
  expect: readonly string[]
  /** A follow-up on the result, with what its version must carry. */
  followUp?: { prompt: string; expect: readonly string[] }
}
