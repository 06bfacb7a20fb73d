import { execFileSync, spawnSync } from "node:child_process"
import { accessSync, constants } from "node:fs"
import path from "node:path"
import { locateCgroups } from "./cgroup"
import type { IsolationReport } from "./types"

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
  for (const [key, value] of Object.entries(options.env)) args.push("--setenv", key, value)
  args.push("--chdir", options.cwd)
  return args
}

let cached: IsolationReport | undefined

/** Probes what isolation this machine gives (once per process) and says what is missing. */
export function detectIsolation(
  options: { refresh?: boolean; env?: NodeJS.ProcessEnv } = {},
): IsolationReport {
  if (cached && !options.refresh) return cached
  const env = options.env ?? process.env
  const layers = [
    "separate process tree, killed as a whole at the wall-clock limit",
    "scrubbed environment (no studio variables or secrets)",
    "V8 heap limit per worker",
    "output size limit",
  ]
  const warnings: string[] = []
  let bubblewrap: IsolationReport["bubblewrap"] = null
  const bwrapPath = findBubblewrap(env)
  if (bwrapPath) {
    const probe = spawnSync(
      bwrapPath,
      [...bubblewrapArgs({ readOnly: [], env: {}, cwd: SANDBOX_SCRATCH }), process.execPath, "-e", ""],
      {
        timeout: 10_000,
        stdio: "pipe",
      },
    )
    if (probe.status === 0) {
      let version = "unknown"
      try {
        version = execFileSync(bwrapPath, ["--version"], { encoding: "utf8" })
          .trim()
          .replace(/^bubblewrap\s*/, "")
      } catch {
        // keep unknown
      }
      bubblewrap = { path: bwrapPath, version }
      layers.push(
        `bubblewrap ${version}: user, pid, network, ipc, uts and mount namespaces; no network at all (not even loopback to the host)`,
        "read-only filesystem: only Node, its libraries and node_modules are visible; writes go to a private tmpfs",
      )
    } else {
      warnings.push(
        `bubblewrap is installed but cannot create namespaces here (${probe.stderr.toString().trim().split("\n")[0] ?? "no output"}): generated tests can read the host's files and reach the network`,
      )
    }
  } else {
    warnings.push(
      "bubblewrap is not installed (Debian/Ubuntu: apt-get install bubblewrap): generated tests run without namespaces and can read the host's files and reach the network",
    )
  }
  const cgroup = locateCgroups()
  if (cgroup) {
    layers.push(`cgroup v${cgroup.version}: memory and process-count limits per worker; peak memory measured`)
  } else {
    warnings.push(
      "no writable cgroup (needs root or a delegated cgroup): memory is bounded only by V8's heap limit and a resident-size watchdog, process count is not limited",
    )
  }
  const level = bubblewrap ? (cgroup ? "namespaces+cgroup" : "namespaces") : "process"
  cached = { level, layers, warnings, bubblewrap, cgroup }
  return cached
}
