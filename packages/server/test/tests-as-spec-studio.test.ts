// A version made from given tests (tests as the spec) in the rest of the studio, through a real server: its preview
// builds in that mode (the .test.js file and react-router-dom are allowed only then), a follow-up with a prompt only
// keeps its given tests as the spec, and its zip is a project whose Jest-style tests run with plain `npm test`.
import { spawn } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { strFromU8, unzipSync } from "fflate"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { StudioEvent } from "@studio/protocol"
import { fence } from "../../engine/test/support/counter-answers"
import { createScriptedGenerator } from "../../engine/test/support/scripted-generator"
import { api, register, startTestServer, type TestServer } from "./support/test-server"

const REPO_ROOT = path.resolve(import.meta.dirname, "../../..")
const fixtures = path.join(REPO_ROOT, "packages/engine/test/fixtures/tests-as-spec/taskNav")
const TEST_PATH = "src/components/TaskNav.test.js"
const COMPONENT_PATH = "src/components/TaskNav.tsx"
const given = {
  name: "TaskNav.test.js",
  content: readFileSync(path.join(fixtures, "TaskNav.test.js"), "utf8"),
}
const component = readFileSync(path.join(fixtures, "TaskNav.tsx"), "utf8")
// The follow-up's change: the links look different, the behaviour the given tests check stays.
const boldComponent = component.replace('className="underline"', 'className="font-bold underline"')
const scaffoldAnswer = (source: string) => `${fence}tsx file="${COMPONENT_PATH}"\n${source}${fence}\n`
const scripted = createScriptedGenerator({
  scaffold: [scaffoldAnswer(component), scaffoldAnswer(boldComponent)],
})

let server: TestServer
let call: ReturnType<typeof api>
let token: string
let projectId: string
/** The version the given tests made, and the follow-up's. */
let v1: string
let v2: string

beforeAll(async () => {
  server = await startTestServer({}, { generator: scripted.generator })
  token = (await register(server)).token
  call = api(server, token)
  projectId = (await call("POST", "/api/projects", { name: "Tasks" })).body.project.id as string
  const started = await call("POST", "/api/runs", { projectId, prompt: "", tests: [given] })
  const end = (await finished(started.body.runId as string)).at(-1)
  expect(end).toMatchObject({ type: "run_finished", verdict: "proven" })
  v1 = end?.type === "run_finished" && end.versionId ? end.versionId : ""
}, 180_000)
afterAll(() => server?.stop())

