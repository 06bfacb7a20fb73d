import { createHash } from "node:crypto"
import { existsSync, realpathSync } from "node:fs"
import { readFile } from "node:fs/promises"
import { builtinModules, createRequire } from "node:module"
import path from "node:path"
import { sanitizeMessage } from "@studio/protocol"
import type { transform, UnknownAtRule, Url } from "lightningcss"
import type ts from "typescript"
import {
  ALLOWED_PACKAGES,
  ALLOWED_TEST_PACKAGES,
  TESTS_AS_SPEC_PACKAGES,
  TESTS_AS_SPEC_TEST_PACKAGES,
} from "./allowed-imports"
import { isModuleNotFoundError } from "./diagnostic"
import { extensionOf, isSafeJobPath, isScriptFile, isTestFile, moduleFileCandidates } from "./job-files"
import { KIT_DIR } from "./kit-paths"
import { loadTypeScript } from "./load-typescript"
import type { Diagnostic } from "./types"

// The one place that decides what generated code may import and what a tool may read on its behalf: the job's own
// files, the kit's sources (kit/src) and the allowed packages, nothing else. Every tool that resolves a specifier
// for generated code (esbuild, Tailwind's scan, the type checker, the sandbox's module guard, the export) asks here,
// and `checkJobImports` runs the same rules over a whole job before any tool sees it.

/** How a file names a module (or another file). */
export type ImportForm =
  | "import"
  | "export"
  | "type-import"
  | "dynamic-import"
  | "require"
  | "path-reference"
  | "types-reference"
  | "mock"
  | "glob"
  | "meta-resolve"
  | "css-import"
  | "css-url"
  | "css-directive"
  | "unreadable"

/** A place in a file that names a module or a file. */
export interface FoundImport {
  /** The specifier as written; undefined when it is not a string literal. */
  specifier: string | undefined
  form: ImportForm
  /** `with { … }` or `assert { … }` (or an options argument of `import()`). */
  hasAttributes: boolean
  /** 1-based. */
  line: number
  /** 1-based, in UTF-16 code units. */
  column: number
  /** What the parser said about a file it could not read ("unreadable"). */
  detail?: string
}

/** Where an accepted specifier points. */
export type ModuleTarget =
  /** A job file: a normalized job-relative module path, maybe without its extension. */
  | { type: "job"; path: string }
  /** A kit source: an absolute path inside kit/src, maybe without its extension. */
  | { type: "kit"; path: string }
  /** An allowed package (from a kit file: any package the kit depends on). */
  | { type: "package"; name: string }

export type SpecifierVerdict = { ok: true; target: ModuleTarget } | { ok: false; reason: string }

export interface SpecifierOptions {
  /** The kit folder (its `src/` holds the kit's sources). Default: the engine's kit. */
  kitDir?: string
  /** Test files may also import vitest and Testing Library. Default: whether the importer is a test file. */
  inTest?: boolean
  /**
   * Let Node built-ins through. Only the sandbox's module guard does: a worker loads built-ins itself (the host
   * reads nothing for it), the OS isolation contains what they do, and `process.getBuiltinModule` reaches them
   * without any import anyway.
   */
  allowBuiltins?: boolean
  /** Tests as the spec (the job's tests were given by a person): the router, and fetch-mock in tests, too. */
  testsAsSpec?: boolean
}

export interface CheckOptions extends SpecifierOptions {
  /** The diagnostics' `source`: "imports" for the pre-check (the default), a tool's id inside that tool. */
  source?: string
}

/** The `source` of the pre-check's diagnostics (and the `plugin` of its build_error event). */
export const IMPORT_CHECK_SOURCE = "imports"

const URL_SCHEME = /^[a-z][a-z\d+.-]*:/i
const KIT_ALIASES = ["components/ui/", "lib/"]
const BUILTINS = new Set(builtinModules)
/** Tailwind directives that read files or load code; the job's CSS is never compiled and must not carry them. */
const TAILWIND_FILE_DIRECTIVES = new Set(["source", "plugin", "config", "reference"])
/** Vitest's functions that resolve and load a module by name. */
const VI_MODULE_FUNCTIONS = new Set(["mock", "doMock", "unmock", "doUnmock", "importActual", "importMock"])
const MAX_SHOWN_SPECIFIER = 80

