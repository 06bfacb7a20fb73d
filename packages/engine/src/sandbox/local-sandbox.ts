import path from "node:path"
import type { Diagnostic } from "@studio/protocol"
import { ENGINE_ROOT } from "../engine-root"
import { KIT_DIR } from "../toolchain/kit-paths"
import { detectIsolation, sandboxNodeModules, SANDBOX_SCRATCH } from "./isolation"
import { runCommandInSandbox } from "./command-runner"
import { happyDomBundle } from "./happy-dom-bundle"
import type {
  IsolationReport,
  SandboxBackend,
  SandboxCommandJob,
  SandboxCommandResult,
  SandboxJob,
  SandboxResult,
} from "./types"
import { DID_NOT_FINISH, endedByStop, VitestHost, WORKER_ENVIRONMENT } from "./vitest-host"
import { WorkerSupply } from "./worker-supply"
import { SandboxWorkerProcess } from "./worker-process"

export interface LocalSandboxOptions {
  /** Wall-clock limit of one job (default 20 s). */
  timeoutMs?: number
  /** Per-test timeout inside Vitest (default 5 s, Vitest's own). */
  testTimeoutMs?: number
  /**
   * Workers kept started and warm, waiting for a job (default 2: a repair's execute often follows the first within
   * a second, before a single replacement has finished warming; ~95 MiB each).
   */
  warmWorkers?: number
  /** Memory limit of one worker's process tree (default 768 MiB; cgroup). */
  memoryBytes?: number
  /** V8 old-space limit of the worker (default 512 MiB). */
  heapMegabytes?: number
  /** Processes + threads in one worker's tree (default 128; cgroup). */
  maxProcesses?: number
  /** stdout/stderr plus console output a job may produce (default 1 MiB). */
  maxOutputBytes?: number
  /** Folder for job files (default `.studio/sandbox` beside the node_modules the studio runs from). */
  jobsRoot?: string
  /**
   * Jobs run at once (default 1), each on a Vitest host of its own; hosts past the first start when a job first needs
   * them. A worker taking several runs at once (`studio worker --concurrency N`) wants as many, or its runs queue here.
   */
  concurrency?: number
  /** Recreate the Vitest host after this many jobs, dropping its caches (default 100). */
  recycleAfter?: number
  /**
   * Load React, Testing Library, Radix and lucide in each worker before its job (default true). A server wants this;
   * a one-shot run whose job arrives at once does better loading only what its tests import.
   */
  preloadModules?: boolean
  /** Start a replacement worker after each job (default true); a one-shot run has no next job to wait for. */
  replaceWorkers?: boolean
  /** Node's permission model inside the worker, as defence in depth (default on). */
  nodePermission?: boolean
  /** For tests: pretend the machine has less isolation than it has. */
  isolation?: IsolationReport
}

const engineRoot = ENGINE_ROOT
const kitSrc = path.join(KIT_DIR, "src")

interface HostSlot {
  readonly index: number
  host: Promise<VitestHost> | undefined
  busy: boolean
}

/** Runs generated tests with real Vitest, each test file in a single-use, pre-started, isolated worker. */
export class LocalSandbox implements SandboxBackend {
  readonly name = "local"
  readonly isolation: IsolationReport
  private readonly options: Required<Omit<LocalSandboxOptions, "isolation">>
  private readonly supply: WorkerSupply
  private readonly nodeModules: string[]
  /** One slot per job that may run at once: its host (started on first use), and whether a job holds it. */
  private readonly slots: HostSlot[]
  /** Jobs waiting for a free slot, first come first served. */
  private readonly waiting: (() => void)[] = []
  private closed = false
  private readonly workers = new Set<SandboxWorkerProcess>()

