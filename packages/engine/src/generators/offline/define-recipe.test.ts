import { describe, expect, it } from "vitest"
import { boolean, defineRecipe, number, records, select, strings, text } from "./define-recipe"
import { readPrompt } from "./facts"
import { code, testCase } from "./test-builder"

const PARAMS = {
  heading: text("The heading."),
  count: number("How many."),
  open: boolean("Open at first."),
  layout: select(["grid", "list"], "How the items sit."),
  labels: strings("The labels."),
  rows: records<{ name: string; price: number }>("Row", "The rows."),
}

const example = defineRecipe({
  kind: "example",
  title: "Example",
  names: ["ExampleWidget"],
  keywords: { strong: ["example widget"] },
  params: PARAMS,
  read: () => ({
    heading: "Hi",
    count: 3,
    open: true,
    layout: "list",
    labels: ["A"],
    rows: [{ name: "x", price: 1 }],
  }),
  summary: ({ heading, count }) => `${heading} ×${count}`,
  requirements: ({ layout }) => [["layout", `Laid out as a ${layout}`]],
  tests: ({ Component, values: { layout } }) => [
    testCase("layout", `shows a ${layout}`, code`render(<${Component} />)`),
  ],
})

describe("defineRecipe", () => {
  it("turns the param builders into the params the contract and the props are written from", () => {
    expect(example.params(readPrompt(""))).toEqual([
      { name: "heading", type: "string", value: "Hi", description: "The heading.", control: "text" },
      { name: "count", type: "number", value: 3, description: "How many.", control: "number" },
      { name: "open", type: "boolean", value: true, description: "Open at first.", control: "boolean" },
      {
        name: "layout",
        type: '"grid" | "list"',
        value: "list",
        description: "How the items sit.",
        control: "select",
        options: ["grid", "list"],
      },
      { name: "labels", type: "string[]", value: ["A"], description: "The labels." },
      { name: "rows", type: "Row[]", value: [{ name: "x", price: 1 }], description: "The rows." },
    ])
    expect(example.template).toEqual({
      path: "src/generators/offline/recipes/example/ExampleWidget.tsx",
      componentName: "ExampleWidget",
    })
  })

  it("reads a contract's values back typed, a select outside its options as its first option", () => {
    expect(example.summary({ heading: "Yo", count: 2 })).toBe("Yo ×2")
    expect(example.requirements({ layout: "carousel" })).toEqual([["layout", "Laid out as a grid"]])
  })

  it("writes its tests titled by requirement id, for the run's component", () => {
    const context = { name: "MyWidget", values: { layout: "grid" }, id: () => "R1", has: () => true }
    expect(example.tests(context as unknown as Parameters<typeof example.tests>[0])).toBe(
      'it("R1: shows a grid", () => {\n  render(<MyWidget />)\n})',
    )
  })
})
