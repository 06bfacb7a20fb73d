import { readFile } from "node:fs/promises"
import path from "node:path"
import { sanitizeMessage } from "@studio/protocol"
import type { BuildFailure, ImportKind, Message, OutputFile, Plugin, PluginBuild } from "esbuild"
import { isAllowedImport } from "./allowed-imports"
import { runDiagnostic } from "./diagnostic"
import { extensionOf, findJobModule, isScriptFile } from "./job-files"
import { collectImportedKitFiles } from "./kit-imports"
import { KIT_DIR, resolveAliasedImport } from "./kit-paths"
import { createLazy } from "./lazy"
import { createLucideFacade, lucideImportsOf, parseLucideBarrel } from "./lucide-facade"
import { defineManifest } from "./manifest"
import { PREVIEW_ENTRY_PATH, createPreviewEntrySource, findPreviewEntry } from "./preview-entry"
import type { Diagnostic, PluginInput, PluginResult, ToolchainPlugin } from "./types"

export const esbuildManifest = defineManifest({
  name: "esbuild",
  packageName: "esbuild",
  description:
    "Bundles the component, the kit and React into one minified script that renders it into #root for the preview.",
  inputs: [".ts", ".tsx", ".js", ".jsx"],
  outputs: ["bundle"],
  command: "esbuild --bundle --format=iife --minify --jsx=automatic",
  costEstimate: 25,
  compatibility: ["node>=20.19", "esbuild@0.28", "browser (iife, no CDN)"],
})

const JOB_NAMESPACE = "studio-job"
const LUCIDE_NAMESPACE = "studio-lucide"
const LOOKING_UP_LUCIDE_BARREL = Symbol("looking up the lucide-react barrel")
const ENTRY_FILTER = new RegExp(`^${PREVIEW_ENTRY_PATH.replace(/\./g, "\\.")}$`)
const LOADERS = {
  ".tsx": "tsx",
  ".ts": "ts",
  ".jsx": "jsx",
  ".js": "js",
  ".json": "json",
  ".css": "empty",
} as const

const WARM_UP_FILES: Record<string, string> = {
  "src/components/WarmUp.tsx": `import { Check } from "lucide-react"
import { Button } from "@/components/ui/button"

export default function WarmUp() {
  return <Button><Check aria-hidden="true" /> Ready</Button>
}
`,
}

export interface EsbuildPluginOptions {
  kitDir?: string
}

interface BuildState {
  files: Record<string, string>
  entry: string
}

/** Bundles the job for the preview with one warm esbuild context; builds run one at a time. */
export function createEsbuildPlugin(options: EsbuildPluginOptions = {}): ToolchainPlugin {
  const kitDir = options.kitDir ?? KIT_DIR
  let state: BuildState = { files: {}, entry: "" }
  let queue: Promise<unknown> = Promise.resolve()
  const warmContext = createLazy(async () => {
    const esbuild = await import("esbuild")
    return esbuild.context({
      entryPoints: [PREVIEW_ENTRY_PATH],
      bundle: true,
      write: false,
      format: "iife",
      platform: "browser",
      target: "es2020",
      minify: true,
      jsx: "automatic",
      legalComments: "none",
      logLevel: "silent",
      define: { "process.env.NODE_ENV": '"production"' },
      plugins: [jobFilesPlugin(() => state, kitDir)],
    })
  })

  async function bundle({ files, entry, signal }: PluginInput): Promise<PluginResult> {
    const started = performance.now()
    signal?.throwIfAborted()
    const entryPath = entry ?? findPreviewEntry(files)
    if (entryPath === undefined || !Object.hasOwn(files, entryPath)) {
      const message =
        entryPath === undefined
          ? "Nothing to preview: no component at src/components/<Name>.tsx."
          : `Nothing to preview: ${entryPath} is not one of the job's files.`
      return { diagnostics: [runDiagnostic("esbuild", message)], durationMs: performance.now() - started }
    }
    const context = await warmContext.get()
    state = { files, entry: entryPath }
    try {
      const result = await context.rebuild()
      const script = result.outputFiles?.find(isJavaScript)?.text ?? ""
      return {
        diagnostics: result.warnings.map((warning) => esbuildMessageToDiagnostic(warning, "warning")),
        artifacts: { bundle: script },
        durationMs: performance.now() - started,
      }
    } catch (error) {
      if (!isBuildFailure(error)) throw error
      return {
        diagnostics: [
          ...error.errors.map((message) => esbuildMessageToDiagnostic(message, "error")),
          ...error.warnings.map((message) => esbuildMessageToDiagnostic(message, "warning")),
        ],
        durationMs: performance.now() - started,
      }
    }
  }

  // The context reads the files of the build in progress from `state`: one build at a time.
  function runInTurn(input: PluginInput): Promise<PluginResult> {
    const result = queue.then(() => bundle(input))
    queue = result.catch(() => undefined)
    return result
  }

  return {
    manifest: esbuildManifest,
    run: runInTurn,
    async warmUp() {
      // One real build fills esbuild's caches with React, react-dom and the kit's common modules.
      await runInTurn({ files: WARM_UP_FILES })
    },
    async dispose() {
      const context = warmContext.peek()
      warmContext.reset()
      if (context !== undefined) await (await context).dispose()
    },
  }
}