/**
 * Where `specifier`, written in the job file `importer` (job-relative), points, or why it may not be imported.
 * Strings only, no disk: `@/components/ui/*` and `@/lib/*` go to the kit's sources, any other `@/…` to the job's
 * `src/`, relative paths must stay inside the job, bare names must be allowed packages (whole segments, no `..`).
 *
 * @example
 * resolveJobSpecifier("@/lib/../../../etc/passwd", "src/components/A.tsx")
 * // { ok: false, reason: "`..` leads out of the kit's sources" }
 */
export function resolveJobSpecifier(
  specifier: string,
  importer: string,
  options: SpecifierOptions = {},
): SpecifierVerdict {
  const unsafe = refusalOfForm(specifier, options.allowBuiltins === true)
  if (unsafe !== undefined) return refused(unsafe)
  if (specifier.startsWith("node:")) return { ok: true, target: { type: "package", name: specifier } }
  if (specifier.startsWith("@/")) {
    const rest = specifier.slice(2)
    if (KIT_ALIASES.some((alias) => rest.startsWith(alias))) {
      const inKit = path.posix.normalize(rest)
      if (leavesRoot(inKit)) return refused("`..` leads out of the kit's sources")
      return { ok: true, target: { type: "kit", path: path.join(kitSrcOf(options), inKit) } }
    }
    const inJob = path.posix.normalize(`src/${rest}`)
    if (leavesRoot(inJob)) return refused("`..` leads out of the job")
    return { ok: true, target: { type: "job", path: inJob } }
  }
  if (isRelative(specifier)) {
    const inJob = path.posix.normalize(path.posix.join(path.posix.dirname(importer), specifier))
    if (leavesRoot(inJob)) return refused("`..` leads out of the job")
    return { ok: true, target: { type: "job", path: inJob } }
  }
  const inTest = options.inTest ?? isTestFile(importer)
  return resolvePackageSpecifier(specifier, {
    allowed: allowedPackagesOf(inTest, options.testsAsSpec === true),
    allowBuiltins: options.allowBuiltins === true,
  })
}

/** The packages a job file may import: components and tests differ, and tests as the spec add a few. */
export function allowedPackagesOf(inTest: boolean, testsAsSpec: boolean): readonly string[] {
  return [
    ...ALLOWED_PACKAGES,
    ...(inTest ? ALLOWED_TEST_PACKAGES : []),
    ...(testsAsSpec ? [...TESTS_AS_SPEC_PACKAGES, ...(inTest ? TESTS_AS_SPEC_TEST_PACKAGES : [])] : []),
  ]
}

/**
 * The same for an import written in a kit file (`importer` absolute, inside kit/src): `@/…` and relative paths must
 * stay inside the kit's sources; a bare name may be any package the kit depends on.
 */
export function resolveKitSpecifier(
  specifier: string,
  importer: string,
  options: Pick<SpecifierOptions, "kitDir"> = {},
): SpecifierVerdict {
  const kitSrc = kitSrcOf(options)
  const unsafe = refusalOfForm(specifier, false)
  if (unsafe !== undefined) return refused(unsafe)
  const inKit = specifier.startsWith("@/")
    ? path.posix.normalize(specifier.slice(2))
    : isRelative(specifier)
      ? toPosix(path.relative(kitSrc, path.resolve(path.dirname(importer), specifier)))
      : undefined
  if (inKit === undefined)
    return resolvePackageSpecifier(specifier, { allowed: undefined, allowBuiltins: false })
  if (leavesRoot(inKit) || path.isAbsolute(inKit)) return refused("`..` leads out of the kit's sources")
  return { ok: true, target: { type: "kit", path: path.join(kitSrc, inKit) } }
}

/** URLs, absolute paths, queries, fragments, backslashes: refused wherever they are written. */
function refusalOfForm(specifier: string, allowBuiltins: boolean): string | undefined {
  if (specifier === "") return "an empty module name"
  if (/[\0\\]/.test(specifier)) return "backslashes and NUL characters are not allowed in module names"
  if (specifier.startsWith("node:")) {
    return allowBuiltins && BUILTINS.has(specifier.slice(5).split("/")[0] ?? "")
      ? undefined
      : "Node built-ins are not available to generated code"
  }
  if (URL_SCHEME.test(specifier)) return "URLs (file:, data:, http: …) are not allowed as module names"
  if (specifier.startsWith("/")) return "an absolute path points outside the job folder"
  if (specifier.includes("?")) return "queries such as ?raw, ?url or ?inline are not allowed"
  if (specifier.includes("#")) return "fragments and #subpath imports are not allowed"
  // A tool that decodes `%2e%2e` would see a `..` this check did not.
  if (/%[\da-f]{2}/i.test(specifier)) return "percent-encoded module names are not allowed"
  return undefined
}

