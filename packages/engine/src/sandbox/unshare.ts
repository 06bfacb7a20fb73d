import { execFileSync, spawnSync } from "node:child_process"
import { accessSync, constants, lstatSync, readlinkSync, statSync } from "node:fs"
import path from "node:path"
import type { UnshareTools } from "./types"

/** The uid and gid generated code runs as, on the host and inside its namespaces: `nobody`. */
export const SANDBOX_UID = 65534

/**
 * Builds the sandbox's root inside fresh namespaces, as root of a new user namespace (that is, uid 65534 or the
 * studio's own uid on the host, with capabilities over its own namespaces only). Arguments: the folder to build the
 * root on, the `unshare` binary for the last step, the scratch folder, the working directory, then `--ro PATH`,
 * `--link TARGET PATH` and `--dir PATH` entries, `--`, and the command. Only util-linux and coreutils run here.
 */
const SETUP_SCRIPT = String.raw`set -eu
outside_path=$PATH
PATH=/usr/sbin:/usr/bin:/sbin:/bin
unset STUDIO_CGROUP_PROCS
root=$1 last_step=$2 scratch=$3 workdir=$4
shift 4
umount_command=$(command -v umount)
# Read-only, keeping the flags a user namespace may not drop (noexec, atime), and never suid or devices.
seal() {
  flags=remount,bind,ro,nosuid,nodev
  for option in $(findmnt -no VFS-OPTIONS -T "$1" | tr , ' '); do
    case $option in noexec | noatime | nodiratime | relatime | strictatime | nosymfollow) flags=$flags,$option ;; esac
  done
  mount -o "$flags" "$1"
}
mount -t tmpfs -o mode=0755,size=4m,nosuid,nodev studio-root "$root"
mkdir -p "$root/proc" "$root/dev" "$root/.old" "$root$scratch"
while [ "$1" != -- ]; do
  case $1 in
  --ro)
    if ! [ -r "$2" ]; then echo "studio sandbox setup: $2 is not readable by the sandbox's uid" >&2; exit 3; fi
    target=$root$2
    if [ -d "$2" ]; then mkdir -p "$target"; else mkdir -p "$(dirname "$target")" && : >"$target"; fi
    mount --rbind "$2" "$target"
    findmnt -Rlno TARGET "$target" | while IFS= read -r mounted; do seal "$mounted"; done
    shift 2 ;;
  --link) mkdir -p "$(dirname "$root$3")" && ln -s "$2" "$root$3"; shift 3 ;;
  --dir) mkdir -p "$root$2"; shift 2 ;;
  *) echo "studio sandbox setup: unknown argument" >&2; exit 2 ;;
  esac
done
shift
mount -t proc -o nosuid,nodev,noexec proc "$root/proc"
mount -t tmpfs -o mode=0755,size=64k,nosuid,noexec studio-dev "$root/dev"
for device in null zero full random urandom; do
  : >"$root/dev/$device"
  mount --bind "/dev/$device" "$root/dev/$device"
done
ln -s /proc/self/fd "$root/dev/fd"
ln -s /proc/self/fd/0 "$root/dev/stdin"
ln -s /proc/self/fd/1 "$root/dev/stdout"
ln -s /proc/self/fd/2 "$root/dev/stderr"
mount -o remount,bind,ro,nosuid,noexec "$root/dev"
mount -t tmpfs -o mode=0755,size=256m,nosuid,nodev studio-scratch "$root$scratch"
hostname sandbox 2>/dev/null || :
# One more user namespace may be made below this one (the last step's), none by the generated code.
echo 1 >/proc/sys/user/max_user_namespaces 2>/dev/null || :
mount -o remount,bind,ro,nosuid,nodev "$root"
cd "$root"
pivot_root . .old
"/.old$umount_command" -l /.old
cd "$workdir"
unset OLDPWD PWD
PATH=$outside_path
exec "$last_step" --user --map-user=${SANDBOX_UID} --map-group=${SANDBOX_UID} -- "$@"
`

/** Folders the new root may be built on (a tmpfs mounted over it, in the sandbox's own mount namespace only). */
const ROOT_MOUNT_POINTS = ["/srv", "/opt", "/media", "/mnt", "/home", "/var/tmp", "/tmp", "/run"]

