import { contractSchema, type Contract } from "@studio/protocol"
import { escapeRegExp, readPrompt, type PromptFacts } from "./facts"
import {
  APPEARANCE_PARAM_NAMES,
  appearanceParams,
  renderContext,
  toContractProp,
  type Param,
  type ParamValue,
  type Recipe,
  type RenderContext,
  type RequirementList,
  type Values,
} from "./recipe"

/** A recipe chosen for a prompt, and how sure the choice is. */
export interface Choice {
  recipe: Recipe
  score: number
  /** The phrases that decided it. */
  matched: string[]
  /** No phrase naming a kind was found: the closest kind was taken. */
  approximate: boolean
}

const STRONG = 10
const WEAK = 3

/** Scores every recipe against the prompt; the best one wins, ties go to the earlier recipe in the catalogue. */
export function chooseRecipe(catalogue: readonly Recipe[], facts: PromptFacts, fallback: Recipe): Choice {
  let best: Choice | undefined
  for (const recipe of catalogue) {
    const matched: string[] = []
    let score = 0
    for (const phrase of recipe.keywords.strong) {
      if (hasPhrase(facts, phrase)) {
        // Longer phrases are more specific: "date range picker" beats "picker".
        score += STRONG + phrase.split(" ").length
        matched.push(phrase)
      }
    }
    for (const phrase of recipe.keywords.weak ?? []) {
      if (hasPhrase(facts, phrase)) {
        score += WEAK
        matched.push(phrase)
      }
    }
    if (score > (best?.score ?? 0)) best = { recipe, score, matched, approximate: score < STRONG }
  }
  return best ?? { recipe: fallback, score: 0, matched: [], approximate: true }
}

function hasPhrase(facts: PromptFacts, phrase: string): boolean {
  return textHasPhrase(facts.lower, phrase)
}

/** Whether lower-cased `text` names `phrase`, allowing a plural on its last word and a hyphen or space between words ("to-do list", "star ratings"). */
export function textHasPhrase(text: string, phrase: string): boolean {
  const words = phrase.toLowerCase().split(/\s+/).map(escapeRegExp)
  return new RegExp(`\\b${words.join("[\\s-]?")}(?:s|es)?\\b`).test(text)
}

/** All of a recipe's params for a prompt: its own, then the shared appearance ones. */
export function paramsFor(recipe: Recipe, facts: PromptFacts): Param[] {
  const own = recipe.params(facts)
  const taken = new Set(own.map((param) => param.name))
  return [...own, ...appearanceParams(facts).filter((param) => !taken.has(param.name))]
}

/** The params with values replaced (type-checked against the recipe's defaults; a mismatch keeps the default). */
export function withValues(params: readonly Param[], values: Values): Param[] {
  return params.map((param) => {
    const value = values[param.name]
    return value !== undefined && sameShape(value, param.value) ? { ...param, value } : param
  })
}

function sameShape(value: ParamValue, reference: ParamValue): boolean {
  if (Array.isArray(reference)) {
    if (!Array.isArray(value)) return false
    const sample = reference[0]
    return sample === undefined || (value as unknown[]).every((item) => typeof item === typeof sample)
  }
  return typeof value === typeof reference
}

/** The shared appearance requirements, for what the person asked of the look. */
export function appearanceRequirements(values: Values): RequirementList {
  const requirements: [string, string][] = []
  const accent = values.accent
  if (typeof accent === "string" && accent)
    requirements.push(["accent", `Uses the accent colour ${accent} for primary actions`])
  if (values.dark === true) requirements.push(["dark", "Renders on the dark theme"])
  if (values.size === "lg") requirements.push(["size", "Renders at the large size"])
  if (values.size === "sm") requirements.push(["size", "Renders at the small size"])
  if (values.radius === "xl") requirements.push(["radius", "Uses extra-rounded corners"])
  if (values.radius === "none") requirements.push(["radius", "Uses square corners"])
  return requirements
}

export interface Composition {
  recipe: Recipe
  name: string
  params: Param[]
  requirements: RequirementList
  context: RenderContext
}

