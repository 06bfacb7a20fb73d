import type { ContractProp, PropControl } from "@studio/protocol"
import type { PromptFacts } from "./facts"

/** A prop value the offline generator can write as a default and read back from a contract (JSON). */
export type ParamValue =
  | string
  | number
  | boolean
  | readonly string[]
  | readonly Readonly<Record<string, string | number | boolean>>[]

export type Values = Readonly<Record<string, ParamValue>>

/**
 * One thing the person can set: it becomes a prop of the component (with the prompt's specific as its default), a
 * prop of the contract (its default as JSON, a control for the design panel) and what the tests check.
 */
export interface Param {
  name: string
  /** The prop's TypeScript type: "string", "number", "string[]", `"monthly" | "yearly"`, "Tier[]". */
  type: string
  value: ParamValue
  description: string
  control?: PropControl
  options?: readonly string[]
}

/** A callback prop (no default, not in the contract's controls): `onSubmit?: (values: SignUpValues) => void`. */
export interface Callback {
  name: string
  /** The function type: "(email: string) => void". */
  type: string
  description: string
}

/** Requirements as [key, text] pairs; ids R1..Rn are given in this order, and tests find theirs by key. */
export type RequirementList = readonly (readonly [key: string, text: string])[]

export interface RenderContext {
  /** The component's name (PascalCase) and the values of its params. */
  name: string
  values: Values
  params: readonly Param[]
  /** The requirement id for a key of `requirements()`: "R3". Throws for an unknown key (a recipe bug). */
  id(key: string): string
  /** Whether the requirement with this key is in the contract. */
  has(key: string): boolean
  /**
   * The props interface (`export interface <Name>Props { … }`, with the shared appearance props), the default
   * constants for list props (`const DEFAULT_TABS: string[] = […]`) and the function signature line
   * (`export default function <Name>({ tabs = DEFAULT_TABS, …, accent = "", … }: <Name>Props) {`).
   */
  propsInterface: string
  defaults: string
  signature: string
  /** `const look = appearance({ accent, dark, size, radius })`: spread on the root as className/style. */
  look: string
  /** The imports every component needs for its look (`appearance`, `cn`). */
  lookImports: string
  /** A TypeScript/JSX literal for a value: lit("Pro") → `"Pro"`. */
  lit(value: ParamValue): string
}

/** A recipe's component as a checked `.tsx` file: recipes/<kind>/<componentName>.tsx, with sample defaults. */
export interface ComponentTemplate {
  /** The file's path inside the engine package: "src/generators/offline/recipes/tabs/SettingsTabs.tsx". */
  path: string
  /** The component (and `<componentName>Props`) the file declares; renamed to the run's name. */
  componentName: string
}

export interface Recipe {
  /** Stable id: "pricing-table". */
  kind: string
  /** What a person would call it: "Pricing table". */
  title: string
  /** Names of the components it writes; the first is the default. A contract's name identifies the recipe. */
  names: readonly string[]
  /**
   * Phrases that point at this kind, matched as whole words in the lower-cased prompt. `strong` phrases name the
   * kind ("pricing table", "pricing"); `weak` ones hint at it ("tiers", "per month").
   */
  keywords: { strong: readonly string[]; weak?: readonly string[] }
  /** Callback props the component takes (onSubmit, onChange …); tests pass `vi.fn()` to check them. */
  callbacks?: readonly Callback[]
  /** Picks one of `names` for the prompt (default: the first). */
  name?(facts: PromptFacts): string
  /** The params with the prompt's specifics as values (and sensible defaults for what it does not say). */
  params(facts: PromptFacts): Param[]
  summary(values: Values): string
  requirements(values: Values): RequirementList
  /** The component file (`src/components/<Name>.tsx`). */
  component(context: RenderContext): string
  /** The real `.tsx` file the component is written from, when the recipe has one (see defineRecipe). */
  template?: ComponentTemplate
  /**
   * The body of the test file's `describe` block: `it("${context.id("key")}: …", …)` for every requirement. The
   * imports are added for what the body uses (vitest, Testing Library, user-event, the component).
   */
  tests(context: RenderContext): string
  /**
   * Follow-up changes this kind understands beyond the shared ones (colour, dark, size, radius): "add a reset
   * button", "5 stars". Returns the changed values and what was applied, in words.
   */
  followUp?(facts: PromptFacts, values: Values): { values: Values; applied: string[] }
  /** Words for the honesty note: the follow-ups it understands, e.g. ["add a reset button", "N stars"]. */
  followUpHints?: readonly string[]
}

