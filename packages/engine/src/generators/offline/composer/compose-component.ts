import type { Contract } from "@studio/protocol"
import { capitalize, readPrompt, type PromptFacts } from "../facts"
import { compose, paramsFor, withValues, type Composition } from "../compose"
import {
  sentenceList,
  type Param,
  type ParamValue,
  type Recipe,
  type RenderContext,
  type Values,
} from "../recipe"
import { buildPart, partParam, type PartBuild } from "./parts"
import { readParts, type PromptParts } from "./read-parts"
import type { Part } from "./types"

export const COMPOSED_KIND = "composed"

/** A part with the prop that carries its value. */
interface Placed {
  part: Part
  prop: string
  key: string
}

// The part's structure rides on its prop's description, so a later stage (scaffold, tests, a follow-up) can rebuild
// the component from the contract alone: "The label of a button that toggles. [part {"kind":"button",...}]".
const TAG = /\s\[part (\{.*\})\]$/

const UNBUILDABLE_KEY = "unbuilt"
const UNBUILT_TEXT =
  "Also asked for, not built by the offline generator (no part for it, so no test proves it)"

function camel(words: string, fallback: string): string {
  const parts = words
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9 ]+/g, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 3)
  if (parts.length === 0) return fallback
  const joined = parts
    .map((word, index) => (index === 0 ? word.toLowerCase() : capitalize(word.toLowerCase())))
    .join("")
  return /^[a-z]/.test(joined) ? joined : `${fallback}${capitalize(joined)}`
}

function propBase(part: Part, index: number): string {
  switch (part.kind) {
    case "heading":
      return index === 0 ? "title" : `${camel(part.value, "heading")}Heading`
    case "text":
      return `${camel(part.value, "line")}Text`
    case "button":
      return `${camel(part.value, "action")}Label`
    case "input":
      return `${camel(part.value, "field")}Label`
    case "list":
      return `${camel(part.label, "list")}Items`
    case "table":
      return `${camel(part.label, "table")}Columns`
    case "totals":
      return "lineItems"
    case "badge":
      return `${camel(part.label, "badge")}Count`
    case "progress":
      return "progress"
    case "meter":
      return part.strengthOf ? "strengthLabel" : `${camel(part.label, "meter")}Level`
    case "image":
      return "imageAlt"
    case "avatar":
      return "avatarName"
    case "steps":
      return part.style === "timeline" ? "timeline" : "steps"
    case "tabs":
      return "tabs"
    case "timer":
      return "timerSeconds"
    case "values":
      return "shownValues"
  }
}

const RESERVED = new Set([
  "accent",
  "dark",
  "size",
  "radius",
  "id",
  "look",
  "status",
  "dismissed",
  "selected",
])

function place(parts: readonly Part[]): Placed[] {
  const taken = new Set<string>(RESERVED)
  return parts.map((part, index) => {
    const base = propBase(part, index)
    let prop = base
    for (let n = 2; taken.has(prop); n++) prop = `${base}${n}`
    taken.add(prop)
    return { part, prop, key: `p${index + 1}` }
  })
}

function structureOf(part: Part): Record<string, unknown> {
  const { value: _value, ...structure } = part
  return structure
}

function paramOf(placed: Placed): Param {
  const param = partParam(placed.part, placed.prop)
  return { ...param, description: `${param.description} [part ${JSON.stringify(structureOf(placed.part))}]` }
}

/** The part again, with the value its prop has now (a follow-up or the design panel may have changed it). */
function withValue(part: Part, value: ParamValue | undefined): Part {
  if (value === undefined) return part
  const sample = part.value
  if (
    typeof sample === "number"
      ? typeof value === "number"
      : typeof sample === "string"
        ? typeof value === "string"
        : Array.isArray(value)
  )
    return { ...part, value } as Part
  return part
}

/** What a composed recipe was built from, so a follow-up can add, remove or rename its parts. */
export interface ComposedParts {
  parts: readonly Part[]
  /** Each part's prop, in the parts' order. */
  props: readonly string[]
  unbuilt: readonly string[]
}

const COMPOSED_PARTS = new WeakMap<Recipe, ComposedParts>()

/** The parts a composed recipe was built from; undefined for a catalogue recipe. */
export function composedPartsOf(recipe: Recipe): ComposedParts | undefined {
  return COMPOSED_PARTS.get(recipe)
}

/** A recipe written for one prompt's parts: the component is assembled from one builder per part. */
export function composedRecipe(
  name: string,
  title: string,
  parts: readonly Part[],
  unbuilt: readonly string[] = [],
): Recipe {
  const recipe = buildComposedRecipe(name, title, parts, unbuilt)
  COMPOSED_PARTS.set(recipe, { parts, props: place(parts).map(({ prop }) => prop), unbuilt })
  return recipe
}

