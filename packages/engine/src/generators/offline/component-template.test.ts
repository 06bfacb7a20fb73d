import { describe, expect, it } from "vitest"
import { CATALOGUE } from "./catalogue"
import { APPEARANCE_PARAM_NAMES, paramsFor } from "./compose"
import { readEngineFile, templateProps, writeFromTemplate } from "./component-template"
import { readPrompt } from "./facts"

const TEMPLATE = { path: "recipes/example/ExampleList.tsx", componentName: "ExampleList" }
const SOURCE = `import { clamp } from "./inline/limits"

export interface ExampleListProps {
  /** The items. */
  items?: string[]
  /** The heading. */
  title?: string
  limit?: number
}

const DEFAULT_ITEMS: string[] = ["One", "Two"]

export default function ExampleList({ items = DEFAULT_ITEMS, title = "Things", limit = 3 }: ExampleListProps) {
  return <ul aria-label={title}>{items.slice(0, clamp(limit)).map((item) => <li key={item}>{item}</li>)}</ul>
}
`
const INLINED = `/** At least one, at most ten. */
export function clamp(count: number): number {
  return Math.min(Math.max(count, 1), 10)
}
`
const FILES: Record<string, string> = {
  [TEMPLATE.path]: SOURCE,
  "recipes/example/inline/limits.ts": INLINED,
}
const readFile = (relativePath: string) => FILES[relativePath]!

describe("writeFromTemplate", () => {
  it("renames the component and its props and writes the run's values where the sample defaults were", () => {
    const written = writeFromTemplate(
      TEMPLATE,
      "GroceryList",
      { items: ["Milk", 'Say "hi"'], title: "Groceries", limit: 5 },
      readFile,
    )
    expect(written).toContain("export interface GroceryListProps {")
    expect(written).toContain('const DEFAULT_ITEMS: string[] = ["Milk","Say \\"hi\\""]')
    expect(written).toContain(
      'export default function GroceryList({ items = DEFAULT_ITEMS, title = "Groceries", limit = 5 }: GroceryListProps)',
    )
    expect(written).not.toContain("ExampleList")
  })

  it("writes the template's inlined modules in place of their imports, without their exports", () => {
    const written = writeFromTemplate(TEMPLATE, "GroceryList", { items: [], title: "", limit: 1 }, readFile)
    expect(written).not.toContain("import")
    expect(written).toContain("/** At least one, at most ten. */\nfunction clamp(count: number): number {")
  })

  it("refuses a value the template has no default for (a param the template forgot)", () => {
    expect(() => writeFromTemplate(TEMPLATE, "GroceryList", { items: [], colour: "red" }, readFile)).toThrow(
      /no default for colour/,
    )
  })
})

// Every recipe with a template: the template's props are the recipe's params and callbacks, with the same TypeScript
// types and descriptions (the shared appearance props come from the kit's AppearanceOptions, and every value needs a
// default in the template), so renaming a param without the template fails here.
describe.each(CATALOGUE.filter((recipe) => recipe.template).map((recipe) => ({ kind: recipe.kind, recipe })))(
  "the $kind template",
  ({ recipe }) => {
    const template = recipe.template!
    const source = readEngineFile(template.path)

    it("declares the recipe's params and callbacks as its props, and the shared look's by extending AppearanceOptions", () => {
      const shared = new Set<string>(APPEARANCE_PARAM_NAMES)
      const expected = [...paramsFor(recipe, readPrompt("")), ...(recipe.callbacks ?? [])]
        .filter((prop) => !shared.has(prop.name))
        .map((prop) => ({ name: prop.name, type: prop.type, optional: true, description: prop.description }))
      expect(templateProps(source, template)).toEqual(expected)
      expect(source).toContain(`export interface ${template.componentName}Props extends AppearanceOptions {`)
    })

    it("takes every value of a prompt as a default, under the run's name", () => {
      const params = paramsFor(recipe, readPrompt(`a ${recipe.title.toLowerCase()}, dark, in purple`))
      const values = Object.fromEntries(params.map((param) => [param.name, param.value]))
      const written = writeFromTemplate(template, "RenamedForTheRun", values)
      expect(written).toContain("export default function RenamedForTheRun(")
      expect(written).toContain("export interface RenamedForTheRunProps extends AppearanceOptions {")
      expect(written).toContain("dark = true")
      expect(written).not.toContain(`function ${template.componentName}(`)
      expect(written).not.toContain(`${template.componentName}Props`)
    })
  },
)
