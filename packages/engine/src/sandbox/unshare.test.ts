import { spawnSync } from "node:child_process"
import { chmodSync, mkdirSync, rmSync } from "node:fs"
import path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { ENGINE_ROOT } from "../engine-root"
import { detectIsolation, findBubblewrap } from "./isolation"
import {
  explainUnshareFailure,
  findUnshareTools,
  probeUnshare,
  rootMountPoint,
  SANDBOX_UID,
  unshareCommand,
} from "./unshare"

const tools = { unshare: "/usr/bin/unshare", setpriv: "/usr/bin/setpriv", version: "2.38.1" }

describe("unshareCommand", () => {
  const options = { readOnly: [ENGINE_ROOT], scratch: "/scratch", cwd: "/scratch" }

  it("from root, drops to uid 65534 on the host before it makes the user namespace", () => {
    const command = unshareCommand(tools, { ...options, hostUid: 0 })
    const unshareAt = command.indexOf("/usr/bin/unshare")
    expect(command.slice(0, unshareAt)).toEqual([
      "/usr/bin/setpriv",
      "--reuid=65534",
      "--regid=65534",
      "--clear-groups",
      "--no-new-privs",
      "--pdeathsig",
      "SIGKILL",
      "--",
    ])
    expect(command.slice(unshareAt + 1, command.indexOf("--", unshareAt))).toEqual([
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
    ])
    expect(command.at(-1)).toBe("--")
  })

  it("as an unprivileged studio, keeps its uid (it has no other) but still dies with the studio", () => {
    const command = unshareCommand(tools, { ...options, hostUid: 1000 })
    expect(command.slice(0, 5)).toEqual([
      "/usr/bin/setpriv",
      "--no-new-privs",
      "--pdeathsig",
      "SIGKILL",
      "--",
    ])
  })

  it("binds Node, its libraries, the final unshare step and the given folders read-only, and nothing else", () => {
    const command = unshareCommand(tools, { ...options, emptyDirs: ["/jobs"], hostUid: 0 })
    const bound = command.flatMap((arg, index) => (arg === "--ro" ? [command[index + 1]] : []))
    expect(bound).toContain(process.execPath)
    expect(bound).toContain(ENGINE_ROOT)
    expect(bound).toContain("/usr/bin/unshare")
    const expected = (entry: string) =>
      [process.execPath, ENGINE_ROOT, "/usr/bin/unshare"].includes(entry) || /^\/(usr\/)?lib/.test(entry)
    expect(bound.filter((entry) => !expected(entry ?? ""))).toEqual([])
    expect(command.flatMap((arg, index) => (arg === "--dir" ? [command[index + 1]] : []))).toEqual(["/jobs"])
  })
})

describe("rootMountPoint", () => {
  it("picks a folder that holds none of the bound paths", () => {
    const chosen = rootMountPoint(["/usr/lib"])
    expect(chosen.startsWith("/")).toBe(true)
    expect(rootMountPoint([`${chosen}/studio/node_modules`])).not.toBe(chosen)
  })
})

