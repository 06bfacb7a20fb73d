import { describe, expect, it } from "vitest"
import type { Contract, ContractProp } from "@studio/protocol"
import { pricingContract } from "../run/run-fixtures"
import {
  coerceControlValue,
  controlOf,
  currentPropValue,
  defaultPropValues,
  normalizeHexColor,
  parseDefaultExpression,
  selectOptionsOf,
  stringUnionMembers,
} from "./prop-values"

const prop = (fields: Partial<ContractProp>): ContractProp => ({
  name: "value",
  type: "string",
  required: false,
  ...fields,
})
const contractWith = (props: ContractProp[]): Contract => ({
  name: "Thing",
  summary: "",
  props,
  requirements: [],
})

describe("parseDefaultExpression", () => {
  it.each([
    ['"Pricing"', "Pricing"],
    ["'pro'", "pro"],
    ["'it\\'s'", "it's"],
    ["3", 3],
    ["-1.5", -1.5],
    ["true", true],
    ["null", null],
    ["[]", []],
    ['{"a":[1,2]}', { a: [1, 2] }],
    ["  42  ", 42],
  ])("reads %j", (expression, value) => {
    expect(parseDefaultExpression(expression)).toEqual(value)
  })

  it.each([
    undefined,
    "",
    "   ",
    "() => {}",
    "noop",
    "undefined",
    "new Date()",
    "1e999",
    "NaN",
    "[1, 2,]",
    "{ a: 1 }",
    "`template`",
    "'unterminated",
    '"a" + "b"',
    `"${"x".repeat(20_000)}"`,
    "[".repeat(4000) + "]".repeat(4000),
  ])("skips %j: the component's own default applies", (expression) => {
    expect(parseDefaultExpression(expression)).toBeUndefined()
  })
})

describe("stringUnionMembers and selectOptionsOf", () => {
  it.each([
    ['"a" | "b"', ["a", "b"]],
    ["'sm' | 'md' | 'lg'", ["sm", "md", "lg"]],
    ['| "x" | "y"', ["x", "y"]],
    ['"a" | "b" | undefined', ["a", "b"]],
    ['"with | pipe" | "b"', ["with | pipe", "b"]],
    ['"say \\"hi\\"" | "b"', ['say "hi"', "b"]],
    ['"a" | "a"', ["a"]],
    ["string", []],
    ['"a" | string', []],
    ["1 | 2", []],
    ["undefined", []],
  ])("%j has members %j", (type, members) => {
    expect(stringUnionMembers(type)).toEqual(members)
  })

  it("prefers the contract's options", () => {
    expect(selectOptionsOf(prop({ type: "Size", options: ["s", "m", "s"] }))).toEqual(["s", "m"])
    expect(selectOptionsOf(prop({ type: '"x" | "y"', options: [] }))).toEqual(["x", "y"])
  })
})

describe("controlOf", () => {
  it.each<[Partial<ContractProp>, string | null]>([
    [{ type: "boolean" }, "boolean"],
    [{ type: "boolean | undefined" }, "boolean"],
    [{ type: "true | false" }, "boolean"],
    [{ type: "number" }, "number"],
    [{ type: "(number | null)" }, "number"],
    [{ type: "string" }, "text"],
    [{ type: "string", default: '"#3B82F6"' }, "color"],
    [{ type: '"basic" | "pro"' }, "select"],
    [{ type: "() => void" }, null],
    [{ type: "(tier: Tier) => void" }, null],
    [{ type: "string[]" }, null],
    [{ type: "Array<number>" }, null],
    [{ type: "{ label: string }" }, null],
    [{ type: "Record<string, number>" }, null],
    [{ type: "React.ReactNode" }, null],
    [{ type: "Date" }, null],
    [{ type: "string[]", control: "text" }, "text"],
    [{ type: "string", control: "color" }, "color"],
    [{ type: "string", control: "select", options: ["a"] }, "select"],
    [{ type: "string", control: "select" }, "text"],
  ])("%j -> %j", (fields, control) => {
    expect(controlOf(prop(fields))).toBe(control)
  })
})

