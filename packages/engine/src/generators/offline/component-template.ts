import { readFileSync } from "node:fs"
import path from "node:path"
import type ts from "typescript"
import { ENGINE_ROOT } from "../../engine-root"
import { loadTypeScript } from "../../toolchain/load-typescript"
import { defaultConstantName, lit, type ComponentTemplate, type Values } from "./recipe"

const engineFiles = new Map<string, string>()

/** A file of the engine package (a template, a module it inlines), read once; ENGINE_ROOT holds in the CLI bundle. */
export function readEngineFile(relativePath: string): string {
  let source = engineFiles.get(relativePath)
  if (source === undefined) {
    source = readFileSync(path.join(ENGINE_ROOT, relativePath), "utf8")
    engineFiles.set(relativePath, source)
  }
  return source
}

/**
 * Where the modules a template inlines live: its own (`./inline/loan-maths`) or ones several recipes share
 * (`../inline/initials`).
 */
const INLINED = /^\.\.?\/inline\/[\w-]+$/

interface TextEdit {
  start: number
  end: number
  text: string
}

/**
 * The generated component from a template: the component and its `Props` interface take the run's name, the sample
 * defaults (the `DEFAULT_*` constants of list props, the destructured props' defaults) become the run's values as
 * literals, and the template's own modules (`./inline/*.ts`, which the recipe also uses to compute what its tests
 * expect) are written into the file in place of their imports. Throws when a value has no default to go in (a recipe
 * bug the template tests catch).
 */
export function writeFromTemplate(
  template: ComponentTemplate,
  name: string,
  values: Values,
  readFile: (relativePath: string) => string = readEngineFile,
): string {
  const source = readFile(template.path)
  const typescript = loadTypeScript()
  const file = typescript.createSourceFile(
    template.path,
    source,
    typescript.ScriptTarget.Latest,
    true,
    typescript.ScriptKind.TSX,
  )
  const renames = new Map([
    [template.componentName, name],
    [`${template.componentName}Props`, `${name}Props`],
  ])
  const constants = new Map(Object.keys(values).map((param) => [defaultConstantName(param), param]))
  const component = defaultExportedFunction(typescript, file, template.componentName)
  const placed = new Set<string>()
  const edits: TextEdit[] = []
  const replace = (node: ts.Node, text: string) =>
    edits.push({ start: node.getStart(file), end: node.getEnd(), text })

  for (const element of destructuredProps(typescript, component)) {
    const prop = (element.propertyName ?? element.name).getText(file)
    const initializer = element.initializer
    if (!initializer || !(prop in values)) continue
    // `tabs = DEFAULT_TABS`: the constant takes the value.
    if (typescript.isIdentifier(initializer) && constants.get(initializer.text) === prop) continue
    replace(initializer, lit(values[prop]!))
    placed.add(prop)
  }
  const visit = (node: ts.Node): void => {
    if (
      typescript.isImportDeclaration(node) &&
      typescript.isStringLiteral(node.moduleSpecifier) &&
      INLINED.test(node.moduleSpecifier.text)
    ) {
      const modulePath = path.posix.join(path.posix.dirname(template.path), `${node.moduleSpecifier.text}.ts`)
      replace(node, inlinedModule(typescript, modulePath, readFile(modulePath)))
      return
    }
    if (typescript.isIdentifier(node) && renames.has(node.text)) replace(node, renames.get(node.text)!)
    if (
      typescript.isVariableDeclaration(node) &&
      typescript.isIdentifier(node.name) &&
      constants.has(node.name.text) &&
      node.initializer
    ) {
      const param = constants.get(node.name.text)!
      replace(node.initializer, lit(values[param]!))
      placed.add(param)
      return
    }
    typescript.forEachChild(node, visit)
  }
  visit(file)

  const missing = Object.keys(values).filter((param) => !placed.has(param))
  if (missing.length > 0)
    throw new Error(`recipe bug: ${template.path} has no default for ${missing.join(", ")}`)
  return applyEdits(source, edits)
}

/** A module's code without its `export` keywords; it may import nothing (it is written into one file). */
function inlinedModule(typescript: typeof ts, modulePath: string, source: string): string {
  const file = typescript.createSourceFile(modulePath, source, typescript.ScriptTarget.Latest, true)
  const exports: TextEdit[] = []
  for (const statement of file.statements) {
    if (typescript.isImportDeclaration(statement))
      throw new Error(`recipe bug: ${modulePath} imports; a template's inlined module must stand alone`)
    const keyword = typescript.canHaveModifiers(statement)
      ? typescript
          .getModifiers(statement)
          ?.find((modifier) => modifier.kind === typescript.SyntaxKind.ExportKeyword)
      : undefined
    if (keyword) exports.push({ start: keyword.getStart(file), end: keyword.getEnd() + 1, text: "" })
  }
  return applyEdits(source, exports).trim()
}

/** The text with each edit's range replaced, the last first so the earlier offsets hold. */
function applyEdits(source: string, edits: readonly TextEdit[]): string {
  return [...edits]
    .sort((a, b) => b.start - a.start)
    .reduce((text, edit) => text.slice(0, edit.start) + edit.text + text.slice(edit.end), source)
}

function defaultExportedFunction(
  typescript: typeof ts,
  file: ts.SourceFile,
  componentName: string,
): ts.FunctionDeclaration {
  const found = file.statements.find(
    (statement): statement is ts.FunctionDeclaration =>
      typescript.isFunctionDeclaration(statement) &&
      statement.name?.text === componentName &&
      (statement.modifiers?.some((modifier) => modifier.kind === typescript.SyntaxKind.DefaultKeyword) ??
        false),
  )
  if (!found)
    throw new Error(`recipe bug: ${file.fileName} has no \`export default function ${componentName}\``)
  return found
}

function destructuredProps(typescript: typeof ts, component: ts.FunctionDeclaration): ts.BindingElement[] {
  const binding = component.parameters[0]?.name
  return binding && typescript.isObjectBindingPattern(binding) ? [...binding.elements] : []
}

/** A member of a template's Props interface as written: name, TypeScript type, its doc comment. */
export interface TemplateProp {
  name: string
  type: string
  optional: boolean
  description: string
}

/** The members of `<componentName>Props` in a template's source, in order (for the template consistency test). */
export function templateProps(source: string, template: Pick<ComponentTemplate, "componentName" | "path">) {
  const typescript = loadTypeScript()
  const file = typescript.createSourceFile(template.path, source, typescript.ScriptTarget.Latest, true)
  const props = file.statements.find(
    (statement): statement is ts.InterfaceDeclaration =>
      typescript.isInterfaceDeclaration(statement) &&
      statement.name.text === `${template.componentName}Props`,
  )
  if (!props) throw new Error(`recipe bug: ${template.path} has no interface ${template.componentName}Props`)
  return props.members.filter(typescript.isPropertySignature).map((member): TemplateProp => ({
    name: member.name.getText(file),
    // As written, less Prettier's line breaks: a long union is split a member a line, led by a "|".
    type: (member.type?.getText(file) ?? "").replace(/\s+/g, " ").replace(/^\| /, ""),
    optional: member.questionToken !== undefined,
    description: typescript
      .getJSDocCommentsAndTags(member)
      .map((doc) => (typeof doc.comment === "string" ? doc.comment : ""))
      .join(" ")
      .trim(),
  }))
}
