import { execFileSync, spawnSync } from "node:child_process"
import { accessSync, constants } from "node:fs"
import path from "node:path"
import { ENGINE_ROOT } from "../engine-root"
import { KIT_DIR } from "../toolchain/kit-paths"
import { locateCgroups } from "./cgroup"
import type { IsolationBackend, IsolationReport } from "./types"
import { dropToNobody, findUnshareTools, probeUnshare, SANDBOX_UID } from "./unshare"

/** The sandbox's private, writable scratch folder (a tmpfs), also its working directory and TMPDIR. */
export const SANDBOX_SCRATCH = "/scratch"

/** Where bubblewrap is, or null. `STUDIO_SANDBOX_BWRAP=off` turns it off (to test the fallback). */
export function findBubblewrap(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.STUDIO_SANDBOX_BWRAP === "off") return null
  const candidates = [
    env.STUDIO_SANDBOX_BWRAP,
    ...(env.PATH ?? "/usr/bin:/bin").split(":").map((dir) => path.join(dir, "bwrap")),
  ]
  for (const candidate of candidates) {
    if (!candidate) continue
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // next
    }
  }
  return null
}

/** The read-only system folders a sandboxed Node needs: its binary and shared libraries, nothing else of /usr. */
export function systemBinds(nodePath = process.execPath): string[] {
  const binds = ["--ro-bind", nodePath, nodePath]
  for (const dir of ["/usr/lib", "/usr/lib64", "/usr/lib32", "/usr/libx32"]) {
    if (existsDir(dir)) binds.push("--ro-bind", dir, dir)
  }
  for (const [link, target] of [
    ["/lib", "usr/lib"],
    ["/lib64", "usr/lib64"],
  ] as const) {
    if (existsDir(`/usr/${path.basename(target)}`)) binds.push("--symlink", target, link)
  }
  return binds
}

function existsDir(dir: string): boolean {
  try {
    accessSync(dir, constants.R_OK)
    return true
  } catch {
    return false
  }
}

/** Base bubblewrap arguments: every namespace, a nobody uid, an empty environment, no host files but Node's. */
export function bubblewrapArgs(options: {
  readOnly: string[]
  emptyDirs?: string[]
  env: Record<string, string>
  cwd: string
}): string[] {
  const args = [
    "--unshare-all",
    "--die-with-parent",
    "--new-session",
    "--clearenv",
    "--uid",
    "65534",
    "--gid",
    "65534",
    "--hostname",
    "sandbox",
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    // The only writable place. Not /tmp: the studio itself may live under the host's /tmp, and a tmpfs there
    // would let a test "write into" the studio's paths (harmlessly, but a test must see writes fail).
    "--tmpfs",
    SANDBOX_SCRATCH,
    ...systemBinds(),
  ]
  for (const dir of options.readOnly) args.push("--ro-bind", dir, dir)
  for (const dir of options.emptyDirs ?? []) args.push("--dir", dir)
  // bubblewrap's own root and /dev are tmpfs: read-only too, so the scratch tmpfs is the one writable place.
  args.push("--remount-ro", "/dev", "--remount-ro", "/")
  for (const [key, value] of Object.entries(options.env)) args.push("--setenv", key, value)
  args.push("--chdir", options.cwd)
  return args
}

let cached: IsolationReport | undefined

/** Every node_modules folder a worker resolves from, nearest first (read-only inside the sandbox). */
export function nodeModulesChain(from: string): string[] {
  const found: string[] = []
  let dir = from
  for (;;) {
    const candidate = path.join(dir, "node_modules")
    if (existsDir(candidate)) found.push(candidate)
    const parent = path.dirname(dir)
    if (parent === dir) return found
    dir = parent
  }
}

/**
 * The node_modules folders a worker resolves packages from: the engine's and the kit's (`@studio/kit`, whose
 * components import Radix, lucide and the rest), nearest first, the outermost (the workspace's) last.
 */
export function sandboxNodeModules(): string[] {
  const chains = [...new Set([...nodeModulesChain(KIT_DIR), ...nodeModulesChain(ENGINE_ROOT)])]
  return chains.sort((a, b) => b.split(path.sep).length - a.split(path.sep).length)
}