describe("explainUnshareFailure", () => {
  it("says what to do for each way a machine refuses namespaces", () => {
    expect(explainUnshareFailure("unshare: unshare failed: Operation not permitted")).toMatch(
      /user namespaces are not allowed here/,
    )
    expect(explainUnshareFailure("unshare: unshare failed: No space left on device")).toMatch(
      /user.max_user_namespaces is 0/,
    )
    expect(
      explainUnshareFailure(
        "studio sandbox setup: /root/app/node_modules is not readable by the sandbox's uid",
      ),
    ).toMatch(/^\/root\/app\/node_modules is not readable by the sandbox's uid \(65534 .*0700/)
    expect(explainUnshareFailure("", new Error("spawn ENOENT"))).toMatch(/unshare could not run/)
    expect(explainUnshareFailure("")).toBe("it exited without saying why")
  })
})

describe("findUnshareTools", () => {
  it("is off with STUDIO_SANDBOX_UNSHARE=off", () => {
    expect(findUnshareTools({ ...process.env, STUDIO_SANDBOX_UNSHARE: "off" })).toBeNull()
  })
})

// On this machine, for real: only where util-linux can make the namespaces (a Linux with user namespaces).
const found = findUnshareTools()
const works = found !== null && probeUnshare(found, { readOnly: [], scratch: "/scratch" }).ok

it(`the isolation report agrees with the probe (unshare ${works ? "works" : "cannot make namespaces"} here)`, () => {
  const report = detectIsolation({ refresh: true, env: { ...process.env, STUDIO_SANDBOX_BWRAP: "off" } })
  detectIsolation({ refresh: true })
  if (works) {
    expect(report.backend).toBe("unshare")
    expect(report.level).toMatch(/^namespaces/)
  } else {
    expect(report.backend).toBe("process")
    expect(report.warnings.join(" ")).toMatch(/unshare/)
  }
})

describe.runIf(works)("on this machine", () => {
  const privateDir = path.join(ENGINE_ROOT, "..", "..", ".studio", `private-${process.pid}`)
  afterAll(() => rmSync(privateDir, { recursive: true, force: true }))

  it("runs a Node that is uid 65534, sees only what was bound, and has no network", () => {
    const command = unshareCommand(found!, { readOnly: [], scratch: "/scratch", cwd: "/scratch" })
    const script = `
      const fs = require("node:fs")
      const net = require("node:net")
      const socket = net.connect(9, "127.0.0.1")
      socket.on("error", (error) => {
        console.log(JSON.stringify({ uid: process.getuid(), root: fs.readdirSync("/").sort(), cwd: process.cwd(), net: error.code }))
      })`
    const [executable = "", ...args] = command
    const run = spawnSync(executable, [...args, process.execPath, "-e", script], {
      encoding: "utf8",
      env: { PATH: "/usr/bin:/bin" },
      timeout: 10_000,
    })
    expect(run.stderr).toBe("")
    const seen = JSON.parse(run.stdout) as { uid: number; root: string[]; cwd: string; net: string }
    expect(seen.uid).toBe(SANDBOX_UID)
    expect(seen.cwd).toBe("/scratch")
    expect(seen.net).toBe("ENETUNREACH")
    // the empty mount point of the old root, /dev, the /lib links, /proc, the scratch tmpfs and /usr (Node, libraries)
    expect(seen.root.filter((entry) => !/^lib/.test(entry))).toEqual([
      ".old",
      "dev",
      "proc",
      "scratch",
      "usr",
    ])
  })

  it.runIf(process.getuid?.() === 0)(
    "names a folder uid 65534 cannot read (a 0700 folder on the way) instead of starting without it",
    () => {
      mkdirSync(path.join(privateDir, "inner"), { recursive: true })
      chmodSync(privateDir, 0o700)
      const inner = path.join(privateDir, "inner")
      const probe = probeUnshare(found!, { readOnly: [inner], scratch: "/scratch" })
      expect(probe).toEqual({
        ok: false,
        reason: expect.stringMatching(/is not readable by the sandbox's uid/),
      })
      // Then the studio falls back to making the namespaces as the host's root (uid 65534 inside still), with a
      // warning that says why: bubblewrap where it is installed, else unshare; a worker then reads the folder.
      const env = { ...process.env, STUDIO_SANDBOX_BWRAP: "off" }
      const withoutBubblewrap = detectIsolation({ refresh: true, env, readOnly: [inner] })
      expect(withoutBubblewrap.backend).toBe("unshare")
      expect(withoutBubblewrap.unshare?.keepsHostRoot).toBe(true)
      expect(withoutBubblewrap.warnings.join(" ")).toMatch(
        /unshare runs the sandbox as the host's root.*inner is not readable by the sandbox's uid/,
      )
      const asRoot = unshareCommand(withoutBubblewrap.unshare!, {
        readOnly: [inner],
        scratch: "/scratch",
        cwd: "/scratch",
      })
      expect(asRoot).not.toContain(`--reuid=${SANDBOX_UID}`)
      const [executable = "", ...args] = asRoot
      const seen = spawnSync(
        executable,
        [
          ...args,
          process.execPath,
          "-e",
          `console.log(process.getuid(), require("node:fs").readdirSync(${JSON.stringify(inner)}).length, require("node:fs").existsSync("/etc"))`,
        ],
        { encoding: "utf8", env: { PATH: "/usr/bin:/bin" }, timeout: 10_000 },
      )
      expect(seen.stdout.trim()).toBe(`${SANDBOX_UID} 0 false`)
      if (findBubblewrap()) {
        const bubblewrap = detectIsolation({ refresh: true, readOnly: [inner] })
        expect(bubblewrap.backend).toBe("bubblewrap")
        expect(bubblewrap.bubblewrap?.hostCommand).toEqual([])
        expect(bubblewrap.warnings.join(" ")).toMatch(/bubblewrap runs the sandbox as the host's root/)
      }
      detectIsolation({ refresh: true })
    },
  )
})
