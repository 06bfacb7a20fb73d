// Differential test of the sandbox: every case of the corpus runs twice, once through the LocalSandbox (custom pool,
// pre-started bubblewrap workers) and once through plain Vitest in a child process with the same settings, and the
// two results must agree: the same tests with the same statuses, the sandbox's failure messages carrying what plain
// Vitest reported, and a file that fails to load reported as a diagnostic plus its tests failed by name.
import { spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs"
import { availableParallelism } from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { sanitizeMessage, type TestCaseResult } from "@studio/protocol"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { z } from "zod"
import { LocalSandbox, type SandboxResult } from "../src/sandbox"
import { KIT_DIR } from "../src/toolchain/kit-paths"

const here = path.dirname(fileURLToPath(import.meta.url))
const engineRoot = path.resolve(here, "..")
const repoRoot = path.resolve(engineRoot, "../..")
const kitSrc = path.join(KIT_DIR, "src")
const corpusRoot = path.join(here, "fixtures", "differential")
const vitestBin = path.join(repoRoot, "node_modules", "vitest", "vitest.mjs")

/**
 * What each case is meant to show, as plain Vitest reports it: a case that stopped testing what it claims (both sides
 * broken the same way, a fixture that no longer fails where it should) is caught here, not hidden by the agreement.
 * `notLoaded` counts test files that failed to load; their tests count as failed, like the sandbox reports them.
 */
const EXPECTED: Record<string, { pass: number; fail: number; skip: number; notLoaded: number }> = {
  "async-findby": { pass: 4, fail: 0, skip: 0, notLoaded: 0 },
  "counter-user-event": { pass: 5, fail: 0, skip: 0, notLoaded: 0 },
  "failing-assertions": { pass: 2, fail: 2, skip: 0, notLoaded: 0 },
  "fake-timers": { pass: 8, fail: 0, skip: 0, notLoaded: 0 },
  "kit-imports": { pass: 5, fail: 0, skip: 0, notLoaded: 0 },
  "lucide-icons": { pass: 4, fail: 0, skip: 0, notLoaded: 0 },
  "mocks-and-spies": { pass: 4, fail: 0, skip: 1, notLoaded: 0 },
  "syntax-error": { pass: 0, fail: 3, skip: 0, notLoaded: 1 },
  "throws-in-render": { pass: 3, fail: 1, skip: 0, notLoaded: 0 },
  "type-error": { pass: 3, fail: 0, skip: 0, notLoaded: 0 },
}
const cases = readdirSync(corpusRoot)
  .filter((name) => statSync(path.join(corpusRoot, name)).isDirectory())
  .sort()

type Status = TestCaseResult["status"]

// ---------------------------------------------------------------------------------------------------------------
// Plain Vitest: its JSON reporter's output, validated before use.

const assertionSchema = z.object({
  ancestorTitles: z.array(z.string()),
  title: z.string(),
  status: z.enum(["passed", "failed", "skipped", "pending", "todo", "disabled"]),
  failureMessages: z.array(z.string()).nullable().default([]),
})
const reportSchema = z.object({
  success: z.boolean(),
  numTotalTests: z.number(),
  testResults: z.array(
    z.object({
      name: z.string(),
      status: z.enum(["passed", "failed"]),
      message: z.string().default(""),
      assertionResults: z.array(assertionSchema),
    }),
  ),
})
type PlainReport = z.infer<typeof reportSchema>

interface PlainRun {
  report: PlainReport
  durationMs: number
  caseDir: string
  /** 0 when every test passed and nothing else went wrong (an unhandled error fails the run without a test). */
  exitCode: number | null
}

function plainStatus(status: z.infer<typeof assertionSchema>["status"]): Status {
  if (status === "passed") return "pass"
  if (status === "failed") return "fail"
  return "skip"
}

/** The settings of the sandbox's Vitest (vitest-host.ts), written as an ordinary project config. */
function vitestConfig(caseDir: string): string {
  const kitDir = JSON.stringify(kitSrc + "/")
  const srcDir = JSON.stringify(path.join(caseDir, "src") + "/")
  return `export default {
  resolve: {
    alias: [
      { find: /^@\\/(components\\/ui|lib)\\//, replacement: ${kitDir} + "$1/" },
      { find: /^@\\//, replacement: ${srcDir} },
    ],
  },
  test: {
    environment: "happy-dom",
    setupFiles: [${JSON.stringify(path.join(kitSrc, "test-setup.ts"))}],
    globals: false,
    include: ["**/*.test.{ts,tsx}"],
    css: false,
  },
}
`
}

/** The parent's environment without what the outer Vitest set for its own workers. */
function childEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("VITEST") && key !== "TEST" && key !== "NODE_ENV") env[key] = value
  }
  return { ...env, CI: "true", NO_COLOR: "1", TZ: "UTC" }
}