function resolvePackageSpecifier(
  specifier: string,
  options: { allowed: readonly string[] | undefined; allowBuiltins: boolean },
): SpecifierVerdict {
  const segments = specifier.split("/")
  const nameLength = specifier.startsWith("@") ? 2 : 1
  if (
    segments.length < nameLength ||
    segments.some((segment) => segment === "" || segment === "." || segment === "..")
  ) {
    return refused("a package path may not have empty, `.` or `..` segments")
  }
  const name = segments.slice(0, nameLength).join("/")
  if (BUILTINS.has(name)) {
    return options.allowBuiltins || options.allowed === undefined
      ? { ok: true, target: { type: "package", name } }
      : refused("Node built-ins are not available to generated code")
  }
  if (options.allowed !== undefined && !options.allowed.includes(name)) {
    return refused(`it is not a package generated code may import (allowed: ${options.allowed.join(", ")})`)
  }
  return { ok: true, target: { type: "package", name } }
}

function refused(reason: string): SpecifierVerdict {
  return { ok: false, reason }
}

function kitSrcOf(options: Pick<SpecifierOptions, "kitDir">): string {
  return path.join(options.kitDir ?? KIT_DIR, "src")
}

function isRelative(specifier: string): boolean {
  return specifier === "." || specifier === ".." || specifier.startsWith("./") || specifier.startsWith("../")
}

/** A normalized relative path that climbs out of the folder it is relative to. */
function leavesRoot(normalized: string): boolean {
  return normalized === ".." || normalized.startsWith("../")
}

function toPosix(filePath: string): string {
  return filePath.split(path.sep).join("/")
}

/** Why `found`, written in the job file `importer`, is refused; undefined when it is accepted. */
export function refusalOf(
  found: FoundImport,
  importer: string,
  options: SpecifierOptions = {},
): string | undefined {
  switch (found.form) {
    case "require":
      return "require() is not allowed in generated code; use an import declaration"
    case "glob":
      return "import.meta.glob is not available to generated code"
    case "meta-resolve":
      return "import.meta.resolve is not available to generated code"
    case "unreadable":
      return `the file could not be parsed, so what it imports cannot be checked (${found.detail ?? "unknown error"})`
    case "css-directive":
      return "Tailwind's @source, @plugin, @config and @reference read files and are not allowed in the job's CSS"
    default:
      break
  }
  if (found.hasAttributes) return "import attributes (with { type: … } or assert { … }) are not allowed"
  const specifier = found.specifier
  if (specifier === undefined) {
    return found.form === "dynamic-import"
      ? "import() needs a string literal: generated code may import only modules known before it runs"
      : "the module name must be a string literal"
  }
  switch (found.form) {
    case "css-import":
    case "css-url":
      return refusalOfStylesheetUrl(specifier, found.form, importer)
    case "path-reference": {
      // `/// <reference path="x.ts" />` names a file relative to the importer, with or without "./".
      const relative =
        isRelative(specifier) || refusalOfForm(specifier, false) !== undefined ? specifier : `./${specifier}`
      const verdict = resolveJobSpecifier(relative, importer, options)
      return verdict.ok && verdict.target.type !== "job"
        ? "a path reference must name a job file"
        : reasonOf(verdict)
    }
    case "types-reference": {
      const verdict = resolveJobSpecifier(specifier, importer, options)
      return verdict.ok && verdict.target.type !== "package"
        ? "a types reference must name a package"
        : reasonOf(verdict)
    }
    default:
      return reasonOf(resolveJobSpecifier(specifier, importer, options))
  }
}

function reasonOf(verdict: SpecifierVerdict): string | undefined {
  return verdict.ok ? undefined : verdict.reason
}

