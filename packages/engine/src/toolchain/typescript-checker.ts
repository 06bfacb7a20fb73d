import { readdirSync } from "node:fs"
import path from "node:path"
import { sanitizeMessage } from "@studio/protocol"
import type ts from "typescript"
import { loadTypeScript } from "./load-typescript"
import { ALLOWED_PACKAGES, ALLOWED_TEST_PACKAGES } from "./allowed-imports"
import { generatedCodeCompilerOptionsJson } from "./compiler-options"
import { runDiagnostic } from "./diagnostic"
import { isSafeJobPath, isScriptFile, isTestFile } from "./job-files"
import { ENGINE_DIR, KIT_DIR } from "./kit-paths"
import { moduleResolverFor, resolveJobSpecifier } from "./module-resolver"
import type { Diagnostic } from "./types"

type TypeScript = typeof ts

export interface TypeScriptCheckerOptions {
  kitDir?: string
  /**
   * Where the job's files live virtually. It must not exist on disk and must sit inside the workspace, so that
   * `react`, `lucide-react`, ... resolve from the node_modules above it.
   */
  jobRoot?: string
  /**
   * Modules kept in every program so their declaration files stay parsed between jobs, whatever each job imports.
   * Defaults to the allowed packages, the test packages and every kit module.
   */
  pinnedModules?: string[]
}

/** A type checker kept warm between jobs: lib, @types and kit files are parsed once per process. */
export interface TypeScriptChecker {
  /**
   * Makes `files` the whole job (files of an earlier job are gone) and returns their syntax and type errors. With
   * `mode.testsAsSpec` the job's imports resolve as tests as the spec allows (react-router-dom, fetch-mock in tests).
   */
  check(files: Record<string, string>, signal?: AbortSignal, mode?: { testsAsSpec?: boolean }): Diagnostic[]
  dispose(): void
}

interface JobFile {
  text: string
  version: string
  snapshot: ts.IScriptSnapshot
}

/** Loads TypeScript and creates a warm checker; see {@link createTypeScriptCheckerWith}. */
export async function createTypeScriptChecker(
  options: TypeScriptCheckerOptions = {},
): Promise<TypeScriptChecker> {
  return createTypeScriptCheckerWith(loadTypeScript(), options)
}

/**
 * A checker over one `ts.LanguageService` whose job files are in memory and everything else is read from disk, but
 * only what the module resolver allows: a job file's imports resolve as `resolveJobSpecifier` says (a refused one
 * is "cannot find module"), a package's files must be inside that package, and the host reads nothing outside the
 * kit's sources and node_modules (besides the package.json files above the virtual job root, for its package scope).
 */
