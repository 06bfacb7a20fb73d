import type { Diagnostic, TestCaseResult } from "@studio/protocol"
import type { AccessibilityCheckRequest, AccessibilityReport } from "./axe-check"

/** One test job: a generated project's files, run once and thrown away. */
export interface SandboxJob {
  /** Job-relative paths (`src/components/Counter.tsx`) to contents. */
  files: Record<string, string>
  /**
   * Tests as the spec: the job's test files a person gave (job paths). Only they run as Jest-style tests (globals, the
   * `jest` object), and only in such a job may components import react-router-dom and tests fetch-mock. Absent or
   * empty: a job of generated tests, with none of that.
   */
  givenTests?: readonly string[]
  /** Wall-clock limit for the whole job; the worker's process tree is killed when it passes. */
  timeoutMs?: number
  signal?: AbortSignal
  /** Called as each test finishes, before the job ends. */
  onTestResult?: (result: TestCaseResult) => void
  /** Also run the accessibility check (axe) on this component, in the tests' own worker (see axe-check.ts). */
  accessibility?: AccessibilityCheckRequest
}

export interface SandboxResult {
  tests: TestCaseResult[]
  /** Problems that are not a single test's failure: a test file that does not load, a timeout, a limit hit. */
  diagnostics: Diagnostic[]
  durationMs: number
  /** Peak memory of the worker's process tree, when the OS can tell (cgroup). */
  peakMemoryBytes?: number
  isolation: IsolationLevel
  /** The accessibility check's report, when the job asked for it (or why the check has none). */
  accessibility?: AccessibilityReport | { error: string }
}

export type IsolationLevel = "namespaces+cgroup" | "namespaces" | "process"

/** One run of a program (a custom plugin's `command`) on a job's files, under the same isolation as test jobs. */
export interface SandboxCommandJob {
  /** Job-relative paths to contents: a scratch copy of them is the program's working directory. */
  files: Record<string, string>
  /** The program and its arguments; the first entry is the studio's Node or a file inside `pluginDir`. */
  argv: readonly string[]
  /** The plugin's own folder: visible read-only at the same path, named by `PLUGIN_DIR` in the environment. */
  pluginDir: string
  /** Wall-clock limit (default: the sandbox's test-job limit); the whole process tree is killed when it passes. */
  timeoutMs?: number
  signal?: AbortSignal
}

export interface SandboxCommandResult {
  /** The exit code; null when it was killed (a limit, a cancel) or died of a signal. */
  exitCode: number | null
  signal: string | null
  /** What it printed on stdout, up to the output limit. */
  stdout: string
  /** The last few KiB of its stderr. */
  stderrTail: string
  /** Why the studio stopped it before it ended by itself. */
  stoppedFor?: "timeout" | "cancelled" | "output-limit" | "memory-limit"
  timeoutMs: number
  durationMs: number
  isolation: IsolationLevel
}

/** How the worker is contained, strongest first: bubblewrap, util-linux `unshare` namespaces, a plain process. */
export type IsolationBackend = "bubblewrap" | "unshare" | "process"

export interface IsolationReport {
  level: IsolationLevel
  /** The backend in force (the first of bubblewrap, unshare, process that works on this machine). */
  backend: IsolationBackend
  /** What is in force, one line each (for `studio doctor`). */
  layers: string[]
  /** What is missing and what that means; empty at full isolation. */
  warnings: string[]
  bubblewrap: {
    path: string
    version: string
    /** What runs bubblewrap (e.g. `setpriv` to uid 65534 when the studio is root); empty: bubblewrap itself. */
    hostCommand: string[]
  } | null
  /** The util-linux tools of the unshare backend, when it is the one in force. */
  unshare: UnshareTools | null
  /** What the backend in force keeps generated code from doing, one line each. */
  protectsAgainst: string[]
  /** What it does not stop, one line each (what a stronger backend would add). */
  doesNotProtectAgainst: string[]
  cgroup: { version: 1 | 2; memoryPath: string; pidsPath: string } | null
}

export interface UnshareTools {
  unshare: string
  setpriv: string
  version: string
  /**
   * A root studio normally drops to uid 65534 on the host before making the namespaces; true when that uid cannot
   * read the studio's files (a 0700 folder on the way), so the namespaces are made as the host's root instead.
   */
  keepsHostRoot?: boolean
}

/**
 * Where generated tests run. The local backend (bubblewrap + cgroups on this machine) is the default; a remote
 * backend (a Firecracker / e2b-style microVM service, gVisor) implements the same calls.
 */
export interface SandboxBackend {
  readonly name: string
  runTestsInSandbox(job: SandboxJob): Promise<SandboxResult>
  /** Runs a custom plugin's command on a job's files (absent: this backend cannot run custom plugins). */
  runCommand?(job: SandboxCommandJob): Promise<SandboxCommandResult>
  /** Starts the warm workers now, so the first job does not pay for them. */
  warmUp(): Promise<void>
  describeIsolation(): Promise<IsolationReport>
  close(): Promise<void>
}
