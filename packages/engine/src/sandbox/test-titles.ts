import type ts from "typescript"
import { loadTypeScript } from "../toolchain/load-typescript"

type TypeScript = typeof ts

/**
 * The titles of the `it`/`test` calls in a test file, read from its syntax tree. Used to report the tests of a file
 * that never ran (it failed to load, or the worker was killed first) as failed, by name, rather than lose them.
 */
export function listTestTitles(source: string, fileName = "test.tsx"): string[] {
  // Loaded here, on the rare failure path, so the sandbox does not load TypeScript at start.
  const ts = loadTypeScript()
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX)
  const titles: string[] = []
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = calleeName(ts, node.expression)
      const first = node.arguments[0]
      if ((callee === "it" || callee === "test") && first && isStringLike(ts, first)) titles.push(first.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return titles
}

function calleeName(ts: TypeScript, expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text
  // it.skip / it.only / it.concurrent / test.fails keep the base name; it.each(...)(...) is left out
  if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.expression)) {
    return ["skip", "only", "concurrent", "fails", "sequential"].includes(expression.name.text)
      ? expression.expression.text
      : undefined
  }
  return undefined
}

function isStringLike(
  ts: TypeScript,
  node: ts.Node,
): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
}
