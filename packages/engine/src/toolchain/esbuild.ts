import { readFile } from "node:fs/promises"
import path from "node:path"
import { sanitizeMessage } from "@studio/protocol"
import type {
  BuildFailure,
  Message,
  OnResolveArgs,
  OnResolveResult,
  OutputFile,
  PartialMessage,
  Plugin,
  PluginBuild,
} from "esbuild"
import { runDiagnostic } from "./diagnostic"
import { extensionOf, findJobModule, isScriptFile } from "./job-files"
import { collectImportedKitFiles } from "./kit-imports"
import { KIT_DIR } from "./kit-paths"
import { createLazy } from "./lazy"
import { createLucideFacade, lucideImportsOf, parseLucideBarrel } from "./lucide-facade"
import { defineManifest } from "./manifest"
import {
  checkFileImports,
  moduleResolverFor,
  quoted,
  resolveJobSpecifier,
  resolveKitSpecifier,
  type ModuleResolver,
} from "./module-resolver"
import {
  PREVIEW_ENTRY_PATH,
  createPreviewEntrySource,
  findPreviewEntry,
  previewNeedsMemoryRouter,
} from "./preview-entry"
import {
  isTestsAsSpec,
  type Diagnostic,
  type PluginInput,
  type PluginResult,
  type ToolchainPlugin,
} from "./types"

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
/** pluginData of the plugin's own `build.resolve` calls, which its callbacks let esbuild answer. */
const RESOLVING_FOR_THE_PLUGIN = Symbol("resolving for the studio-job-files plugin")
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
  /** Tests as the spec: the job's components may import react-router-dom too. */
  testsAsSpec: boolean
}

