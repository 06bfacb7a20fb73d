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

const PARENT_NAME = "ai-studio-sandbox"

/** Finds where this process may create child cgroups with memory and pids limits, or null when it may not. */
export function locateCgroups(
  procSelfCgroup = "/proc/self/cgroup",
  root = "/sys/fs/cgroup",
): CgroupLocation | null {
  let lines: string[]
  try {
    lines = readFileSync(procSelfCgroup, "utf8").trim().split("\n")
  } catch {
    return null
  }
  const entries = lines.map((line) => {
    const [, controllers = "", own = "/"] = line.split(":")
    return { controllers: controllers.split(","), own }
  })
  const isV2 = existsSync(path.join(root, "cgroup.controllers"))
  if (isV2) {
    const own =
      entries.find((entry) => entry.controllers.length === 1 && entry.controllers[0] === "")?.own ?? "/"
    const candidate = prepareParent(path.join(root, own), true)
    return candidate ? { version: 2, memoryPath: candidate, pidsPath: candidate } : null
  }
  const memoryOwn = entries.find((entry) => entry.controllers.includes("memory"))?.own
  const pidsOwn = entries.find((entry) => entry.controllers.includes("pids"))?.own
  if (memoryOwn === undefined || pidsOwn === undefined) return null
  const memoryPath = prepareParent(path.join(root, "memory", memoryOwn), false)
  const pidsPath = prepareParent(path.join(root, "pids", pidsOwn), false)
  return memoryPath && pidsPath ? { version: 1, memoryPath, pidsPath } : null
}

function prepareParent(own: string, v2: boolean): string | null {
  const parent = path.join(own, PARENT_NAME)
  try {
    mkdirSync(parent, { recursive: true })
    if (v2) {
      // A v2 child only gets controllers its parent delegates; our own cgroup may hold processes, so the
      // delegation is made on the dedicated parent, which never holds any.
      const available = readFileSync(path.join(parent, "cgroup.controllers"), "utf8")
      if (!available.includes("memory") || !available.includes("pids")) {
        writeFileSync(path.join(own, "cgroup.subtree_control"), "+memory +pids")
      }
      writeFileSync(path.join(parent, "cgroup.subtree_control"), "+memory +pids")
    }
    const probe = path.join(parent, `probe-${process.pid}`)
    mkdirSync(probe)
    rmdirSync(probe)
    return parent
  } catch {
    return null
  }
}

/** A cgroup (v1: one in each of two hierarchies) holding one sandbox worker's whole process tree. */
export class JobCgroup {
  private constructor(
    private readonly location: CgroupLocation,
    private readonly memoryDir: string,
    private readonly pidsDir: string,
  ) {}

  static create(location: CgroupLocation, name: string, limits: CgroupLimits): JobCgroup {
    const memoryDir = path.join(location.memoryPath, name)
    const pidsDir = location.version === 2 ? memoryDir : path.join(location.pidsPath, name)
    mkdirSync(memoryDir, { recursive: true })
    if (pidsDir !== memoryDir) mkdirSync(pidsDir, { recursive: true })
    const group = new JobCgroup(location, memoryDir, pidsDir)
    if (location.version === 2) {
      writeFileSync(path.join(memoryDir, "memory.max"), String(limits.memoryBytes))
      writeOptional(path.join(memoryDir, "memory.swap.max"), "0")
      writeFileSync(path.join(pidsDir, "pids.max"), String(limits.maxProcesses))
    } else {
      writeFileSync(path.join(memoryDir, "memory.limit_in_bytes"), String(limits.memoryBytes))
      writeOptional(path.join(memoryDir, "memory.memsw.limit_in_bytes"), String(limits.memoryBytes))
      writeFileSync(path.join(pidsDir, "pids.max"), String(limits.maxProcesses))
    }
    return group
  }

  /** The files a process writes its pid to, to join the group (one per hierarchy). */
  procFiles(): string[] {
    const files = [path.join(this.memoryDir, "cgroup.procs")]
    if (this.pidsDir !== this.memoryDir) files.push(path.join(this.pidsDir, "cgroup.procs"))
    return files
  }

  /** Moves a process (and so every process it starts later) into the group. */
  attach(pid: number): void {
    writeFileSync(path.join(this.memoryDir, "cgroup.procs"), String(pid))
    if (this.pidsDir !== this.memoryDir) writeFileSync(path.join(this.pidsDir, "cgroup.procs"), String(pid))
  }

  peakMemoryBytes(): number | undefined {
    const file = this.location.version === 2 ? "memory.peak" : "memory.max_usage_in_bytes"
    const value = readOptional(path.join(this.memoryDir, file))
    return value === undefined ? undefined : Number(value)
  }

  /** True when the kernel had to refuse memory to the group (its limit was hit). */
  hitMemoryLimit(): boolean {
    if (this.location.version === 2) {
      const events = readOptional(path.join(this.memoryDir, "memory.events")) ?? ""
      return /^(oom|oom_kill|max) [1-9]/m.test(events)
    }
    return Number(readOptional(path.join(this.memoryDir, "memory.failcnt")) ?? 0) > 0
  }

  /** Every process in the group, from both hierarchies on v1 (a process may be in one for a moment). */
  processIds(): number[] {
    const dirs = this.pidsDir === this.memoryDir ? [this.memoryDir] : [this.memoryDir, this.pidsDir]
    const ids = dirs.flatMap((dir) =>
      (readOptional(path.join(dir, "cgroup.procs")) ?? "").split("\n").filter(Boolean),
    )
    return [...new Set(ids.map(Number))]
  }

  /** Kills every process in the group, including any that escaped the worker's process group. */
  killAll(): void {
    if (this.location.version === 2 && writeOptional(path.join(this.pidsDir, "cgroup.kill"), "1")) return
    for (const pid of this.processIds()) {
      try {
        process.kill(pid, "SIGKILL")
      } catch {
        // already gone
      }
    }
  }

  /** Removes the group; returns false while processes are still leaving it. */
  destroy(): boolean {
    const removed = (dir: string) => {
      try {
        rmdirSync(dir)
        return true
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === "ENOENT"
      }
    }
    // Each hierarchy on its own: one may empty before the other, and a folder already gone counts as done.
    const pidsGone = this.pidsDir === this.memoryDir || removed(this.pidsDir)
    return removed(this.memoryDir) && pidsGone
  }
}

function writeOptional(file: string, value: string): boolean {
  try {
    writeFileSync(file, value)
    return true
  } catch {
    return false
  }
}

function readOptional(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8").trim()
  } catch {
    return undefined
  }
}
