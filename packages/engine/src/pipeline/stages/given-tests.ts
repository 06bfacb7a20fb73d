import path from "node:path"
import {
  contractSchema,
  sanitizeMessage,
  StudioError,
  type Contract,
  type GivenTestFile,
  type StudioEvent,
  type TestCaseResult,
} from "@studio/protocol"
import type ts from "typescript"
import { isSafeJobPath } from "../../toolchain/job-files"
import { loadTypeScript } from "../../toolchain/load-typescript"
import { stageComplete, type RunContext } from "../run-context"
import type { ExecuteOptions } from "./execute"

// Tests as the spec (issue 14): a person gives the tests, and the run's job is to make them pass. The requirements
// are the tests' names, the component's path is what the tests import, the unit_test stage is skipped, and the given
// files are used verbatim and read-only: a repair can never change them.

/** Where given tests live in the job: beside the component, as in a Create React App or WebApp1K project. */
const GIVEN_TESTS_FOLDER = "src/components"
/** A given test's job path: its name (protocol's given test file name) in that folder. */
const GIVEN_TEST_PATH = /^src\/components\/[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}\.(test|spec)\.(js|jsx|ts|tsx)$/
const TEST_CALLS = new Set(["it", "test"])
const GROUP_CALLS = new Set(["describe", "suite"])
/** `it.skip`, `test.only`, ... keep the base name (as the sandbox's title reader does). */
const TEST_MODIFIERS = new Set(["skip", "only", "concurrent", "fails", "sequential", "todo"])
const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/

/** The given tests read once: their files in the job, the component they import, and the contract they make. */
export interface GivenTests {
  /** Job path -> content, exactly as given. */
  files: Record<string, string>
  /** The component the tests import (`./Counter` beside the test -> `src/components/Counter.tsx`). */
  componentPath: string
  contract: Contract
}

/**
 * Reads the given tests: each file goes to src/components/ under its name, each test's full name (describe titles
 * and its own, joined with " > " as Vitest names it) becomes a requirement, and the first test's relative import
 * names the component. Throws `validation_failed` when the tests name no test or import no component.
 */
export function readGivenTests(tests: readonly GivenTestFile[], prompt: string): GivenTests {
  const typescript = loadTypeScript()
  const files: Record<string, string> = {}
  const names: string[] = []
  let component: { path: string; importedAs: string | undefined } | undefined
  for (const test of tests) {
    const jobPath = `${GIVEN_TESTS_FOLDER}/${test.name}`
    files[jobPath] = test.content
    const tree = typescript.createSourceFile(
      jobPath,
      test.content,
      typescript.ScriptTarget.Latest,
      true,
      typescript.ScriptKind.TSX,
    )
    names.push(...testNames(typescript, tree))
    component ??= importedComponent(typescript, tree, jobPath)
  }
  const unique = [...new Set(names)]
  if (unique.length === 0)
    throw new StudioError(
      "validation_failed",
      "The given tests name no test: write test('...') or it('...') calls with a plain string title.",
    )
  if (component === undefined)
    throw new StudioError(
      "validation_failed",
      'The given tests import no component: import it relatively, e.g. import Counter from "./Counter".',
    )
  const name = contractNameOf(component)
  const given = tests.map((test) => test.name).join(", ")
  const parsed = contractSchema.safeParse({
    name,
    summary: prompt !== "" ? prompt : `A component that passes the given tests (${given}).`,
    props: [],
    requirements: unique.map((text, index) => ({ id: `R${index + 1}`, text })),
  })
  if (!parsed.success)
    throw new StudioError(
      "validation_failed",
      sanitizeMessage(
        `The given tests do not make a contract: ${parsed.error.issues[0]?.message ?? "invalid"}`,
      ),
    )
  return { files, componentPath: component.path, contract: parsed.data }
}

/**
 * Whether a job path may be a given test's: a test file under src/components/, named as a given test may be (which
 * allows `.js` and `.jsx`, the form of Jest tests, where a model may write only `.ts` and `.tsx`).
 */
export function isGivenTestPath(filePath: string): boolean {
  return GIVEN_TEST_PATH.test(filePath) && isSafeJobPath(filePath)
}

/** interpret, for given tests: the contract comes from their names, with no model call. */
export async function* givenTestsInterpretStage(
  context: RunContext,
  given: GivenTests,
): AsyncGenerator<StudioEvent, Contract> {
  const started = performance.now()
  const { contract } = given
  const requirements = contract.requirements.map((requirement) => `${requirement.id}: ${requirement.text}`)
  yield context.emit({
    type: "reasoning_step",
    stage: "interpret",
    text:
      `The given tests are the spec (${Object.keys(given.files).join(", ")}): ${contract.name} at ` +
      `${given.componentPath}. Requirements, one per test: ${requirements.join("; ")}`,
  })
  yield stageComplete(context, "interpret", started, {
    summary: `${contract.name} with ${contract.requirements.length} requirements from the given tests`,
    contract,
  })
  return contract
}