function buildComposedRecipe(
  name: string,
  title: string,
  parts: readonly Part[],
  unbuilt: readonly string[],
): Recipe {
  const placed = place(parts)
  const builds = (values: Values): PartBuild[] => {
    const password = placed.find(({ part }) => part.kind === "input" && part.type === "password")
    const counter = placed.find(({ part }) => part.kind === "button" && part.action === "count")
    return placed.map(({ part, prop, key }) =>
      buildPart(withValue(part, values[prop]), {
        name,
        values,
        prop,
        key,
        ...(password ? { password: `${password.key}Value` } : {}),
        ...(counter
          ? {
              counter: {
                key: counter.key,
                prop: counter.prop,
                ...(counter.part.kind === "button" && counter.part.min !== undefined
                  ? { min: counter.part.min }
                  : {}),
              },
            }
          : {}),
      }),
    )
  }
  return {
    kind: COMPOSED_KIND,
    title: "Composed component",
    names: [name],
    keywords: { strong: [] },
    params: () => placed.map(paramOf),
    summary: (values) => {
      const names = placed.map(({ part, prop }) => describePart(withValue(part, values[prop])))
      return (
        `${capitalize(title || name)}, composed of ${sentenceList(names)}.` +
        (unbuilt.length > 0 ? ` Not built: ${sentenceList(unbuilt.map((phrase) => `"${phrase}"`))}.` : "")
      )
    },
    requirements: (values) => [
      ...builds(values).flatMap((build) => build.requirements),
      ...(unbuilt.length > 0
        ? [
            [
              UNBUILDABLE_KEY,
              `${UNBUILT_TEXT}: ${sentenceList(unbuilt.map((phrase) => `"${phrase}"`))}`,
            ] as const,
          ]
        : []),
    ],
    component: (context) => componentFile(context, builds(context.values)),
    tests: (context) =>
      builds(context.values)
        .flatMap((build) => build.requirements.map(([key]) => build.tests[key]!(context.id(key))))
        .join("\n\n"),
  }
}

/** A part in words: `a "Reject" button`, `the heading "Cookies"`. */
export function describePart(part: Part): string {
  switch (part.kind) {
    case "heading":
      return `the heading "${part.value}"`
    case "text":
      return `the text "${part.value}"`
    case "button":
      return `${article(part.value)} "${part.value}" button`
    case "input":
      return `${article(part.value)} "${part.value}" ${part.switch ? "switch" : part.type === "textarea" ? "text area" : part.type === "range" ? "slider" : part.type === "select" ? "select" : part.type === "radio" ? "radio group" : `${part.type} input`}`
    case "list":
      return `the ${part.label} list`
    case "table":
      return `a table of ${sentenceList([...part.value])}`
    case "totals":
      return `line items with ${sentenceList(["a subtotal", ...(part.discount ? [`${part.discount}% discount`] : []), ...(part.tax ? [`${part.tax}% tax`] : []), "a total"])}`
    case "badge":
      return `a badge with the ${part.label} count`
    case "progress":
      return "a progress bar"
    case "meter":
      return part.strengthOf ? "a password strength meter" : `${article(part.label)} ${part.label} meter`
    case "image":
      return `an image of ${part.value}`
    case "avatar":
      return "an avatar"
    case "steps":
      return part.style === "timeline" ? "a timeline" : `${part.value.length} steps`
    case "tabs":
      return `tabs for ${sentenceList([...part.value])}`
    case "timer":
      return "a countdown timer"
    case "values":
      return `the values ${sentenceList(part.value.map((row) => row.label))}`
  }
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a"
}

const REACT_HOOKS = ["useEffect", "useId", "useState"] as const

