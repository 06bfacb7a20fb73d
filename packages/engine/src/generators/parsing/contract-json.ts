import { jsonrepair } from "jsonrepair"
import { z } from "zod"
import { contractSchema, safeParse } from "@studio/protocol"
import type { Contract } from "@studio/protocol"

export type ContractAnswer = { ok: true; contract: Contract } | { ok: false; message: string }

/**
 * Reads the interpret stage's answer: the first JSON object in the text (bare, fenced or amid prose) that is a valid
 * contract. Objects that are not strict JSON (trailing commas, comments, single quotes, unquoted keys) are read by
 * jsonrepair first; a contract wrapped in one key (`{ "contract": {...} }`) is unwrapped.
 */
export function parseContractAnswer(text: string): ContractAnswer {
  const candidates = findJsonObjects(text)
  if (candidates.length === 0) return { ok: false, message: "the answer contains no JSON object" }
  // The first object that is a valid contract wins, so a stray `{}` in prose cannot hide the real one; when none
  // is, the schema's complaint about the first parsable object says most about what the model got wrong.
  let schemaError: string | undefined
  let syntaxError: string | undefined
  for (const candidate of candidates) {
    const read = readJsonObject(candidate)
    if (!read.ok) {
      syntaxError ??= `the answer's JSON object is not valid JSON: ${read.message}`
      continue
    }
    const result = safeParse(contractSchema, normalizeContractShape(unwrapSingleKey(read.value)))
    if (result.success) return { ok: true, contract: result.data }
    schemaError ??= `the contract is not valid:\n${z.prettifyError(result.error)}`
  }
  return { ok: false, message: schemaError ?? syntaxError ?? "the answer contains no JSON object" }
}

type JsonRead = { ok: true; value: unknown } | { ok: false; message: string }

/** Strict JSON first; otherwise what jsonrepair makes of it (its error when it cannot). */
function readJsonObject(candidate: string): JsonRead {
  const jsonValue = z.json()
  let strictError: string
  try {
    return { ok: true, value: jsonValue.parse(JSON.parse(candidate)) }
  } catch (error) {
    strictError = error instanceof Error ? error.message : String(error)
  }
  try {
    return { ok: true, value: jsonValue.parse(JSON.parse(jsonrepair(candidate))) }
  } catch {
    return { ok: false, message: strictError }
  }
}

/** `{ "contract": { "name": ... } }` (some models wrap the object they were asked for): the inner object. */
function unwrapSingleKey(value: unknown): unknown {
  if (!isRecord(value) || "name" in value) return value
  const entries = Object.values(value)
  const inner = entries[0]
  return entries.length === 1 && isRecord(inner) && "name" in inner ? inner : value
}

/** A prop default written as a JSON number or boolean (`"default": 0`) is the same TypeScript expression as text. */
function normalizeContractShape(value: unknown): unknown {
  if (!isRecord(value) || !Array.isArray(value.props)) return value
  const props: unknown[] = value.props.map((prop: unknown) =>
    isRecord(prop) && (typeof prop.default === "number" || typeof prop.default === "boolean")
      ? { ...prop, default: String(prop.default) }
      : prop,
  )
  return { ...value, props }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

/**
 * The balanced top-level `{...}` spans of the text, in order, found by a scanner that skips braces inside strings
 * (double- or single-quoted, with their escapes) and comments. Prose braces such as "{like this}" become candidates
 * that fail to parse and are skipped by the caller, so the first object that parses is the one validated.
 */
export function findJsonObjects(text: string): string[] {
  const objects: string[] = []
  let depth = 0
  let start = -1
  let quote: string | null = null
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
    if (quote !== null) {
      if (escaped) escaped = false
      else if (char === "\\") escaped = true
      else if (char === quote) quote = null
      else if (char === "\n" && quote === "'") quote = null // an apostrophe in a comment-less prose brace
      continue
    }
    if (char === "/" && text[index + 1] === "/") {
      const end = text.indexOf("\n", index)
      index = end === -1 ? text.length : end
      continue
    }
    if (char === "/" && text[index + 1] === "*") {
      const end = text.indexOf("*/", index + 2)
      index = end === -1 ? text.length : end + 1
      continue
    }
    if (char === '"' || char === "'") quote = char
    else if (char === "{") depth++
    else if (char === "}") {
      depth--
      if (depth === 0) objects.push(text.slice(start, index + 1))
    }
  }
  return objects
}