describe("defaultPropValues", () => {
  it("reads the pricing table's defaults and skips the handler's", () => {
    expect(defaultPropValues(pricingContract)).toEqual({
      title: "Pricing",
      columns: 3,
      showAnnual: false,
      highlighted: "pro",
      accent: "#3b82f6",
    })
  })

  it("is empty without a contract", () => {
    expect(defaultPropValues(undefined)).toEqual({})
    expect(defaultPropValues(null)).toEqual({})
  })

  it("skips defaults that do not fit the control", () => {
    const values = defaultPropValues(
      contractWith([
        prop({ name: "count", type: "number", default: '"3"' }),
        prop({ name: "open", type: "boolean", default: "1" }),
        prop({ name: "size", type: '"sm" | "md"', default: '"xl"' }),
        prop({ name: "tint", type: "string", control: "color", default: '"red"' }),
        prop({ name: "label", type: "string", default: "42" }),
        prop({ name: "items", type: "string[]", default: '["a"]' }),
      ]),
    )
    expect(values).toEqual({ items: ["a"] })
  })

  it("keeps hostile names as plain own properties", () => {
    const values = defaultPropValues(
      contractWith([
        prop({ name: "__proto__", type: "string", default: '"polluted"' }),
        prop({ name: "constructor", type: "number", default: "1" }),
        prop({ name: "config", type: "object", default: '{"__proto__": {"admin": true}}' }),
      ]),
    )
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype)
    expect(Object.hasOwn(values, "__proto__")).toBe(true)
    expect(values.constructor).toBe(1)
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe("coerceControlValue", () => {
  it("gives numbers as numbers", () => {
    expect(coerceControlValue("number", "4")).toBe(4)
    expect(coerceControlValue("number", " -2.5 ")).toBe(-2.5)
    expect(coerceControlValue("number", 7)).toBe(7)
    expect(coerceControlValue("number", "")).toBeUndefined()
    expect(coerceControlValue("number", "abc")).toBeUndefined()
    expect(coerceControlValue("number", "1e999")).toBeUndefined()
    expect(coerceControlValue("number", Number.NaN)).toBeUndefined()
    expect(coerceControlValue("number", null)).toBeUndefined()
  })

  it("gives booleans as booleans", () => {
    expect(coerceControlValue("boolean", true)).toBe(true)
    expect(coerceControlValue("boolean", "true")).toBe(true)
    expect(coerceControlValue("boolean", "on")).toBe(true)
    expect(coerceControlValue("boolean", "false")).toBe(false)
    expect(coerceControlValue("boolean", "maybe")).toBeUndefined()
  })

  it("gives text and options as strings", () => {
    expect(coerceControlValue("text", "")).toBe("")
    expect(coerceControlValue("text", 12)).toBe("12")
    expect(coerceControlValue("select", "pro")).toBe("pro")
    expect(coerceControlValue("select", undefined)).toBeUndefined()
  })

  it("gives colours as #rrggbb", () => {
    expect(coerceControlValue("color", "#ABC")).toBe("#aabbcc")
    expect(coerceControlValue("color", "3B82F6")).toBe("#3b82f6")
    expect(coerceControlValue("color", "#3b8")).toBe("#33bb88")
    expect(coerceControlValue("color", "#3b82")).toBeUndefined()
    expect(coerceControlValue("color", "red")).toBeUndefined()
    expect(coerceControlValue("color", 0xffffff)).toBeUndefined()
    expect(normalizeHexColor("  #FFF ")).toBe("#ffffff")
  })
})

describe("currentPropValue", () => {
  it("prefers the person's value, then the default, never the prototype", () => {
    expect(currentPropValue("columns", { columns: 4 }, { columns: 3 })).toBe(4)
    expect(currentPropValue("columns", {}, { columns: 3 })).toBe(3)
    expect(currentPropValue("columns", { columns: undefined }, { columns: 3 })).toBe(3)
    expect(currentPropValue("toString", {}, {})).toBeUndefined()
    expect(currentPropValue("constructor", {}, {})).toBeUndefined()
  })
})
