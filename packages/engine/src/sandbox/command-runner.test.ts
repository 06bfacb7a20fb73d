import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createServer, type AddressInfo } from "node:net"
import os from "node:os"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ENGINE_ROOT } from "../engine-root"
import { loadCustomPlugin, type CustomPluginDefinition } from "../toolchain/custom-plugins"
import { commandDiagnostics } from "./custom-plugin"
import { detectIsolation } from "./isolation"
import { LocalSandbox } from "./local-sandbox"
import type { IsolationReport } from "./types"

const FIXTURES = path.join(ENGINE_ROOT, "test", "fixtures", "plugins")
const COMPONENT = [
  'import { useState } from "react"',
  "export default function Counter() {",
  "  const [count, setCount] = useState(0)",
  '  console.log("render", count)',
  "  return <button onClick={() => { console.log(count); setCount(count + 1) }}>{count}</button>",
  "}",
].join("\n")
const FILES = {
  "src/components/Counter.tsx": COMPONENT,
  "src/components/Counter.test.tsx": 'it("R1: counts", () => {})\n',
}

const strongest = detectIsolation()
/** The same machine with no namespaces: the plain-process backend (its cgroup limits kept). */
const plainProcess: IsolationReport = {
  ...strongest,
  level: "process",
  backend: "process",
  bubblewrap: null,
  unshare: null,
}