/** unit_test, for given tests: skipped; the given files join the implementation as they are. */
export async function* givenTestsUnitTestStage(
  context: RunContext,
  given: GivenTests,
  implementation: Record<string, string>,
): AsyncGenerator<StudioEvent, Record<string, string>> {
  const started = performance.now()
  const paths = Object.keys(given.files)
  yield context.emit({
    type: "reasoning_step",
    stage: "unit_test",
    text: `No tests written: the given tests are the spec (${paths.join(", ")}); they are used as written and no repair may change them.`,
  })
  for (const [filePath, content] of Object.entries(given.files))
    yield context.emit({ type: "file_closed", path: filePath, content })
  yield stageComplete(context, "unit_test", started, { summary: `${paths.length} given test file(s)` })
  return { ...implementation, ...given.files }
}

/**
 * The repaired files with every given test as it was given. A repair may not change them whatever their extension;
 * the paths it tried to change are returned, so the run can say so.
 */
export function keepGivenTests(
  files: Record<string, string>,
  given: GivenTests,
): { files: Record<string, string>; refused: string[] } {
  const refused = Object.entries(given.files)
    .filter(([filePath, content]) => files[filePath] !== content)
    .map(([filePath]) => filePath)
  return { files: { ...files, ...given.files }, refused }
}

/** A repair's files with the given tests restored, and a reasoning step when it tried to change them. */
export async function* keepGivenTestsStep(
  context: RunContext,
  repaired: Record<string, string>,
  given: GivenTests,
): AsyncGenerator<StudioEvent, Record<string, string>> {
  const kept = keepGivenTests(repaired, given)
  if (kept.refused.length > 0)
    yield context.emit({
      type: "reasoning_step",
      stage: "repair",
      text: `Refused changes to the given tests (${kept.refused.join(", ")}): they are the spec and stay as given.`,
    })
  return kept.files
}

/** What the execute stage needs for given tests: run them as they are, and trace them to their requirements. */
export function givenTestsExecution(given: GivenTests): Pick<ExecuteOptions, "givenTests" | "traceTest"> {
  return {
    givenTests: Object.keys(given.files),
    traceTest: (test) => traceGivenTest(given.contract, test),
  }
}

/** The requirement a given test traces to: the one whose text is the test's full name. */
export function traceGivenTest(contract: Contract, test: TestCaseResult): TestCaseResult {
  if (test.requirementId) return test
  const name = test.fullName ?? test.name
  const requirement = contract.requirements.find((candidate) => candidate.text === name)
  return requirement ? { ...test, requirementId: requirement.id } : test
}

/** Every test's full name in the file, describe titles first, in source order. */
function testNames(typescript: typeof ts, tree: ts.SourceFile): string[] {
  const found: string[] = []
  const visit = (node: ts.Node, groups: readonly string[]) => {
    if (typescript.isCallExpression(node)) {
      const callee = calleeName(typescript, node.expression)
      const title = node.arguments[0]
      const text =
        title && (typescript.isStringLiteral(title) || typescript.isNoSubstitutionTemplateLiteral(title))
          ? title.text.trim()
          : undefined
      if (callee && text) {
        if (TEST_CALLS.has(callee)) {
          found.push([...groups, text].join(" > "))
          return
        }
        if (GROUP_CALLS.has(callee)) {
          for (const argument of node.arguments.slice(1)) visit(argument, [...groups, text])
          return
        }
      }
    }
    typescript.forEachChild(node, (child) => visit(child, groups))
  }
  visit(tree, [])
  return found
}

function calleeName(typescript: typeof ts, expression: ts.Expression): string | undefined {
  if (typescript.isIdentifier(expression)) return expression.text
  if (
    typescript.isPropertyAccessExpression(expression) &&
    typescript.isIdentifier(expression.expression) &&
    TEST_MODIFIERS.has(expression.name.text)
  )
    return expression.expression.text
  return undefined
}

/** The first relative import of a module (not a stylesheet or a JSON file) under src/: the component under test. */
function importedComponent(
  typescript: typeof ts,
  tree: ts.SourceFile,
  testPath: string,
): { path: string; importedAs: string | undefined } | undefined {
  for (const statement of tree.statements) {
    if (!typescript.isImportDeclaration(statement) || !typescript.isStringLiteral(statement.moduleSpecifier))
      continue
    const specifier = statement.moduleSpecifier.text
    if (!specifier.startsWith("./") && !specifier.startsWith("../")) continue
    const extension = path.posix.extname(specifier)
    if (extension !== "" && ![".tsx", ".ts", ".jsx", ".js"].includes(extension)) continue
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(testPath), specifier))
    if (!base.startsWith("src/") || base.split("/").includes("..")) continue
    const withoutExtension = extension === "" ? base : base.slice(0, -extension.length)
    const importedAs = statement.importClause?.name?.text
    return { path: `${withoutExtension}.tsx`, importedAs }
  }
  return undefined
}

/** The component's name: the default import's when it is PascalCase, else its file's name in PascalCase. */
function contractNameOf(component: { path: string; importedAs: string | undefined }): string {
  if (component.importedAs && PASCAL_CASE.test(component.importedAs)) return component.importedAs
  const base = path.posix.basename(component.path, ".tsx")
  const words = base.split(/[^A-Za-z0-9]+/).filter(Boolean)
  const pascal = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("")
  return /^[A-Z]/.test(pascal) ? pascal : `Component${pascal}`
}