/** In the job's CSS: relative files of the job, `data:` images and `#fragment` references; and Tailwind itself. */
function refusalOfStylesheetUrl(
  url: string,
  form: "css-import" | "css-url",
  importer: string,
): string | undefined {
  if (form === "css-url" && (url.startsWith("data:") || url.startsWith("#"))) return undefined
  if (form === "css-import" && /^tailwindcss(\/[\w-]+(\.css)?)?$/.test(url)) return undefined
  const unsafe = refusalOfForm(url, false)
  if (unsafe !== undefined) return unsafe
  // CSS names a file beside the stylesheet without "./".
  const inJob = path.posix.normalize(path.posix.join(path.posix.dirname(importer), url))
  return leavesRoot(inJob) ? "`..` leads out of the job" : undefined
}

const PARSE_CACHE_LIMIT = 500
// Several tools look at the same file in one preview or run (the pre-check, esbuild, the kit scan): parsed once.
const parsed = new Map<string, readonly FoundImport[]>()

/**
 * Every module a file names, with its place: scripts through TypeScript's parser (imports, re-exports, `import()`,
 * `require`, import types, triple-slash references, `vi.mock`-style calls, `import.meta.glob`), CSS through
 * Lightning CSS (`@import`, `url()`, Tailwind's file directives). Other files name none.
 */
export function findImports(filePath: string, content: string): readonly FoundImport[] {
  const key = `${filePath}\0${createHash("sha256").update(content).digest("base64")}`
  const cached = parsed.get(key)
  if (cached !== undefined) return cached
  const imports =
    extensionOf(filePath) === ".css"
      ? findStylesheetImports(filePath, content)
      : isScriptFile(filePath)
        ? findScriptImportsOrRefuse(filePath, content)
        : []
  if (parsed.size >= PARSE_CACHE_LIMIT) parsed.delete(parsed.keys().next().value ?? "")
  parsed.set(key, imports)
  return imports
}

/** A script's imports; when the parser cannot be loaded, one refusal, since nothing could be checked. */
function findScriptImportsOrRefuse(filePath: string, content: string): FoundImport[] {
  let typescript: typeof ts
  try {
    typescript = loadTypeScript()
  } catch (error) {
    const detail = isModuleNotFoundError(error) ? "TypeScript is not installed" : "TypeScript did not load"
    return [{ specifier: undefined, form: "unreadable", hasAttributes: false, line: 0, column: 0, detail }]
  }
  return findScriptImports(typescript, filePath, content)
}

function findScriptImports(typescript: typeof ts, filePath: string, content: string): FoundImport[] {
  const sourceFile = typescript.createSourceFile(
    filePath,
    content,
    typescript.ScriptTarget.Latest,
    false,
    scriptKindOf(typescript, filePath),
  )
  const found: FoundImport[] = []
  const place = (position: number) => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(position)
    return { line: line + 1, column: character + 1 }
  }
  const add = (
    form: ImportForm,
    named: ts.Node | undefined,
    hasAttributes: boolean,
    where: ts.Node,
  ): void => {
    const specifier =
      named !== undefined &&
      (typescript.isStringLiteral(named) || typescript.isNoSubstitutionTemplateLiteral(named))
        ? named.text
        : undefined
    found.push({ specifier, form, hasAttributes, ...place((named ?? where).getStart(sourceFile)) })
  }
  // `/// <reference path>` makes the type checker read a file; `/// <reference types>` names a package.
  for (const reference of sourceFile.referencedFiles) {
    found.push({
      specifier: reference.fileName,
      form: "path-reference",
      hasAttributes: false,
      ...place(reference.pos),
    })
  }
  for (const reference of sourceFile.typeReferenceDirectives) {
    found.push({
      specifier: reference.fileName,
      form: "types-reference",
      hasAttributes: false,
      ...place(reference.pos),
    })
  }
  const visit = (node: ts.Node): void => {
    if (typescript.isImportDeclaration(node)) {
      add("import", node.moduleSpecifier, node.attributes !== undefined, node)
    } else if (typescript.isExportDeclaration(node)) {
      if (node.moduleSpecifier !== undefined)
        add("export", node.moduleSpecifier, node.attributes !== undefined, node)
    } else if (typescript.isImportEqualsDeclaration(node)) {
      if (typescript.isExternalModuleReference(node.moduleReference)) {
        add("require", node.moduleReference.expression, false, node)
      }
    } else if (typescript.isImportTypeNode(node)) {
      const argument = node.argument
      add(
        "type-import",
        typescript.isLiteralTypeNode(argument) ? argument.literal : undefined,
        node.attributes !== undefined,
        node,
      )
    } else if (typescript.isCallExpression(node)) {
      const callee = node.expression
      if (callee.kind === typescript.SyntaxKind.ImportKeyword) {
        add("dynamic-import", node.arguments[0], node.arguments.length > 1, node)
      } else if (typescript.isIdentifier(callee) && callee.text === "require") {
        add("require", node.arguments[0], false, node)
      } else if (
        typescript.isPropertyAccessExpression(callee) &&
        typescript.isIdentifier(callee.expression) &&
        callee.expression.text === "vi" &&
        VI_MODULE_FUNCTIONS.has(callee.name.text)
      ) {
        add("mock", node.arguments[0], false, node)
      }
    } else if (
      typescript.isPropertyAccessExpression(node) &&
      typescript.isMetaProperty(node.expression) &&
      node.expression.keywordToken === typescript.SyntaxKind.ImportKeyword
    ) {
      const name = node.name.text
      const form =
        name === "glob" || name === "globEager" ? "glob" : name === "resolve" ? "meta-resolve" : undefined
      if (form !== undefined) add(form, undefined, false, node)
    }
    typescript.forEachChild(node, visit)
  }
  visit(sourceFile)
  return found.sort(byPlace)
}