// Every behaviour under the plain-process backend and under the strongest this machine gives (bubblewrap here; the
// unshare backend with STUDIO_SANDBOX_BWRAP=off).
describe.each([
  ["process", plainProcess],
  [strongest.backend, strongest],
] as const)("a custom plugin's command in the %s sandbox", (_backend, isolation) => {
  let jobsRoot: string
  let sandbox: LocalSandbox
  const plugin: Record<string, CustomPluginDefinition> = {}
  const run = (name: string, files: Record<string, string> = FILES, timeoutMs?: number) => {
    const definition = plugin[name]
    if (!definition) throw new Error(`no fixture ${name}`)
    return sandbox.runCommand({
      files,
      argv: definition.argv,
      pluginDir: definition.dir,
      ...(timeoutMs !== undefined || definition.timeoutMs !== undefined
        ? { timeoutMs: timeoutMs ?? definition.timeoutMs }
        : {}),
    })
  }

  beforeAll(async () => {
    jobsRoot = mkdtempSync(path.join(os.tmpdir(), "studio-command-"))
    sandbox = new LocalSandbox({ jobsRoot, isolation, timeoutMs: 20_000 })
    for (const name of ["flags-console-log", "crashes", "hangs", "writes-own-folder"])
      plugin[name] = await loadCustomPlugin(path.join(FIXTURES, name))
  })
  afterAll(async () => {
    await sandbox.close()
    rmSync(jobsRoot, { recursive: true, force: true })
  })

  it("runs in a copy of the job's files and reads each diagnostic line it prints", async () => {
    const result = await run("flags-console-log")
    expect(result.exitCode).toBe(0)
    expect(result.stoppedFor).toBeUndefined()
    expect(result.isolation).toBe(isolation.level)
    expect(commandDiagnostics("flags-console-log", result)).toEqual([
      {
        source: "flags-console-log",
        path: "src/components/Counter.tsx",
        line: 4,
        column: 3,
        message: "console.log left in the code",
        severity: "error",
        ruleId: "no-console-log",
      },
      expect.objectContaining({ path: "src/components/Counter.tsx", line: 5, column: 35 }),
    ])
    const clean = await run("flags-console-log", { "src/components/Counter.tsx": "export default 1\n" })
    expect(commandDiagnostics("flags-console-log", clean)).toEqual([])
  })

  it("turns a crash without diagnostics into one error with the sanitized end of its stderr", async () => {
    const result = await run("crashes")
    expect(result.exitCode).toBe(1)
    const diagnostics = commandDiagnostics("crashes", result)
    expect(diagnostics).toHaveLength(1)
    const [crash] = diagnostics
    expect(crash).toMatchObject({ source: "crashes", severity: "error", path: "" })
    expect(crash?.message).toMatch(/^crashes exited with code 1 without reporting diagnostics: /)
    expect(crash?.message).toContain("Error: the rule set is corrupt")
    // No host path, no secret, no stack frame.
    expect(crash?.message).not.toMatch(/\/home\/operator|sk-live|\bat loadRules|crash\.mjs:4/)
    expect(crash?.message).toContain("rules.json")
  })

  it("kills a command that hangs at its time limit", async () => {
    const started = performance.now()
    const result = await run("hangs", FILES, 1500)
    const elapsed = performance.now() - started
    expect(result.stoppedFor).toBe("timeout")
    expect(result.exitCode).toBeNull()
    expect(elapsed).toBeGreaterThanOrEqual(1400)
    expect(elapsed).toBeLessThan(1500 + 4000)
    const [timeout] = commandDiagnostics("hangs", result)
    expect(timeout).toMatchObject({ source: "hangs", severity: "error", code: "sandbox_timeout" })
    expect(timeout?.message).toMatch(/^hangs was stopped after 1\.5 s \(its time limit\): hangs: waiting/)
  })

  it("cannot write its own folder; its copy of the job is its own to change", async () => {
    const result = await run("writes-own-folder")
    const [report] = commandDiagnostics("writes-own-folder", result)
    expect(report?.message).toMatch(
      /^own folder: refused \((EROFS|ERR_ACCESS_DENIED|EACCES)\); job copy: written$/,
    )
    expect(existsSync(path.join(plugin["writes-own-folder"]?.dir ?? "", "planted.txt"))).toBe(false)
  })

  it("reaches no network with namespaces (the plain-process backend does not close it)", async () => {
    const server = createServer((socket) => socket.end())
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    const port = (server.address() as AddressInfo).port
    const dir = mkdtempSync(path.join(os.tmpdir(), "studio-net-plugin-"))
    chmodSync(dir, 0o755)
    try {
      writeFileSync(
        path.join(dir, "net.mjs"),
        [
          'import net from "node:net"',
          `const socket = net.connect(${port}, "127.0.0.1")`,
          'const say = (message) => { process.stdout.write(JSON.stringify({ path: "", severity: "info", message }) + "\\n"); process.exit(0) }',
          'socket.on("connect", () => say("reached"))',
          'socket.on("error", (error) => say(`unreachable (${error.code})`))',
        ].join("\n"),
      )
      writeFileSync(
        path.join(dir, "plugin.json"),
        JSON.stringify({
          name: "net-probe",
          version: "1",
          inputs: [".tsx"],
          command: ["node", "$PLUGIN_DIR/net.mjs"],
          costEstimate: 1,
        }),
      )
      plugin["net-probe"] = await loadCustomPlugin(dir)
      const [report] = commandDiagnostics("net-probe", await run("net-probe"))
      if (isolation.backend === "process") expect(report?.message).toBe("reached")
      else expect(report?.message).toMatch(/^unreachable \(E[A-Z]+\)$/)
    } finally {
      server.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("sees none of the studio's environment, only PLUGIN_DIR and a few basics", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "studio-env-plugin-"))
    // Readable by the sandbox's uid (65534 when the studio runs as root), as a plugin's folder must be.
    chmodSync(dir, 0o755)
    try {
      writeFileSync(
        path.join(dir, "env.mjs"),
        'process.stdout.write(JSON.stringify({ path: "", severity: "info", message: Object.keys(process.env).sort().join(",") + "|" + process.env.PLUGIN_DIR }) + "\\n")\n',
      )
      writeFileSync(
        path.join(dir, "plugin.json"),
        JSON.stringify({
          name: "env-probe",
          version: "1",
          inputs: [".tsx"],
          command: ["node", "$PLUGIN_DIR/env.mjs"],
          costEstimate: 1,
        }),
      )
      plugin["env-probe"] = await loadCustomPlugin(dir)
      process.env.STUDIO_TEST_SECRET = "do-not-leak"
      const result = await run("env-probe")
      delete process.env.STUDIO_TEST_SECRET
      const [report] = commandDiagnostics("env-probe", result)
      const [keys = "", pluginDir] = report?.message.split("|") ?? []
      expect(keys.split(",")).not.toContain("STUDIO_TEST_SECRET")
      expect(keys.split(",")).toEqual(expect.arrayContaining(["HOME", "PLUGIN_DIR", "TMPDIR"]))
      expect(keys.split(",").every((key) => !key.startsWith("NODE_CHANNEL"))).toBe(true)
      // The folder's path is a host path, which a diagnostic never shows.
      expect(pluginDir).toBe("<path>")
      expect(plugin["env-probe"]?.dir).toBe(dir)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