export function compose(recipe: Recipe, name: string, params: Param[]): Composition {
  const values: Values = Object.fromEntries(params.map((param) => [param.name, param.value]))
  const requirements = [...recipe.requirements(values), ...appearanceRequirements(values)]
  return {
    recipe,
    name,
    params,
    requirements,
    context: renderContext(name, params, requirements, recipe.callbacks),
  }
}

export function contractOf(composition: Composition): Contract {
  const { recipe, name, params, requirements, context } = composition
  return contractSchema.parse({
    name,
    summary: recipe.summary(context.values),
    props: params.map(toContractProp),
    requirements: requirements.map(([, text], index) => ({ id: `R${index + 1}`, text })),
  })
}

/** Finds the recipe that wrote a contract (by its component name) and reads the values back from the defaults. */
export function recompose(catalogue: readonly Recipe[], contract: Contract): Composition | undefined {
  const recipe = catalogue.find((candidate) => candidate.names.includes(contract.name))
  if (!recipe) return undefined
  const values: Record<string, ParamValue> = {}
  for (const prop of contract.props) {
    if (prop.default === undefined) continue
    try {
      values[prop.name] = JSON.parse(prop.default) as ParamValue
    } catch {
      // not one of ours: keep the recipe's default
    }
  }
  const params = withValues(paramsFor(recipe, readPrompt("")), values)
  return compose(recipe, contract.name, params)
}

// Names a test body may use, and where each comes from.
const TEST_IMPORTS: [module: string, names: string[]][] = [
  ["vitest", ["describe", "it", "expect", "vi", "beforeEach", "afterEach"]],
  ["@testing-library/react", ["render", "screen", "within", "act", "fireEvent", "waitFor"]],
]

/** The test file: imports for what the body uses, the recipe's tests and the shared appearance tests. */
export function testFile(composition: Composition): string {
  const { recipe, name, context } = composition
  const body = [recipe.tests(context), appearanceTests(context)].filter(Boolean).join("\n\n")
  // What the code uses, not what its strings say ("reply within 48 hours" is not a use of `within`).
  const code = body.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""')
  const uses = (identifier: string) => new RegExp(`\\b${identifier}\\b`).test(code)
  const lines = TEST_IMPORTS.flatMap(([module, names]) => {
    const used = names.filter((identifier) => identifier === "describe" || uses(identifier))
    return used.length > 0 ? [`import { ${used.join(", ")} } from "${module}"`] : []
  })
  if (/\buserEvent\b/.test(code)) lines.push('import userEvent from "@testing-library/user-event"')
  lines.push(`import ${name} from "./${name}"`)
  return `${lines.join("\n")}\n\ndescribe("${name}", () => {\n${indent(body)}\n})\n`
}

function appearanceTests(context: RenderContext): string {
  const { name, values, has, id } = context
  const tests: string[] = []
  const root = `const { container } = render(<${name} />)\n    const root = container.firstElementChild as HTMLElement`
  if (has("accent")) {
    tests.push(`it("${id("accent")}: uses the accent colour ${String(values.accent)} for primary actions", () => {
    ${root}
    expect(root.style.getPropertyValue("--primary")).toBe(${context.lit(values.accent ?? "")})
    expect(root.style.getPropertyValue("--ring")).toBe(${context.lit(values.accent ?? "")})
  })`)
  }
  if (has("dark")) {
    tests.push(`it("${id("dark")}: renders on the dark theme", () => {
    ${root}
    expect(root).toHaveClass("dark")
  })`)
  }
  if (has("size")) {
    const zoom = values.size === "lg" ? "[zoom:1.25]" : "[zoom:0.875]"
    tests.push(`it("${id("size")}: renders at the ${values.size === "lg" ? "large" : "small"} size", () => {
    ${root}
    expect(root).toHaveClass("${zoom}")
  })`)
  }
  if (has("radius")) {
    tests.push(`it("${id("radius")}: uses ${values.radius === "xl" ? "extra-rounded" : "square"} corners", () => {
    ${root}
    expect(root.style.getPropertyValue("--radius")).toBe("${values.radius === "xl" ? "1.25rem" : "0px"}")
  })`)
  }
  return tests.join("\n\n")
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => (line ? `  ${line}` : line))
    .join("\n")
}

export { APPEARANCE_PARAM_NAMES }
