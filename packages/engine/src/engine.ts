import type { Diagnostic } from "@studio/protocol"
import { createOfflineGenerator } from "./generators/offline"
import type { Generator as CodeGenerator } from "./generators/types"
import type { RunEvents } from "./pipeline/consume-run"
import { run, type RunRequest } from "./pipeline/run"
import { executeProject, type ExecuteOptions, type ExecuteResult } from "./pipeline/stages/execute"
import { testEditedCode, type EditedCodeRequest } from "./pipeline/test-edited-code"
import { WARM_PREVIEW_FILES, warmPreviewBuilder } from "./preview/warm-preview"
import { LocalSandbox, type LocalSandboxOptions } from "./sandbox/local-sandbox"
import type { IsolationReport, SandboxBackend } from "./sandbox/types"
import { createCustomToolchainPlugin } from "./sandbox/custom-plugin"
import { createSandboxAxePlugin } from "./sandbox/axe-plugin"
import { createSandboxVitestPlugin } from "./sandbox/vitest-plugin"
import type { CustomPluginDefinition } from "./toolchain/custom-plugins"
import { createToolchainRegistry, type ToolchainRegistry } from "./toolchain/registry"
import { createThreadedPlugins, type ThreadedPluginsOptions } from "./toolchain/thread"
import type { PluginName } from "./toolchain/types"

/** How the toolchain built by createEngine runs lint and type-check. */
export interface EngineToolchainOptions extends ThreadedPluginsOptions {
  /**
   * ESLint and the TypeScript checker in worker threads (default true), so their CPU-heavy work never blocks the
   * thread that serves the sandbox; false keeps them on this thread (fewer threads, for tests that lint little).
   */
  threads?: boolean
}

export interface EngineOptions {
  /** Where code comes from (default: the offline generator). */
  generator?: CodeGenerator
  /** A sandbox backend to use as is, or options for the local one (default: a LocalSandbox with its defaults). */
  sandbox?: SandboxBackend | LocalSandboxOptions
  /**
   * A toolchain to use as is (it must register its own vitest plugin), or how to build the default one: the
   * built-in plugins, lint and type-check in threads, and vitest running the tests in this engine's sandbox.
   */
  toolchain?: ToolchainRegistry | EngineToolchainOptions
  /**
   * The toolchain plugins `warmUp()` warms beside the sandbox (default: all registered ones). A one-shot command
   * passes [] and lets each tool load when it first runs.
   */
  warmPlugins?: readonly PluginName[]
  /**
   * Custom plugins (`loadCustomPlugins(STUDIO_PLUGINS_DIR)`), added to the toolchain createEngine builds; each runs
   * its command in this engine's sandbox. A toolchain given as is brings its own.
   */
  customPlugins?: readonly CustomPluginDefinition[]
}

/** The assembled engine: generator, toolchain and sandbox, and the runs that use them. */
export interface Engine {
  readonly generator: CodeGenerator
  readonly toolchain: ToolchainRegistry
  readonly sandbox: SandboxBackend
  /** How the sandbox contains generated code on this machine. */
  readonly isolation: IsolationReport
  /** One generation run (see `run`): events, then the outcome as the generator's return value. */
  run(request: RunRequest, options?: { signal?: AbortSignal }): RunEvents
  /** A test run of code a person edited (see `testEditedCode`): no model, no repair. */
  testEditedCode(request: EditedCodeRequest, options?: { signal?: AbortSignal }): RunEvents
  /** The execute stage on a project's files, without events (`studio exec`). */
  execute(
    files: Record<string, string>,
    options?: Omit<ExecuteOptions, "toolchain" | "sandbox">,
  ): Promise<ExecuteResult>
  /**
   * Warms the engine once however often it is called: first what a run's preview needs (one preview built, one file
   * formatted), then the sandbox's warm workers and the rest of the toolchain. Resolves with the toolchain's warm-up
   * problems (a sandbox that cannot start rejects).
   */
  warmUp(): Promise<Diagnostic[]>
  /** Waits for a warm-up under way, then closes the sandbox and disposes of the toolchain (once). */
  close(): Promise<void>
  /**
   * The same toolchain and sandbox with another generator (a scripted model in tests, another provider). Its
   * warmUp() warms this engine; its close() closes nothing, as the parts stay this engine's.
   */
  withGenerator(generator: CodeGenerator): Engine
}

/**
 * The one way to assemble generator, toolchain and sandbox. What it is given it uses as is (and closes on close());
 * what it is not given it builds: the offline generator, a LocalSandbox, and a toolchain whose vitest plugin runs
 * the tests in that sandbox.
 *
 * @example
 * const engine = await createEngine({ sandbox: { warmWorkers: 1 } })
 * const outcome = await consumeRun(engine.run({ prompt: "a counter" }), (event) => console.log(event.type))
 * await engine.close()
 */
