import { spawn, type ChildProcess } from "node:child_process"
import { randomUUID } from "node:crypto"
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { JobCgroup } from "./cgroup"
import { bubblewrapArgs, SANDBOX_SCRATCH } from "./isolation"
import type { IsolationReport } from "./types"
import { unshareCommand } from "./unshare"

export interface WorkerProcessOptions {
  isolation: IsolationReport
  /** The worker's entry script. */
  entry: string
  /** Folders the worker may read (node_modules, the entry's folder); everything else of the host is hidden. */
  readOnly: string[]
  env: Record<string, string>
  memoryBytes: number
  maxProcesses: number
  heapMegabytes: number
  /** Bytes of stdout + stderr after which the worker is killed. */
  maxOutputBytes: number
  /**
   * Where job folders live (made before the worker starts): visible to Node's permission layer, never bound into the
   * namespace.
   */
  jobsRoot?: string
  /** Node's own permission model as one more layer (defence in depth only: it leaves the network open). */
  nodePermission: boolean
}

export type WorkerExit = {
  code: number | null
  signal: NodeJS.Signals | null
  reason?: "output-limit" | "killed"
}

/** One sandboxed Node process serving one Vitest run: started warm, killed with its whole tree afterwards. */
export class SandboxWorkerProcess {
  readonly id = randomUUID()
  readonly child: ChildProcess
  readonly ready: Promise<{ warmupMs: number }>
  readonly exited: Promise<WorkerExit>
  private cgroup: JobCgroup | undefined
  private readonly scratchDir: string | undefined
  private exitInfo: WorkerExit | undefined
  private killReason: WorkerExit["reason"]
  private finalStats: { peakMemoryBytes?: number; memoryLimitHit: boolean } | undefined
  private cleanup: Promise<void> | undefined
  private outputBytes = 0
  private output = ""

