import { z } from "zod"
import type { Contract, ContractProp, PropControl } from "@studio/protocol"

/** A value a design control can give a prop; `undefined` leaves the component's own default. */
export type ControlValue = string | number | boolean | undefined

/** Longer defaults are not worth parsing for a control (a huge literal is a data prop, set in code). */
const MAX_DEFAULT_LENGTH = 10_000

const jsonSchema = z.json()
const SINGLE_QUOTED = /^'((?:[^'\\\n]|\\.)*)'$/
const HEX_COLOR = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i
const LONG_HEX_COLOR = /^#[0-9a-f]{6}$/i

/**
 * Reads a contract default (a JSON/TS expression as written in code) as a value, or `undefined` when it is not
 * a plain literal (`() => {}`, an identifier, `new Date()`): then the component's own default applies.
 */
export function parseDefaultExpression(expression: string | undefined): unknown {
  if (expression === undefined) return undefined
  const text = expression.trim()
  if (text === "" || text.length > MAX_DEFAULT_LENGTH) return undefined
  const quoted = SINGLE_QUOTED.exec(text)
  // TS code often single-quotes strings: 'pro' reads as "pro".
  const source = quoted ? JSON.stringify(unescapeSingleQuoted(quoted[1] ?? "")) : text
  try {
    const checked = jsonSchema.safeParse(JSON.parse(source))
    return checked.success ? checked.data : undefined
  } catch {
    // Not JSON, or nested deeper than the stack allows.
    return undefined
  }
}

function parseDoubleQuoted(literal: string): string {
  try {
    const value: unknown = JSON.parse(literal)
    return typeof value === "string" ? value : literal.slice(1, -1)
  } catch {
    return literal.slice(1, -1)
  }
}

function unescapeSingleQuoted(body: string): string {
  return body.replace(/\\(.)/g, (_, char: string) => (char === "n" ? "\n" : char === "t" ? "\t" : char))
}

/** Each prop's default as a value, for the props whose default is a plain literal that fits its control. */
export function defaultPropValues(contract: Contract | null | undefined): Record<string, unknown> {
  if (!contract) return {}
  const entries: [string, unknown][] = []
  for (const prop of contract.props) {
    const value = parseDefaultExpression(prop.default)
    if (value === undefined) continue
    const control = controlOf(prop)
    if (control && !fitsControl(control, value, prop)) continue
    entries.push([prop.name, value])
  }
  // fromEntries defines own properties, so a prop named "__proto__" cannot reach the prototype.
  return Object.fromEntries(entries)
}

function fitsControl(control: PropControl, value: unknown, prop: ContractProp): boolean {
  switch (control) {
    case "text":
      return typeof value === "string"
    case "number":
      return typeof value === "number" && Number.isFinite(value)
    case "boolean":
      return typeof value === "boolean"
    case "select":
      return typeof value === "string" && selectOptionsOf(prop).includes(value)
    case "color":
      return typeof value === "string" && HEX_COLOR.test(value)
  }
}

/** The members of a string-literal union type, e.g. `"sm" | "md"` -> ["sm", "md"]; [] for any other type. */
export function stringUnionMembers(type: string): string[] {
  const members: string[] = []
  const pattern = /\s*(?:("(?:[^"\\]|\\.)*")|'((?:[^'\\]|\\.)*)'|(undefined|null))\s*(\||$)/y
  // TS allows a leading "|" in a multi-line union.
  const text = type.trim().replace(/^\|/, "")
  let index = 0
  while (index < text.length) {
    pattern.lastIndex = index
    const match = pattern.exec(text)
    if (!match) return []
    if (match[1] !== undefined) members.push(parseDoubleQuoted(match[1]))
    else if (match[2] !== undefined) members.push(unescapeSingleQuoted(match[2]))
    index = pattern.lastIndex
    if (match[4] === "") break
  }
  return index >= text.length ? [...new Set(members)] : []
}

/** The choices a select control offers: the contract's options, else the members of the prop's union type. */
export function selectOptionsOf(prop: ContractProp): string[] {
  if (prop.options && prop.options.length > 0) return [...new Set(prop.options)]
  return stringUnionMembers(prop.type)
}

/** The type without `| undefined` / `| null` and surrounding parentheses, e.g. `(number | undefined)` -> `number`. */
function coreType(type: string): string {
  let text = type.trim()
  while (text.startsWith("(") && text.endsWith(")")) text = text.slice(1, -1).trim()
  return text
    .split("|")
    .map((part) => part.trim())
    .filter((part) => part !== "undefined" && part !== "null")
    .join(" | ")
}

/**
 * The control a design panel shows for a prop: the contract's own choice, else one inferred from the type
 * (boolean, number, string, string-literal union -> select). `null` for props only code can set (functions,
 * arrays, objects, React nodes).
 */
export function controlOf(prop: ContractProp): PropControl | null {
  if (prop.control) {
    if (prop.control !== "select") return prop.control
    return selectOptionsOf(prop).length > 0 ? "select" : "text"
  }
  const type = coreType(prop.type)
  if (type === "boolean" || type === "true | false" || type === "false | true") return "boolean"
  if (type === "number") return "number"
  if (type === "string") {
    const value = parseDefaultExpression(prop.default)
    return typeof value === "string" && LONG_HEX_COLOR.test(value) ? "color" : "text"
  }
  if (stringUnionMembers(prop.type).length > 0) return "select"
  return null
}

/** Normalises "#ABC" / "3b82f6" to "#aabbcc" / "#3b82f6"; `undefined` for anything that is not a hex colour. */
export function normalizeHexColor(raw: string): string | undefined {
  const match = HEX_COLOR.exec(raw.trim())
  const digits = match?.[1]?.toLowerCase()
  if (!digits) return undefined
  return `#${digits.length === 3 ? [...digits].map((digit) => digit + digit).join("") : digits}`
}

/**
 * Turns what a control produced (an input's string, a switch's boolean) into the prop's typed value:
 * numbers as numbers, booleans as booleans, colours as "#rrggbb". `undefined` when the input is not a value yet
 * (an empty number field, a half-typed colour).
 */
export function coerceControlValue(control: PropControl, raw: unknown): ControlValue {
  switch (control) {
    case "text":
    case "select":
      return typeof raw === "string" ? raw : raw === undefined || raw === null ? undefined : String(raw)
    case "number": {
      if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined
      if (typeof raw !== "string" || raw.trim() === "") return undefined
      const value = Number(raw)
      return Number.isFinite(value) ? value : undefined
    }
    case "boolean":
      if (typeof raw === "boolean") return raw
      if (raw === "true" || raw === "on") return true
      if (raw === "false" || raw === "off" || raw === "") return false
      return undefined
    case "color":
      return typeof raw === "string" ? normalizeHexColor(raw) : undefined
  }
}

/** The value a control shows: the person's value when set, else the default; never an inherited property. */
export function currentPropValue(
  name: string,
  values: Record<string, unknown>,
  defaults: Record<string, unknown>,
): unknown {
  if (Object.hasOwn(values, name) && values[name] !== undefined) return values[name]
  return Object.hasOwn(defaults, name) ? defaults[name] : undefined
}
