// `studio exec --plugin NAME` with STUDIO_PLUGINS_DIR: main() in-process, on an engine of the command's own (the
// shared test engine has no custom plugins), as `studio exec` builds it.
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import path from "node:path"
import { execResultSchema } from "@studio/protocol"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Output } from "../src/cli-context"
import { main } from "../src/main"
import { repoRoot } from "./support/in-process"

const FIXTURES = path.join(repoRoot, "packages/engine/test/fixtures/plugins")
let scratch: string
let pluginsDir: string

beforeAll(() => {
  mkdirSync(path.join(repoRoot, ".studio"), { recursive: true })
  scratch = mkdtempSync(path.join(repoRoot, ".studio", "cli-plugins-test-"))
  pluginsDir = path.join(scratch, "plugins")
  cpSync(path.join(FIXTURES, "flags-console-log"), path.join(pluginsDir, "flags-console-log"), {
    recursive: true,
  })
  chmodSync(scratch, 0o755)
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

async function studio(argv: string[], env: NodeJS.ProcessEnv = { STUDIO_PLUGINS_DIR: pluginsDir }) {
  const chunks = { stdout: [] as string[], stderr: [] as string[] }
  const output = (into: string[]): Output => ({ write: (text: string) => into.push(text) })
  const code = await main(argv, {
    stdout: output(chunks.stdout),
    stderr: output(chunks.stderr),
    env: { ...process.env, NO_COLOR: "1", ...env },
    cwd: repoRoot,
  })
  return { code, stdout: chunks.stdout.join(""), stderr: chunks.stderr.join("") }
}

function counterProject(name: string, withConsoleLog: boolean): string {
  const dir = path.join(scratch, name)
  cpSync(path.join(repoRoot, "examples/counter"), dir, { recursive: true })
  if (withConsoleLog) {
    const file = path.join(dir, "src/components/Counter.tsx")
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(/\n(\s+)return \(/, '\n$1console.log("render")\n$1return ('),
    )
  }
  return dir
}

describe("studio exec --plugin", () => {
  it("runs the custom plugin beside lint, type-check and the tests; its errors fail the verdict", async () => {
    const flagged = await studio([
      "exec",
      counterProject("flagged", true),
      "--plugin",
      "flags-console-log",
      "--json",
    ])
    expect(flagged.code).toBe(1)
    const report = execResultSchema.parse(JSON.parse(flagged.stdout.trim().split("\n").at(-1) ?? ""))
    expect(report.diagnostics.filter((diagnostic) => diagnostic.source === "flags-console-log")).toEqual([
      expect.objectContaining({ path: "src/components/Counter.tsx", line: 9, severity: "error" }),
    ])
    expect(report).toMatchObject({ verdict: "failed", reasons: ["flags-console-log reported 1 error"] })

    const clean = await studio(["exec", counterProject("clean", false), "--plugin", "flags-console-log"])
    expect(clean.code).toBe(0)
    expect(clean.stdout).toMatch(/✓ flags-console-log +no problems/)
    expect(clean.stdout).toMatch(/proven: 3 passed, 0 failed/)
  })

  it("refuses a plugin STUDIO_PLUGINS_DIR does not have, and stops at a broken manifest (exit 2)", async () => {
    const unknown = await studio(["exec", counterProject("unknown", false), "--plugin", "stylelint"])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/unknown plugin "stylelint": STUDIO_PLUGINS_DIR has flags-console-log/)
    const broken = await studio(["exec", counterProject("broken", false)], { STUDIO_PLUGINS_DIR: FIXTURES })
    expect(broken.code).toBe(2)
    expect(broken.stderr).toMatch(/invalid plugin manifest broken-manifest\/plugin\.json: command: /)
  })

  it("studio doctor lists the custom plugins", async () => {
    const doctor = await studio(["doctor", "--json"])
    expect(doctor.code).toBe(0)
    expect(JSON.parse(doctor.stdout).plugins).toContainEqual({
      name: "flags-console-log",
      version: "1.0.0",
      source: "custom",
    })
  })
})