export async function createEngine(options: EngineOptions = {}): Promise<Engine> {
  const generator = options.generator ?? createOfflineGenerator()
  const sandbox = isSandboxBackend(options.sandbox) ? options.sandbox : new LocalSandbox(options.sandbox)
  const toolchain = isToolchainRegistry(options.toolchain)
    ? options.toolchain
    : buildToolchain(sandbox, options.toolchain, options.customPlugins)
  const isolation = await sandbox.describeIsolation()
  // The vitest plugin's warm-up is the sandbox's own: warming both would start the sandbox twice.
  const warmPlugins = (
    options.warmPlugins ?? toolchain.listManifests().map((manifest) => manifest.name)
  ).filter((id) => id !== "vitest" && toolchain.has(id))
  // What the first run needs on this thread is warmed by doing it once: one preview built (esbuild and Tailwind, whose
  // own warm-ups would build it again) and one file formatted (prettier has no warm-up of its own).
  const warmsPreview = PREVIEW_PLUGINS.every((id) => toolchain.has(id)) && warmPlugins.includes("esbuild")
  const warmsFormatter = warmPlugins.includes("prettier")
  const warmedByUse = new Set<PluginName>([
    ...(warmsPreview ? PREVIEW_PLUGINS : []),
    ...(warmsFormatter ? (["prettier"] as const) : []),
  ])
  const laterPlugins = warmPlugins.filter((id) => !warmedByUse.has(id))
  let warming: Promise<Diagnostic[]> | undefined
  let closing: Promise<void> | undefined
  const warmUp = () => {
    // What the first run needs first: it shows its scaffold (hot_reload) about a second after Send and formats right
    // after, on this thread. Only then the sandbox (its workers, and its test host on this thread) and the type
    // checker and linter, which take seconds of every core: done alongside, they held the first preview up.
    warming ??= (async () => {
      const previewProblems = warmsPreview ? await warmPreviewBuilder(toolchain) : []
      const formatterProblems = warmsFormatter ? await warmFormatter(toolchain) : []
      const [, laterProblems] = await Promise.all([sandbox.warmUp(), toolchain.warmUp(laterPlugins)])
      return [...previewProblems, ...formatterProblems, ...laterProblems]
    })()
    return warming
  }
  const close = () => {
    closing ??= (async () => {
      await warming?.catch(() => undefined)
      await Promise.allSettled([sandbox.close(), toolchain.dispose()])
    })()
    return closing
  }
  const assemble = (runsWith: CodeGenerator, closeParts: () => Promise<void>): Engine => {
    const deps = (signal?: AbortSignal) => ({
      generator: runsWith,
      toolchain,
      sandbox,
      ...(signal ? { signal } : {}),
    })
    return {
      generator: runsWith,
      toolchain,
      sandbox,
      isolation,
      run: (request, runOptions = {}) => run(request, deps(runOptions.signal)),
      testEditedCode: (request, runOptions = {}) => testEditedCode(request, deps(runOptions.signal)),
      execute: (files, executeOptions = {}) =>
        executeProject(files, { ...executeOptions, toolchain, sandbox }),
      warmUp,
      close: closeParts,
      withGenerator: (other) => assemble(other, () => Promise.resolve()),
    }
  }
  return assemble(generator, close)
}

/** The plugins a preview page is built with. */
const PREVIEW_PLUGINS = ["esbuild", "tailwind"] as const satisfies readonly PluginName[]

/** Formats the warm-up component once: prettier's modules loaded, its printer compiled. Resolves with its errors. */
async function warmFormatter(toolchain: ToolchainRegistry): Promise<Diagnostic[]> {
  const result = await toolchain.runPlugin("prettier", { files: { ...WARM_PREVIEW_FILES } })
  return result.diagnostics.filter((diagnostic) => diagnostic.severity === "error")
}

function buildToolchain(
  sandbox: SandboxBackend,
  options: EngineToolchainOptions = {},
  custom: readonly CustomPluginDefinition[] = [],
): ToolchainRegistry {
  const { threads = true, ...threaded } = options
  return createToolchainRegistry(
    {
      ...(threads ? createThreadedPlugins(threaded) : {}),
      vitest: createSandboxVitestPlugin(sandbox),
      axe: createSandboxAxePlugin(sandbox),
    },
    custom.map((definition) => createCustomToolchainPlugin(definition, sandbox)),
  )
}

function isSandboxBackend(value: EngineOptions["sandbox"]): value is SandboxBackend {
  return typeof (value as Partial<SandboxBackend> | undefined)?.runTestsInSandbox === "function"
}

function isToolchainRegistry(value: EngineOptions["toolchain"]): value is ToolchainRegistry {
  return typeof (value as Partial<ToolchainRegistry> | undefined)?.runPlugin === "function"
}
