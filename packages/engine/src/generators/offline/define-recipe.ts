import path from "node:path"
import type { PropControl } from "@studio/protocol"
import { writeFromTemplate } from "./component-template"
import type { PromptFacts } from "./facts"
import {
  bool,
  num,
  records as readRecords,
  str,
  strings as readStrings,
  type Callback,
  type ComponentTemplate,
  type Param,
  type ParamValue,
  type Recipe,
  type RequirementList,
  type Values,
} from "./recipe"
import { TestCode, writeTestCases, type TestCase } from "./test-builder"

/** A param's TypeScript type, its words for the contract and the design panel, and how to read it back. */
export interface ParamSpec<T extends ParamValue> {
  type: string
  description: string
  control?: PropControl
  options?: readonly string[]
  /** The value in a contract's values, or a fallback of the right shape when the stored one has another. */
  read(values: Values, name: string): T
}

/** A string prop with a text control. */
export function text(description: string): ParamSpec<string> {
  return { type: "string", description, control: "text", read: (values, name) => str(values, name) }
}

/** A number prop with a number control. */
export function number(description: string): ParamSpec<number> {
  return { type: "number", description, control: "number", read: (values, name) => num(values, name) }
}

/** A boolean prop with a switch. */
export function boolean(description: string): ParamSpec<boolean> {
  return { type: "boolean", description, control: "boolean", read: (values, name) => bool(values, name) }
}

/** One of `options`, typed as their union (`"monthly" | "yearly"`), with a select control. */
export function select<const Option extends string>(
  options: readonly [Option, ...Option[]],
  description: string,
): ParamSpec<Option> {
  return {
    type: options.map((option) => JSON.stringify(option)).join(" | "),
    description,
    control: "select",
    options,
    read: (values, name) => {
      const value = str(values, name)
      return (options as readonly string[]).includes(value) ? (value as Option) : options[0]
    },
  }
}

/** A list of strings (`string[]`); written as a `DEFAULT_*` constant. */
export function strings(description: string): ParamSpec<readonly string[]> {
  return { type: "string[]", description, read: (values, name) => readStrings(values, name) }
}

/** A list of records of a named type (`"Tier[]"`); written as a `DEFAULT_*` constant. */
export function records<T extends Record<string, string | number | boolean>>(
  typeName: string,
  description: string,
): ParamSpec<readonly T[]> {
  return { type: `${typeName}[]`, description, read: (values, name) => readRecords<T>(values, name) }
}

type ParamSpecs = Readonly<Record<string, ParamSpec<ParamValue>>>

/** The values of a recipe's params, typed by their specs. */
export type ValuesOf<Specs extends ParamSpecs> = {
  readonly [Name in keyof Specs]: Specs[Name] extends ParamSpec<infer T> ? T : never
}

/** What a recipe's tests are written from: the component to render and the run's values. */
export interface TestContext<Specs extends ParamSpecs> {
  /** The component's name, for JSX in test code: code`render(<${Component} />)`. */
  Component: TestCode
  values: ValuesOf<Specs>
  /** Whether the requirement with this key is in the contract. */
  has(requirement: string): boolean
}

export interface RecipeDefinition<Specs extends ParamSpecs> {
  kind: string
  title: string
  /** The component names; the first is the default and the name the template declares. */
  names: readonly [string, ...string[]]
  keywords: Recipe["keywords"]
  callbacks?: readonly Callback[]
  name?(facts: PromptFacts): string
  /** The props the person can set, by name, in the order the contract lists them. */
  params: Specs
  /** The prompt's specifics (and sensible defaults for what it does not say), one value per param. */
  read(facts: PromptFacts): ValuesOf<Specs>
  summary(values: ValuesOf<Specs>): string
  requirements(values: ValuesOf<Specs>): RequirementList
  /** One test per requirement (the shared appearance tests are added). */
  tests(context: TestContext<Specs>): TestCase[]
  /** Code the tests share, written before them (fake timers in `beforeEach`, a helper function). */
  testSetup?(context: TestContext<Specs>): TestCode
  followUp?(
    facts: PromptFacts,
    values: ValuesOf<Specs>,
  ): { values: Partial<ValuesOf<Specs>>; applied: string[] }
  followUpHints?: readonly string[]
}

const RECIPES_PATH = path.posix.join("src", "generators", "offline", "recipes")

/**
 * A recipe whose component is a real `.tsx` file, `recipes/<kind>/<names[0]>.tsx`, with its params typed by builders:
 * `params: { tabs: strings("The tab labels, in order."), defaultTab: text("The tab selected at first.") }`.
 */
export function defineRecipe<const Specs extends ParamSpecs>(definition: RecipeDefinition<Specs>): Recipe {
  const template: ComponentTemplate = {
    path: path.posix.join(RECIPES_PATH, definition.kind, `${definition.names[0]}.tsx`),
    componentName: definition.names[0],
  }
  const specs = Object.entries(definition.params)
  const typed = (values: Values) =>
    Object.fromEntries(specs.map(([name, spec]) => [name, spec.read(values, name)])) as ValuesOf<Specs>
  const { followUp } = definition
  return {
    kind: definition.kind,
    title: definition.title,
    names: definition.names,
    keywords: definition.keywords,
    ...(definition.callbacks ? { callbacks: definition.callbacks } : {}),
    ...(definition.name ? { name: definition.name } : {}),
    template,
    params: (facts) => {
      const values: Values = definition.read(facts)
      return specs.map(([name, spec]): Param => ({
        name,
        type: spec.type,
        value: values[name]!,
        description: spec.description,
        ...(spec.control ? { control: spec.control } : {}),
        ...(spec.options ? { options: spec.options } : {}),
      }))
    },
    summary: (values) => definition.summary(typed(values)),
    requirements: (values) => definition.requirements(typed(values)),
    component: (context) => writeFromTemplate(template, context.name, context.values),
    tests: (context) => {
      const testContext = {
        Component: new TestCode(context.name),
        values: typed(context.values),
        has: context.has,
      }
      const setup = definition.testSetup?.(testContext).text
      const cases = writeTestCases(definition.tests(testContext), context.id)
      return setup ? `${setup}\n\n${cases}` : cases
    },
    ...(followUp
      ? {
          followUp: (facts, values) => {
            const own = followUp(facts, typed(values))
            return { values: { ...values, ...own.values } as Values, applied: own.applied }
          },
        }
      : {}),
    ...(definition.followUpHints ? { followUpHints: definition.followUpHints } : {}),
  }
}
