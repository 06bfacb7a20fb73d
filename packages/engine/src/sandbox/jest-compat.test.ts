import { randomBytes } from "node:crypto"
import { readdirSync, readFileSync, rmSync } from "node:fs"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { givenTestFilesOf, rewriteJestModuleCalls, withJestGlobals } from "./jest-compat"
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

/** The job of a fixture task as the pipeline sends it: its test files are the given tests. */
function givenJob(...tasks: string[]): { files: Record<string, string>; givenTests: string[] } {
  const files = Object.assign({}, ...tasks.map(fixtureJob)) as Record<string, string>
  return { files, givenTests: Object.keys(files).filter((file) => file.includes(".test.")) }
}

describe("Jest-style tests: which files they are", () => {
  it("are the given tests the job names, never a file guessed from what it imports", () => {
    const files = {
      "src/components/A.test.js": "test('x', () => {})",
      "src/components/B.test.tsx": "test('y', () => {})",
      "src/components/A.tsx": "export default 1",
    }
    expect([...givenTestFilesOf({ files })]).toEqual([])
    expect([
      ...givenTestFilesOf({
        files,
        givenTests: ["src/components/A.test.js", "src/components/A.tsx", "src/components/Gone.test.js"],
      }),
    ]).toEqual(["src/components/A.test.js"])
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
    const result = await sandbox.runTestsInSandbox(givenJob("likeButton", "copyLink"))
    expect(result.diagnostics).toEqual([])
    expect(result.tests.map((test) => [test.fullName, test.status, test.error])).toEqual([
      ["CopyLink > copies the link to the clipboard", "pass", undefined],
      ["CopyLink > hides the confirmation after two seconds", "pass", undefined],
      ["sends the like and shows the new count", "pass", undefined],
      ["shows an error when the server refuses the like", "pass", undefined],
    ])
  })

  it("fails them honestly when the component does not do what they say", async () => {
    const { files, givenTests } = givenJob("likeButton")
    files["src/components/LikeButton.tsx"] = files["src/components/LikeButton.tsx"]!.replace(
      "{count} likes",
      "{count} like(s)",
    )
    const result = await sandbox.runTestsInSandbox({ files, givenTests })
    expect(result.tests.map((test) => [test.name, test.status])).toEqual([
      ["sends the like and shows the new count", "fail"],
      ["shows an error when the server refuses the like", "pass"],
    ])
  })

  it("gives a test a model wrote no Jest mode, even without its vitest import: it fails as Vitest fails it", async () => {
    // The job of a normal run: a generated component and its test, which forgot `import { test } from "vitest"`.
    const result = await sandbox.runTestsInSandbox({
      files: {
        "src/components/A.tsx": "export default function A() {\n  return <p>a</p>\n}\n",
        "src/components/A.test.tsx":
          'import { render, screen } from "@testing-library/react"\nimport A from "./A"\n' +
          'test("R1: renders", () => {\n  render(<A />)\n  expect(screen.getByText("a")).toBeDefined()\n})\n',
      },
    })
    expect(result.tests.map((test) => [test.name, test.status, test.error])).toEqual([
      ["R1: renders", "fail", "not run: src/components/A.test.tsx failed to load (test is not defined)"],
    ])
    expect(result.diagnostics.map((diagnostic) => diagnostic.message).join("\n")).toMatch(
      /A\.test\.tsx failed to run: test is not defined/,
    )
  })

  it("keeps the extra packages to jobs of given tests: a Vitest test may not import fetch-mock", async () => {
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
