import { lstatSync, readFileSync, realpathSync } from "node:fs"
import path from "node:path"
import type { Diagnostic } from "@studio/protocol"
import type { Plugin } from "vite"
import {
  JEST_GLOBALS_MODULE,
  JEST_GLOBALS_SOURCE,
  needsJsxInJs,
  RESOLVED_JEST_GLOBALS_MODULE,
  rewriteJestModuleCalls,
  withJestGlobals,
} from "./jest-compat"
import {
  checkFileImports,
  createModuleResolver,
  refusalMessage,
  resolveJobSpecifier,
} from "../toolchain/module-resolver"

export interface SourceGuardOptions {
  /** The kit's `src/` folder: `@/components/ui/*` and `@/lib/*` resolve here. */
  kitSrc: string
  /** node_modules folders whose files the worker may load. */
  nodeModules: string[]
  /** The job folder of the run in progress (one run at a time per host). */
  currentJobRoot: () => string | undefined
  /**
   * The given test files of the run in progress (tests as the spec, jest-compat.ts): they get Jest's globals, and a
   * job with any gets JSX in `.js` files and that mode's packages. Empty or absent: a job of generated tests.
   */
  currentGivenTests?: () => ReadonlySet<string>
  /** Told of each import refused in a job file, as a diagnostic at its line and column. */
  onRefused?: (diagnostic: Diagnostic) => void
  /** Studio files the worker loads besides the kit (the accessibility check's setup file), by absolute path. */
  studioFiles?: readonly string[]
}

/**
 * The module resolver on the Vitest host's side. The sandboxed worker asks the (unsandboxed) host for module code
 * over RPC, so without this a test could `import secrets from "/etc/…?raw"` and read host files through the host:
 * every job file's imports are checked before it is transformed, `@/` is resolved per job, and nothing is loaded
 * from outside the current job, the kit's sources and node_modules (symlinks followed; a job file that is a
 * symlink is refused). Node built-ins pass: the worker loads them itself, inside its isolation.
 */
export function sourceGuardPlugin(options: SourceGuardOptions): Plugin {
  const kitDir = path.dirname(options.kitSrc)
  const resolver = createModuleResolver({ kitDir, nodeModules: options.nodeModules })
  /** The job's folder as named and as it really is (the host may name it through a symlink). */
  const jobRoots = (): string[] => {
    const job = options.currentJobRoot()
    if (job === undefined) return []
    try {
      return [job, realpathSync.native(job)]
    } catch {
      return [job]
    }
  }
  /** The job-relative path of a module id inside the current job, else undefined. */
  const jobPathOf = (id: string): string | undefined => {
    const file = id.split("?")[0] ?? id
    for (const root of jobRoots()) {
      const relative = path.relative(root, file)
      if (relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative)) {
        return relative.split(path.sep).join("/")
      }
    }
    return undefined
  }
  return {
    name: "studio:source-guard",
    enforce: "pre",
    async resolveId(source, importer) {
      if (source === JEST_GLOBALS_MODULE && testsAsSpec()) return RESOLVED_JEST_GLOBALS_MODULE
      if (!source.startsWith("@/")) return null
      const job = options.currentJobRoot()
      const importerInJob = importer === undefined ? undefined : jobPathOf(importer)
      const verdict = resolveJobSpecifier(source, importerInJob ?? "src/index.ts", {
        kitDir,
        allowBuiltins: true,
        testsAsSpec: testsAsSpec(),
      })
      if (!verdict.ok) {
        throw new Error(
          refusalMessage(
            { specifier: source, form: "import", hasAttributes: false, line: 0, column: 0 },
            verdict.reason,
          ),
        )
      }
      const target = verdict.target
      if (target.type === "package") return null
      const base =
        target.type === "kit" ? target.path : job === undefined ? undefined : path.join(job, target.path)
      if (base === undefined) return null
      return this.resolve(base, importer, { skipSelf: true })
    },
    load(id) {
      if (id === RESOLVED_JEST_GLOBALS_MODULE) return testsAsSpec() ? JEST_GLOBALS_SOURCE : null
      if (id.startsWith("\0") || id.startsWith("virtual:") || id.startsWith("/@")) return null
      const file = id.split("?")[0] ?? id
      if (!path.isAbsolute(file)) return null
      const jobPath = jobPathOf(file)
      if (jobPath !== undefined && isSymbolicLink(file)) {
        throw new Error(`the sandbox refused to load ${jobPath}: a job file may not be a symbolic link`)
      }
      if (!resolver.mayRead(file, jobRoots()) && !options.studioFiles?.includes(file)) {
        throw new Error(`the sandbox refused to load ${path.basename(file)}: it is outside the job folder`)
      }
      // Vitest replaces a stylesheet's code before transforms see it; its imports are checked here instead.
      if (jobPath !== undefined && jobPath.endsWith(".css")) refuse(jobPath, readFileSync(file, "utf8"))
      return null
    },
    // Synchronous unless it compiles JSX, so a refusal throws where Vite calls it.
    transform(code, id) {
      const jobPath = jobPathOf(id)
      if (jobPath === undefined) return null
      if (!testsAsSpec()) {
        refuse(jobPath, code)
        return null
      }
      // Tests as the spec: a given test's module calls are checked as Vitest's, after the rewrite that makes them so.
      const jestTest = options.currentGivenTests?.().has(jobPath) === true
      const checked = jestTest ? rewriteJestModuleCalls(code) : code
      refuse(jobPath, checked)
      const prepared = jestTest ? withJestGlobals(checked) : checked
      if (!needsJsxInJs(jobPath)) return prepared === code ? null : { code: prepared, map: null }
      return compileJsx(prepared, jobPath)
    },
  }

  function testsAsSpec(): boolean {
    return (options.currentGivenTests?.().size ?? 0) > 0
  }

  /** Throws (and reports each) when the job file's code imports what generated code may not. */
  function refuse(jobPath: string, code: string): void {
    const refused = checkFileImports(jobPath, code, {
      kitDir,
      allowBuiltins: true,
      source: "vitest",
      testsAsSpec: testsAsSpec(),
    })
    const first = refused[0]
    if (first === undefined) return
    for (const diagnostic of refused) options.onRefused?.(diagnostic)
    throw new Error(`${jobPath}:${first.line}:${first.column}: ${first.message}`)
  }
}

/** JSX in a `.js` job file, compiled by Vite's own transformer as it compiles a `.jsx` file (the host never runs it). */
async function compileJsx(code: string, jobPath: string) {
  const { transformWithOxc } = await import("vite")
  const compiled = await transformWithOxc(code, jobPath, {
    lang: "jsx",
    jsx: { runtime: "automatic" },
    sourcemap: true,
  })
  return { code: compiled.code, map: compiled.map }
}

function isSymbolicLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink()
  } catch {
    return false
  }
}