/**
 * Serves the job's in-memory files (namespace "studio-job"), maps `@/` to the kit or the job, refuses packages
 * generated code may not import, and narrows lucide-react to the icons in use. The rest comes from disk.
 */
function jobFilesPlugin(getState: () => BuildState, kitDir: string): Plugin {
  const kitSrc = path.join(kitDir, "src")
  return {
    name: "studio-job-files",
    setup(build) {
      const lucideFacade = createLucideFacadeLoader(build, kitDir)
      // Callbacks are narrow on purpose: every import that reaches a JS callback costs a round trip to the
      // esbuild service, and lucide-react alone has thousands of modules.
      build.onResolve({ filter: ENTRY_FILTER }, (args) =>
        args.kind === "entry-point" ? { path: PREVIEW_ENTRY_PATH, namespace: JOB_NAMESPACE } : undefined,
      )
      build.onResolve({ filter: /^lucide-react$/ }, async (args) => {
        if (args.pluginData === LOOKING_UP_LUCIDE_BARREL) return undefined
        const facade = await lucideFacade(getState())
        return facade === undefined ? undefined : { path: "lucide-react", namespace: LUCIDE_NAMESPACE }
      })
      build.onResolve({ filter: /.*/, namespace: JOB_NAMESPACE }, (args) =>
        resolveFromJob(build, getState().files, args.path, args.importer, kitDir, args.kind),
      )
      // The kit's own `@/` imports stay inside the kit.
      build.onResolve({ filter: /^@\//, namespace: "file" }, (args) =>
        args.importer.startsWith(kitSrc)
          ? build.resolve(`./${args.path.slice(2)}`, { resolveDir: kitSrc, kind: args.kind })
          : undefined,
      )
      build.onLoad({ filter: /.*/, namespace: LUCIDE_NAMESPACE }, async () => ({
        contents: (await lucideFacade(getState())) ?? "",
        loader: "js",
        resolveDir: kitDir,
      }))
      build.onLoad({ filter: /.*/, namespace: JOB_NAMESPACE }, (args) => {
        const { files, entry } = getState()
        const contents = args.path === PREVIEW_ENTRY_PATH ? createPreviewEntrySource(entry) : files[args.path]
        const loader = LOADERS[extensionOf(args.path) as keyof typeof LOADERS]
        if (contents === undefined || loader === undefined) {
          return { errors: [{ text: `Cannot load ${args.path} for the preview.` }] }
        }
        // Bare imports of job files resolve from the kit's folder, whose node_modules are the engine's.
        return { contents, loader, resolveDir: kitDir }
      })
    },
  }
}

/**
 * The lucide-react stand-in for a build (memoized per build), or undefined when the build needs the real barrel.
 * Without it a warm rebuild spends ~150 ms linking the barrel's modules; with it a few milliseconds.
 */
function createLucideFacadeLoader(
  build: PluginBuild,
  kitDir: string,
): (state: BuildState) => Promise<string | undefined> {
  const barrelExports = createLazy(async () => {
    const barrel = await build.resolve("lucide-react", {
      kind: "import-statement",
      resolveDir: kitDir,
      pluginData: LOOKING_UP_LUCIDE_BARREL,
    })
    if (barrel.errors.length > 0 || barrel.path === "") return undefined
    return parseLucideBarrel(await readFile(barrel.path, "utf8"), barrel.path)
  })
  let memo: { state: BuildState; facade: Promise<string | undefined> } | undefined
  async function facadeFor({ files }: BuildState): Promise<string | undefined> {
    const [exports, kitFiles] = await Promise.all([
      barrelExports.get(),
      collectImportedKitFiles(files, kitDir),
    ])
    const scripts = Object.entries(files).flatMap(([filePath, content]) =>
      isScriptFile(filePath) ? [content] : [],
    )
    const imports = lucideImportsOf([...scripts, ...kitFiles.map((file) => file.content)])
    return exports === undefined || imports.needsWholePackage
      ? undefined
      : createLucideFacade(imports.names, exports)
  }
  return (state) => {
    if (memo?.state !== state) memo = { state, facade: facadeFor(state) }
    return memo.facade
  }
}

async function resolveFromJob(
  build: PluginBuild,
  files: Record<string, string>,
  specifier: string,
  importer: string,
  kitDir: string,
  kind: ImportKind,
) {
  const aliased = resolveAliasedImport(specifier, kitDir)
  if (aliased?.target === "kit") {
    return build.resolve(`./${path.relative(kitDir, aliased.path)}`, { resolveDir: kitDir, kind })
  }
  const jobPath =
    aliased?.target === "job"
      ? aliased.path
      : specifier.startsWith(".")
        ? path.posix.join(path.posix.dirname(importer), specifier)
        : undefined
  if (jobPath !== undefined) {
    const found = findJobModule(files, jobPath)
    if (found !== undefined) return { path: found, namespace: JOB_NAMESPACE }
    return {
      errors: [{ text: `Could not resolve "${specifier}": the job has no file ${jobPath}(.tsx|.ts).` }],
    }
  }
  if (!isAllowedImport(specifier, { inTest: false })) {
    return { errors: [{ text: `"${specifier}" may not be imported by generated components.` }] }
  }
  return undefined
}

/** esbuild positions are 1-based lines and 0-based byte columns; job files are reported by their job path. */
export function esbuildMessageToDiagnostic(message: Message, severity: Diagnostic["severity"]): Diagnostic {
  const location = message.location
  const text = sanitizeMessage(message.text)
  if (location === null) return runDiagnostic("esbuild", text, severity)
  // Files from a plugin namespace are reported as "<namespace>:<path>".
  const jobPath = location.file.startsWith(`${JOB_NAMESPACE}:`)
    ? location.file.slice(JOB_NAMESPACE.length + 1)
    : undefined
  if (jobPath === undefined || jobPath === PREVIEW_ENTRY_PATH) {
    return runDiagnostic("esbuild", `${text} (in ${path.basename(location.file)})`, severity)
  }
  const column = Buffer.from(location.lineText).subarray(0, location.column).toString("utf8").length + 1
  return { source: "esbuild", path: jobPath, line: location.line, column, message: text, severity }
}

function isBuildFailure(error: unknown): error is BuildFailure {
  return error instanceof Error && "errors" in error && Array.isArray(error.errors) && "warnings" in error
}

function isJavaScript(file: OutputFile): boolean {
  return !file.path.endsWith(".css")
}