export function createTypeScriptCheckerWith(
  typescript: TypeScript,
  options: TypeScriptCheckerOptions = {},
): TypeScriptChecker {
  const kitDir = options.kitDir ?? KIT_DIR
  const kitSrc = toPosix(path.join(kitDir, "src"))
  const jobRoot = toPosix(options.jobRoot ?? path.join(ENGINE_DIR, "__job__"))
  const resolver = moduleResolverFor(kitDir)
  const compilerOptions = generatedCodeCompilerOptions(typescript, kitSrc, jobRoot)
  // A virtual file outside the job that imports every pinned module: the document registry releases a
  // declaration file as soon as no program uses it, so without this a job that does not import lucide-react
  // would make the next one that does parse it again.
  const pinFileName = `${jobRoot}-pinned-modules.ts`
  const pinSnapshot = typescript.ScriptSnapshot.fromString(
    (options.pinnedModules ?? defaultPinnedModules(kitSrc))
      .map((name) => `import ${JSON.stringify(name)}\n`)
      .join(""),
  )

  let jobFiles = new Map<string, JobFile>()
  let jobDirectories = new Set<string>()
  let projectVersion = 0
  let nextFileVersion = 0
  let currentSignal: AbortSignal | undefined
  // The mode of the job in the program; module resolutions depend on it.
  let testsAsSpec = false
  const diskSnapshots = new Map<string, ts.IScriptSnapshot | undefined>()

  const isJobPath = (fileName: string): boolean => fileName === jobRoot || fileName.startsWith(`${jobRoot}/`)
  const toJobRelative = (fileName: string): string => fileName.slice(jobRoot.length + 1)
  const jobScriptFileNames = (): string[] => [...jobFiles.keys()].filter(isScriptFile)

  // Outside the job, the host sees only what the resolver allows. Those files are taken as unchanging for the life
  // of the process, so each answer is kept.
  const scopeDirectories = new Set(ancestorsOf(jobRoot))
  const scopeFiles = new Set([...scopeDirectories].map((directory) => `${directory}/package.json`))
  const readable = new Map<string, boolean>()
  const mayRead = (fileName: string): boolean => {
    let allowed = readable.get(fileName)
    if (allowed === undefined) {
      allowed = scopeFiles.has(fileName) || (fileName !== pinFileName && resolver.mayRead(fileName))
      readable.set(fileName, allowed)
    }
    return allowed
  }
  const mayProbe = (fileName: string): boolean =>
    scopeDirectories.has(fileName) || scopeFiles.has(fileName) || resolver.mayProbe(fileName)

  const host: ts.LanguageServiceHost = {
    // As tsc does: JSDoc is parsed only where it can carry types (JS files); editor features need no more here.
    jsDocParsingMode: typescript.JSDocParsingMode.ParseForTypeErrors,
    getCompilationSettings: () => compilerOptions,
    getProjectVersion: () => String(projectVersion),
    getScriptFileNames: () => [pinFileName, ...jobScriptFileNames()],
    getScriptVersion: (fileName) => jobFiles.get(fileName)?.version ?? "disk",
    getScriptSnapshot(fileName) {
      if (isJobPath(fileName)) return jobFiles.get(fileName)?.snapshot
      if (fileName === pinFileName) return pinSnapshot
      // Files outside the job (lib, node_modules, kit) are taken as unchanging for the life of the process.
      if (!diskSnapshots.has(fileName)) {
        const text = mayRead(fileName) ? typescript.sys.readFile(fileName) : undefined
        diskSnapshots.set(
          fileName,
          text === undefined ? undefined : typescript.ScriptSnapshot.fromString(text),
        )
      }
      return diskSnapshots.get(fileName)
    },
    getCurrentDirectory: () => jobRoot,
    getDefaultLibFileName: (settings) => typescript.getDefaultLibFilePath(settings),
    fileExists: (fileName) =>
      isJobPath(fileName)
        ? jobFiles.has(fileName)
        : fileName === pinFileName || (mayProbe(fileName) && typescript.sys.fileExists(fileName)),
    readFile: (fileName) =>
      isJobPath(fileName)
        ? jobFiles.get(fileName)?.text
        : mayRead(fileName)
          ? typescript.sys.readFile(fileName)
          : undefined,
    directoryExists: (directory) =>
      isJobPath(directory)
        ? jobDirectories.has(directory)
        : mayProbe(directory) && typescript.sys.directoryExists(directory),
    getDirectories: (directory) =>
      isJobPath(directory)
        ? [...jobDirectories].filter((child) => path.posix.dirname(child) === directory)
        : mayProbe(directory)
          ? typescript.sys.getDirectories(directory)
          : [],
    realpath: (fileName) =>
      isJobPath(fileName) || !mayProbe(fileName)
        ? fileName
        : (typescript.sys.realpath?.(fileName) ?? fileName),
    resolveModuleNameLiterals: (
      literals,
      containingFile,
      redirectedReference,
      settings,
      containingSourceFile,
    ) =>
      literals.map((literal) =>
        resolveModule(literal, containingFile, redirectedReference, settings, containingSourceFile),
      ),
    useCaseSensitiveFileNames: () => typescript.sys.useCaseSensitiveFileNames,
    getCancellationToken: () => ({ isCancellationRequested: () => currentSignal?.aborted === true }),
  }
  // Resolutions that land outside the job (kit, node_modules) never change, so they share one cache: a job file's
  // import of a package or the kit is resolved as if from beside the job (the same answer, since the job's own
  // folders hold no node_modules the checker would accept), never from the job's folders. Imports of job files are
  // resolved afresh, since the job's files change.
  const resolutionCache = typescript.createModuleResolutionCache(
    jobRoot,
    (fileName) => fileName,
    compilerOptions,
  )
  function resolveModule(
    literal: ts.StringLiteralLike,
    containingFile: string,
    redirectedReference: ts.ResolvedProjectReference | undefined,
    settings: ts.CompilerOptions,
    containingSourceFile: ts.SourceFile,
  ): ts.ResolvedModuleWithFailedLookupLocations {
    const unresolved = { resolvedModule: undefined }
    const verdict = isJobPath(containingFile)
      ? resolveJobSpecifier(literal.text, toJobRelative(containingFile), { kitDir, testsAsSpec })
      : undefined
    if (verdict?.ok === false) return unresolved
    const target = verdict?.target
    const fromBesideTheJob = target !== undefined && target.type !== "job"
    const resolution = typescript.resolveModuleName(
      literal.text,
      fromBesideTheJob ? pinFileName : containingFile,
      settings,
      host,
      target?.type === "job" ? undefined : resolutionCache,
      redirectedReference,
      typescript.getModeForUsageLocation(containingSourceFile, literal, settings),
    )
    const resolved = resolution.resolvedModule?.resolvedFileName
    if (resolved === undefined) return resolution
    const accepted =
      target === undefined
        ? isJobPath(resolved) || mayRead(resolved)
        : target.type === "job"
          ? isJobPath(resolved)
          : target.type === "kit"
            ? resolver.isKitSource(resolved)
            : resolver.isInPackage(target.name, resolved)
    return accepted ? resolution : unresolved
  }

  const service = typescript.createLanguageService(
    host,
    typescript.createDocumentRegistry(
      typescript.sys.useCaseSensitiveFileNames,
      undefined,
      typescript.JSDocParsingMode.ParseForTypeErrors,
    ),
  )

  function replaceJobFiles(files: Record<string, string>): Diagnostic[] {
    const rejected: Diagnostic[] = []
    const next = new Map<string, JobFile>()
    let changed = false
    for (const [relativePath, text] of Object.entries(files)) {
      if (!isSafeJobPath(relativePath)) {
        rejected.push({
          ...runDiagnostic("typescript", `Path is outside the job: ${relativePath}`),
          path: relativePath,
        })
        continue
      }
      const fileName = `${jobRoot}/${relativePath}`
      const previous = jobFiles.get(fileName)
      if (previous?.text === text) {
        next.set(fileName, previous)
        continue
      }
      changed = true
      nextFileVersion += 1
      next.set(fileName, {
        text,
        version: String(nextFileVersion),
        snapshot: typescript.ScriptSnapshot.fromString(text),
      })
    }
    if (changed || next.size !== jobFiles.size) {
      projectVersion += 1
      jobFiles = next
      jobDirectories = directoriesOf(next.keys(), jobRoot)
    }
    return rejected
  }

  function toDiagnostic(diagnostic: ts.Diagnostic): Diagnostic {
    // Messages may name files (`import("/…/node_modules/…").X`): job files become job-relative, others lose
    // their host path.
    const message = sanitizeMessage(
      typescript.flattenDiagnosticMessageText(diagnostic.messageText, "\n").replaceAll(`${jobRoot}/`, ""),
    )
    const severity = diagnosticSeverity(typescript, diagnostic.category)
    const code = `TS${diagnostic.code}`
    if (diagnostic.file === undefined || diagnostic.start === undefined) {
      return { ...runDiagnostic("typescript", message, severity), code }
    }
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
    const filePath = isJobPath(diagnostic.file.fileName) ? toJobRelative(diagnostic.file.fileName) : ""
    return {
      source: "typescript",
      path: filePath,
      line: line + 1,
      column: character + 1,
      message,
      severity,
      code,
    }
  }

  return {
    check(files, signal, mode) {
      signal?.throwIfAborted()
      const nextMode = mode?.testsAsSpec === true
      if (nextMode !== testsAsSpec) {
        // The program keeps an unchanged file's module resolutions: every job file is new in the other mode.
        testsAsSpec = nextMode
        jobFiles = new Map()
      }
      const diagnostics = replaceJobFiles(files)
      currentSignal = signal
      try {
        // As `tsc` does: while any file has syntax errors, type errors are not reported (they are mostly
        // echoes of the broken syntax, like a missing ")" read as an extra argument).
        const fileNames = jobScriptFileNames()
        for (const fileName of fileNames) {
          for (const diagnostic of service.getSyntacticDiagnostics(fileName))
            diagnostics.push(toDiagnostic(diagnostic))
        }
        if (diagnostics.length === 0) {
          for (const fileName of fileNames) {
            for (const diagnostic of service.getSemanticDiagnostics(fileName))
              diagnostics.push(toDiagnostic(diagnostic))
          }
        }
        // Options and global problems belong to the run; problems inside the kit or libraries are never the job's.
        for (const diagnostic of service.getCompilerOptionsDiagnostics()) {
          if (diagnostic.file === undefined || isJobPath(diagnostic.file.fileName)) {
            diagnostics.push(toDiagnostic(diagnostic))
          }
        }
      } catch (error) {
        if (error instanceof typescript.OperationCanceledException) signal?.throwIfAborted()
        throw error
      } finally {
        currentSignal = undefined
      }
      return diagnostics
    },
    dispose() {
      service.dispose()
    },
  }
}

