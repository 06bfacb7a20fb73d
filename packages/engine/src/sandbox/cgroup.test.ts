import { spawnSync } from "node:child_process"
import path from "node:path"
import { describe, expect, it } from "vitest"
import {
  JobCgroup,
  SANDBOX_PARENT,
  SERVER_LEAF,
  locateCgroups,
  probeCgroups,
  type CgroupFs,
  type CgroupLocation,
} from "./cgroup"

const ROOT = "/sys/fs/cgroup"
const SELF = 4242
const MiB = 1024 * 1024

function errno(code: string, what: string): never {
  const error = new Error(`${code}: ${what}`) as NodeJS.ErrnoException
  error.code = code
  throw error
}

interface FakeHierarchy {
  id: number
  /** v2: the controllers the root has; v1: the controllers of this hierarchy. */
  controllers: string[]
}

interface FakeNode {
  hierarchy: FakeHierarchy
  subtree: Set<string>
  procs: Set<number>
  values: Map<string, string>
}

/**
 * An in-memory cgroupfs with the kernel rules the setup depends on: v2 controllers reach a child only through its
 * parent's subtree_control; a non-root v2 cgroup that holds processes cannot enable controllers for children
 * (EBUSY), nor can a process join a cgroup that has; a pid written to cgroup.procs leaves its old cgroup (of the
 * same hierarchy); interface files exist only where their controller is; counters cannot be written.
 */
class FakeCgroupFs implements CgroupFs {
  private readonly nodes = new Map<string, FakeNode>()
  private readonly hierarchies = new Map<string, FakeHierarchy>()
  readonly killed: number[] = []
  /** Folders in which nothing may be written or created (a cgroup this user was not delegated). */
  readonly denied = new Set<string>()
  /** Called after each move; a test can fork a process into a cgroup meanwhile. */
  onMove: ((pid: number, from: string, to: string) => void) | undefined
  /** False for a cgroup namespace's root, which (unlike the real root) obeys the no-internal-processes rule. */
  realRoot = true
  cgroupKill = true
  swapFiles = true

  constructor(readonly version: 1 | 2) {}

  static v2(rootControllers = ["cpu", "io", "memory", "pids"]): FakeCgroupFs {
    const fake = new FakeCgroupFs(2)
    fake.addHierarchy(ROOT, { id: 0, controllers: rootControllers })
    return fake
  }

  static v1(): FakeCgroupFs {
    const fake = new FakeCgroupFs(1)
    fake.addHierarchy(path.join(ROOT, "memory"), { id: 4, controllers: ["memory"] })
    fake.addHierarchy(path.join(ROOT, "pids"), { id: 8, controllers: ["pids"] })
    return fake
  }

  private addHierarchy(dir: string, hierarchy: FakeHierarchy): void {
    this.hierarchies.set(dir, hierarchy)
    this.nodes.set(dir, { hierarchy, subtree: new Set(), procs: new Set(), values: new Map() })
  }

  /** Creates a cgroup (and its missing ancestors) as the system would have it before the studio starts. */
  cgroup(dir: string, setup: { procs?: number[]; subtree?: string[] } = {}): this {
    if (!this.nodes.has(dir)) {
      const parent = path.dirname(dir)
      if (!this.nodes.has(parent)) this.cgroup(parent)
      const hierarchy = this.node(parent).hierarchy
      this.nodes.set(dir, { hierarchy, subtree: new Set(), procs: new Set(), values: new Map() })
    }
    const node = this.node(dir)
    for (const controller of setup.subtree ?? []) node.subtree.add(controller)
    for (const pid of setup.procs ?? []) this.place(pid, dir)
    return this
  }

  /** What the kernel would report in a counter file (memory.events, failcnt, oom_control, memory.peak). */
  kernelSets(file: string, value: string): void {
    this.node(path.dirname(file)).values.set(path.basename(file), value)
  }

  procsOf(dir: string): number[] {
    return [...this.node(dir).procs].sort((a, b) => a - b)
  }

  has(dir: string): boolean {
    return this.nodes.has(dir)
  }

  subtreeOf(dir: string): string[] {
    return [...this.node(dir).subtree].sort()
  }

  value(file: string): string | undefined {
    return this.nodes.get(path.dirname(file))?.values.get(path.basename(file))
  }

