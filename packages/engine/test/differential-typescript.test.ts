// Differential test of the TypeScript plugin: every case of the corpus is type-checked twice, once by the plugin's
// warm language service and once the way plain `tsc --noEmit` checks a copy of the case with the same compiler
// options (support/tsc-batch.mjs: tsc's own calls, all cases in one separate process), and the two must report the
// same errors at the same places with the same codes.
import { execFile } from "node:child_process"
import { randomBytes } from "node:crypto"
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { z } from "zod"
import { createTypeScriptPlugin, generatedCodeCompilerOptionsJson } from "../src/toolchain"
import type { ToolchainPlugin } from "../src/toolchain"
import { KIT_DIR } from "../src/toolchain/kit-paths"

const here = path.dirname(fileURLToPath(import.meta.url))
const engineRoot = path.resolve(here, "..")
const repoRoot = path.resolve(engineRoot, "../..")
const kitSrc = path.join(KIT_DIR, "src")
const corpusRoot = path.join(here, "fixtures", "differential")
const tscBatch = path.join(here, "support", "tsc-batch.mjs")
const TIMEOUT_MS = 180_000

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
  /** Errors as TypeScript counts them, whether or not their line parsed. */
  errorCount: number
  output: string
}

/** Copies every case with its tsconfig.json and checks them all in one child process. */
async function runTsc(names: string[], workRoot: string): Promise<Map<string, TscRun>> {
  const caseDirs = names.map((name) => {
    const caseDir = path.join(workRoot, name)
    cpSync(path.join(corpusRoot, name), caseDir, { recursive: true })
    writeFileSync(path.join(caseDir, "tsconfig.json"), tsconfig())
    return caseDir
  })
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      [tscBatch, ...caseDirs],
      { cwd: workRoot, maxBuffer: 16 * 1024 * 1024 },
      (error, out, err) => (error === null ? resolve(out) : reject(new Error(`tsc-batch failed: ${err}`))),
    )
  })
  const results = z
    .record(z.string(), z.object({ output: z.string(), errors: z.int() }))
    .parse(JSON.parse(stdout))
  const runs = new Map<string, TscRun>()
  names.forEach((name, index) => {
    const result = results[caseDirs[index]!]
    if (result === undefined) throw new Error(`tsc-batch gave no result for ${name}`)
    const errors: string[] = []
    for (const line of result.output.split(/\r?\n/)) {
      const match = TSC_ERROR_LINE.exec(line)
      if (match !== null) errors.push(`${match[1]}:${match[2]}:${match[3]}:${match[4]}`)
    }
    runs.set(name, { errors: errors.sort(), errorCount: result.errors, output: result.output })
  })
  return runs
}

function normalizeCode(code: string | number | undefined): string {
  if (code === undefined) return "TS?"
  const text = String(code)
  return text.startsWith("TS") ? text : `TS${text}`
}

describe("differential: TypeScript plugin vs plain tsc", () => {
  const workRoot = path.join(repoRoot, ".studio", `differential-typescript-${randomBytes(6).toString("hex")}`)
  let plugin: ToolchainPlugin
  let tscRuns: Promise<Map<string, TscRun>>

  beforeAll(() => {
    mkdirSync(workRoot, { recursive: true })
    plugin = createTypeScriptPlugin()
    tscRuns = runTsc(cases, workRoot)
    // Nothing may reject unobserved before a test awaits it.
    tscRuns.catch(() => undefined)
  })

  afterAll(async () => {
    await Promise.allSettled([tscRuns])
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
      const tsc = (await tscRuns).get(name)!
      const expectedCount = EXPECTED_ERRORS[name]

      expect(tsc.errors, `tsc output for ${name}:\n${tsc.output}`).toHaveLength(expectedCount ?? -1)
      expect(tsc.errorCount, `every error of ${name} in tsc's format:\n${tsc.output}`).toBe(tsc.errors.length)
      expect(pluginErrors).toEqual(tsc.errors)
    },
    TIMEOUT_MS,
  )
})