function componentFile(context: RenderContext, builds: readonly PartBuild[]): string {
  // State first (every part's useState), then what is derived from it and the effects, in the parts' order.
  const all = builds.flatMap((build) => build.state)
  const state = [
    ...all.filter((line) => line.startsWith("const [")),
    ...all.filter((line) => !line.startsWith("const [")),
  ]
  const jsx = builds.map((build) => build.jsx)
  const usesDismiss = jsx.some((code) => code.includes("setDismissed("))
  const usesSelect = jsx.some((code) => code.includes("setSelected("))
  const usesStatus = jsx.some((code) => code.includes("setStatus("))
  const shared = [
    "const id = useId()",
    ...(usesStatus ? ['const [status, setStatus] = useState("")'] : []),
    ...(usesDismiss ? ["const [dismissed, setDismissed] = useState<string | null>(null)"] : []),
    ...(usesSelect ? ["const [selected, setSelected] = useState<string | null>(null)"] : []),
  ]
  const body = [...shared, ...state].join("\n  ")
  const markup = jsx.map((code) => indent(code, 8)).join("\n")
  const helpers = [
    ...(body.includes("Score") ? ['const STRENGTH = ["Too weak", "Weak", "Fair", "Good", "Strong"]'] : []),
    ...(markup.includes("money(")
      ? ["function money(value: number): string {\n  return value.toFixed(2)\n}"]
      : []),
  ].join("\n\n")
  const source = `${body}\n${markup}`
  const hooks = REACT_HOOKS.filter((hook) => new RegExp(`\\b${hook}\\b`).test(source))
  const modules = new Map<string, Set<string>>()
  for (const [module, imported] of builds.flatMap((build) => build.imports)) {
    if (!modules.has(module)) modules.set(module, new Set())
    modules.get(module)!.add(imported)
  }
  const imports = [
    ...(hooks.length > 0 ? [`import { ${hooks.join(", ")} } from "react"`] : []),
    ...[...modules].map(([module, names]) => `import { ${[...names].sort().join(", ")} } from "${module}"`),
    context.lookImports,
  ].join("\n")
  const root = `<div className={cn(look.className, "w-full max-w-md")} style={look.style}>`
  const dismissed = usesDismiss
    ? `
  if (dismissed !== null) {
    return (
      ${root}
        <p role="status" className="rounded-xl border bg-card p-4 text-sm text-card-foreground">
          You chose {dismissed}.
        </p>
      </div>
    )
  }`
    : ""
  return `${imports}

${context.propsInterface}
${context.defaults ? `\n${context.defaults}\n` : ""}${helpers ? `\n${helpers}\n` : ""}
${context.signature}
  ${context.look}
  ${body}${dismissed}
  return (
    ${root}
      <section aria-labelledby={\`\${id}-title\`} className="flex flex-col gap-4 rounded-xl border bg-card p-6 text-card-foreground shadow-sm">
${markup.replace('<h2 className="text-lg font-semibold leading-tight">', '<h2 id={`${id}-title`} className="text-lg font-semibold leading-tight">')}${
    usesStatus
      ? `\n        <p role="status" className="text-sm text-muted-foreground">\n          {status}\n        </p>`
      : ""
  }
      </section>
    </div>
  )
}
`
}

function indent(text: string, spaces: number): string {
  const pad = " ".repeat(spaces)
  return text
    .split("\n")
    .map((line) => (line ? pad + line : line))
    .join("\n")
}

/** The component's name from the prompt's own name for it: "cookie consent banner" → "CookieConsentBanner". */
export function componentName(title: string, taken: ReadonlySet<string>): string {
  const words = title
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9 ]+/g, " ")
    .trim()
    .split(/\s+/)
    .filter((word) => /^[A-Za-z]/.test(word))
    .slice(0, 4)
  const base = words.length > 0 ? words.map((word) => capitalize(word.toLowerCase())).join("") : "Composed"
  const name = /^[A-Z][A-Za-z0-9]*$/.test(base) ? base : "Composed"
  // A recipe's name would make a later stage find that recipe instead.
  return taken.has(name) ? `${name}Composed` : name
}

export interface ComposedPrompt {
  composition: Composition
  read: PromptParts
  /** Parts other than the heading: none means nothing asked for was built. */
  built: number
}

/** Composes a component for a prompt from the parts it names. */
export function composeFor(facts: PromptFacts, taken: ReadonlySet<string>): ComposedPrompt {
  const read = readParts(facts)
  const title = capitalize(read.title || "Component")
  const heading: Part = { kind: "heading", value: title }
  const hasHeading = read.parts.some((part) => part.kind === "heading")
  const parts = hasHeading ? read.parts : [heading, ...read.parts]
  const built = read.parts.filter((part) => part.kind !== "heading").length
  const unbuilt = built === 0 ? (read.unplaced.length > 0 ? read.unplaced : [facts.text.slice(0, 120)]) : []
  const name = componentName(read.title, taken)
  const recipe = composedRecipe(name, title, parts, unbuilt)
  return { composition: compose(recipe, name, paramsFor(recipe, facts)), read, built }
}

/** Rebuilds a composed component from its contract (the parts ride on the props' descriptions); undefined if not one. */
export function recomposeComposed(contract: Contract): Composition | undefined {
  const parts: Part[] = []
  const values: Record<string, ParamValue> = {}
  for (const prop of contract.props) {
    let value: ParamValue | undefined
    try {
      value = prop.default === undefined ? undefined : (JSON.parse(prop.default) as ParamValue)
    } catch {
      value = undefined
    }
    if (value !== undefined) values[prop.name] = value
    const tag = prop.description ? TAG.exec(prop.description) : null
    if (!tag || value === undefined) continue
    try {
      parts.push({ ...(JSON.parse(tag[1]!) as object), value } as Part)
    } catch {
      return undefined
    }
  }
  if (parts.length === 0) return undefined
  const note = contract.requirements.find((requirement) => requirement.text.startsWith(UNBUILT_TEXT))
  const unbuilt = note ? [...note.text.matchAll(/"([^"]+)"/g)].map((match) => match[1]!) : []
  const title = typeof values.title === "string" ? values.title : contract.name
  const recipe = composedRecipe(contract.name, title, parts, unbuilt)
  return compose(recipe, contract.name, withValues(paramsFor(recipe, readPrompt("")), values))
}