/** What generated code and tests may import, plus each kit module (ui components and lib). */
function defaultPinnedModules(kitSrc: string): string[] {
  const kitModules = (folder: string): string[] =>
    listFiles(path.join(kitSrc, folder))
      .filter((name) => /\.tsx?$/.test(name) && !isTestFile(name))
      .map((name) => `@/${folder}/${name.replace(/\.tsx?$/, "")}`)
  return [
    ...ALLOWED_PACKAGES,
    "react-dom/client",
    // jest-dom's root entry declares Jest globals; its matcher types come from `types` instead.
    ...ALLOWED_TEST_PACKAGES.filter((name) => name !== "@testing-library/jest-dom"),
    ...kitModules("lib"),
    ...kitModules("components/ui"),
  ]
}

function listFiles(directory: string): string[] {
  try {
    return readdirSync(directory)
  } catch {
    return []
  }
}

/** Compiler options for generated code, with `@/` mapped to the kit (ui, lib) and the job's `src/`. */
function generatedCodeCompilerOptions(
  typescript: TypeScript,
  kitSrc: string,
  jobRoot: string,
): ts.CompilerOptions {
  const { options, errors } = typescript.convertCompilerOptionsFromJson(
    generatedCodeCompilerOptionsJson(kitSrc, `${jobRoot}/src`),
    jobRoot,
  )
  if (errors.length > 0) {
    const messages = errors.map((error) => typescript.flattenDiagnosticMessageText(error.messageText, "\n"))
    throw new Error(`Invalid compiler options for generated code: ${messages.join("; ")}`)
  }
  return options
}

function diagnosticSeverity(typescript: TypeScript, category: ts.DiagnosticCategory): Diagnostic["severity"] {
  switch (category) {
    case typescript.DiagnosticCategory.Error:
      return "error"
    case typescript.DiagnosticCategory.Warning:
      return "warning"
    default:
      return "info"
  }
}

function directoriesOf(fileNames: Iterable<string>, root: string): Set<string> {
  const directories = new Set<string>([root])
  for (const fileName of fileNames) {
    let directory = path.posix.dirname(fileName)
    while (directory !== root && directory.startsWith(`${root}/`)) {
      directories.add(directory)
      directory = path.posix.dirname(directory)
    }
  }
  return directories
}

/** The folders above `fileName`, nearest first. */
function ancestorsOf(fileName: string): string[] {
  const ancestors: string[] = []
  for (let directory = path.posix.dirname(fileName); ; directory = path.posix.dirname(directory)) {
    ancestors.push(directory)
    if (path.posix.dirname(directory) === directory) return ancestors
  }
}

function toPosix(fileName: string): string {
  return fileName.split(path.sep).join("/")
}