  readFile(file: string): string {
    if (file === "/proc/self/cgroup") return this.selfCgroup()
    const dir = path.dirname(file)
    const node = this.nodes.get(dir) ?? errno("ENOENT", `read ${file}`)
    const name = path.basename(file)
    if (!this.fileExists(dir, name)) errno("ENOENT", `read ${file}`)
    switch (name) {
      case "cgroup.controllers":
        return `${this.controllersOf(dir).join(" ")}\n`
      case "cgroup.subtree_control":
        return `${[...node.subtree].join(" ")}\n`
      case "cgroup.procs":
        return [...node.procs].map((pid) => `${pid}\n`).join("")
      case "cgroup.kill":
        return errno("EINVAL", `read ${file}`)
      default:
        return `${node.values.get(name) ?? this.defaultValue(name)}\n`
    }
  }

  writeFile(file: string, data: string): void {
    const dir = path.dirname(file)
    const node = this.nodes.get(dir) ?? errno("ENOENT", `write ${file}`)
    const name = path.basename(file)
    if (!this.fileExists(dir, name)) errno("ENOENT", `write ${file}`)
    if (this.denied.has(dir)) errno("EACCES", `write ${file}`)
    const value = data.trim()
    switch (name) {
      case "cgroup.procs": {
        const pid = Number(value)
        const from = [...this.nodes].find(
          ([, other]) => other.hierarchy === node.hierarchy && other.procs.has(pid),
        )?.[0]
        if (from === undefined) errno("ESRCH", `move ${value}`)
        if (this.version === 2 && !this.isRoot(dir) && node.subtree.size > 0)
          errno("EBUSY", `move into ${dir}`)
        this.place(pid, dir)
        this.onMove?.(pid, from, dir)
        return
      }
      case "cgroup.subtree_control": {
        for (const token of value.split(/\s+/).filter(Boolean)) {
          const controller = token.slice(1)
          if (token.startsWith("+")) {
            if (!this.controllersOf(dir).includes(controller)) errno("ENOENT", `enable ${controller}`)
            if (node.procs.size > 0 && !(this.isRoot(dir) && this.realRoot))
              errno("EBUSY", `enable in ${dir}`)
            node.subtree.add(controller)
          } else if (token.startsWith("-")) {
            node.subtree.delete(controller)
          } else {
            errno("EINVAL", token)
          }
        }
        return
      }
      case "cgroup.kill": {
        if (value !== "1") errno("EINVAL", value)
        for (const [other, otherNode] of this.nodes) {
          if (other !== dir && !other.startsWith(`${dir}/`)) continue
          this.killed.push(...otherNode.procs)
          otherNode.procs.clear()
        }
        return
      }
      case "memory.max":
      case "memory.swap.max":
      case "pids.max":
      case "memory.limit_in_bytes":
      case "memory.memsw.limit_in_bytes": {
        if (!/^(\d+|max|-1)$/.test(value)) errno("EINVAL", value)
        // v1 refuses a memory+swap limit below the memory limit.
        if (
          name === "memory.memsw.limit_in_bytes" &&
          Number(value) < Number(this.readFile(path.join(dir, "memory.limit_in_bytes")))
        )
          errno("EINVAL", value)
        node.values.set(name, value)
        return
      }
      default:
        errno("EACCES", `write ${file}`)
    }
  }

  mkdir(dir: string): void {
    const parent = path.dirname(dir)
    const parentNode = this.nodes.get(parent) ?? errno("ENOENT", `mkdir ${dir}`)
    if (this.denied.has(parent)) errno("EACCES", `mkdir ${dir}`)
    if (this.nodes.has(dir)) return
    this.nodes.set(dir, {
      hierarchy: parentNode.hierarchy,
      subtree: new Set(),
      procs: new Set(),
      values: new Map(),
    })
  }

  rmdir(dir: string): void {
    const node = this.nodes.get(dir) ?? errno("ENOENT", `rmdir ${dir}`)
    if (this.denied.has(path.dirname(dir))) errno("EACCES", `rmdir ${dir}`)
    if (node.procs.size > 0 || [...this.nodes.keys()].some((other) => path.dirname(other) === dir))
      errno("EBUSY", `rmdir ${dir}`)
    this.nodes.delete(dir)
  }