  constructor(private readonly options: WorkerProcessOptions) {
    // Node's permission layer grants a folder's contents only when the folder exists as the worker starts (else just
    // that one path). The host makes the jobs folder beside the first warm worker, and when that worker won the race
    // it could read no job file: Vitest's snapshot setup failed with ERR_ACCESS_DENIED and no test ran.
    if (options.nodePermission && options.jobsRoot) mkdirSync(options.jobsRoot, { recursive: true })
    const permission = options.nodePermission
      ? [
          "--experimental-permission",
          ...options.readOnly.map((dir) => `--allow-fs-read=${dir}`),
          `--allow-fs-read=${path.dirname(options.entry)}`,
          // Vitest's snapshot support looks for `__snapshots__` beside the test file, from inside the worker.
          ...(options.jobsRoot ? [`--allow-fs-read=${options.jobsRoot}`] : []),
          `--allow-fs-write=${SANDBOX_SCRATCH}`,
        ]
      : []
    const nodeArgs = [
      `--max-old-space-size=${options.heapMegabytes}`,
      "--disable-warning=ExperimentalWarning",
      ...permission,
      options.entry,
    ]
    const env = { ...options.env, NODE_CHANNEL_FD: "3", NODE_CHANNEL_SERIALIZATION_MODE: "advanced" }
    // The cgroup exists before the process does, and the process joins it before it execs anything: bubblewrap
    // forks its sandboxed child at once, and a child forked before the move would escape the limits.
    const location = options.isolation.cgroup
    if (location) {
      try {
        this.cgroup = JobCgroup.create(location, `worker-${this.id}`, {
          memoryBytes: options.memoryBytes,
          maxProcesses: options.maxProcesses,
        })
      } catch {
        this.cgroup = undefined
      }
    }
    const { backend, bubblewrap, unshare } = options.isolation
    // An empty stand-in, so that Node's permission layer (which resolves granted paths at start) has a folder to
    // grant and the worker finds no job files there, only what the host sends it.
    const emptyDirs = options.jobsRoot ? [options.jobsRoot] : []
    let command: string[]
    let spawnEnv: NodeJS.ProcessEnv
    let cwd: string | undefined
    if (backend === "unshare" && unshare) {
      command = [
        ...unshareCommand(unshare, {
          readOnly: [...options.readOnly, path.dirname(options.entry)],
          emptyDirs,
          scratch: SANDBOX_SCRATCH,
          cwd: SANDBOX_SCRATCH,
        }),
        process.execPath,
        ...nodeArgs,
      ]
      // The setup steps and the worker see only the worker's environment (the setup script clears the rest).
      spawnEnv = env
    } else if (backend === "bubblewrap" && bubblewrap) {
      const args = bubblewrapArgs({
        readOnly: [...options.readOnly, path.dirname(options.entry)],
        emptyDirs,
        env,
        cwd: SANDBOX_SCRATCH,
      })
      command = [...bubblewrap.hostCommand, bubblewrap.path, ...args, process.execPath, ...nodeArgs]
      spawnEnv = {}
    } else {
      // Without namespaces the worker still gets an empty environment, its own process group and a private
      // scratch folder as its working directory.
      this.scratchDir = mkdtempSync(path.join(os.tmpdir(), "studio-worker-"))
      const scratch = this.scratchDir
      command = [
        process.execPath,
        ...nodeArgs.map((arg) =>
          arg === `--allow-fs-write=${SANDBOX_SCRATCH}` ? `--allow-fs-write=${scratch}` : arg,
        ),
      ]
      spawnEnv = { ...options.env, TMPDIR: scratch }
      cwd = scratch
    }
    const procFiles = this.cgroup?.procFiles() ?? []
    if (procFiles.length > 0) {
      command = [
        "/bin/sh",
        "-c",
        'for file in $STUDIO_CGROUP_PROCS; do echo $$ > "$file" || exit 97; done; exec "$@"',
        "sh",
        ...command,
      ]
      spawnEnv = { ...spawnEnv, STUDIO_CGROUP_PROCS: procFiles.join(" ") }
    }
    const [executable = process.execPath, ...args] = command
    this.child = spawn(executable, args, {
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      serialization: "advanced",
      detached: true,
      env: spawnEnv,
      ...(cwd ? { cwd } : {}),
    })
    const countOutput = (chunk: Buffer) => {
      this.outputBytes += chunk.length
      if (this.output.length < 8192) this.output += chunk.toString("utf8").slice(0, 8192 - this.output.length)
      if (this.outputBytes > options.maxOutputBytes) void this.kill("output-limit")
    }
    this.child.stdout?.on("data", countOutput)
    this.child.stderr?.on("data", countOutput)
    this.exited = new Promise((resolve) => {
      this.child.once("exit", (code, signal) => {
        this.exitInfo = { code, signal, reason: this.killReason }
        resolve(this.exitInfo)
      })
      this.child.once("error", () => {
        this.exitInfo = { code: null, signal: null, reason: this.killReason }
        resolve(this.exitInfo)
      })
    })
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (message: unknown) => {
        if (isStudioMessage(message) && message.__studio === "ready") {
          this.child.off("message", onMessage)
          resolve({ warmupMs: Number(message.warmupMs ?? 0) })
        }
      }
      this.child.on("message", onMessage)
      void this.exited.then((exit) => {
        reject(
          new Error(
            `sandbox worker exited before it was ready (code ${exit.code}, signal ${exit.signal}): ${this.output.trim().slice(0, 500)}`,
          ),
        )
      })
    })
    // A rejected `ready` must not become an unhandled rejection when nobody waits for this worker.
    this.ready.catch(() => undefined)
  }

  get hasExited(): boolean {
    return this.exitInfo !== undefined
  }

  /** What the worker printed (capped), for diagnostics when it dies. */
  get capturedOutput(): string {
    return this.output
  }

  /** Why the studio killed this worker, if it did before the worker finished by itself. */
  get killedFor(): WorkerExit["reason"] {
    return this.killReason
  }

  get memoryLimitHit(): boolean {
    return this.finalStats?.memoryLimitHit ?? this.cgroup?.hitMemoryLimit() ?? false
  }

  peakMemoryBytes(): number | undefined {
    return this.finalStats?.peakMemoryBytes ?? this.cgroup?.peakMemoryBytes()
  }

  /** Kills the whole process tree (process group, then everything left in the cgroup) and waits for it. */
  async kill(reason: WorkerExit["reason"] = "killed"): Promise<WorkerExit> {
    this.killReason ??= reason
    if (!this.exitInfo && this.child.pid !== undefined) {
      try {
        process.kill(-this.child.pid, "SIGKILL")
      } catch {
        this.child.kill("SIGKILL")
      }
    }
    this.cgroup?.killAll()
    const exit = await this.exited
    this.finalStats ??= {
      peakMemoryBytes: this.cgroup?.peakMemoryBytes(),
      memoryLimitHit: this.cgroup?.hitMemoryLimit() ?? false,
    }
    // Removing the cgroup can take up to a second while the kernel finishes tearing the tree down; the job's
    // result does not wait for it. `cleanedUp` tells a closing sandbox when it is done.
    this.cleanup ??= this.cleanUp().catch(() => undefined)
    return exit
  }

  /** Resolves when the worker's cgroup and scratch folder are gone (after `kill`). */
  get cleanedUp(): Promise<void> {
    return this.cleanup ?? Promise.resolve()
  }

  private async cleanUp(): Promise<void> {
    if (this.cgroup) {
      // Up to 5 s: under load the kernel can take a while to let go of a killed tree (this runs in the background).
      for (let attempt = 0; attempt < 250 && !this.cgroup.destroy(); attempt++) {
        this.cgroup.killAll()
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }
    if (this.scratchDir) rmSync(this.scratchDir, { recursive: true, force: true })
  }
}

function isStudioMessage(message: unknown): message is { __studio: string; [key: string]: unknown } {
  return typeof message === "object" && message !== null && "__studio" in message
}

export { isStudioMessage }