/** Where util-linux's unshare and setpriv are, or null. `STUDIO_SANDBOX_UNSHARE=off` turns the backend off. */
export function findUnshareTools(env: NodeJS.ProcessEnv = process.env): UnshareTools | null {
  if (env.STUDIO_SANDBOX_UNSHARE === "off") return null
  const unshare = findTool("unshare", env)
  const setpriv = findTool("setpriv", env)
  if (!unshare || !setpriv) return null
  let version = "unknown"
  try {
    version =
      /(\d+\.\d+(?:\.\d+)?)/.exec(execFileSync(unshare, ["--version"], { encoding: "utf8" }))?.[1] ?? version
  } catch {
    // keep unknown
  }
  return { unshare, setpriv, version }
}

/** The system files a sandboxed Node needs: its binary and shared libraries (and the /lib links into /usr). */
export function systemEntries(nodePath = process.execPath): {
  readOnly: string[]
  links: [string, string][]
} {
  const readOnly = [nodePath]
  const links: [string, string][] = []
  for (const dir of ["/usr/lib", "/usr/lib64", "/usr/lib32", "/usr/libx32"]) {
    if (isDirectory(dir)) readOnly.push(dir)
  }
  for (const dir of ["/lib", "/lib64", "/lib32", "/libx32"]) {
    try {
      const entry = lstatSync(dir)
      if (entry.isSymbolicLink()) links.push([readlinkSync(dir), dir])
      else if (entry.isDirectory()) readOnly.push(dir)
    } catch {
      // absent here
    }
  }
  return { readOnly, links }
}

/**
 * The command that drops a root studio to uid 65534 on the host before a sandbox starts (`setpriv`), or nothing
 * when the studio is not root or setpriv is missing.
 */
export function dropToNobody(
  hostUid = process.getuid?.() ?? SANDBOX_UID,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  if (hostUid !== 0) return []
  const setpriv = findTool("setpriv", env)
  return setpriv ? [setpriv, `--reuid=${SANDBOX_UID}`, `--regid=${SANDBOX_UID}`, "--clear-groups", "--"] : []
}

export interface UnshareCommandOptions {
  /** Host folders and files visible read-only inside, at the same paths. */
  readOnly: string[]
  /** Empty folders made in the new root (stand-ins for paths a worker's flags name). */
  emptyDirs?: string[]
  /** The private, writable tmpfs. */
  scratch: string
  cwd: string
  /** The studio's uid (default this process's): from root, the sandbox first drops to uid 65534 on the host. */
  hostUid?: number
}

/**
 * The command line (append the program and its arguments) that runs a program in new user, pid, network, ipc, uts
 * and mount namespaces, with a root of its own: read-only binds of `readOnly`, a scratch tmpfs, /proc and a few
 * devices; no network at all (a fresh network namespace, its loopback down); as uid 65534 inside and outside.
 */
export function unshareCommand(tools: UnshareTools, options: UnshareCommandOptions): string[] {
  const system = systemEntries()
  const readOnly = [...new Set([...system.readOnly, tools.unshare, ...options.readOnly])].filter(exists)
  const hostUid = options.hostUid ?? process.getuid?.() ?? SANDBOX_UID
  const dropToNobody =
    hostUid === 0 && !tools.keepsHostRoot
      ? [`--reuid=${SANDBOX_UID}`, `--regid=${SANDBOX_UID}`, "--clear-groups"]
      : []
  return [
    tools.setpriv,
    ...dropToNobody,
    "--no-new-privs",
    // The sandbox dies with the studio, even when the studio is killed (the kernel sends the signal).
    "--pdeathsig",
    "SIGKILL",
    "--",
    tools.unshare,
    "--user",
    "--map-root-user",
    "--mount",
    "--propagation",
    "private",
    "--pid",
    "--fork",
    "--kill-child",
    "--net",
    "--ipc",
    "--uts",
    "--",
    "/bin/sh",
    "-c",
    SETUP_SCRIPT,
    "studio-sandbox",
    rootMountPoint(readOnly),
    tools.unshare,
    options.scratch,
    options.cwd,
    ...readOnly.flatMap((entry) => ["--ro", entry]),
    ...system.links.flatMap(([target, link]) => ["--link", target, link]),
    ...(options.emptyDirs ?? []).flatMap((dir) => ["--dir", dir]),
    "--",
  ]
}