async function runPlainVitest(name: string, workRoot: string): Promise<PlainRun> {
  const caseDir = path.join(workRoot, name)
  cpSync(path.join(corpusRoot, name), caseDir, { recursive: true })
  writeFileSync(path.join(caseDir, "vitest.config.mjs"), vitestConfig(caseDir))
  const outputFile = path.join(caseDir, "report.json")
  const started = performance.now()
  const output = await new Promise<{ code: number | null; text: string }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [vitestBin, "run", "--config", "vitest.config.mjs", "--reporter=json", `--outputFile=${outputFile}`],
      { cwd: caseDir, env: childEnvironment(), stdio: ["ignore", "pipe", "pipe"] },
    )
    let text = ""
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()))
    child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, text }))
  })
  const durationMs = Math.round(performance.now() - started)
  if (!existsSync(outputFile)) {
    throw new Error(`plain Vitest wrote no report for ${name} (exit ${output.code}):\n${output.text}`)
  }
  const report = reportSchema.parse(JSON.parse(readFileSync(outputFile, "utf8")))
  return { report, durationMs, caseDir, exitCode: output.code }
}

/** Runs `task` over `items` with at most `limit` at a time, keeping each item's own promise. */
function limited<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Map<T, Promise<R>> {
  let running = 0
  const waiting: (() => void)[] = []
  const slot = async () => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
    running++
  }
  const release = () => {
    running--
    waiting.shift()?.()
  }
  return new Map(
    items.map((item) => {
      const promise = slot().then(() => task(item).finally(release))
      promise.catch(() => undefined) // awaited by the case's test; not an unhandled rejection meanwhile
      return [item, promise] as const
    }),
  )
}

// ---------------------------------------------------------------------------------------------------------------
// Normalising both sides.

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g

/** What the sandbox does to a message (job paths relative, then the protocol's sanitizer), applied to plain's. */
function cleanPlain(message: string, caseDir: string): string {
  return sanitizeMessage(
    message
      .replace(ANSI, "")
      .split(caseDir + path.sep)
      .join(""),
  )
}

function firstLine(message: string): string {
  return (
    message
      .split("\n")
      .map((line) => line.trim())
      .find((line) => line.length > 0) ?? ""
  )
}

/**
 * Plain Vitest's JSON report gives a failure as `error.stack` ("AssertionError: expected …"), the sandbox as
 * `error.message` ("expected …"). The line must appear in the sandbox's error as it is, or without that leading
 * "<Name>Error: " (or "Error: ") — the error class — and nothing else.
 */
function failureLineMatches(sandboxError: string, plainLine: string): boolean {
  if (sandboxError.includes(plainLine)) return true
  // A timeout's error is made ahead of time as `new Error("STACK_TRACE_ERROR")` for its stack, and its message is
  // set when it fires; the JSON report's stack still reads "STACK_TRACE_ERROR", so it carries no message to compare.
  if (plainLine === "Error: STACK_TRACE_ERROR") return sandboxError.length > 0
  const named = /^(?:[A-Z]\w*)?Error: (.+)$/.exec(plainLine)
  return named?.[1] !== undefined && sandboxError.includes(named[1])
}

interface Row {
  file: string
  fullName: string
  status: Status
}

const byKey = (a: Row, b: Row) =>
  `${a.file}\0${a.fullName}\0${a.status}`.localeCompare(`${b.file}\0${b.fullName}\0${b.status}`)

// ---------------------------------------------------------------------------------------------------------------

