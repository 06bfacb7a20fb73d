import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs"
import path from "node:path"

export interface CgroupLocation {
  version: 1 | 2
  /** Parent folder the job cgroups are made in (v2: one tree; v1: the memory hierarchy). */
  memoryPath: string
  /** v1 only: the pids hierarchy's parent folder (equal to memoryPath on v2). */
  pidsPath: string
}

export interface CgroupLimits {
  memoryBytes: number
  maxProcesses: number
}

/** The filesystem calls cgroup setup makes, so that tests can run them against a fake cgroupfs. */
export interface CgroupFs {
  readFile(file: string): string
  writeFile(file: string, data: string): void
  /** Creates one folder (its parent must exist); a folder that already exists is not an error. */
  mkdir(dir: string): void
  rmdir(dir: string): void
  exists(file: string): boolean
}

export const nodeCgroupFs: CgroupFs = {
  readFile: (file) => readFileSync(file, "utf8"),
  writeFile: (file, data) => writeFileSync(file, data),
  mkdir: (dir) => {
    try {
      mkdirSync(dir)
    } catch (error) {
      if (errorCode(error) !== "EEXIST") throw error
    }
  },
  rmdir: (dir) => rmdirSync(dir),
  exists: (file) => existsSync(file),
}

export interface CgroupProbeOptions {
  procSelfCgroup?: string
  root?: string
  fs?: CgroupFs
}

export type CgroupProbe = { location: CgroupLocation } | { location: null; reason: string }

/** The folder job cgroups are made in, beside the server's own processes. */
export const SANDBOX_PARENT = "ai-studio-sandbox"
/** v2: the leaf the server's cgroup's processes move to, so that the cgroup may delegate controllers. */
export const SERVER_LEAF = "ai-studio-server"
const CONTROLLERS = ["memory", "pids"] as const

/** Finds where this process may create child cgroups with memory and pids limits, or null when it may not. */
export function locateCgroups(options: CgroupProbeOptions = {}): CgroupLocation | null {
  return probeCgroups(options).location
}

/**
 * Prepares the parent cgroup for the sandbox's workers and says where it is, or why there is none. On v2 this may
 * move the processes of this process's cgroup (the server among them) into a leaf cgroup: see `delegateV2`.
 */
export function probeCgroups(options: CgroupProbeOptions = {}): CgroupProbe {
  const fs = options.fs ?? nodeCgroupFs
  const root = options.root ?? "/sys/fs/cgroup"
  let lines: string[]
  try {
    lines = fs
      .readFile(options.procSelfCgroup ?? "/proc/self/cgroup")
      .trim()
      .split("\n")
      .filter(Boolean)
  } catch {
    return { location: null, reason: "this system has no cgroups (no /proc/self/cgroup)" }
  }
  const entries = lines.map((line) => {
    const [, controllers = "", own = "/"] = line.split(":")
    return { controllers: controllers.split(","), own }
  })
  try {
    if (fs.exists(path.posix.join(root, "cgroup.controllers"))) {
      const own = entries.find((entry) => entry.controllers.length === 1 && entry.controllers[0] === "")?.own
      if (own === undefined) return { location: null, reason: "this process is in no cgroup v2 group" }
      const parent = delegateV2(fs, root, own)
      return { location: { version: 2, memoryPath: parent, pidsPath: parent } }
    }
    const hierarchy = (controller: string) => {
      const entry = entries.find((candidate) => candidate.controllers.includes(controller))
      if (!entry) throw new CgroupSetupError(`there is no cgroup v1 ${controller} hierarchy`)
      // A hierarchy is mounted under the names of all its controllers ("cpu,cpuacct").
      return path.posix.join(root, entry.controllers.join(","), entry.own)
    }
    const memoryPath = prepareV1Parent(fs, hierarchy("memory"), "memory")
    const pidsPath = prepareV1Parent(fs, hierarchy("pids"), "pids")
    return { location: { version: 1, memoryPath, pidsPath } }
  } catch (error) {
    return { location: null, reason: describeFailure(error) }
  }
}

/**
 * v2 gives a child only the controllers its parent's `cgroup.subtree_control` enables, and a cgroup that holds
 * processes may not enable any (the "no internal processes" rule: EBUSY). So, like systemd and container runtimes,
 * the processes of our cgroup move into a leaf first; the workers' parent is then made beside that leaf.
 */