function byPlace(a: FoundImport, b: FoundImport): number {
  return a.line - b.line || a.column - b.column
}

function scriptKindOf(typescript: typeof ts, filePath: string): ts.ScriptKind {
  switch (extensionOf(filePath)) {
    case ".tsx":
      return typescript.ScriptKind.TSX
    case ".jsx":
      return typescript.ScriptKind.JSX
    case ".js":
      return typescript.ScriptKind.JS
    default:
      return typescript.ScriptKind.TS
  }
}

type LightningCss = { transform: typeof transform }

const requireFromHere = createRequire(import.meta.url)
let lightningCss: LightningCss | undefined

/**
 * A stylesheet's `@import`s, `url()`s and Tailwind file directives. Lightning CSS reports dependencies after it has
 * merged declarations (an overridden `background: url(…)` is gone) and its URL visitor does not enter `image-set()`,
 * so both views are taken together.
 */
function findStylesheetImports(filePath: string, content: string): FoundImport[] {
  const found = new Map<string, FoundImport>()
  const add = (entry: FoundImport) => {
    const key = `${entry.form}\0${entry.specifier ?? ""}\0${entry.line}`
    if (!found.has(key)) found.set(key, entry)
  }
  const url = (specifier: string, line: number, column: number): FoundImport => ({
    specifier,
    form: "css-url",
    hasAttributes: false,
    line,
    column,
  })
  try {
    // CommonJS with a native binding (Tailwind loads the same copy); required on first use.
    lightningCss ??= requireFromHere("lightningcss") as LightningCss
    const { dependencies } = lightningCss.transform({
      filename: filePath,
      code: Buffer.from(content),
      analyzeDependencies: true,
      // Without error recovery an invalid rule is an error, so no url() hides in a rule the parser dropped.
      errorRecovery: false,
      visitor: {
        // URL locations are 1-based; rule locations have 0-based lines.
        Url(visited: Url) {
          add(url(visited.url, visited.loc.line, visited.loc.column))
          return undefined
        },
        Rule: {
          unknown(rule: UnknownAtRule) {
            if (TAILWIND_FILE_DIRECTIVES.has(rule.name)) {
              add({
                specifier: undefined,
                form: "css-directive",
                hasAttributes: false,
                line: rule.loc.line + 1,
                column: rule.loc.column,
              })
            }
            return undefined
          },
        },
      },
    })
    for (const dependency of dependencies ?? []) {
      if (dependency.type === "url") {
        add(url(dependency.url, dependency.loc.start.line, dependency.loc.start.column))
      } else if (dependency.type === "import") {
        add({
          specifier: dependency.url,
          form: "css-import",
          hasAttributes: false,
          line: dependency.loc.start.line,
          column: dependency.loc.start.column,
        })
      }
    }
  } catch (error) {
    add({
      specifier: undefined,
      form: "unreadable",
      hasAttributes: false,
      ...cssErrorPlace(error),
      detail: isModuleNotFoundError(error)
        ? "Lightning CSS is not installed"
        : error instanceof Error
          ? error.message
          : "invalid CSS",
    })
  }
  return [...found.values()].sort(byPlace)
}

