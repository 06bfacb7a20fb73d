// The real `studio` binary in child processes: the bundle starts, parses its arguments, prints and exits with the
// code a shell sees, and Ctrl-C reaches the run. What each command decides is tested in-process on the shared warm
// engine (studio-exec, studio-generate*); the cases here are the ones that need a process of their own.
import { execFile, spawn } from "node:child_process"
import path from "node:path"
import { existsSync } from "node:fs"
import { promisify } from "node:util"
import { describe, expect, it } from "vitest"
import { execResultSchema } from "@studio/protocol"
import type { PlannedResponse } from "../../engine/test/support/fake-chat-server"
import { bin, generateInScratch, happy, ofType, repoRoot } from "./support/generate-process"

const run = promisify(execFile)
const { generate } = generateInScratch()

async function studio(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: "1" },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe("studio exec", () => {
  it("exits 0 and reports every test of a passing project as JSON", async () => {
    const result = await studio(["exec", "examples/counter", "--json"])
    expect(result.code).toBe(0)
    const report = execResultSchema.parse(JSON.parse(result.stdout.trim().split("\n").at(-1) ?? ""))
    expect(report.ok).toBe(true)
    expect(report).toMatchObject({ verdict: "proven", reasons: [] })
    expect(report.tests.map((test) => [test.name, test.status])).toEqual([
      ["R1: shows the initial count", "pass"],
      ["R2: increments", "pass"],
      ["R3: resets", "pass"],
    ])
    expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([])
  })

  it("exits 2 with a one-line reason for bad usage", async () => {
    const missing = await studio(["exec", path.join(repoRoot, ".studio", "does-not-exist")])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/no such directory/)
    const unknown = await studio(["launch"])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/unknown command: launch/)
  })
})

describe("studio doctor", () => {
  it("reports the isolation level and the toolchain versions", async () => {
    const result = await studio(["doctor", "--json"])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as {
      isolation: { level: string }
      plugins: { name: string; version: string }[]
    }
    expect(["namespaces+cgroup", "namespaces", "process"]).toContain(report.isolation.level)
    expect(report.plugins.map((plugin) => plugin.name)).toEqual([
      "prettier",
      "eslint",
      "typescript",
      "tailwind",
      "esbuild",
      "vitest",
      "axe",
    ])
  })
})

describe("studio generate", () => {
  it("right first time against an OpenAI-compatible server: NDJSON events only, exit 0, the files written", async () => {
    const result = await generate(happy, [], { process: true })
    expect(result.code).toBe(0)
    expect(result.stdout.trim().split("\n").length).toBe(result.events.length)
    expect(result.events.at(-1)).toMatchObject({ type: "run_finished", success: true, verdict: "proven" })
    for (const file of ["src/components/Counter.tsx", "contract.json", "report.json", "preview.html"])
      expect(existsSync(path.join(result.out, file))).toBe(true)
  })

  it("a slow stream is cancelled by Ctrl-C: the run ends with a cancelled error", async () => {
    const result = await generate([happy[0] as PlannedResponse, { kind: "hang" }], [], {
      process: true,
      interruptAfter: (event) => event.type === "stage_complete" && event.stage === "interpret",
    })
    expect(result.code).toBe(1)
    expect(ofType(result.events, "error")).toEqual([expect.objectContaining({ code: "cancelled" })])
    expect(result.events.at(-1)).toMatchObject({ type: "run_finished", success: false })
  })

  it("bad usage exits 2 with one line: empty prompt, a prompt over 8,000 characters, an unknown provider", async () => {
    const attempt = (args: string[]) =>
      new Promise<{ code: number; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [bin, "generate", ...args], { cwd: repoRoot })
        let stderr = ""
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk))
        child.on("close", (code) => resolve({ code: code ?? -1, stderr }))
      })
    expect(await attempt(["  "])).toMatchObject({ code: 2, stderr: expect.stringMatching(/prompt is empty/) })
    expect(await attempt(["x".repeat(8_001)])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/8001 characters; at most 8000/),
    })
    expect(await attempt(["a button", "--provider", "acme"])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unknown provider: acme/),
    })
  })
})
