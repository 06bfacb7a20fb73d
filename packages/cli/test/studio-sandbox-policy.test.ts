import { execFile } from "node:child_process"
import path from "node:path"
import { promisify } from "node:util"
import { describe, expect, it } from "vitest"
import { execResultSchema } from "@studio/protocol"

const run = promisify(execFile)
const repoRoot = path.resolve(import.meta.dirname, "../../..")
const bin = path.join(repoRoot, "packages/cli/bin/studio.js")
/** A machine where neither bubblewrap nor unshare can be used: the `process` level, for real. */
const NO_NAMESPACES = { STUDIO_SANDBOX_BWRAP: "off", STUDIO_SANDBOX_UNSHARE: "off" }

async function studio(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: "1", STUDIO_ALLOW_UNISOLATED: "", ...env },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe("the CLI without namespaces", () => {
  it("studio doctor says the level, the backend and that untrusted code is refused", async () => {
    const result = await studio(["doctor", "--json"], NO_NAMESPACES)
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as {
      isolation: { level: string; backend: string; warnings: string[] }
      runsUntrustedCode: boolean
    }
    expect(report.isolation).toMatchObject({ level: "process", backend: "process" })
    expect(report.runsUntrustedCode).toBe(false)
    expect(report.isolation.warnings.join(" ")).toMatch(
      /STUDIO_SANDBOX_BWRAP=off.*STUDIO_SANDBOX_UNSHARE=off/,
    )
    const human = await studio(["doctor"], NO_NAMESPACES)
    expect(human.stdout).toMatch(/sandbox backend: process \(no namespaces\)/)
    expect(human.stdout).toMatch(/it does not protect against:\n.*network/s)
    expect(human.stdout).toMatch(/model-written and edited code: refused here/)
  })

  it("studio exec refuses a folder's code (exit 2) and says what to install", async () => {
    const result = await studio(["exec", "examples/counter", "--json"], NO_NAMESPACES)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe("")
    expect(result.stderr).toMatch(/^studio exec: This machine gives the test sandbox no namespaces/)
    expect(result.stderr).toMatch(/apt-get install bubblewrap/)
    expect(result.stderr).toMatch(/STUDIO_ALLOW_UNISOLATED=1/)
  })

  it("studio generate refuses a model's code before it asks the model anything", async () => {
    const result = await studio(["generate", "a counter", "--provider", "openai", "--json"], {
      ...NO_NAMESPACES,
      // nothing listens here: a request would fail differently
      OPENAI_BASE_URL: "http://127.0.0.1:9/v1",
      OPENAI_API_KEY: "test",
      STUDIO_MODEL: "m",
    })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe("")
    expect(result.stderr).toMatch(/^studio generate: .*model-written code is not run/)
  })

  it("a bad STUDIO_ALLOW_UNISOLATED is a usage error", async () => {
    const result = await studio(["exec", "examples/counter"], {
      ...NO_NAMESPACES,
      STUDIO_ALLOW_UNISOLATED: "maybe",
    })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/STUDIO_ALLOW_UNISOLATED: must be 1 or 0/)
  })

  it("with STUDIO_ALLOW_UNISOLATED=1, studio exec runs it, at the process level", async () => {
    const result = await studio(["exec", "examples/counter", "--json"], {
      ...NO_NAMESPACES,
      STUDIO_ALLOW_UNISOLATED: "1",
    })
    const report = execResultSchema.parse(JSON.parse(result.stdout.trim().split("\n").at(-1) ?? ""))
    expect(report.isolation).toBe("process")
    expect(report.tests.map((test) => test.status)).toEqual(["pass", "pass", "pass"])
  })
})
