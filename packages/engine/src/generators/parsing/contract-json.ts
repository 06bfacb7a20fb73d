import { z } from "zod"
import { contractSchema } from "@studio/protocol"
import type { Contract } from "@studio/protocol"

export type ContractAnswer = { ok: true; contract: Contract } | { ok: false; message: string }

/** Reads the interpret stage's answer: the first JSON object in the text (bare, fenced or amid prose), validated. */
export function parseContractAnswer(text: string): ContractAnswer {
  const candidates = findJsonObjects(text)
  if (candidates.length === 0) return { ok: false, message: "the answer contains no JSON object" }
  // The first object that is a valid contract wins, so a stray `{}` in prose cannot hide the real one; when none
  // is, the schema's complaint about the first parsable object says most about what the model got wrong.
  let schemaError: string | undefined
  let syntaxError: string | undefined
  for (const candidate of candidates) {
    let value: unknown
    try {
      value = JSON.parse(candidate)
    } catch (error) {
      syntaxError ??= `the answer's JSON object is not valid JSON: ${error instanceof Error ? error.message : String(error)}`
      continue
    }
    const result = contractSchema.safeParse(value)
    if (result.success) return { ok: true, contract: result.data }
    schemaError ??= `the contract is not valid:\n${z.prettifyError(result.error)}`
  }
  return { ok: false, message: schemaError ?? syntaxError ?? "the answer contains no JSON object" }
}

/**
 * The balanced top-level `{...}` spans of the text, in order, found by a scanner that skips braces inside JSON
 * strings (and their escapes). Prose braces such as "{like this}" become candidates that fail JSON.parse and are
 * skipped by the caller, so the first object that parses is the one validated.
 */
export function findJsonObjects(text: string): string[] {
  const objects: string[] = []
  let depth = 0
  let start = -1
  let inString = false
  let escaped = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (depth === 0) {
      if (char === "{") {
        depth = 1
        start = index
      }
      continue
    }
    if (inString) {
      if (escaped) escaped = false
      else if (char === "\\") escaped = true
      else if (char === '"') inString = false
      continue
    }
    if (char === '"') inString = true
    else if (char === "{") depth++
    else if (char === "}") {
      depth--
      if (depth === 0) objects.push(text.slice(start, index + 1))
    }
  }
  return objects
}
