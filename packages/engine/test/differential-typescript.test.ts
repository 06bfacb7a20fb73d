// Differential test of the TypeScript plugin: every case of the corpus is type-checked twice, once by the plugin's
// warm language service and once by plain `tsc --noEmit` on a copy of the case with the same compiler options, and
// the two must report the same errors at the same places with the same codes.
import { execFile } from "node:child_process"
import { randomBytes } from "node:crypto"
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createTypeScriptPlugin, generatedCodeCompilerOptionsJson } from "../src/toolchain"
import type { ToolchainPlugin } from "../src/toolchain"
import { KIT_DIR } from "../src/toolchain/kit-paths"

const here = path.dirname(fileURLToPath(import.meta.url))
const engineRoot = path.resolve(here, "..")
const repoRoot = path.resolve(engineRoot, "../..")
const kitSrc = path.join(KIT_DIR, "src")
const corpusRoot = path.join(here, "fixtures", "differential")
const tscBin = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc")
const TIMEOUT_MS = 60_000

/** Errors each case is meant to have, so the test cannot pass by both sides reporting nothing. */
const EXPECTED_ERRORS: Record<string, number> = {
  "async-findby": 0,
  "counter-user-event": 0,
  "failing-assertions": 0,
  "fake-timers": 0,
  "kit-imports": 0,
  "lucide-icons": 0,
  "mocks-and-spies": 0,
  "syntax-error": 2,
  "throws-in-render": 0,
  "type-error": 2,
}
const cases = readdirSync(corpusRoot)
  .filter((name) => statSync(path.join(corpusRoot, name)).isDirectory())
  .sort()

/** The case's files keyed by job-relative path, like the engine hands them to the plugin. */
function caseFiles(name: string): Record<string, string> {
  const componentsDir = path.join(corpusRoot, name, "src", "components")
  const files: Record<string, string> = {}
  for (const fileName of readdirSync(componentsDir).sort()) {
    if (!fileName.endsWith(".tsx")) continue
    files[`src/components/${fileName}`] = readFileSync(path.join(componentsDir, fileName), "utf8")
  }
  return files
}

/** The plugin's compiler options (typescript-checker.ts), written as an ordinary tsconfig.json. */
function tsconfig(): string {
  return JSON.stringify(
    {
      compilerOptions: generatedCodeCompilerOptionsJson(kitSrc, "./src"),
      include: ["src"],
    },
    null,
    2,
  )
}

// tsc's `--pretty false` format: `src/components/X.tsx(12,5): error TS2322: message`.
const TSC_ERROR_LINE = /^(\S[^(]*)\((\d+),(\d+)\): error (TS\d+): /

interface TscRun {
  errors: string[]
  exitCode: number
  output: string
}

async function runTsc(name: string, workRoot: string): Promise<TscRun> {
  const caseDir = path.join(workRoot, name)
  cpSync(path.join(corpusRoot, name), caseDir, { recursive: true })
  writeFileSync(path.join(caseDir, "tsconfig.json"), tsconfig())
  const { exitCode, stdout, stderr } = await new Promise<{
    exitCode: number
    stdout: string
    stderr: string
  }>((resolve, reject) => {
    execFile(
      process.execPath,
      [tscBin, "--noEmit", "-p", ".", "--pretty", "false"],
      { cwd: caseDir, maxBuffer: 16 * 1024 * 1024 },
      (error, out, err) => {
        // tsc exits with 1 or 2 when it reports errors; anything else (no exit code at all) is a real failure.
        if (error !== null && typeof error.code !== "number") reject(error)
        else resolve({ exitCode: error === null ? 0 : Number(error.code), stdout: out, stderr: err })
      },
    )
  })
  const errors: string[] = []
  for (const line of stdout.split(/\r?\n/)) {
    const match = TSC_ERROR_LINE.exec(line)
    if (match !== null) errors.push(`${match[1]}:${match[2]}:${match[3]}:${match[4]}`)
  }
  return { errors: errors.sort(), exitCode, output: stdout + stderr }
}

function normalizeCode(code: string | number | undefined): string {
  if (code === undefined) return "TS?"
  const text = String(code)
  return text.startsWith("TS") ? text : `TS${text}`
}

describe("differential: TypeScript plugin vs plain tsc", () => {
  const workRoot = path.join(repoRoot, ".studio", `differential-typescript-${randomBytes(6).toString("hex")}`)
  let plugin: ToolchainPlugin
  let tscRuns: Map<string, Promise<TscRun>>

  beforeAll(() => {
    mkdirSync(workRoot, { recursive: true })
    plugin = createTypeScriptPlugin()
    tscRuns = new Map(cases.map((name) => [name, runTsc(name, workRoot)]))
    // Nothing may reject unobserved before its test awaits it.
    for (const run of tscRuns.values()) run.catch(() => undefined)
  })

  afterAll(async () => {
    await Promise.allSettled(tscRuns.values())
    await plugin.dispose?.()
    rmSync(workRoot, { recursive: true, force: true })
  }, TIMEOUT_MS)

  it("covers every case of the corpus", () => {
    expect(cases).toEqual(Object.keys(EXPECTED_ERRORS).sort())
  })

  it.each(cases)(
    "%s: the plugin reports the errors tsc reports",
    async (name) => {
      const result = await plugin.run({ files: caseFiles(name) })
      const pluginErrors = result.diagnostics
        .filter((diagnostic) => diagnostic.severity === "error")
        .map(
          (diagnostic) =>
            `${diagnostic.path}:${diagnostic.line}:${diagnostic.column}:${normalizeCode(diagnostic.code)}`,
        )
        .sort()
      const tsc = await tscRuns.get(name)!
      const expectedCount = EXPECTED_ERRORS[name]

      expect(tsc.errors, `tsc output for ${name}:\n${tsc.output}`).toHaveLength(expectedCount ?? -1)
      expect(tsc.exitCode === 0, `tsc exit code for ${name}`).toBe(expectedCount === 0)
      expect(pluginErrors).toEqual(tsc.errors)
    },
    TIMEOUT_MS,
  )
})
