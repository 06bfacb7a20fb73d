import { createHash } from "node:crypto"
import { describe, expect, it } from "vitest"
import { hashPrompt, normalisePrompt } from "./prompt-hash"

describe("hashPrompt", () => {
  it("gives a prompt typed again with other case and spacing the same hash", () => {
    const first = hashPrompt("A pricing table with three tiers")
    expect(hashPrompt("  a PRICING table\twith\n\nthree   tiers ")).toBe(first)
    expect(first).toBe(createHash("sha256").update("a pricing table with three tiers").digest("hex"))
  })

  it("treats composed and decomposed accents as one prompt", () => {
    expect(hashPrompt("Caf\u00e9 menu")).toBe(hashPrompt("Cafe\u0301 menu"))
  })

  it("keeps different wording and punctuation apart", () => {
    expect(hashPrompt("a counter")).not.toBe(hashPrompt("a counter!"))
    expect(hashPrompt("a counter")).not.toBe(hashPrompt("a timer"))
  })

  it("normalises non-breaking and other Unicode spaces like a plain space", () => {
    expect(normalisePrompt("a\u00a0counter\u2003button")).toBe("a counter button")
  })
})
