import type ts from "typescript"
import { loadTypeScript } from "../toolchain/load-typescript"

/**
 * The component's public interface as the unit_test stage may see it: exported types and interfaces in full, and
 * exported functions and constants by signature only, never their bodies (tests are written from the contract and
 * the interface, not from the implementation).
 */
export function extractPublicInterface(source: string, fileName: string): string {
  const typescript = loadTypeScript()
  const file = typescript.createSourceFile(
    fileName,
    source,
    typescript.ScriptTarget.Latest,
    true,
    typescript.ScriptKind.TSX,
  )
  const parts: string[] = []
  const isExported = (node: ts.Node) =>
    typescript.canHaveModifiers(node) &&
    (typescript.getModifiers(node) ?? []).some(
      (modifier) => modifier.kind === typescript.SyntaxKind.ExportKeyword,
    )
  for (const statement of file.statements) {
    if (typescript.isImportDeclaration(statement)) {
      parts.push(statement.getText(file))
    } else if (
      (typescript.isInterfaceDeclaration(statement) || typescript.isTypeAliasDeclaration(statement)) &&
      isExported(statement)
    ) {
      parts.push(statement.getText(file))
    } else if (typescript.isFunctionDeclaration(statement) && isExported(statement)) {
      const body = statement.body
      const text = statement.getText(file)
      parts.push(body ? `${text.slice(0, body.getStart(file) - statement.getStart(file)).trimEnd()}` : text)
    } else if (typescript.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const type = declaration.type ? `: ${declaration.type.getText(file)}` : ""
        parts.push(`export declare const ${declaration.name.getText(file)}${type}`)
      }
    } else if (typescript.isExportAssignment(statement)) {
      parts.push(statement.getText(file))
    }
  }
  return parts.join("\n")
}