/** A folder to mount the new root over: one that exists and holds none of the paths to bind. */
export function rootMountPoint(sources: string[]): string {
  const found = ROOT_MOUNT_POINTS.find(
    (dir) =>
      isDirectory(dir) && !sources.some((source) => source === dir || source.startsWith(dir + path.sep)),
  )
  if (!found)
    throw new Error(`no folder to build the sandbox's root on (tried ${ROOT_MOUNT_POINTS.join(", ")})`)
  return found
}

/** What the probe's Node checks from inside: it is not root, the host's files are gone, it cannot write but scratch. */
const PROBE = `
const fs = require("node:fs")
const problems = []
const readable = process.env.STUDIO_PROBE_READABLE.split("\\n").filter(Boolean)
if (process.getuid() === 0 || process.getgid() === 0) problems.push("runs as root inside")
if (fs.existsSync("/etc")) problems.push("the host's /etc is visible")
if (fs.readdirSync("/.old").length > 0) problems.push("the host's root is still mounted")
for (const target of ["/probe", ...readable.map((dir) => dir + "/probe")]) {
  try { fs.writeFileSync(target, "x"); problems.push("could write " + target) } catch {}
}
fs.writeFileSync(process.env.STUDIO_PROBE_SCRATCH + "/probe", "x")
fs.writeFileSync("/dev/null", "x")
for (const dir of readable) fs.readdirSync(dir)
if (problems.length) { console.error("the sandbox did not hold: " + problems.join("; ")); process.exit(3) }
`

/**
 * Runs a Node inside the unshare sandbox once, with the folders a worker reads, and says whether it held: it works,
 * the Node inside is not root, the host's files are not there, and it can read what a worker must read.
 */
export function probeUnshare(
  tools: UnshareTools,
  options: { readOnly: string[]; scratch: string },
): { ok: true } | { ok: false; reason: string } {
  let command: string[]
  try {
    command = unshareCommand(tools, {
      readOnly: options.readOnly,
      scratch: options.scratch,
      cwd: options.scratch,
    })
  } catch (error) {
    return { ok: false, reason: (error as Error).message }
  }
  const [executable = tools.setpriv, ...args] = command
  const readable = options.readOnly.filter(isDirectory)
  const probe = spawnSync(executable, [...args, process.execPath, "-e", PROBE], {
    timeout: 10_000,
    stdio: "pipe",
    env: {
      PATH: "/usr/bin:/bin",
      STUDIO_PROBE_SCRATCH: options.scratch,
      STUDIO_PROBE_READABLE: readable.join("\n"),
    },
  })
  if (probe.status === 0) return { ok: true }
  const output = probe.stderr.toString().trim()
  return { ok: false, reason: explainUnshareFailure(output, probe.error) }
}

/** A short reason, with what to do, for an unshare sandbox that did not start. */
export function explainUnshareFailure(stderr: string, error?: Error): string {
  if (error) return `unshare could not run (${error.message})`
  if (
    /unshare failed: Operation not permitted|cannot open \/proc\/self\/uid_map|write failed.*uid_map/i.test(
      stderr,
    )
  )
    return "user namespaces are not allowed here (kernel.unprivileged_userns_clone=0, an AppArmor or seccomp policy, or a container without them)"
  if (/unshare failed: No space left on device/i.test(stderr))
    return "user namespaces are turned off (user.max_user_namespaces is 0)"
  if (/is not readable by the sandbox's uid/.test(stderr))
    return `${firstLine(stderr).replace(/^studio sandbox setup: /, "")} (${SANDBOX_UID} when the studio runs as root): a folder on the way without read and search rights for others, such as a 0700 home? (chmod o+rx it, or install the studio elsewhere)`
  if (/mount:.*(permission denied|must be superuser|failed)/i.test(stderr))
    return `mounting is not allowed here: ${firstLine(stderr)}`
  return firstLine(stderr) || "it exited without saying why"
}

function findTool(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const dirs = [...(env.PATH ?? "").split(":").filter(Boolean), "/usr/bin", "/bin", "/usr/sbin", "/sbin"]
  return dirs.map((dir) => path.join(dir, name)).find(isExecutable)
}

function firstLine(text: string): string {
  return (text.split("\n").find((line) => line.trim() !== "") ?? "").trim().slice(0, 300)
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return statSync(file).isFile()
  } catch {
    return false
  }
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory()
  } catch {
    return false
  }
}

function exists(file: string): boolean {
  try {
    statSync(file)
    return true
  } catch {
    return false
  }
}