function cssErrorPlace(error: unknown): { line: number; column: number } {
  const loc = typeof error === "object" && error !== null && "loc" in error ? error.loc : undefined
  if (typeof loc === "object" && loc !== null && "line" in loc && "column" in loc) {
    const { line, column } = loc
    if (typeof line === "number" && typeof column === "number") return { line, column }
  }
  return { line: 0, column: 0 }
}

/** The refused imports of one job file, as error diagnostics at their line and column. */
export function checkFileImports(
  filePath: string,
  content: string,
  options: CheckOptions = {},
): Diagnostic[] {
  const source = options.source ?? IMPORT_CHECK_SOURCE
  return findImports(filePath, content).flatMap((found): Diagnostic[] => {
    const reason = refusalOf(found, filePath, options)
    if (reason === undefined) return []
    const message = refusalMessage(found, reason)
    return [
      {
        source,
        path: filePath,
        line: found.line,
        column: found.column,
        message,
        severity: "error",
        code: "import-refused",
      },
    ]
  })
}

/**
 * The pre-check every entry point runs before a tool sees the job (preview, execute, export): unsafe paths and
 * every refused import of every file, in path order. Empty when the job may go on.
 */
export function checkJobImports(files: Record<string, string>, options: CheckOptions = {}): Diagnostic[] {
  const source = options.source ?? IMPORT_CHECK_SOURCE
  return Object.keys(files)
    .sort()
    .flatMap((filePath): Diagnostic[] => {
      if (!isSafeJobPath(filePath)) {
        return [
          {
            source,
            path: "",
            line: 0,
            column: 0,
            message: sanitizeMessage(`A file path leads outside the job: ${shown(filePath)}`),
            severity: "error",
            code: "import-refused",
          },
        ]
      }
      return checkFileImports(filePath, files[filePath] ?? "", options)
    })
}

/**
 * The message of a refusal: what was written and why. A specifier that names a place outside (an absolute path, a
 * URL, a `..` way out) or looks like a secret is not echoed; the diagnostic's line and column say where it is.
 */
export function refusalMessage(found: FoundImport, reason: string): string {
  const name = quoted(found.specifier)
  const what =
    found.form === "require"
      ? `require(${name.trim()})`
      : found.form === "dynamic-import"
        ? `import(${name.trim()})`
        : `${describeForm(found.form)}${name}`
  return `${what} refused: ${sanitizeMessage(reason)}.`
}

/** ` "specifier"` (cut short) when it may be echoed, else "". */
export function quoted(specifier: string | undefined): string {
  if (specifier === undefined) return ""
  const text = shown(specifier)
  const namesAPlace =
    text.startsWith("/") ||
    (URL_SCHEME.test(text) && !text.startsWith("node:")) ||
    text.split(/[\\/]/).includes("..")
  return namesAPlace || sanitizeMessage(text) !== text ? "" : ` "${text}"`
}

function describeForm(form: ImportForm): string {
  switch (form) {
    case "mock":
      return "Vitest module call"
    case "glob":
      return "import.meta.glob"
    case "meta-resolve":
      return "import.meta.resolve"
    case "path-reference":
    case "types-reference":
      return "Reference"
    case "css-import":
      return "@import"
    case "css-url":
      return "url()"
    case "css-directive":
      return "Tailwind directive"
    case "unreadable":
      return "File"
    default:
      return "Import"
  }
}

function shown(text: string): string {
  const printable = text.replace(/\p{Cc}/gu, "?")
  return printable.length > MAX_SHOWN_SPECIFIER ? `${printable.slice(0, MAX_SHOWN_SPECIFIER)}…` : printable
}

export interface KitSourceFile {
  /** Absolute path as the kit names it; what it really is (symlinks followed) was checked to be in the kit. */
  path: string
  content: string
}

export interface ModuleResolverOptions {
  kitDir?: string
  /** node_modules folders packages come from. Default: every node_modules folder above the kit, nearest first. */
  nodeModules?: readonly string[]
}

