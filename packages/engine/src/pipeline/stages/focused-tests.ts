import type ts from "typescript"
import { loadTypeScript } from "../../toolchain/load-typescript"

const TEST_FILE = /\.test\.(tsx|ts|jsx|js)$/
const TEST_APIS = new Set(["describe", "suite", "it", "test"])

/**
 * Where the test files focus tests with `.only` (`it.only`, `describe.only`, `test.concurrent.only`, ...), as
 * "path:line". Vitest runs the focused tests as plain ones and skips the rest, so its results cannot tell; the
 * source can. Read from the syntax tree, so a `.only` in a comment or a string does not count.
 */
export function findFocusedTests(files: Record<string, string>): string[] {
  const found: string[] = []
  for (const [file, source] of Object.entries(files)) {
    // TypeScript loads only for a file that may hold one: most never do.
    if (!TEST_FILE.test(file) || !/\.only\b/.test(source)) continue
    const typescript = loadTypeScript()
    const tree = typescript.createSourceFile(file, source, typescript.ScriptTarget.Latest, true)
    const visit = (node: ts.Node) => {
      if (
        typescript.isPropertyAccessExpression(node) &&
        node.name.text === "only" &&
        TEST_APIS.has(rootName(typescript, node.expression) ?? "")
      ) {
        const { line } = tree.getLineAndCharacterOfPosition(node.name.getStart(tree))
        found.push(`${file}:${line + 1}`)
      }
      typescript.forEachChild(node, visit)
    }
    visit(tree)
  }
  return found
}

/** The identifier a chain like `it.concurrent` or `describe.skipIf(x)` starts from. */
function rootName(typescript: typeof ts, expression: ts.Expression): string | undefined {
  let current = expression
  for (;;) {
    if (typescript.isIdentifier(current)) return current.text
    if (typescript.isPropertyAccessExpression(current) || typescript.isCallExpression(current))
      current = current.expression
    else return undefined
  }
}