  exists(file: string): boolean {
    if (file === "/proc/self/cgroup" || this.nodes.has(file)) return true
    const dir = path.dirname(file)
    return this.nodes.has(dir) && this.fileExists(dir, path.basename(file))
  }

  private node(dir: string): FakeNode {
    return this.nodes.get(dir) ?? errno("ENOENT", dir)
  }

  private place(pid: number, dir: string): void {
    const target = this.node(dir)
    for (const node of this.nodes.values()) if (node.hierarchy === target.hierarchy) node.procs.delete(pid)
    target.procs.add(pid)
  }

  private isRoot(dir: string): boolean {
    return this.hierarchies.has(dir)
  }

  private controllersOf(dir: string): string[] {
    if (this.isRoot(dir)) return this.node(dir).hierarchy.controllers
    return [...this.node(path.dirname(dir)).subtree]
  }

  private fileExists(dir: string, name: string): boolean {
    if (this.version === 2) {
      if (["cgroup.controllers", "cgroup.subtree_control", "cgroup.procs"].includes(name)) return true
      if (name === "cgroup.kill") return this.cgroupKill && !this.isRoot(dir)
      const controller = name.split(".")[0] ?? ""
      if (this.isRoot(dir) || !this.controllersOf(dir).includes(controller)) return false
      if (name === "memory.swap.max") return this.swapFiles
      return ["memory.max", "memory.events", "memory.peak", "pids.max"].includes(name)
    }
    if (name === "cgroup.procs") return true
    const kind = this.node(dir).hierarchy.controllers[0]
    if (kind === "pids") return name === "pids.max" && !this.isRoot(dir)
    if (name.startsWith("memory.memsw.")) return this.swapFiles
    return [
      "memory.limit_in_bytes",
      "memory.failcnt",
      "memory.max_usage_in_bytes",
      "memory.oom_control",
    ].includes(name)
  }

  private defaultValue(name: string): string {
    if (name === "memory.events") return "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0"
    if (name === "memory.oom_control") return "oom_kill_disable 0\nunder_oom 0\noom_kill 0"
    if (name.endsWith("failcnt") || name === "memory.peak" || name === "memory.max_usage_in_bytes") return "0"
    if (name.endsWith("limit_in_bytes")) return "9223372036854771712"
    return "max"
  }

  /** /proc/self/cgroup as the kernel writes it for SELF, so a move shows in the next read. */
  private selfCgroup(): string {
    const lines: string[] = []
    for (const [root, hierarchy] of this.hierarchies) {
      const dir = [...this.nodes].find(
        ([, node]) => node.hierarchy === hierarchy && node.procs.has(SELF),
      )?.[0]
      const own = dir === undefined ? "/" : `/${path.relative(root, dir)}`
      lines.push(`${hierarchy.id}:${this.version === 2 ? "" : hierarchy.controllers.join(",")}:${own}`)
    }
    return `${lines.join("\n")}\n`
  }
}