/** What a worker must read: the node_modules chains and the folder of its entry script. */
export function workerReadOnlyPaths(): string[] {
  return [...sandboxNodeModules(), path.join(ENGINE_ROOT, "src", "sandbox")]
}

const NAMESPACES_PROTECT = [
  "reading the host's files: only Node, its libraries, node_modules and the worker script are visible, read-only; not the studio's data folder, its JWT secret, the source tree, /etc or home folders",
  "writing anywhere but a private scratch tmpfs that disappears with the worker",
  "the network: a network namespace of its own, so no internet and not the host's loopback (the database, Redis, the studio's own API)",
  "the studio's environment and secrets: the worker starts with an empty environment",
  "other processes: a pid namespace of its own, running as uid 65534 (nobody) with no capabilities",
  "running forever: the whole process tree is killed at the wall-clock limit, and when the studio dies",
]

const SHARED_KERNEL =
  "kernel bugs: the sandbox shares the host's Linux kernel and has no seccomp filter (a microVM or gVisor backend closes this)"

/** What each backend stops and what it does not, for `studio doctor`, the README and the studio's Build badge. */
export const BACKEND_PROTECTION: Record<
  IsolationBackend,
  { protectsAgainst: string[]; doesNotProtectAgainst: string[] }
> = {
  bubblewrap: {
    protectsAgainst: NAMESPACES_PROTECT,
    doesNotProtectAgainst: [SHARED_KERNEL, "using CPU and memory up to the limits (see the cgroup line)"],
  },
  unshare: {
    protectsAgainst: NAMESPACES_PROTECT,
    doesNotProtectAgainst: [SHARED_KERNEL, "using CPU and memory up to the limits (see the cgroup line)"],
  },
  process: {
    protectsAgainst: [
      "the studio's environment and secrets: the worker starts with an empty environment",
      "running forever: the whole process tree is killed at the wall-clock limit",
      "endless output and V8 heap growth (output and heap limits)",
    ],
    doesNotProtectAgainst: [
      "reading and writing the host's files as the studio's user: only Node's permission model stands in the way, and it is not a security boundary",
      "the network: the internet and the host's loopback (the database, Redis, the studio's own API) are reachable",
      "other processes of the studio's user",
      SHARED_KERNEL,
    ],
  },
}