/** The checks that need the disk: where a path really is once symlinks are followed. */
export interface ModuleResolver {
  /** kit/src as given (lexical). */
  readonly kitSrc: string
  /** The node_modules folders, real paths. */
  readonly nodeModules: readonly string[]
  /** Whether `file`, symlinks followed, is inside the kit's sources. */
  isKitSource(file: string): boolean
  /** Whether `file`, symlinks followed, is inside the folder of package `name` (or of its `@types` package). */
  isInPackage(name: string, file: string): boolean
  /**
   * Whether a tool may read `file` for generated code: symlinks followed, it must be inside the kit's sources,
   * a node_modules folder or one of `jobRoots`. A path that does not exist may not be read.
   */
  mayRead(file: string, jobRoots?: readonly string[]): boolean
  /** Whether `file` is lexically inside the same places (no disk access; for existence probes). */
  mayProbe(file: string, jobRoots?: readonly string[]): boolean
  /** The kit module a kit target names, tried with each extension, read only when it really is in the kit. */
  readKitModule(basePath: string): Promise<KitSourceFile | undefined>
}

/** Every node_modules folder above `from`, nearest first. */
export function nodeModulesFolders(from: string): string[] {
  const found: string[] = []
  for (let directory = path.resolve(from); ; directory = path.dirname(directory)) {
    const candidate = path.join(directory, "node_modules")
    if (existsSync(candidate)) found.push(candidate)
    if (path.dirname(directory) === directory) return found
  }
}

/** A resolver over a kit and the node_modules folders above it. */
export function createModuleResolver(options: ModuleResolverOptions = {}): ModuleResolver {
  const kitSrc = path.join(options.kitDir ?? KIT_DIR, "src")
  const lexicalNodeModules = (options.nodeModules ?? nodeModulesFolders(options.kitDir ?? KIT_DIR)).map(
    (folder) => path.resolve(folder),
  )
  const realKitSrc = realPathOf(kitSrc) ?? path.resolve(kitSrc)
  const nodeModules = lexicalNodeModules.map((folder) => realPathOf(folder) ?? folder)
  const packageFolders = new Map<string, string[]>()

  const foldersOf = (name: string): string[] => {
    let folders = packageFolders.get(name)
    if (folders === undefined) {
      const typesName = `@types/${name.startsWith("@") ? name.slice(1).replace("/", "__") : name}`
      folders = lexicalNodeModules.flatMap((folder) =>
        [name, typesName].flatMap((packageName) => realPathOf(path.join(folder, packageName)) ?? []),
      )
      packageFolders.set(name, folders)
    }
    return folders
  }

  return {
    kitSrc,
    nodeModules,
    isKitSource: (file) => isInside(realPathOf(file), [realKitSrc]),
    isInPackage(name, file) {
      if (BUILTINS.has(name) || name.startsWith("node:")) return false
      return isInside(realPathOf(file), foldersOf(name))
    },
    mayRead: (file, jobRoots = []) =>
      isInside(realPathOf(file), [
        realKitSrc,
        ...nodeModules,
        ...jobRoots.map((root) => realPathOf(root) ?? path.resolve(root)),
      ]),
    mayProbe(file, jobRoots = []) {
      if (file.split(/[\\/]/).includes("..")) return false
      const roots = [kitSrc, realKitSrc, ...lexicalNodeModules, ...nodeModules, ...jobRoots]
      return isInside(path.resolve(file), roots)
    },
    async readKitModule(basePath) {
      for (const candidate of moduleFileCandidates(basePath).filter(isScriptFile)) {
        const real = realPathOf(candidate)
        if (real === undefined || !isInside(real, [realKitSrc])) continue
        try {
          return { path: candidate, content: await readFile(real, "utf8") }
        } catch {
          // a folder, or gone: try the next candidate
        }
      }
      return undefined
    },
  }
}

let defaultResolver: ModuleResolver | undefined
const resolversByKit = new Map<string, ModuleResolver>()

/** The resolver of a kit folder (one per folder and process; the engine's kit by default). */
export function moduleResolverFor(kitDir: string = KIT_DIR): ModuleResolver {
  if (kitDir === KIT_DIR) return (defaultResolver ??= createModuleResolver())
  let resolver = resolversByKit.get(kitDir)
  if (resolver === undefined) {
    resolver = createModuleResolver({ kitDir })
    resolversByKit.set(kitDir, resolver)
  }
  return resolver
}

function realPathOf(file: string): string | undefined {
  try {
    return realpathSync.native(file)
  } catch {
    return undefined
  }
}

function isInside(file: string | undefined, roots: readonly string[]): boolean {
  if (file === undefined) return false
  return roots.some(
    (root) => file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep),
  )
}