function delegateV2(fs: CgroupFs, root: string, own: string): string {
  let base = path.posix.join(root, own)
  // Already in our leaf (this process probed before, or was started there): delegate from the leaf's parent.
  if (path.posix.basename(base) === SERVER_LEAF) base = path.posix.dirname(base)
  const available = words(
    step("read the server's cgroup", () => fs.readFile(join(base, "cgroup.controllers"))),
  )
  const missing = CONTROLLERS.filter((controller) => !available.includes(controller))
  if (missing.length > 0) {
    throw new CgroupSetupError(
      `the server's cgroup is not given the ${missing.join(" and ")} controller${missing.length > 1 ? "s" : ""} by its parent (delegate them, e.g. systemd's Delegate=yes)`,
    )
  }
  const enabled = words(fs.readFile(join(base, "cgroup.subtree_control")))
  if (!CONTROLLERS.every((controller) => enabled.includes(controller))) enableForChildren(fs, base)
  const parent = join(base, SANDBOX_PARENT)
  step("create the sandbox's cgroup", () => fs.mkdir(parent))
  step("enable memory and pids for the workers", () =>
    fs.writeFile(join(parent, "cgroup.subtree_control"), "+memory +pids"),
  )
  probeChild(fs, parent, (child) => {
    const given = words(fs.readFile(join(child, "cgroup.controllers")))
    if (!CONTROLLERS.every((controller) => given.includes(controller))) {
      throw new CgroupSetupError("a worker's cgroup does not get the memory and pids controllers")
    }
  })
  return parent
}

function enableForChildren(fs: CgroupFs, base: string): void {
  const control = join(base, "cgroup.subtree_control")
  const enable = () => {
    try {
      fs.writeFile(control, "+memory +pids")
      return true
    } catch (error) {
      if (errorCode(error) === "EBUSY") return false
      throw new CgroupSetupError("cannot enable memory and pids in the server's cgroup", error)
    }
  }
  // The root cgroup is exempt from the rule, and an empty cgroup needs no move: try before moving anything.
  if (enable()) return
  const leaf = join(base, SERVER_LEAF)
  step("create the server's leaf cgroup", () => fs.mkdir(leaf))
  // A process can fork into `base` while the others move; a few rounds catch up with it.
  for (let round = 0; round < 5; round++) {
    for (const pid of words(fs.readFile(join(base, "cgroup.procs")))) {
      try {
        fs.writeFile(join(leaf, "cgroup.procs"), pid)
      } catch (error) {
        // ESRCH: it exited meanwhile. Anything else (a process we may not move) leaves `base` populated.
        if (errorCode(error) !== "ESRCH")
          throw new CgroupSetupError("cannot move the server into its leaf cgroup", error)
      }
    }
    if (enable()) return
  }
  throw new CgroupSetupError("the server's cgroup kept gaining processes while they were moved to a leaf")
}

function prepareV1Parent(fs: CgroupFs, own: string, controller: string): string {
  const parent = join(own, SANDBOX_PARENT)
  step(`create the sandbox's cgroup in the ${controller} hierarchy`, () => fs.mkdir(parent))
  probeChild(fs, parent, () => undefined)
  return parent
}

/** Proves a worker's cgroup can be made (and removed) under `parent` before any worker depends on it. */
function probeChild(fs: CgroupFs, parent: string, check: (child: string) => void): void {
  const probe = join(parent, `probe-${process.pid}`)
  step("create a worker's cgroup", () => fs.mkdir(probe))
  try {
    check(probe)
  } finally {
    fs.rmdir(probe)
  }
}

/** A cgroup (v1: one in each of two hierarchies) holding one sandbox worker's whole process tree. */
export class JobCgroup {
  private constructor(
    private readonly location: CgroupLocation,
    private readonly memoryDir: string,
    private readonly pidsDir: string,
    private readonly fs: CgroupFs,
    private readonly killProcess: (pid: number) => void,
  ) {}

  static create(
    location: CgroupLocation,
    name: string,
    limits: CgroupLimits,
    system: { fs?: CgroupFs; killProcess?: (pid: number) => void } = {},
  ): JobCgroup {
    const fs = system.fs ?? nodeCgroupFs
    const memoryDir = join(location.memoryPath, name)
    const pidsDir = location.version === 2 ? memoryDir : join(location.pidsPath, name)
    const group = new JobCgroup(
      location,
      memoryDir,
      pidsDir,
      fs,
      system.killProcess ?? ((pid) => process.kill(pid, "SIGKILL")),
    )
    fs.mkdir(memoryDir)
    try {
      if (pidsDir !== memoryDir) fs.mkdir(pidsDir)
      if (location.version === 2) {
        fs.writeFile(join(memoryDir, "memory.max"), String(limits.memoryBytes))
        // Absent when the kernel has no swap accounting; then there is no swap to escape to either.
        writeOptional(fs, join(memoryDir, "memory.swap.max"), "0")
      } else {
        fs.writeFile(join(memoryDir, "memory.limit_in_bytes"), String(limits.memoryBytes))
        writeOptional(fs, join(memoryDir, "memory.memsw.limit_in_bytes"), String(limits.memoryBytes))
      }
      fs.writeFile(join(pidsDir, "pids.max"), String(limits.maxProcesses))
    } catch (error) {
      // A group without its limits is no use; leave nothing behind.
      group.destroy()
      throw error
    }
    return group
  }