describe("locating the workers' parent cgroup on v2", () => {
  const service = path.join(ROOT, "system.slice", "studio.service")

  function systemdService(): FakeCgroupFs {
    return FakeCgroupFs.v2()
      .cgroup(ROOT, { subtree: ["memory", "pids"] })
      .cgroup(path.join(ROOT, "system.slice"), { subtree: ["memory", "pids"] })
      .cgroup(service, { procs: [SELF, 4243] })
  }

  it("enforces the rule that makes the leaf necessary: a cgroup with processes cannot delegate (EBUSY)", () => {
    const fake = systemdService()
    expect(() => fake.writeFile(path.join(service, "cgroup.subtree_control"), "+memory +pids")).toThrow(
      expect.objectContaining({ code: "EBUSY" }),
    )
  })

  it("moves every process of the server's cgroup into a leaf, then delegates memory and pids to the workers", () => {
    const fake = systemdService()
    const probe = probeCgroups({ fs: fake, root: ROOT })
    const parent = path.join(service, SANDBOX_PARENT)
    expect(probe).toEqual({ location: { version: 2, memoryPath: parent, pidsPath: parent } })
    expect(fake.procsOf(service)).toEqual([])
    expect(fake.procsOf(path.join(service, SERVER_LEAF))).toEqual([SELF, 4243])
    expect(fake.subtreeOf(service)).toEqual(["memory", "pids"])
    expect(fake.subtreeOf(parent)).toEqual(["memory", "pids"])
    expect(fake.readFile("/proc/self/cgroup")).toBe(`0::/system.slice/studio.service/${SERVER_LEAF}\n`)
    // the probe child is gone, and a worker's group gets both controllers' files
    expect(fake.has(path.join(parent, `probe-${process.pid}`))).toBe(false)
    const worker = JobCgroup.create(
      probe.location!,
      "worker-1",
      { memoryBytes: 64 * MiB, maxProcesses: 16 },
      { fs: fake },
    )
    expect(fake.value(path.join(parent, "worker-1", "memory.max"))).toBe(String(64 * MiB))
    expect(fake.value(path.join(parent, "worker-1", "pids.max"))).toBe("16")
    expect(worker.destroy()).toBe(true)
  })

  it("probes again from inside its leaf without nesting another one", () => {
    const fake = systemdService()
    const first = locateCgroups({ fs: fake, root: ROOT })
    const second = locateCgroups({ fs: fake, root: ROOT })
    expect(second).toEqual(first)
    expect(fake.has(path.join(service, SERVER_LEAF, SERVER_LEAF))).toBe(false)
    expect(fake.procsOf(path.join(service, SERVER_LEAF))).toEqual([SELF, 4243])
  })

  it("also moves a process forked into the cgroup while the others were moving", () => {
    const fake = systemdService()
    let forked = false
    fake.onMove = (_pid, from) => {
      if (forked) return
      forked = true
      fake.cgroup(from, { procs: [5000] })
    }
    expect(locateCgroups({ fs: fake, root: ROOT })).not.toBeNull()
    expect(fake.procsOf(path.join(service, SERVER_LEAF))).toEqual([SELF, 4243, 5000])
    expect(fake.procsOf(service)).toEqual([])
  })

  it("moves nothing at the real root cgroup, which the rule exempts", () => {
    const rooted = FakeCgroupFs.v2().cgroup(ROOT, { procs: [SELF, 1] })
    expect(locateCgroups({ fs: rooted, root: ROOT })?.memoryPath).toBe(path.join(ROOT, SANDBOX_PARENT))
    expect(rooted.procsOf(ROOT)).toEqual([1, SELF])
    expect(rooted.has(path.join(ROOT, SERVER_LEAF))).toBe(false)
  })

  it("at the root of a container's cgroup namespace, moves the container's processes into the leaf", () => {
    const container = FakeCgroupFs.v2().cgroup(ROOT, { procs: [1, SELF] })
    container.realRoot = false
    expect(locateCgroups({ fs: container, root: ROOT })?.memoryPath).toBe(path.join(ROOT, SANDBOX_PARENT))
    expect(container.procsOf(ROOT)).toEqual([])
    expect(container.procsOf(path.join(ROOT, SERVER_LEAF))).toEqual([1, SELF])
  })

  it("says which controller the parent does not delegate, and moves nothing", () => {
    const fake = FakeCgroupFs.v2()
      .cgroup(ROOT, { subtree: ["memory", "pids"] })
      .cgroup(path.join(ROOT, "system.slice"), { subtree: ["pids"] })
      .cgroup(service, { procs: [SELF] })
    const probe = probeCgroups({ fs: fake, root: ROOT })
    expect(probe.location).toBeNull()
    expect("reason" in probe && probe.reason).toMatch(/not given the memory controller/)
    expect(fake.procsOf(service)).toEqual([SELF])
    expect(fake.has(path.join(service, SERVER_LEAF))).toBe(false)
  })

  it("returns null with the reason when the cgroup is not delegated to this user", () => {
    const session = path.join(ROOT, "user.slice", "user-1000.slice", "session-2.scope")
    const fake = FakeCgroupFs.v2()
      .cgroup(ROOT, { subtree: ["memory", "pids"] })
      .cgroup(path.join(ROOT, "user.slice"), { subtree: ["memory", "pids"] })
      .cgroup(path.join(ROOT, "user.slice", "user-1000.slice"), { subtree: ["memory", "pids"] })
      .cgroup(session, { procs: [SELF] })
    fake.denied.add(session)
    const probe = probeCgroups({ fs: fake, root: ROOT })
    expect(probe.location).toBeNull()
    const reason = "reason" in probe ? probe.reason : ""
    expect(reason).toMatch(/cannot enable memory and pids.*EACCES.*delegated cgroup/)
    expect(reason).not.toContain("/sys/fs/cgroup")
    expect(fake.procsOf(session)).toEqual([SELF])
  })
})

