import { createHash } from "node:crypto"

/**
 * The one normalisation a prompt gets before it is hashed (`studioobservation.prompt_hash`), so prompts a person
 * would call the same group together: Unicode NFC, lower case, every run of whitespace as one space, none at either
 * end. Nothing else: different wording or punctuation is a different prompt.
 */
export function normalisePrompt(prompt: string): string {
  return prompt.normalize("NFC").toLowerCase().normalize("NFC").replace(/\s+/gu, " ").trim()
}

/** The prompt's group key: sha256 (hex) of its normalised text. */
export function hashPrompt(prompt: string): string {
  return createHash("sha256").update(normalisePrompt(prompt), "utf8").digest("hex")
}