  constructor(options: LocalSandboxOptions = {}) {
    this.isolation = options.isolation ?? detectIsolation()
    this.nodeModules = sandboxNodeModules()
    const workspaceRoot = path.dirname(this.nodeModules.at(-1) ?? engineRoot)
    this.options = {
      timeoutMs: options.timeoutMs ?? 20_000,
      testTimeoutMs: options.testTimeoutMs ?? 5_000,
      warmWorkers: options.warmWorkers ?? 2,
      memoryBytes: options.memoryBytes ?? 768 * 1024 * 1024,
      heapMegabytes: options.heapMegabytes ?? 512,
      maxProcesses: options.maxProcesses ?? 128,
      maxOutputBytes: options.maxOutputBytes ?? 1024 * 1024,
      jobsRoot: options.jobsRoot ?? path.join(workspaceRoot, ".studio", "sandbox"),
      concurrency: options.concurrency ?? 1,
      recycleAfter: options.recycleAfter ?? 100,
      nodePermission: options.nodePermission ?? process.env.STUDIO_SANDBOX_NODE_PERMISSION !== "off",
      preloadModules: options.preloadModules ?? true,
      replaceWorkers: options.replaceWorkers ?? true,
    }
    if (!Number.isInteger(this.options.concurrency) || this.options.concurrency < 1)
      throw new Error(
        `sandbox concurrency must be a whole number of at least 1 (got ${this.options.concurrency})`,
      )
    this.slots = Array.from({ length: this.options.concurrency }, (_, index) => ({
      index,
      host: undefined,
      busy: false,
    }))
    const entry = path.join(engineRoot, "src", "sandbox", "worker-entry.mjs")
    const happyDom = WORKER_ENVIRONMENT.name === "happy-dom" ? happyDomBundle() : undefined
    this.supply = new WorkerSupply(
      () =>
        this.track(
          new SandboxWorkerProcess({
            isolation: this.isolation,
            entry,
            readOnly: this.nodeModules,
            env: {
              ...workerEnvironment(),
              STUDIO_WORKER_PRELOAD: this.options.preloadModules ? "1" : "0",
              ...(happyDom ? { STUDIO_WORKER_HAPPY_DOM: happyDom } : {}),
            },
            memoryBytes: this.options.memoryBytes,
            maxProcesses: this.options.maxProcesses,
            heapMegabytes: this.options.heapMegabytes,
            maxOutputBytes: this.options.maxOutputBytes,
            nodePermission: this.options.nodePermission,
            jobsRoot: this.options.jobsRoot,
          }),
        ),
      this.options.warmWorkers,
    )
  }

  async warmUp(): Promise<void> {
    this.supply.fill()
    await Promise.all([this.getHost(this.slots[0]!), this.supply.whenWarm()])
  }

  async describeIsolation(): Promise<IsolationReport> {
    return this.isolation
  }

  /** Up to `concurrency` jobs at once, one per host; the others wait their turn in order. */
  async runTestsInSandbox(job: SandboxJob): Promise<SandboxResult> {
    const slot = await this.freeSlot()
    try {
      return await this.runNow(job, slot)
    } finally {
      slot.busy = false
      this.waiting.shift()?.()
    }
  }