describe("the sandbox reports what plain Vitest reports", () => {
  const workRoot = path.join(repoRoot, ".studio", `differential-${randomBytes(6).toString("hex")}`)
  const jobsRoot = path.join(repoRoot, ".studio", `test-sandbox-${randomBytes(6).toString("hex")}`)
  const sandbox = new LocalSandbox({ jobsRoot })
  let plainRuns: Map<string, Promise<PlainRun>>
  const timings: { name: string; plainMs: number; sandboxMs: number }[] = []
  let closed = false

  beforeAll(async () => {
    mkdirSync(workRoot, { recursive: true })
    // Plain Vitest runs in the background (each is a process with its own workers) while the sandbox warms up and
    // then takes the cases one by one.
    plainRuns = limited(cases, Math.max(2, Math.min(4, availableParallelism())), (name) =>
      runPlainVitest(name, workRoot),
    )
    await sandbox.warmUp()
  }, 180_000)

  afterAll(async () => {
    if (!closed) await sandbox.close()
    await Promise.allSettled(plainRuns?.values() ?? [])
    rmSync(workRoot, { recursive: true, force: true })
    rmSync(jobsRoot, { recursive: true, force: true })
    if (timings.length > 0) {
      const lines = timings.map(
        (t) => `  ${t.name.padEnd(20)} plain ${t.plainMs} ms, sandbox ${t.sandboxMs} ms`,
      )
      console.info(`differential timings:\n${lines.join("\n")}`)
    }
  }, 90_000)

  it("the corpus holds every case, each with its expected outcome", () => {
    expect(cases).toEqual(Object.keys(EXPECTED).sort())
  })

  it.each(cases)(
    "%s",
    async (name) => {
      const caseRoot = path.join(corpusRoot, name)
      const files = readCase(caseRoot)
      const sandboxResult = await sandbox.runTestsInSandbox({ files })
      const plain = await plainRuns.get(name)!
      timings.push({ name, plainMs: plain.durationMs, sandboxMs: sandboxResult.durationMs })

      compare(name, plain, sandboxResult, files)
    },
    180_000,
  )

  // Last: closing must not wait on the single-use workers Vitest asked to stop after the host had killed them.
  it("closes promptly once the cases are done", async () => {
    const started = performance.now()
    closed = true
    await sandbox.close()
    expect(performance.now() - started).toBeLessThan(10_000)
  }, 90_000)
})

/** The case's files, job-relative (`src/components/X.tsx`). */
function readCase(caseRoot: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else files[path.relative(caseRoot, full).split(path.sep).join("/")] = readFileSync(full, "utf8")
    }
  }
  walk(caseRoot)
  return files
}