/** Probes what isolation this machine gives (once per process) and says what is missing. */
export function detectIsolation(
  options: {
    refresh?: boolean
    env?: NodeJS.ProcessEnv
    /** For tests: the folders the probes check a worker can read (default the worker's own). */
    readOnly?: string[]
  } = {},
): IsolationReport {
  if (cached && !options.refresh) return cached
  const env = options.env ?? process.env
  const readOnly = options.readOnly ?? workerReadOnlyPaths()
  const layers = [
    "separate process tree, killed as a whole at the wall-clock limit",
    "scrubbed environment (no studio variables or secrets)",
    "V8 heap limit per worker",
    "output size limit",
  ]
  const warnings: string[] = []
  const problems: string[] = []
  let bubblewrap: IsolationReport["bubblewrap"] = null
  let unshare: IsolationReport["unshare"] = null
  const bwrapPath = findBubblewrap(env)
  if (bwrapPath) {
    const probeWith = (drop: string[]) => {
      const [executable = bwrapPath, ...args] = [
        ...drop,
        bwrapPath,
        ...bubblewrapArgs({ readOnly, env: {}, cwd: SANDBOX_SCRATCH }),
        process.execPath,
        "-e",
        "",
      ]
      return spawnSync(executable, args, { timeout: 10_000, stdio: "pipe" })
    }
    // From root, bubblewrap runs as uid 65534 on the host too (as the unshare backend does), where it can.
    const drop = dropToNobody(undefined, env)
    let probe = probeWith(drop)
    let dropped = drop.length > 0
    if (probe.status !== 0 && dropped) {
      const asRoot = probeWith([])
      if (asRoot.status === 0) {
        warnings.push(
          `bubblewrap runs the sandbox as the host's root (uid 0 outside its namespaces): as uid ${SANDBOX_UID} it cannot start here (${probe.stderr.toString().trim().split("\n")[0] ?? "no output"}); a folder on the way to the studio without read and search rights for others?`,
        )
        probe = asRoot
        dropped = false
      }
    }
    if (probe.status === 0) {
      let version = "unknown"
      try {
        version = execFileSync(bwrapPath, ["--version"], { encoding: "utf8" })
          .trim()
          .replace(/^bubblewrap\s*/, "")
      } catch {
        // keep unknown
      }
      bubblewrap = { path: bwrapPath, version, hostCommand: dropped ? drop : [] }
      layers.push(
        `bubblewrap ${version}: user, pid, network, ipc, uts and mount namespaces; no network at all (not even loopback to the host); uid 65534 inside${dropped ? " and outside" : ""}`,
        "read-only filesystem: only Node, its libraries and node_modules are visible; writes go to a private tmpfs",
      )
    } else {
      warnings.push(
        `bubblewrap is installed but cannot create namespaces here (${probe.stderr.toString().trim().split("\n")[0] ?? "no output"})`,
      )
    }
  } else {
    problems.push(
      env.STUDIO_SANDBOX_BWRAP === "off"
        ? "bubblewrap is turned off (STUDIO_SANDBOX_BWRAP=off)"
        : "bubblewrap is not installed (Debian/Ubuntu: apt-get install bubblewrap)",
    )
  }
  if (!bubblewrap) {
    let tools = findUnshareTools(env)
    let probe = tools ? probeUnshare(tools, { readOnly, scratch: SANDBOX_SCRATCH }) : null
    // As bubblewrap does: where uid 65534 cannot read the studio's files, the namespaces are made as the host's root
    // (still uid 65534 inside, with no capabilities outside), said in a warning, rather than no namespaces at all.
    if (
      tools &&
      probe &&
      !probe.ok &&
      process.getuid?.() === 0 &&
      /not readable by the sandbox's uid/.test(probe.reason)
    ) {
      const asRoot = { ...tools, keepsHostRoot: true }
      const retried = probeUnshare(asRoot, { readOnly, scratch: SANDBOX_SCRATCH })
      if (retried.ok) {
        warnings.push(
          `unshare runs the sandbox as the host's root (uid 0 outside its namespaces): ${probe.reason}`,
        )
        tools = asRoot
        probe = retried
      }
    }
    if (tools && probe?.ok) {
      unshare = tools
      layers.push(
        `util-linux unshare ${tools.version}${bwrapPath ? "" : " (no bubblewrap)"}: user, pid, network, ipc, uts and mount namespaces; no network at all (not even loopback to the host); uid 65534 inside${process.getuid?.() === 0 && !tools.keepsHostRoot ? " and outside" : ""}`,
        "read-only filesystem: only Node, its libraries and node_modules are visible; writes go to a private tmpfs",
      )
    } else {
      problems.push(
        env.STUDIO_SANDBOX_UNSHARE === "off"
          ? "the unshare backend is turned off (STUDIO_SANDBOX_UNSHARE=off)"
          : tools
            ? `util-linux unshare cannot build the sandbox here: ${probe && !probe.ok ? probe.reason : "unknown"}`
            : "util-linux unshare and setpriv are not installed",
      )
      warnings.push(
        `no namespaces (${problems.join("; ")}): generated tests run as the studio's user and can read the host's files and reach the network, so the studio runs only the offline generator's own code unless STUDIO_ALLOW_UNISOLATED=1`,
      )
    }
  }
  const backend: IsolationBackend = bubblewrap ? "bubblewrap" : unshare ? "unshare" : "process"
  const cgroup = locateCgroups()
  if (cgroup) {
    layers.push(`cgroup v${cgroup.version}: memory and process-count limits per worker; peak memory measured`)
  } else {
    warnings.push(
      "no writable cgroup (needs root or a delegated cgroup): only V8's heap is limited, so memory outside it (Buffers, ArrayBuffers) and the process count are not limited",
    )
  }
  const level = backend === "process" ? "process" : cgroup ? "namespaces+cgroup" : "namespaces"
  cached = { level, backend, layers, warnings, bubblewrap, unshare, cgroup, ...BACKEND_PROTECTION[backend] }
  return cached
}