/** Bundles the job for the preview with one warm esbuild context; builds run one at a time. */
export function createEsbuildPlugin(options: EsbuildPluginOptions = {}): ToolchainPlugin {
  const kitDir = options.kitDir ?? KIT_DIR
  let state: BuildState = { files: {}, entry: "", testsAsSpec: false }
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

  async function bundle(input: PluginInput): Promise<PluginResult> {
    const { files, entry, signal } = input
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
    state = { files, entry: entryPath, testsAsSpec: isTestsAsSpec(input) }
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
 * Serves the job's in-memory files (namespace "studio-job"), sends every import they make through the module
 * resolver (`@/` to the kit or the job, relative paths inside the job, bare names to allowed packages whose files
 * must land in that package's folder), and narrows lucide-react to the icons in use. The rest comes from disk.
 */
function jobFilesPlugin(getState: () => BuildState, kitDir: string): Plugin {
  const resolver = moduleResolverFor(kitDir)
  const kitSrc = path.join(kitDir, "src")
  return {
    name: "studio-job-files",
    setup(build) {
      const lucideFacade = createLucideFacadeLoader(build, kitDir)
      // Callbacks are narrow on purpose: every import that reaches a JS callback costs a round trip to the
      // esbuild service, and lucide-react alone has thousands of modules. Only the job's own imports and the kit's
      // `@/` imports come here; what packages import among themselves stays inside esbuild.
      build.onResolve({ filter: ENTRY_FILTER }, (args) =>
        args.kind === "entry-point" ? { path: PREVIEW_ENTRY_PATH, namespace: JOB_NAMESPACE } : undefined,
      )
      build.onResolve({ filter: /^lucide-react$/ }, async (args) => {
        // With attributes it goes on to the job's resolver, which refuses them.
        if (args.pluginData === RESOLVING_FOR_THE_PLUGIN || Object.keys(args.with).length > 0)
          return undefined
        const facade = await lucideFacade(getState())
        return facade === undefined ? undefined : { path: "lucide-react", namespace: LUCIDE_NAMESPACE }
      })
      build.onResolve({ filter: /.*/, namespace: JOB_NAMESPACE }, (args) =>
        resolveFromJob(build, resolver, getState(), args, kitDir),
      )
      // The kit's own `@/` imports stay inside the kit.
      build.onResolve({ filter: /^@\//, namespace: "file" }, async (args) => {
        if (args.pluginData === RESOLVING_FOR_THE_PLUGIN || !resolver.isKitSource(args.importer))
          return undefined
        const verdict = resolveKitSpecifier(args.path, args.importer, { kitDir })
        if (!verdict.ok) return refusal(args.path, verdict.reason)
        if (verdict.target.type !== "kit") return undefined
        return resolveInKit(build, resolver, verdict.target.path, kitSrc, args)
      })
      build.onLoad({ filter: /.*/, namespace: LUCIDE_NAMESPACE }, async () => ({
        contents: (await lucideFacade(getState())) ?? "",
        loader: "js",
        resolveDir: kitDir,
      }))
      build.onLoad({ filter: /.*/, namespace: JOB_NAMESPACE }, (args) => {
        const { files, entry, testsAsSpec } = getState()
        const contents =
          args.path === PREVIEW_ENTRY_PATH
            ? createPreviewEntrySource(entry, {
                memoryRouter: previewNeedsMemoryRouter(files, testsAsSpec),
              })
            : files[args.path]
        const loader = LOADERS[extensionOf(args.path) as keyof typeof LOADERS]
        if (contents === undefined || loader === undefined) {
          return { errors: [{ text: `Cannot load ${args.path} for the preview.` }] }
        }
        // What esbuild never asks about (a computed import(), import.meta.glob, require) is refused here, at its
        // line; the imports it does resolve are checked again as they are resolved.
        if (args.path !== PREVIEW_ENTRY_PATH) {
          const refused = checkFileImports(args.path, contents, { kitDir, source: "esbuild", testsAsSpec })
          if (refused.length > 0)
            return { errors: refused.map((diagnostic) => located(diagnostic, contents)) }
        }
        // Bare imports of job files resolve from the kit's folder, whose node_modules are the engine's.
        return { contents, loader, resolveDir: kitDir }
      })
    },
  }
}

/** A diagnostic of a job file as an esbuild message at the same place (esbuild columns are 0-based bytes). */
function located(diagnostic: Diagnostic, contents: string): PartialMessage {
  const lineText = contents.split(/\r?\n/)[diagnostic.line - 1] ?? ""
  const column = Buffer.byteLength(lineText.slice(0, Math.max(0, diagnostic.column - 1)))
  return {
    text: diagnostic.message,
    location: { file: diagnostic.path, namespace: JOB_NAMESPACE, line: diagnostic.line, column, lineText },
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
      pluginData: RESOLVING_FOR_THE_PLUGIN,
    })
    if (barrel.errors.length > 0 || barrel.path === "") return undefined
    return parseLucideBarrel(await readFile(barrel.path, "utf8"), barrel.path)
  })
  let memo: { state: BuildState; facade: Promise<string | undefined> } | undefined
  async function facadeFor({ files, testsAsSpec }: BuildState): Promise<string | undefined> {
    const [exports, { kitFiles }] = await Promise.all([
      barrelExports.get(),
      collectImportedKitFiles(files, kitDir, { testsAsSpec }),
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

/** An import of a job file: refused, a job file, a kit file or a file of an allowed package, as the resolver says. */
async function resolveFromJob(
  build: PluginBuild,
  resolver: ModuleResolver,
  { files, testsAsSpec }: BuildState,
  args: OnResolveArgs,
  kitDir: string,
): Promise<OnResolveResult> {
  const specifier = args.path
  if (args.kind === "require-call" || args.kind === "require-resolve") {
    return refusal(specifier, "require() is not allowed in generated code; use an import declaration")
  }
  if (Object.keys(args.with).length > 0) {
    return refusal(specifier, "import attributes (with { type: … } or assert { … }) are not allowed")
  }
  const verdict = resolveJobSpecifier(specifier, args.importer, { kitDir, inTest: false, testsAsSpec })
  if (!verdict.ok) return refusal(specifier, verdict.reason)
  const target = verdict.target
  switch (target.type) {
    case "job": {
      const found = findJobModule(files, target.path)
      if (found !== undefined) return { path: found, namespace: JOB_NAMESPACE }
      return {
        errors: [{ text: `Could not resolve "${specifier}": the job has no file ${target.path}(.tsx|.ts).` }],
      }
    }
    case "kit":
      return resolveInKit(build, resolver, target.path, path.join(kitDir, "src"), args)
    case "package": {
      const result = await build.resolve(specifier, {
        kind: args.kind,
        resolveDir: kitDir,
        pluginData: RESOLVING_FOR_THE_PLUGIN,
      })
      if (result.errors.length > 0) return { errors: result.errors }
      if (!result.external && !resolver.isInPackage(target.name, result.path)) {
        return refusal(specifier, `it resolves to a file outside the ${target.name} package`)
      }
      return passOn(result)
    }
  }
}

/** A kit target, resolved by esbuild from the kit's sources and accepted only if it really lands there. */
async function resolveInKit(
  build: PluginBuild,
  resolver: ModuleResolver,
  target: string,
  kitSrc: string,
  args: OnResolveArgs,
): Promise<OnResolveResult> {
  const relative = path.relative(kitSrc, target).split(path.sep).join("/")
  const result = await build.resolve(`./${relative}`, {
    kind: args.kind,
    resolveDir: kitSrc,
    pluginData: RESOLVING_FOR_THE_PLUGIN,
  })
  if (result.errors.length > 0) return { errors: result.errors }
  if (!resolver.isKitSource(result.path)) {
    return refusal(args.path, "it resolves to a file outside the kit's sources")
  }
  return passOn(result)
}

function passOn(result: Awaited<ReturnType<PluginBuild["resolve"]>>): OnResolveResult {
  return {
    path: result.path,
    namespace: result.namespace,
    external: result.external,
    sideEffects: result.sideEffects,
    suffix: result.suffix,
    pluginData: result.pluginData,
    warnings: result.warnings,
  }
}

function refusal(specifier: string, reason: string): OnResolveResult {
  return { errors: [{ text: `Import${quoted(specifier)} refused: ${reason}.` }] }
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
