import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import path from "node:path"
import { stripVTControlCharacters } from "node:util"
import {
  requirementIdFromTestName,
  sanitizeMessage,
  type Diagnostic,
  type TestCaseResult,
} from "@studio/protocol"
import type { TestCase, TestModule, Vitest } from "vitest/node"
import {
  accessibilityProvided,
  AXE_CHECK_SETUP_FILE,
  AXE_PROVIDED_KEY,
  readAccessibilityReport,
  type AccessibilityReport,
} from "./axe-check"
import { givenTestFilesOf } from "./jest-compat"
import { sourceGuardPlugin } from "./source-guard"
import { listTestTitles } from "./test-titles"
import type { SandboxJob } from "./types"
import { createSandboxPool } from "./vitest-pool"
import type { SandboxWorkerProcess } from "./worker-process"

const PROCESS_EVENTS = ["SIGINT", "SIGTERM", "exit"]
/** The process as a plain emitter: its typed overloads take one kind of event at a time. */
const processEvents: NodeJS.EventEmitter = process

export interface VitestHostOptions {
  jobsRoot: string
  kitSrc: string
  setupFile: string
  nodeModules: string[]
  takeWorker: () => Promise<SandboxWorkerProcess>
  testTimeoutMs: number
  maxLogBytes: number
  /** Vite's cache folder (default `<jobsRoot>/.vite-cache`); hosts sharing a jobs folder each need their own. */
  cacheDir?: string
}

export interface HostRunOutcome {
  tests: TestCaseResult[]
  diagnostics: Diagnostic[]
  peakMemoryBytes?: number
  /** The accessibility check's report, when the job asked for it. */
  accessibility?: AccessibilityReport | { error: string }
}

/** The error of a test whose worker stopped under it; the sandbox replaces it with the reason when it knows it. */
export const DID_NOT_FINISH = "did not finish: the test worker stopped"

/** How a test file's tests read when the job was stopped before Vitest collected them. */
const STOPPED_BEFORE_COLLECTED = "was stopped before its tests were collected"

/**
 * Whether a test's error only says it never ran to the end (no error of its own), so a sandbox that stopped the job
 * may replace it with why (the wall-clock limit, the memory limit, a cancel).
 */
export function endedByStop(error: string | undefined): boolean {
  return (
    error === undefined ||
    // Also "did not finish: <the run's uncaught error>": a worker killed at a limit makes Vitest's pool say so.
    error.startsWith("did not finish: ") ||
    (error.startsWith("not run: ") && error.endsWith(STOPPED_BEFORE_COLLECTED)) ||
    /^not run: .* failed to load \(no result\)$/.test(error)
  )
}

const TEST_FILE = /\.test\.(tsx|ts|jsx|js)$/
const NO_GIVEN_TESTS: ReadonlySet<string> = new Set()

/** The happy-dom options the warm workers build their window with; Vitest must ask for the same. */
export const WORKER_ENVIRONMENT = { name: "happy-dom", options: {} }

/**
 * A long-lived Vitest instance (trusted, outside the sandbox) that transforms the job's files and drives one
 * sandboxed worker per test file. It runs one job at a time.
 */
export class VitestHost {
  private current:
    | {
        root: string
        job: SandboxJob
        workers: SandboxWorkerProcess[]
        stopped: boolean
        /** Imports the source guard refused, at their place. */
        refused: Diagnostic[]
        /** The job's given tests (tests as the spec, jest-compat.ts); empty for generated tests. */
        givenTests: ReadonlySet<string>
      }
    | undefined
  private previousWorkers: SandboxWorkerProcess[] = []
  private runs = 0

  private constructor(
    private readonly vitest: Vitest,
    private readonly options: VitestHostOptions,
  ) {}