  /** The files a process writes its pid to, to join the group (one per hierarchy). */
  procFiles(): string[] {
    const files = [join(this.memoryDir, "cgroup.procs")]
    if (this.pidsDir !== this.memoryDir) files.push(join(this.pidsDir, "cgroup.procs"))
    return files
  }

  /** Moves a process (and so every process it starts later) into the group. */
  attach(pid: number): void {
    for (const file of this.procFiles()) this.fs.writeFile(file, String(pid))
  }

  peakMemoryBytes(): number | undefined {
    const file = this.location.version === 2 ? "memory.peak" : "memory.max_usage_in_bytes"
    const value = readOptional(this.fs, join(this.memoryDir, file))
    return value === undefined || value === "" ? undefined : Number(value)
  }

  /**
   * True when the group ran out of memory: the kernel refused an allocation at the limit or its OOM killer killed
   * a process of the group. Reaching the limit and reclaiming page cache (v2's `max` event) does not count.
   */
  hitMemoryLimit(): boolean {
    if (this.location.version === 2) {
      const events = readOptional(this.fs, join(this.memoryDir, "memory.events")) ?? ""
      return counter(events, "oom") > 0 || counter(events, "oom_kill") > 0
    }
    // v1's failcnt counts reclaims as well as failures, and stays 0 when the memsw limit is the one that trips
    // (seen on 6.x kernels); `oom_kill` (Linux 4.13+) counts the kills themselves.
    const control = readOptional(this.fs, join(this.memoryDir, "memory.oom_control")) ?? ""
    if (/^oom_kill /m.test(control))
      return counter(control, "oom_kill") > 0 || counter(control, "under_oom") > 0
    return ["memory.failcnt", "memory.memsw.failcnt"].some(
      (file) => Number(readOptional(this.fs, join(this.memoryDir, file)) ?? 0) > 0,
    )
  }

  /** Every process in the group, from both hierarchies on v1 (a process may be in one for a moment). */
  processIds(): number[] {
    const dirs = this.pidsDir === this.memoryDir ? [this.memoryDir] : [this.memoryDir, this.pidsDir]
    const ids = dirs.flatMap((dir) => words(readOptional(this.fs, join(dir, "cgroup.procs")) ?? ""))
    return [...new Set(ids.map(Number))]
  }

  /** Kills every process in the group, including any that escaped the worker's process group. */
  killAll(): void {
    if (this.location.version === 2 && writeOptional(this.fs, join(this.pidsDir, "cgroup.kill"), "1")) return
    for (const pid of this.processIds()) {
      try {
        this.killProcess(pid)
      } catch {
        // already gone
      }
    }
  }

  /** Removes the group; returns false while processes are still leaving it. */
  destroy(): boolean {
    const removed = (dir: string) => {
      try {
        this.fs.rmdir(dir)
        return true
      } catch (error) {
        return errorCode(error) === "ENOENT"
      }
    }
    // Each hierarchy on its own: one may empty before the other, and a folder already gone counts as done.
    const pidsGone = this.pidsDir === this.memoryDir || removed(this.pidsDir)
    return removed(this.memoryDir) && pidsGone
  }
}

class CgroupSetupError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause })
  }
}

/** Runs one setup step, naming it in the error; cgroup paths stay out of the message (it reaches logs and UIs). */
function step<T>(what: string, run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof CgroupSetupError) throw error
    throw new CgroupSetupError(`cannot ${what}`, error)
  }
}

const ERROR_MEANINGS: Record<string, string> = {
  EACCES: "permission denied: needs root or a delegated cgroup",
  EPERM: "not permitted: needs root or a delegated cgroup",
  EROFS: "the cgroup filesystem is mounted read-only",
  EBUSY: "the cgroup holds processes",
  ENOENT: "the cgroup file is missing",
}

function describeFailure(error: unknown): string {
  if (!(error instanceof CgroupSetupError)) return "cgroup setup failed"
  const code = errorCode(error.cause)
  if (!code) return error.message
  return `${error.message} (${code}${ERROR_MEANINGS[code] ? `: ${ERROR_MEANINGS[code]}` : ""})`
}

function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return typeof code === "string" ? code : undefined
}

/** cgroupfs paths are POSIX paths whatever the platform. */
function join(...parts: string[]): string {
  return path.posix.join(...parts)
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean)
}

/** The number after `key` in a flat-keyed cgroup file (`oom_kill 3`), 0 when absent. */
function counter(text: string, key: string): number {
  const match = new RegExp(`^${key} (\\d+)$`, "m").exec(text)
  return match ? Number(match[1]) : 0
}

function writeOptional(fs: CgroupFs, file: string, value: string): boolean {
  try {
    fs.writeFile(file, value)
    return true
  } catch {
    return false
  }
}

function readOptional(fs: CgroupFs, file: string): string | undefined {
  try {
    return fs.readFile(file).trim()
  } catch {
    return undefined
  }
}
