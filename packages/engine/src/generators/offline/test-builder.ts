import { insideDoubleQuotes, testLiteral } from "./literals"
import type { ParamValue } from "./recipe"

/** Test code as written into the test file; `code` makes it, with values turned into literals. */
export class TestCode {
  constructor(readonly text: string) {}
}

// Stands for an empty fragment until its line is dropped.
const NOTHING = "\u0000"

/**
 * Test code with the run's values written as literals: code`expect(names).toEqual(${labels})` writes
 * `expect(names).toEqual(["Overview", "Billing"])`. A TestCode (the component's name, another fragment) goes in as is.
 */
export function code(strings: TemplateStringsArray, ...values: readonly (ParamValue | TestCode)[]): TestCode {
  const text = strings.reduce((written, part, index) => {
    const value = values[index - 1]!
    const fragment = value instanceof TestCode ? value.text || NOTHING : testLiteral(value)
    // A fragment of several lines takes the indentation of the line it is placed on.
    const indentation = /[ \t]*$/.exec(written.slice(written.lastIndexOf("\n") + 1))![0]
    return written + fragment.replaceAll("\n", `\n${indentation}`) + part
  })
  // A line that holds only an empty fragment (a step this run does not need) goes altogether.
  const kept = text
    .split("\n")
    .filter((line) => line.trim() !== NOTHING)
    .join("\n")
    .replaceAll(NOTHING, "")
  return new TestCode(dedent(kept))
}

/** Fragments one after another, a line each (a check per tier, per item). */
export function codeLines(fragments: readonly TestCode[]): TestCode {
  return new TestCode(fragments.map((fragment) => fragment.text).join("\n"))
}

/** No code: a step a run leaves out, code`${needed ? code`…` : NO_CODE}`. */
export const NO_CODE = new TestCode("")

/** One `it(...)` block: the requirement it proves (by key), what it checks in words, and its body. */
export interface TestCase {
  requirement: string
  title: string
  body: TestCode
}

export function testCase(requirement: string, title: string, body: TestCode): TestCase {
  return { requirement, title, body }
}

/** The `it(...)` blocks, titled "R3: …" by the requirement's id; async when the body awaits. */
export function writeTestCases(cases: readonly TestCase[], idOf: (requirement: string) => string): string {
  return cases
    .map(({ requirement, title, body }) => {
      const awaits = /\bawait\b/.test(body.text)
      const lines = body.text.split("\n").map((line) => (line ? `  ${line}` : line))
      return `it("${idOf(requirement)}: ${insideDoubleQuotes(title)}", ${awaits ? "async " : ""}() => {\n${lines.join("\n")}\n})`
    })
    .join("\n\n")
}

/** Drops the first and last blank lines and the indentation every line shares, so bodies can be indented in place. */
function dedent(text: string): string {
  const lines = text
    .replace(/^[ \t]*\n/, "")
    .replace(/\n[ \t]*$/, "")
    .split("\n")
  const widths = lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length)
  const common = widths.length > 0 ? Math.min(...widths) : 0
  return lines.map((line) => line.slice(common)).join("\n")
}