  static async create(options: VitestHostOptions): Promise<VitestHost> {
    mkdirSync(options.jobsRoot, { recursive: true })
    // The pool, reporter and guard are made before the host exists; they reach it through this reference.
    const ref: { host?: VitestHost } = {}
    const currentJobRoot = () => ref.host?.current?.root
    const source = {
      take: options.takeWorker,
      onWorkerStarted: (worker: SandboxWorkerProcess) => {
        const current = ref.host?.current
        current?.workers.push(worker)
        // A worker that starts after the job was stopped (deadline, cancel) must not run it.
        if (current && (current.stopped || current.job.signal?.aborted)) {
          current.stopped = true
          void worker.kill()
        }
      },
      maxLogBytes: options.maxLogBytes,
    }
    const reporter = {
      onTestCaseResult: (testCase: TestCase) => {
        const current = ref.host?.current
        if (current?.job.onTestResult)
          current.job.onTestResult(toTestCaseResult(testCase, current.root, DID_NOT_FINISH))
      },
    }
    // Loaded here, not at import: Vitest's node side is ~0.7 s of start-up that warm workers need not wait for.
    const { createVitest } = await import("vitest/node")
    // Vitest's logger makes SIGINT and SIGTERM exit the process a millisecond later (it owns the process when it is
    // the CLI). Here it is a guest: the studio's own handlers give running runs their grace period.
    const signalListeners = new Map(PROCESS_EVENTS.map((event) => [event, processEvents.listeners(event)]))
    const vitest = await createVitest(
      "test",
      {
        root: options.jobsRoot,
        config: false,
        watch: false,
        reporters: [reporter],
        pool: createSandboxPool(source),
        isolate: true,
        maxWorkers: 1,
        environment: WORKER_ENVIRONMENT.name,
        environmentOptions: WORKER_ENVIRONMENT.options,
        // The accessibility check's setup is inert unless a job asks for it (axe-check-setup.ts).
        setupFiles: [options.setupFile, AXE_CHECK_SETUP_FILE],
        globals: false,
        testTimeout: options.testTimeoutMs,
        hookTimeout: options.testTimeoutMs,
        include: ["**/*.test.{ts,tsx,js,jsx}"],
        passWithNoTests: true,
        // Vitest's default follows the studio's own CI variable; a job's result must not. Focused tests run as
        // written, and the verdict says that a focused run is not a proof.
        allowOnly: true,
        css: false,
        update: false,
      },
      {
        cacheDir: options.cacheDir ?? path.join(options.jobsRoot, ".vite-cache"),
        plugins: [
          sourceGuardPlugin({
            kitSrc: options.kitSrc,
            nodeModules: options.nodeModules,
            currentJobRoot,
            currentGivenTests: () => ref.host?.current?.givenTests ?? NO_GIVEN_TESTS,
            studioFiles: [AXE_CHECK_SETUP_FILE],
            onRefused: (diagnostic) => {
              // A module that failed to transform may be asked for again by another test file.
              const refused = ref.host?.current?.refused
              if (refused && !refused.some((seen) => JSON.stringify(seen) === JSON.stringify(diagnostic)))
                refused.push(diagnostic)
            },
          }),
        ],
        logLevel: "silent",
      },
    )
    for (const [event, before] of signalListeners)
      for (const listener of processEvents.listeners(event))
        if (!before.includes(listener)) processEvents.off(event, listener as (...args: unknown[]) => void)
    ref.host = new VitestHost(vitest, options)
    return ref.host
  }

  /** Runs every test file of the job; the caller enforces the deadline through `killWorkers`. */
  async run(job: SandboxJob): Promise<HostRunOutcome> {
    const root = mkdtempSync(path.join(this.options.jobsRoot, "job-"))
    const givenTests = givenTestFilesOf(job)
    this.current = { root, job, workers: [], stopped: false, refused: [], givenTests }
    this.runs++
    try {
      for (const [relative, content] of Object.entries(job.files)) {
        const target = path.join(root, relative)
        mkdirSync(path.dirname(target), { recursive: true })
        writeFileSync(target, content)
      }
      const testFiles = Object.keys(job.files)
        .filter((file) => TEST_FILE.test(file))
        .sort()
      const project = this.vitest.getRootProject()
      const specifications = testFiles.map((file) => project.createSpecification(path.join(root, file)))
      const axeCheck = job.accessibility
        ? accessibilityProvided(root, job.accessibility, testFiles, this.options.testTimeoutMs)
        : null
      // Read by the workers of this run only: one job at a time per host.
      this.vitest.provide(AXE_PROVIDED_KEY, axeCheck)
      const result = await this.vitest.runTestSpecifications(specifications, false)
      const outcome = this.collect(
        root,
        job,
        testFiles,
        result.testModules,
        result.unhandledErrors,
        this.current.stopped,
      )
      const accessibility = axeCheck
        ? readAccessibilityReport(
            result.testModules.find((module) => module.moduleId === axeCheck.testFile)?.meta(),
          )
        : undefined
      return {
        ...outcome,
        diagnostics: [...this.current.refused, ...outcome.diagnostics],
        ...(accessibility ? { accessibility } : {}),
      }
    } finally {
      // The results are in; a single-use worker needs no graceful goodbye (the pool answers Vitest's on its
      // behalf), and the job is not over until its processes are gone.
      await Promise.all(this.current.workers.map((worker) => worker.kill()))
      this.previousWorkers = this.current.workers
      this.current = undefined
      rmSync(root, { recursive: true, force: true })
    }
  }