async function finished(runId: string): Promise<StudioEvent[]> {
  const started = Date.now()
  for (;;) {
    const events = (await call("GET", `/api/runs/${runId}/events?after=-1`)).body.events as StudioEvent[]
    if (events.some((event) => event.type === "run_finished")) return events
    if (Date.now() - started > 120_000) throw new Error(`run ${runId} did not finish`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

const preview = (body: Record<string, unknown>) =>
  call("POST", "/api/preview", { parentOrigin: server.url, ...body })

describe("a version made from given tests", () => {
  it("names its given tests in the version shape the studio reads", async () => {
    const version = (await call("GET", `/api/versions/${v1}`)).body.version
    expect(version.givenTests).toEqual([TEST_PATH])
    expect(version.files[TEST_PATH]).toBe(given.content)
    const listed = (await call("GET", `/api/projects/${projectId}/versions`)).body.versions
    expect(listed.map((entry: { givenTests?: string[] }) => entry.givenTests)).toEqual([[TEST_PATH]])
  })

  it("previews in that mode: the TaskNav component with react-router-dom builds, its test file among the files", async () => {
    const version = (await call("GET", `/api/versions/${v1}`)).body.version
    const built = await preview({ files: version.files, givenTests: version.givenTests })
    expect(built.status).toBe(200)
    expect(
      built.body.diagnostics.filter((entry: { severity: string }) => entry.severity === "error"),
    ).toEqual([])
    const page = await fetch(`${server.url}${built.body.url}`)
    const html = await page.text()
    expect(page.status).toBe(200)
    expect(html).toContain("All tasks")
    expect(html).not.toContain("The preview could not be built")
  })

  it("refuses givenTests that are not among the files or are not test files", async () => {
    const version = (await call("GET", `/api/versions/${v1}`)).body.version
    const missing = await preview({ files: version.files, givenTests: ["src/components/Other.test.js"] })
    expect(missing.status).toBe(422)
    expect(missing.body.error.message).toContain("givenTests: each must be one of the files")
    const notATest = await preview({ files: version.files, givenTests: [COMPONENT_PATH] })
    expect(notATest.status).toBe(422)
    expect(notATest.body.error.message).toContain("givenTests: each must be a test file")
    const tooMany = await preview({
      files: version.files,
      givenTests: [TEST_PATH, TEST_PATH, TEST_PATH, TEST_PATH],
    })
    expect(tooMany.status).toBe(422)
  })
})

describe("the preview of files without the mode", () => {
  it("still refuses a .test.js path", async () => {
    const refused = await preview({ files: { [COMPONENT_PATH]: component, [TEST_PATH]: given.content } })
    expect(refused.status).toBe(422)
    expect(refused.body.error.code).toBe("validation_failed")
    expect(refused.body.error.message).toContain("files:")
  })

  it("still refuses react-router-dom: the page shows why it did not build", async () => {
    const built = await preview({ files: { [COMPONENT_PATH]: component } })
    expect(built.status).toBe(200)
    const errors = built.body.diagnostics.filter((entry: { severity: string }) => entry.severity === "error")
    expect(errors.map((entry: { message: string }) => entry.message).join("\n")).toContain("react-router-dom")
    const html = await (await fetch(`${server.url}${built.body.url}`)).text()
    expect(html).toContain("The preview could not be built")
  })
})

describe("a follow-up of a version made from given tests", () => {
  it("keeps the given tests as its spec when it brings a prompt only, and ends proven", async () => {
    const before = scripted.calls.length
    const started = await call("POST", "/api/runs", {
      projectId,
      parentVersionId: v1,
      prompt: "Make the links bold",
    })
    expect(started.status).toBe(202)
    const events = await finished(started.body.runId as string)
    // No interpret and no unit_test: the requirements are the given tests' names, and the tests are not rewritten.
    const followUp = scripted.calls.slice(before)
    expect(followUp.map((entry) => entry.input.stage)).toEqual(["scaffold"])
    const input = followUp[0]?.input
    if (input?.stage !== "scaffold") throw new Error("the follow-up did not start with the scaffold")
    expect(input.givenTests).toEqual({ [TEST_PATH]: given.content })
    expect(input.contract.summary).toBe("Make the links bold")
    // The parent's code is the starting point; its given tests come as the spec, not as code to change.
    expect(Object.keys(input.previous?.files ?? {})).toEqual([COMPONENT_PATH])
    const results = events.flatMap((event) =>
      event.type === "test_result" ? [[event.name, event.status, event.requirementId]] : [],
    )
    expect(results).toEqual([
      ["links to the task list", "pass", "R1"],
      ["goes to the new task page", "pass", "R2"],
    ])
    const end = events.at(-1)
    expect(end).toMatchObject({ type: "run_finished", verdict: "proven" })
    v2 = end?.type === "run_finished" && end.versionId ? end.versionId : ""

    const version = (await call("GET", `/api/versions/${v2}`)).body.version
    expect(version).toMatchObject({
      parentVersionId: v1,
      prompt: "Make the links bold",
      givenTests: [TEST_PATH],
    })
    expect(version.files[TEST_PATH]).toBe(given.content)
    expect(version.files[COMPONENT_PATH]).toContain("font-bold")
  })
})

describe("the zip of a version made from given tests", () => {
  it("holds the given tests and a package.json with their packages, and runs them with plain Vitest", async () => {
    const versionId = v2 || v1
    const response = await fetch(`${server.url}/api/versions/${versionId}/export`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(response.status).toBe(200)
    const project: Record<string, string> = {}
    for (const [entryPath, bytes] of Object.entries(unzipSync(new Uint8Array(await response.arrayBuffer()))))
      project[entryPath.replace(/^[^/]+\//, "")] = strFromU8(bytes)
    expect(project[TEST_PATH]).toBe(given.content)
    const manifest = JSON.parse(project["package.json"] ?? "{}") as Record<string, Record<string, string>>
    expect(manifest.dependencies).toHaveProperty("react-router-dom")
    expect(manifest.devDependencies).toHaveProperty("fetch-mock")
    expect(project["src/main.tsx"]).toContain("<MemoryRouter>")

    const folder = await writeProject(
      project,
      Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }),
    )
    try {
      const run = await runVitest(folder)
      expect(run.output).toMatch(/Tests\s+2 passed \(2\)/)
      expect(run.code).toBe(0)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  }, 120_000)
})

/**
 * The project on disk as `npm install` would leave it, its packages linked from this repository's installs (the
 * same versions: project-zip.test.ts checks the ranges against the engine's).
 */
async function writeProject(project: Record<string, string>, packages: string[]): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "studio-export-"))
  for (const [filePath, content] of Object.entries(project)) {
    await mkdir(path.dirname(path.join(folder, filePath)), { recursive: true })
    await writeFile(path.join(folder, filePath), content)
  }
  for (const name of packages) {
    const installed = ["", "packages/web/", "packages/engine/", "packages/server/"]
      .map((workspace) => path.join(REPO_ROOT, workspace, "node_modules", name))
      .find((candidate) => existsSync(candidate))
    if (!installed) throw new Error(`${name} is not installed in this repository`)
    await mkdir(path.dirname(path.join(folder, "node_modules", name)), { recursive: true })
    await symlink(installed, path.join(folder, "node_modules", name), "dir")
  }
  return folder
}

/** `vitest run` in the folder, as the project's `npm test` runs it. */
function runVitest(folder: string): Promise<{ code: number | null; output: string }> {
  const vitest = path.join(folder, "node_modules/vitest/vitest.mjs")
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vitest, "run"], {
      cwd: folder,
      env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", CI: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let output = ""
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, output }))
  })
}
