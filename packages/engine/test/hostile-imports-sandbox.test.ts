import { rmSync } from "node:fs"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { LocalSandbox, type SandboxResult } from "../src/sandbox"
import { hostileCases, innocentFiles, plantCanary, type HostileCase } from "./support/hostile-imports"

// The corpus as tests the sandbox runs, with the pre-check bypassed (LocalSandbox is called directly): the source
// guard in the Vitest host must refuse each case at its file and line before the host reads anything for it, and no
// byte of the canary may reach a result. A worker per test file is what costs time here, so the script cases share
// one test file (one hostile line each) and the stylesheet cases one stylesheet; the guard reports every refused
// line of a file, not only the first.

const repoRoot = path.resolve(import.meta.dirname, "../../..")
const jobsRoot = path.join(repoRoot, ".studio", `test-hostile-imports-${process.pid}`)
const canary = plantCanary()
const corpus = hostileCases(canary, { as: "test" })
const TESTS = "src/components/Leaks.test.tsx"
const STYLES_TEST = "src/components/Styles.test.tsx"
const STYLESHEET = "src/components/leak.css"
const BUILTIN_TEST = "src/components/Builtin.test.tsx"
const LINK_TEST = "src/components/Link.test.tsx"

/** Each case as it is placed in the shared files, with the line it must be refused at. */
interface Placed {
  hostile: HostileCase
  path: string
  line: number
}

function hostileLineOf(hostile: HostileCase): string {
  return hostile.files[hostile.path]?.split("\n")[hostile.line - 1] ?? ""
}

const scriptCases = corpus.filter((hostile) => hostile.path.endsWith(".test.tsx") && hostile.refusedInSandbox)
const stylesheetCases = corpus.filter((hostile) => hostile.path.endsWith(".css"))
const builtinCases = corpus.filter((hostile) => !hostile.refusedInSandbox)
const placed: Placed[] = [
  ...scriptCases.map((hostile, index) => ({ hostile, path: TESTS, line: index + 2 })),
  ...stylesheetCases.map((hostile, index) => ({ hostile, path: STYLESHEET, line: index + 1 })),
]

function hostileJob(): Record<string, string> {
  const extras = Object.assign(
    {},
    ...scriptCases.map((hostile) =>
      Object.fromEntries(Object.entries(hostile.files).filter(([file]) => file !== hostile.path)),
    ),
  ) as Record<string, string>
  const names = scriptCases.map((_, index) => `leaked${index + 1}`)
  const lines = scriptCases.map((hostile, index) =>
    hostileLineOf(hostile).replace(/\bleaked\b/g, names[index] ?? ""),
  )
  const expectLeak = `expect(JSON.stringify(value)).toContain(${JSON.stringify(canary.token)})`
  return {
    ...extras,
    [TESTS]: `import { it, expect } from "vitest"\n${lines.join("\n")}\n\nit("R1: reads the canary", () => {\n  const value: unknown = [${names.join(", ")}]\n  ${expectLeak}\n})\n`,
    [STYLESHEET]: `${stylesheetCases.map(hostileLineOf).join("\n")}\n`,
    [STYLES_TEST]: `import { it, expect } from "vitest"\nimport "./leak.css"\n\nit("R1: the stylesheet loads", () => {\n  expect(true).toBe(true)\n})\n`,
    // A built-in is the OS isolation's to contain; the guard lets it load, and it reads no canary by itself.
    ...Object.fromEntries(builtinCases.map((hostile) => [BUILTIN_TEST, hostile.files[hostile.path] ?? ""])),
  }
}

/**
 * A symlink made at run time inside the job folder, pointing at the canary, then loaded by a literal path
 * (vi.importActual resolves when it runs, after the link is made; an import would be resolved before).
 */
function symlinkJob(): Record<string, string> {
  const expectLeak = `expect(JSON.stringify(linked)).toContain(${JSON.stringify(canary.token)})`
  return {
    [LINK_TEST]: `import { it, expect, vi } from "vitest"
import { symlinkSync } from "node:fs"
import { dirname, join } from "node:path"

it("R1: reads the canary through a symlink in its job folder", async () => {
  symlinkSync(${JSON.stringify(canary.jsonFile)}, join(dirname(expect.getState().testPath ?? ""), "linked.json"))
  const linked: unknown = await vi.importActual("./linked.json")
  ${expectLeak}
})
`,
  }
}

let sandbox: LocalSandbox
let withoutNodePermission: LocalSandbox
let result: SandboxResult
let innocent: SandboxResult
let linked: SandboxResult

beforeAll(async () => {
  // One warm worker at a time: the jobs here run one after another, and a second warm worker would only be killed.
  sandbox = new LocalSandbox({
    jobsRoot,
    timeoutMs: 60_000,
    memoryBytes: 512 * 1024 * 1024,
    heapMegabytes: 256,
    warmWorkers: 1,
  })
  await sandbox.warmUp()
  result = await sandbox.runTestsInSandbox({ files: hostileJob() })
  innocent = await sandbox.runTestsInSandbox({ files: innocentFiles() })
  // Node's permission model (on by default) already forbids making the link; without it, the guard must hold.
  withoutNodePermission = new LocalSandbox({
    jobsRoot,
    timeoutMs: 60_000,
    nodePermission: false,
    warmWorkers: 1,
    replaceWorkers: false,
  })
  linked = await withoutNodePermission.runTestsInSandbox({ files: symlinkJob() })
}, 240_000)

afterAll(async () => {
  await Promise.all([sandbox?.close(), withoutNodePermission?.close()])
  canary.remove()
  rmSync(jobsRoot, { recursive: true, force: true })
})

describe("the sandbox's source guard and hostile imports", () => {
  it("lets no byte of the canary into the results", () => {
    expect(JSON.stringify(result).includes(canary.token)).toBe(false)
    expect(JSON.stringify(linked).includes(canary.token)).toBe(false)
  })

  it("fails every test that tried to read it", () => {
    const byFile = Object.fromEntries(result.tests.map((test) => [test.file, test.status]))
    expect(byFile).toEqual({
      [TESTS]: "fail",
      [STYLES_TEST]: "fail",
      [BUILTIN_TEST]: "fail",
    })
  })

  it.each(placed)("refuses $hostile.name at its file and line", ({ path: file, line }) => {
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ source: "vitest", path: file, line, severity: "error" }),
    )
  })

  it("does not load a file of the job folder that is really somewhere else", () => {
    expect(linked.tests.map((test) => test.status)).toEqual(["fail"])
    // Refused by the guard (see source-guard.test.ts for it alone); or the isolation never lets the link be made:
    // a read-only job folder, or one the worker does not see at the host's path.
    expect(linked.tests[0]?.error ?? "").toMatch(/outside the job folder|EROFS|EACCES|EPERM|ENOENT/)
  })

  it("still runs an innocent job: a kit button, a relative import and lucide-react", () => {
    expect(innocent.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([])
    expect(innocent.tests.map((test) => [test.name, test.status])).toEqual([["R1: greets by name", "pass"]])
  })
})
