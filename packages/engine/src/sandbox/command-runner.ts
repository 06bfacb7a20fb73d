import path from "node:path"
import { ENGINE_ROOT } from "../engine-root"
import { SANDBOX_SCRATCH } from "./isolation"
import type { IsolationReport, SandboxCommandJob, SandboxCommandResult } from "./types"
import { SandboxWorkerProcess } from "./worker-process"

/** The limits a command runs under: the sandbox's own for test jobs. */
export interface CommandLimits {
  timeoutMs: number
  /** Memory and processes + threads of the whole tree (cgroup, where the machine has one). */
  memoryBytes: number
  maxProcesses: number
  /** V8 old-space limit of the launcher and of a Node command (NODE_OPTIONS). */
  heapMegabytes: number
  /** stdout + stderr after which the tree is killed. */
  maxOutputBytes: number
  /** Node's permission model for a Node command where there are no namespaces (defence in depth only). */
  nodePermission: boolean
}

const ENTRY = path.join(ENGINE_ROOT, "src", "sandbox", "command-entry.mjs")
/** How much of the end of stderr is kept for a crash's diagnostic. */
const STDERR_TAIL_CHARS = 4096

/**
 * Runs `job.argv` inside the sandbox, exactly as a test worker is contained: the isolation backend in force
 * (bubblewrap, unshare or a plain process), its cgroup limits, an empty environment, no network, the whole process
 * tree killed at the wall-clock limit. A launcher (command-entry.mjs) writes the job's files into the sandbox's
 * private scratch space and runs the command there; the plugin's folder is bound read-only at its own path
 * (`PLUGIN_DIR`). Never throws for what the command does: its exit, a limit or a cancel is in the result.
 */
export async function runCommandInSandbox(
  job: SandboxCommandJob,
  isolation: IsolationReport,
  limits: CommandLimits,
  track: (worker: SandboxWorkerProcess) => void = () => undefined,
): Promise<SandboxCommandResult> {
  const started = performance.now()
  const timeoutMs = job.timeoutMs ?? limits.timeoutMs
  const worker = new SandboxWorkerProcess({
    isolation,
    entry: ENTRY,
    readOnly: [job.pluginDir],
    env: {
      PATH: "/usr/bin:/bin",
      LANG: "C.UTF-8",
      TZ: "UTC",
      HOME: SANDBOX_SCRATCH,
      TMPDIR: SANDBOX_SCRATCH,
    },
    memoryBytes: limits.memoryBytes,
    maxProcesses: limits.maxProcesses,
    heapMegabytes: limits.heapMegabytes,
    maxOutputBytes: limits.maxOutputBytes,
    // The launcher spawns the command, which Node's permission model forbids; the command gets it instead (below).
    nodePermission: false,
  })
  track(worker)
  // "exit" can come before the last output: the pipes are read to their end ("close") before the result is made.
  const outputClosed = new Promise<void>((resolve) => worker.child.once("close", () => resolve()))
  const stdout: Buffer[] = []
  let stdoutBytes = 0
  let stderr = ""
  worker.child.stdout?.on("data", (chunk: Buffer) => {
    if (stdoutBytes >= limits.maxOutputBytes) return
    stdout.push(chunk)
    stdoutBytes += chunk.length
  })
  worker.child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-STDERR_TAIL_CHARS)
  })
  let stopReason: "timeout" | "cancelled" | undefined
  const stop = (reason: "timeout" | "cancelled") => {
    stopReason ??= reason
    void worker.kill()
  }
  const timer = setTimeout(() => stop("timeout"), timeoutMs)
  const onAbort = () => stop("cancelled")
  job.signal?.addEventListener("abort", onAbort, { once: true })
  if (job.signal?.aborted) onAbort()
  try {
    const ready = await worker.ready.then(
      () => true,
      () => false,
    )
    if (ready && !worker.hasExited) {
      worker.child.send({
        __studio: "command",
        files: job.files,
        argv: job.argv,
        pluginDir: job.pluginDir,
        nodePermission: limits.nodePermission && isolation.backend === "process",
        env: {
          PATH: "/usr/bin:/bin",
          LANG: "C.UTF-8",
          TZ: "UTC",
          NO_COLOR: "1",
          FORCE_COLOR: "0",
          PLUGIN_DIR: job.pluginDir,
          NODE_OPTIONS: `--max-old-space-size=${limits.heapMegabytes}`,
        },
      })
    }
    const exit = await worker.exited
    // Anything the command left behind in its process group goes with it.
    if (worker.child.pid !== undefined) {
      try {
        process.kill(-worker.child.pid, "SIGKILL")
      } catch {
        // the group is gone already
      }
    }
    await Promise.race([outputClosed, new Promise((resolve) => setTimeout(resolve, 1000).unref())])
    await worker.kill()
    const stoppedFor =
      stopReason ??
      (worker.killedFor === "output-limit"
        ? "output-limit"
        : worker.memoryLimitHit
          ? "memory-limit"
          : undefined)
    return {
      exitCode: stoppedFor ? null : exit.code,
      signal: exit.signal,
      stdout: Buffer.concat(stdout).toString("utf8"),
      stderrTail: stderr,
      ...(stoppedFor ? { stoppedFor } : {}),
      timeoutMs,
      durationMs: Math.round(performance.now() - started),
      isolation: isolation.level,
    }
  } finally {
    clearTimeout(timer)
    job.signal?.removeEventListener("abort", onAbort)
  }
}