function compare(name: string, plain: PlainRun, sandbox: SandboxResult, files: Record<string, string>): void {
  const context = (detail: string) => `${name}: ${detail}`
  const plainRows: Row[] = []
  const plainFailures = new Map<string, string>()
  const testFiles = Object.keys(files).filter((file) => /\.test\.tsx?$/.test(file))
  const reportedFiles = plain.report.testResults.map((result) => path.relative(plain.caseDir, result.name))
  expect(reportedFiles.sort(), context("plain Vitest ran every test file")).toEqual([...testFiles].sort())

  for (const result of plain.report.testResults) {
    const file = path.relative(plain.caseDir, result.name).split(path.sep).join("/")
    const loadFailed = result.status === "failed" && result.assertionResults.length === 0
    if (loadFailed) {
      // The file failed to load: the sandbox must say so for that file and fail every test in it by name.
      const diagnostic = sandbox.diagnostics.find(
        (d) => d.source === "vitest" && d.severity === "error" && d.path === file,
      )
      expect(diagnostic, context(`an error diagnostic for ${file}, which failed to load`)).toBeDefined()
      const plainMessage = firstLine(cleanPlain(result.message, plain.caseDir))
      expect(plainMessage, context(`plain Vitest gave a reason why ${file} did not load`)).not.toBe("")
      expect(
        failureLineMatches(diagnostic?.message ?? "", plainMessage),
        context(`the diagnostic "${diagnostic?.message}" carries plain Vitest's "${plainMessage}"`),
      ).toBe(true)
      const notRun = sandbox.tests.filter((test) => test.file === file)
      expect(notRun.length, context(`tests of ${file} listed`)).toBeGreaterThan(0)
      for (const test of notRun) {
        expect(test.status, context(`${test.name} fails`)).toBe("fail")
        expect(test.error, context(`${test.name} says why`)).toMatch(/^not run:/)
        plainRows.push({ file, fullName: test.name, status: "fail" })
      }
      // …and those are exactly the tests the file declares.
      expect(
        notRun.map((test) => test.name).sort(),
        context(`the failed tests of ${file} are its it/test titles`),
      ).toEqual(titlesIn(files[file] ?? ""))
      continue
    }
    for (const assertion of result.assertionResults) {
      const fullName = [...assertion.ancestorTitles, assertion.title].join(" > ")
      const status = plainStatus(assertion.status)
      plainRows.push({ file, fullName, status })
      if (status === "fail") {
        const message = assertion.failureMessages?.[0] ?? ""
        plainFailures.set(`${file}\0${fullName}`, firstLine(cleanPlain(message, plain.caseDir)))
      }
    }
    // A file that loaded but also has a file-level error (an error in a hook outside tests, say) must show up too.
    if (result.message) {
      expect(
        sandbox.diagnostics.some((d) => d.source === "vitest" && d.path === file),
        context(`a diagnostic for the file-level error of ${file}: ${result.message}`),
      ).toBe(true)
    }
  }

  const sandboxRows: Row[] = sandbox.tests.map((test) => ({
    file: test.file ?? "",
    // tests reported "not run" carry only their own title, like the plain rows built for them above
    fullName: test.error?.startsWith("not run:") ? test.name : (test.fullName ?? test.name),
    status: test.status,
  }))
  expect(sandboxRows.sort(byKey), context("the same tests with the same statuses")).toEqual(
    plainRows.sort(byKey),
  )
  const count = (status: Status) => plainRows.filter((row) => row.status === status).length
  const notLoaded = plain.report.testResults.filter(
    (result) => result.status === "failed" && result.assertionResults.length === 0,
  ).length
  expect(
    { pass: count("pass"), fail: count("fail"), skip: count("skip"), notLoaded },
    context("the outcome the case is meant to show"),
  ).toEqual(EXPECTED[name])

  // Failures: the sandbox's error must carry plain Vitest's first line.
  for (const test of sandbox.tests) {
    if (test.status !== "fail" || test.error?.startsWith("not run:")) continue
    const plainLine = plainFailures.get(`${test.file}\0${test.fullName ?? test.name}`)
    expect(plainLine, context(`plain Vitest gave a failure message for ${test.name}`)).toBeTruthy()
    expect(
      failureLineMatches(test.error ?? "", plainLine ?? ""),
      context(
        `the error of "${test.name}" (${JSON.stringify(test.error)}) carries ${JSON.stringify(plainLine)}`,
      ),
    ).toBe(true)
  }

  // Both agree on the run as a whole, and no diagnostic appears that plain Vitest has no counterpart for.
  const plainFileErrors = plain.report.testResults.filter((result) => result.message).length
  expect(
    sandbox.diagnostics.filter((d) => d.severity === "error").length,
    context(`error diagnostics (${JSON.stringify(sandbox.diagnostics)})`),
  ).toBe(plainFileErrors)
  const sandboxSuccess =
    sandbox.diagnostics.length === 0 && sandbox.tests.every((test) => test.status !== "fail")
  expect(sandboxSuccess, context("overall success")).toBe(plain.report.success)
  expect(sandboxSuccess, context(`overall success (plain Vitest exited with ${plain.exitCode})`)).toBe(
    plain.exitCode === 0,
  )
}

/** The `it`/`test` titles of a test file, from the corpus itself (not from the sandbox's own title reader). */
function titlesIn(source: string): string[] {
  return [...source.matchAll(/\b(?:it|test)(?:\.(?:skip|only|concurrent|fails))?\(\s*(["'`])(.*?)\1/g)]
    .map((match) => match[2] ?? "")
    .sort()
}