/** The shared appearance params every offline component has (see the kit's `@/lib/appearance`). */
export function appearanceParams(facts: PromptFacts): Param[] {
  return [
    {
      name: "accent",
      type: "string",
      value: facts.colour?.hex ?? "",
      description: "Accent colour for primary actions and focus rings (hex); empty keeps the theme's.",
      control: "color",
    },
    {
      name: "dark",
      type: "boolean",
      value: facts.dark ?? false,
      description: "Render on the dark theme.",
      control: "boolean",
    },
    {
      name: "size",
      type: '"sm" | "md" | "lg"',
      value: facts.size ?? "md",
      description: "Overall scale.",
      control: "select",
      options: ["sm", "md", "lg"],
    },
    {
      name: "radius",
      type: '"none" | "sm" | "md" | "lg" | "xl"',
      value: facts.radius ?? "md",
      description: "Corner radius.",
      control: "select",
      options: ["none", "sm", "md", "lg", "xl"],
    },
  ]
}

export const APPEARANCE_PARAM_NAMES = ["accent", "dark", "size", "radius"] as const

/** A contract prop for a param: its default written as JSON (a valid TypeScript expression). */
export function toContractProp(param: Param): ContractProp {
  return {
    name: param.name,
    type: param.type,
    required: false,
    default: JSON.stringify(param.value),
    description: param.description,
    ...(param.control ? { control: param.control } : {}),
    ...(param.options ? { options: [...param.options] } : {}),
  }
}

export function lit(value: ParamValue): string {
  return JSON.stringify(value)
}

/** Builds the render context for a recipe, its params and requirement list. */
export function renderContext(
  name: string,
  params: readonly Param[],
  requirements: RequirementList,
  callbacks: readonly Callback[] = [],
): RenderContext {
  const values: Values = Object.fromEntries(params.map((param) => [param.name, param.value]))
  const ids = new Map(requirements.map(([key], index) => [key, `R${index + 1}`]))
  if (ids.size !== requirements.length) {
    const keys = requirements.map(([key]) => key)
    throw new Error(`recipe bug: requirement keys repeat (${keys.join(", ")}); appearance keys are reserved`)
  }
  const constantName = (param: Param) => defaultConstantName(param.name)
  const listParams = params.filter((param) => typeof param.value === "object")
  const propsInterface = [
    `export interface ${name}Props {`,
    ...params.flatMap((param) => [`  /** ${param.description} */`, `  ${param.name}?: ${param.type}`]),
    ...callbacks.flatMap((callback) => [
      `  /** ${callback.description} */`,
      `  ${callback.name}?: ${callback.type}`,
    ]),
    `}`,
  ].join("\n")
  const defaults = listParams
    .map((param) => `const ${constantName(param)}: ${param.type} = ${lit(param.value)}`)
    .join("\n")
  const bindings = [
    ...params.map(
      (param) =>
        `${param.name} = ${typeof param.value === "object" ? constantName(param) : lit(param.value)}`,
    ),
    ...callbacks.map((callback) => callback.name),
  ].join(", ")
  return {
    name,
    values,
    params,
    id(key) {
      const id = ids.get(key)
      if (id === undefined)
        throw new Error(`recipe bug: no requirement "${key}" in ${[...ids.keys()].join(", ")}`)
      return id
    },
    has: (key) => ids.has(key),
    propsInterface,
    defaults,
    signature: `export default function ${name}({ ${bindings} }: ${name}Props) {`,
    look: "const look = appearance({ accent, dark, size, radius })",
    lookImports: 'import { appearance } from "@/lib/appearance"\nimport { cn } from "@/lib/utils"',
    lit,
  }
}

/** The constant that holds a list param's default: `tabs` → `DEFAULT_TABS`, `footerLinks` → `DEFAULT_FOOTER_LINKS`. */
export function defaultConstantName(paramName: string): string {
  return `DEFAULT_${paramName.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()}`
}

/** Reads a string value, falling back when the stored one has another type. */
export function str(values: Values, name: string, fallback = ""): string {
  const value = values[name]
  return typeof value === "string" ? value : fallback
}

export function num(values: Values, name: string, fallback = 0): number {
  const value = values[name]
  return typeof value === "number" && Number.isFinite(value) ? value : fallback
}

export function bool(values: Values, name: string, fallback = false): boolean {
  const value = values[name]
  return typeof value === "boolean" ? value : fallback
}

export function strings(values: Values, name: string, fallback: readonly string[] = []): string[] {
  const value = values[name]
  return Array.isArray(value) && value.every((item) => typeof item === "string")
    ? [...(value as string[])]
    : [...fallback]
}

export function records<T extends Record<string, string | number | boolean>>(
  values: Values,
  name: string,
  fallback: readonly T[] = [],
): T[] {
  const value = values[name]
  return Array.isArray(value) && value.every((item) => typeof item === "object" && item !== null)
    ? [...(value as T[])]
    : [...fallback]
}

/** "Overview" + "Settings" + "Billing" → "Overview, Settings and Billing". */
export function sentenceList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("")
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`
}