describe("locating the workers' parent cgroups on v1", () => {
  // As on the machine CI runs on: memory nested under the container's group, pids at the hierarchy's root.
  const own = "process_api/35ed92d8852ff43387eb35ab37c57aaa"

  function nested(): FakeCgroupFs {
    return FakeCgroupFs.v1()
      .cgroup(path.join(ROOT, "memory", own), { procs: [SELF] })
      .cgroup(path.join(ROOT, "pids"), { procs: [SELF] })
  }

  it("makes the parent in each hierarchy under the process's own (nested) cgroup", () => {
    const fake = nested()
    const memoryPath = path.join(ROOT, "memory", own, SANDBOX_PARENT)
    const pidsPath = path.join(ROOT, "pids", SANDBOX_PARENT)
    expect(probeCgroups({ fs: fake, root: ROOT })).toEqual({ location: { version: 1, memoryPath, pidsPath } })
    expect(fake.has(path.join(memoryPath, `probe-${process.pid}`))).toBe(false)
    // v1 has no internal-process rule: nothing moves
    expect(fake.procsOf(path.join(ROOT, "memory", own))).toEqual([SELF])
  })

  it("returns null with the reason when a hierarchy is not writable", () => {
    const fake = nested()
    fake.denied.add(path.join(ROOT, "pids"))
    const probe = probeCgroups({ fs: fake, root: ROOT })
    expect(probe).toEqual({
      location: null,
      reason:
        "cannot create the sandbox's cgroup in the pids hierarchy (EACCES: permission denied: needs root or a delegated cgroup)",
    })
  })

  it("returns null with the reason when a controller has no hierarchy, or there are no cgroups at all", () => {
    const fake = nested()
    const memoryOnly: CgroupFs = {
      readFile: (file: string) =>
        file === "/proc/self/cgroup" ? `4:memory:/${own}\n1:cpu:/\n` : fake.readFile(file),
      exists: (file: string) => fake.exists(file),
      writeFile: (file: string, data: string) => fake.writeFile(file, data),
      mkdir: (dir: string) => fake.mkdir(dir),
      rmdir: (dir: string) => fake.rmdir(dir),
    }
    expect(probeCgroups({ fs: memoryOnly, root: ROOT })).toEqual({
      location: null,
      reason: "there is no cgroup v1 pids hierarchy",
    })
    expect(probeCgroups({ procSelfCgroup: "/nonexistent/cgroup", root: ROOT })).toEqual({
      location: null,
      reason: "this system has no cgroups (no /proc/self/cgroup)",
    })
  })
})

