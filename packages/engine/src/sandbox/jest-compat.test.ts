import { randomBytes } from "node:crypto"
import { readdirSync, readFileSync, rmSync } from "node:fs"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { isJestStyleTest, jestStyleTestFiles, rewriteJestModuleCalls, withJestGlobals } from "./jest-compat"
import { LocalSandbox } from "./local-sandbox"

const fixtures = path.resolve(import.meta.dirname, "../../test/fixtures/tests-as-spec")
const jobsRoot = path.resolve(
  import.meta.dirname,
  "../../../../.studio",
  `jest-compat-test-${randomBytes(6).toString("hex")}`,
)

/** A fixture task's files, placed in src/components/ as the pipeline places given tests. */
function fixtureJob(task: string): Record<string, string> {
  const folder = path.join(fixtures, task)
  return Object.fromEntries(
    readdirSync(folder).map((name) => [
      `src/components/${name}`,
      readFileSync(path.join(folder, name), "utf8"),
    ]),
  )
}

describe("Jest-style tests: which files they are", () => {
  it("is a test file that takes nothing from vitest", () => {
    expect(isJestStyleTest("src/components/A.test.js", "test('x', () => {})")).toBe(true)
    expect(
      isJestStyleTest("src/components/A.test.tsx", 'import { it } from "vitest"\nit("x", () => {})'),
    ).toBe(false)
    expect(isJestStyleTest("src/components/A.tsx", "export default 1")).toBe(false)
    expect(jestStyleTestFiles(fixtureJob("likeButton"))).toEqual(["src/components/LikeButton.test.js"])
  })

  it("maps jest.mock onto vi.mock and imports the globals first, on the first line", () => {
    expect(rewriteJestModuleCalls("jest.mock('./api');\njest.dontMock('./b')")).toBe(
      "vi.mock('./api');\nvi.doUnmock('./b')",
    )
    const prepared = withJestGlobals("line1\nline2")
    expect(prepared.split("\n")).toHaveLength(2)
    expect(prepared.startsWith('import "virtual:studio/jest-globals";line1')).toBe(true)
  })
})

describe("Jest-style tests in the sandbox", () => {
  let sandbox: LocalSandbox
  beforeAll(async () => {
    sandbox = new LocalSandbox({ jobsRoot, warmWorkers: 1, timeoutMs: 60_000 })
    await sandbox.warmUp()
  }, 120_000)
  afterAll(async () => {
    await sandbox.close()
    rmSync(jobsRoot, { recursive: true, force: true })
  })

  it("runs them as written: globals, JSX in .js, fetch-mock's v11 API, MemoryRouter, the jest object, the clipboard", async () => {
    const result = await sandbox.runTestsInSandbox({
      files: { ...fixtureJob("likeButton"), ...fixtureJob("copyLink") },
    })
    expect(result.diagnostics).toEqual([])
    expect(result.tests.map((test) => [test.fullName, test.status, test.error])).toEqual([
      ["CopyLink > copies the link to the clipboard", "pass", undefined],
      ["CopyLink > hides the confirmation after two seconds", "pass", undefined],
      ["sends the like and shows the new count", "pass", undefined],
      ["shows an error when the server refuses the like", "pass", undefined],
    ])
  })

  it("fails them honestly when the component does not do what they say", async () => {
    const files = fixtureJob("likeButton")
    files["src/components/LikeButton.tsx"] = files["src/components/LikeButton.tsx"]!.replace(
      "{count} likes",
      "{count} like(s)",
    )
    const result = await sandbox.runTestsInSandbox({ files })
    expect(result.tests.map((test) => [test.name, test.status])).toEqual([
      ["sends the like and shows the new count", "fail"],
      ["shows an error when the server refuses the like", "pass"],
    ])
  })

  it("keeps the extra packages to Jest-style jobs: a Vitest test may not import fetch-mock", async () => {
    const result = await sandbox.runTestsInSandbox({
      files: {
        "src/components/A.test.tsx":
          'import { it, expect } from "vitest"\nimport fetchMock from "fetch-mock"\nit("mocks", () => expect(fetchMock).toBeDefined())\n',
      },
    })
    expect(result.tests.map((test) => test.status)).toEqual(["fail"])
    expect(result.diagnostics.map((diagnostic) => diagnostic.message).join("\n")).toMatch(
      /"fetch-mock" refused: it is not a package generated code may import/,
    )
  })
})