  /** Kills the workers of the job in progress (deadline passed or cancelled). */
  async killWorkers(): Promise<void> {
    if (this.current) this.current.stopped = true
    await Promise.all(this.current?.workers.map((worker) => worker.kill()) ?? [])
  }

  /** The workers the last finished job used, for its measurements (peak memory, limits hit). */
  get lastWorkers(): readonly SandboxWorkerProcess[] {
    return this.previousWorkers
  }

  /** How many jobs this host has run; the caller recycles it after many, to drop Vite's caches. */
  get runCount(): number {
    return this.runs
  }

  async close(): Promise<void> {
    await this.killWorkers()
    await this.vitest.close()
  }

  private collect(
    root: string,
    job: SandboxJob,
    testFiles: string[],
    modules: readonly TestModule[],
    unhandled: readonly unknown[],
    stopped: boolean,
  ): HostRunOutcome {
    const tests: TestCaseResult[] = []
    const diagnostics: Diagnostic[] = []
    const byFile = new Map(modules.map((module) => [path.relative(root, module.moduleId), module]))
    const messages = unhandled.map((error) =>
      clean(
        typeof error === "object" && error && "message" in error ? String(error.message) : String(error),
        root,
      ),
    )
    // A test left pending by an error the run did not catch (not by a stop) says that error, not "worker stopped".
    const pendingReason = !stopped && messages[0] ? `did not finish: ${messages[0]}` : DID_NOT_FINISH
    for (const file of testFiles) {
      const module = byFile.get(file)
      const cases = module ? [...module.children.allTests()] : []
      for (const testCase of cases) tests.push(toTestCaseResult(testCase, root, pendingReason))
      const errors = module?.errors() ?? []
      if (errors.length > 0 || !module) {
        const message = errors[0]?.message ?? "the test file did not run"
        diagnostics.push(vitestDiagnostic(file, `${file} failed to run: ${clean(message, root)}`))
      }
      if (cases.length === 0 && (errors.length > 0 || !module || stopped)) {
        const reason =
          errors.length > 0 || (!module && !stopped)
            ? `not run: ${file} failed to load (${clean(errors[0]?.message ?? "no result", root)})`
            : `not run: ${file} ${STOPPED_BEFORE_COLLECTED}`
        for (const title of listTestTitles(job.files[file] ?? "", file)) {
          tests.push({
            name: title,
            fullName: title,
            file,
            status: "fail",
            durationMs: 0,
            error: reason,
            ...requirementOf(title),
          })
        }
      }
    }
    for (const message of messages)
      diagnostics.push(vitestDiagnostic("", `unhandled error during the test run: ${message}`))
    return { tests, diagnostics }
  }
}

function toTestCaseResult(testCase: TestCase, root: string, pendingReason: string): TestCaseResult {
  const result = testCase.result()
  // "pending" means the test never finished: its worker was killed or crashed under it.
  const status = result.state === "passed" ? "pass" : result.state === "skipped" ? "skip" : "fail"
  const error =
    result.state === "failed"
      ? result.errors?.map((e) => clean(e.message, root)).join("\n")
      : result.state === "pending"
        ? pendingReason
        : undefined
  return {
    name: testCase.name,
    fullName: testCase.fullName,
    file: path.relative(root, testCase.module.moduleId),
    status,
    durationMs: Math.round(testCase.diagnostic()?.duration ?? 0),
    ...(error ? { error } : {}),
    ...requirementOf(testCase.name),
  }
}

function requirementOf(name: string): { requirementId?: string } {
  const id = requirementIdFromTestName(name)
  return id ? { requirementId: id } : {}
}

function vitestDiagnostic(file: string, message: string): Diagnostic {
  return { source: "vitest", path: file, line: 0, column: 0, message, severity: "error" }
}

/** Job paths become relative; then the protocol's sanitizer removes anything else host-specific. */
function clean(message: string, root: string): string {
  return sanitizeMessage(
    stripVTControlCharacters(message)
      .split(root + path.sep)
      .join(""),
  )
}