describe("a worker's job cgroup", () => {
  const v2: CgroupLocation = {
    version: 2,
    memoryPath: path.join(ROOT, SANDBOX_PARENT),
    pidsPath: path.join(ROOT, SANDBOX_PARENT),
  }
  const v1: CgroupLocation = {
    version: 1,
    memoryPath: path.join(ROOT, "memory", SANDBOX_PARENT),
    pidsPath: path.join(ROOT, "pids", SANDBOX_PARENT),
  }
  const limits = { memoryBytes: 512 * MiB, maxProcesses: 128 }

  function v2Tree(): FakeCgroupFs {
    return FakeCgroupFs.v2()
      .cgroup(ROOT, { subtree: ["memory", "pids"], procs: [SELF, 7001, 7002] })
      .cgroup(v2.memoryPath, { subtree: ["memory", "pids"] })
  }

  function v1Tree(): FakeCgroupFs {
    return FakeCgroupFs.v1()
      .cgroup(v1.memoryPath)
      .cgroup(v1.pidsPath)
      .cgroup(path.join(ROOT, "memory"), { procs: [SELF, 7001, 7002, 7003] })
      .cgroup(path.join(ROOT, "pids"), { procs: [SELF, 7001, 7002, 7003] })
  }

  it("v2: writes memory.max, memory.swap.max and pids.max; joins, measures, reports an OOM kill, kills, goes", () => {
    const fake = v2Tree()
    const dir = path.join(v2.memoryPath, "worker-a")
    const group = JobCgroup.create(v2, "worker-a", limits, { fs: fake })
    expect(fake.value(path.join(dir, "memory.max"))).toBe(String(512 * MiB))
    expect(fake.value(path.join(dir, "memory.swap.max"))).toBe("0")
    expect(fake.value(path.join(dir, "pids.max"))).toBe("128")
    expect(group.procFiles()).toEqual([path.join(dir, "cgroup.procs")])
    group.attach(7001)
    fake.writeFile(path.join(dir, "cgroup.procs"), "7002")
    expect(group.processIds().sort()).toEqual([7001, 7002])
    expect(fake.procsOf(ROOT)).toEqual([SELF])

    fake.kernelSets(path.join(dir, "memory.peak"), String(300 * MiB))
    expect(group.peakMemoryBytes()).toBe(300 * MiB)
    // reaching the limit and reclaiming is not running out of memory
    fake.kernelSets(path.join(dir, "memory.events"), "low 0\nhigh 0\nmax 41\noom 0\noom_kill 0")
    expect(group.hitMemoryLimit()).toBe(false)
    fake.kernelSets(path.join(dir, "memory.events"), "low 0\nhigh 0\nmax 97\noom 1\noom_kill 1")
    expect(group.hitMemoryLimit()).toBe(true)

    expect(group.destroy()).toBe(false)
    group.killAll()
    expect(fake.killed.sort()).toEqual([7001, 7002])
    expect(group.destroy()).toBe(true)
    expect(fake.has(dir)).toBe(false)
    expect(group.destroy()).toBe(true)
  })

  it("v2 on an older kernel: no swap files, no cgroup.kill (each process is killed instead)", () => {
    const fake = v2Tree()
    fake.swapFiles = false
    fake.cgroupKill = false
    const sent: number[] = []
    const group = JobCgroup.create(v2, "worker-b", limits, {
      fs: fake,
      killProcess: (pid) => {
        sent.push(pid)
        fake.writeFile(path.join(ROOT, "cgroup.procs"), String(pid))
      },
    })
    group.attach(7001)
    group.killAll()
    expect(sent).toEqual([7001])
    expect(group.destroy()).toBe(true)
  })

  it("v2: leaves no cgroup behind when a limit cannot be set", () => {
    const fake = FakeCgroupFs.v2()
      .cgroup(ROOT, { subtree: ["memory", "pids"] })
      .cgroup(v2.memoryPath, { subtree: ["memory"] })
    expect(() => JobCgroup.create(v2, "worker-c", limits, { fs: fake })).toThrow(
      expect.objectContaining({ code: "ENOENT" }),
    )
    expect(fake.has(path.join(v2.memoryPath, "worker-c"))).toBe(false)
  })

  it("v1: writes the memory, memory+swap and pids limits in their hierarchies; joins both", () => {
    const fake = v1Tree()
    const memoryDir = path.join(v1.memoryPath, "worker-d")
    const pidsDir = path.join(v1.pidsPath, "worker-d")
    const group = JobCgroup.create(v1, "worker-d", limits, { fs: fake })
    expect(fake.value(path.join(memoryDir, "memory.limit_in_bytes"))).toBe(String(512 * MiB))
    expect(fake.value(path.join(memoryDir, "memory.memsw.limit_in_bytes"))).toBe(String(512 * MiB))
    expect(fake.value(path.join(pidsDir, "pids.max"))).toBe("128")
    expect(group.procFiles()).toEqual([
      path.join(memoryDir, "cgroup.procs"),
      path.join(pidsDir, "cgroup.procs"),
    ])
    group.attach(7001)
    expect(fake.procsOf(memoryDir)).toEqual([7001])
    expect(fake.procsOf(pidsDir)).toEqual([7001])
    fake.kernelSets(path.join(memoryDir, "memory.max_usage_in_bytes"), String(512 * MiB))
    expect(group.peakMemoryBytes()).toBe(512 * MiB)
  })

  it("v1: an OOM kill counts even when failcnt stays 0 (the memsw limit tripped), a reclaim does not", () => {
    const fake = v1Tree()
    const memoryDir = path.join(v1.memoryPath, "worker-e")
    const group = JobCgroup.create(v1, "worker-e", limits, { fs: fake })
    expect(group.hitMemoryLimit()).toBe(false)
    fake.kernelSets(path.join(memoryDir, "memory.failcnt"), "169")
    expect(group.hitMemoryLimit()).toBe(false)
    fake.kernelSets(path.join(memoryDir, "memory.failcnt"), "0")
    fake.kernelSets(path.join(memoryDir, "memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 1")
    expect(group.hitMemoryLimit()).toBe(true)
  })

  it("v1 before Linux 4.13 (no oom_kill line): falls back to the failure counters", () => {
    const fake = v1Tree()
    const memoryDir = path.join(v1.memoryPath, "worker-f")
    const group = JobCgroup.create(v1, "worker-f", limits, { fs: fake })
    fake.kernelSets(path.join(memoryDir, "memory.oom_control"), "oom_kill_disable 0\nunder_oom 0")
    expect(group.hitMemoryLimit()).toBe(false)
    fake.kernelSets(path.join(memoryDir, "memory.memsw.failcnt"), "3")
    expect(group.hitMemoryLimit()).toBe(true)
  })

  it("v1: kills the processes of both hierarchies; each hierarchy's folder goes as it empties", () => {
    const fake = v1Tree()
    const memoryDir = path.join(v1.memoryPath, "worker-g")
    const pidsDir = path.join(v1.pidsPath, "worker-g")
    const sent: number[] = []
    const exit = (pid: number) => {
      for (const hierarchy of ["memory", "pids"])
        fake.writeFile(path.join(ROOT, hierarchy, "cgroup.procs"), String(pid))
    }
    const group = JobCgroup.create(v1, "worker-g", limits, {
      fs: fake,
      killProcess: (pid) => {
        sent.push(pid)
        exit(pid)
      },
    })
    group.attach(7001)
    // 7002 has joined the pids group and not yet the memory group
    fake.writeFile(path.join(pidsDir, "cgroup.procs"), "7002")
    expect(group.processIds().sort()).toEqual([7001, 7002])
    expect(group.destroy()).toBe(false)
    group.killAll()
    expect(sent.sort()).toEqual([7001, 7002])
    expect(group.destroy()).toBe(true)
    expect(fake.has(memoryDir) || fake.has(pidsDir)).toBe(false)

    const again = JobCgroup.create(v1, "worker-h", limits, { fs: fake })
    again.attach(7003)
    fake.writeFile(path.join(ROOT, "memory", "cgroup.procs"), "7003")
    expect(again.destroy()).toBe(false)
    expect(fake.has(path.join(v1.memoryPath, "worker-h"))).toBe(false)
    fake.writeFile(path.join(ROOT, "pids", "cgroup.procs"), "7003")
    expect(again.destroy()).toBe(true)
  })
})

describe("on this machine's cgroups (when writable)", () => {
  const location = locateCgroups()

  // One test for either kind of machine, so it is never skipped: where a writable cgroup exists it must really
  // bound memory; where none does, the probe must say why (and the sandbox's report says memory is not limited).
  it(
    location === null
      ? "without a writable cgroup here: the probe says why"
      : "a process allocating Buffers past the limit is OOM-killed and hitMemoryLimit says so",
    () => {
      if (location === null) {
        const probe = probeCgroups()
        expect(probe.location).toBeNull()
        expect("reason" in probe && probe.reason.length).toBeGreaterThan(0)
        return
      }
      const group = JobCgroup.create(location, `test-${process.pid}`, {
        memoryBytes: 96 * MiB,
        maxProcesses: 16,
      })
      try {
        const run = spawnSync(
          "/bin/sh",
          [
            "-c",
            'for file in $PROCS; do echo $$ > "$file" || exit 97; done; exec "$@"',
            "sh",
            process.execPath,
            "-e",
            "const blocks = []; for (let i = 0; i < 64; i++) blocks.push(Buffer.alloc(16 * 1024 * 1024, 1))",
          ],
          { env: { PROCS: group.procFiles().join(" ") }, timeout: 20_000 },
        )
        expect(run.signal).toBe("SIGKILL")
        expect(group.hitMemoryLimit()).toBe(true)
        expect(group.peakMemoryBytes()).toBeLessThanOrEqual(96 * MiB)
        expect(group.peakMemoryBytes()).toBeGreaterThan(64 * MiB)
      } finally {
        group.killAll()
        group.destroy()
      }
    },
  )
})