  private async freeSlot(): Promise<HostSlot> {
    for (;;) {
      if (this.closed) throw new Error("the sandbox is closed")
      // A slot whose host is already started first: a second host starts only when jobs overlap.
      const slot =
        this.slots.find((candidate) => !candidate.busy && candidate.host) ??
        this.slots.find((candidate) => !candidate.busy)
      if (slot) {
        slot.busy = true
        return slot
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve))
    }
  }

  /**
   * A custom plugin's command on a job's files, with the same isolation backend and limits as a test job (wall
   * clock, memory, processes, output); not queued behind the tests, as it has a process of its own.
   */
  async runCommand(job: SandboxCommandJob): Promise<SandboxCommandResult> {
    if (this.closed) throw new Error("the sandbox is closed")
    const unsafe = Object.keys(job.files).filter((file) => !isSafeJobPath(file))
    if (unsafe.length > 0) throw new Error(`refused unsafe file paths: ${unsafe.join(", ")}`)
    return runCommandInSandbox(job, this.isolation, this.options, (worker) => this.track(worker))
  }

  async close(): Promise<void> {
    this.closed = true
    await this.supply.close()
    const hosts = await Promise.all(this.slots.map((slot) => slot.host?.catch(() => undefined)))
    await Promise.all(hosts.map((host) => host?.close()))
    for (const resolve of this.waiting.splice(0)) resolve()
    await Promise.all([...this.workers].map((worker) => worker.kill().then(() => worker.cleanedUp)))
  }

  /** Every worker this sandbox started, until its cgroup and scratch folder are gone. */
  private track(worker: SandboxWorkerProcess): SandboxWorkerProcess {
    this.workers.add(worker)
    void worker.exited.then(() => worker.cleanedUp).then(() => this.workers.delete(worker))
    return worker
  }

  private getHost(slot: HostSlot): Promise<VitestHost> {
    slot.host ??= VitestHost.create({
      jobsRoot: this.options.jobsRoot,
      ...(slot.index > 0 ? { cacheDir: path.join(this.options.jobsRoot, `.vite-cache-${slot.index}`) } : {}),
      kitSrc,
      setupFile: path.join(kitSrc, "test-setup.ts"),
      nodeModules: this.nodeModules,
      takeWorker: () => this.supply.take(),
      testTimeoutMs: this.options.testTimeoutMs,
      maxLogBytes: this.options.maxOutputBytes,
    })
    return slot.host
  }

  private async runNow(job: SandboxJob, slot: HostSlot): Promise<SandboxResult> {
    const started = performance.now()
    if (this.closed) throw new Error("the sandbox is closed")
    const unsafe = Object.keys(job.files).filter((file) => !isSafeJobPath(file))
    if (unsafe.length > 0) {
      return this.result(started, [], [sandboxDiagnostic(`refused unsafe file paths: ${unsafe.join(", ")}`)])
    }
    const host = await this.getHost(slot)
    const timeoutMs = job.timeoutMs ?? this.options.timeoutMs
    let stopReason: "timeout" | "cancelled" | undefined
    const stop = (reason: "timeout" | "cancelled") => {
      stopReason ??= reason
      void host.killWorkers()
    }
    const timer = setTimeout(() => stop("timeout"), timeoutMs)
    const onAbort = () => stop("cancelled")
    job.signal?.addEventListener("abort", onAbort, { once: true })
    if (job.signal?.aborted) onAbort()
    let peakMemoryBytes: number | undefined
    let memoryLimitHit = false
    let outputLimitHit = false
    try {
      const outcome = await host.run({
        ...job,
        onTestResult: job.onTestResult,
      })
      for (const worker of host.lastWorkers) {
        peakMemoryBytes = Math.max(peakMemoryBytes ?? 0, worker.peakMemoryBytes() ?? 0) || undefined
        memoryLimitHit ||= worker.memoryLimitHit
        outputLimitHit ||= worker.killedFor === "output-limit"
      }
      const diagnostics = [...outcome.diagnostics]
      if (stopReason === "timeout")
        diagnostics.unshift(
          sandboxDiagnostic(
            `the tests were stopped after ${timeoutMs / 1000} s (wall-clock limit)`,
            "sandbox_timeout",
          ),
        )
      if (stopReason === "cancelled")
        diagnostics.unshift(sandboxDiagnostic("the run was cancelled", "cancelled"))
      if (memoryLimitHit)
        diagnostics.unshift(
          sandboxDiagnostic(
            `a test worker hit the memory limit (${Math.round(this.options.memoryBytes / 1024 / 1024)} MiB) and was killed`,
          ),
        )
      if (outputLimitHit)
        diagnostics.unshift(
          sandboxDiagnostic(
            `a test worker printed more than ${Math.round(this.options.maxOutputBytes / 1024)} KiB and was killed`,
          ),
        )
      // A limit hit or a stop fails every test that did not pass, with the reason, instead of leaving it skipped.
      const stopped = stopReason !== undefined || memoryLimitHit || outputLimitHit
      const tests = stopped
        ? outcome.tests.map((test) =>
            test.status === "pass"
              ? test
              : {
                  ...test,
                  status: "fail" as const,
                  error: endedByStop(test.error)
                    ? (diagnostics[0]?.message ?? test.error ?? DID_NOT_FINISH)
                    : test.error,
                },
          )
        : outcome.tests
      const result = this.result(started, tests, diagnostics, peakMemoryBytes)
      return outcome.accessibility ? { ...result, accessibility: outcome.accessibility } : result
    } finally {
      if (this.options.replaceWorkers) this.supply.fill()
      clearTimeout(timer)
      job.signal?.removeEventListener("abort", onAbort)
      if (host.runCount >= this.options.recycleAfter) {
        slot.host = undefined
        void host.close()
      }
    }
  }

  private result(
    started: number,
    tests: SandboxResult["tests"],
    diagnostics: Diagnostic[],
    peakMemoryBytes?: number,
  ): SandboxResult {
    return {
      tests,
      diagnostics,
      durationMs: Math.round(performance.now() - started),
      isolation: this.isolation.level,
      ...(peakMemoryBytes ? { peakMemoryBytes } : {}),
    }
  }
}

/** Relative, inside the job, no parent steps, no hidden or absolute paths. */
export function isSafeJobPath(file: string): boolean {
  if (
    file.length === 0 ||
    file.length > 200 ||
    path.isAbsolute(file) ||
    file.includes("\\") ||
    file.includes("\0")
  )
    return false
  const parts = file.split("/")
  return parts.every((part) => part.length > 0 && part !== "." && part !== ".." && !part.startsWith("."))
}

function sandboxDiagnostic(message: string, code = "sandbox_failed"): Diagnostic {
  return { source: "sandbox", path: "", line: 0, column: 0, message, severity: "error", code }
}

/** The worker's whole environment: what Vitest's own workers would see, minus everything of the host. */
function workerEnvironment(): Record<string, string> {
  return {
    NODE_ENV: "test",
    TEST: "true",
    VITEST: "true",
    VITEST_MODE: "RUN",
    TZ: "UTC",
    LANG: "C.UTF-8",
    HOME: SANDBOX_SCRATCH,
    TMPDIR: SANDBOX_SCRATCH,
    PATH: "/usr/bin:/bin",
    FORCE_COLOR: "0",
    STUDIO_WORKER_ENVIRONMENT: JSON.stringify(WORKER_ENVIRONMENT),
  }
}
