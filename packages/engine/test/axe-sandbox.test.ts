// The accessibility check through the real sandbox: axe-core on the rendered component, in the worker of the job's
// own test file, under the backend this machine gives (bubblewrap where it can) and under a plain process; then
// through the execute stage, where its violations are diagnostics that fail the verdict.
import { randomBytes } from "node:crypto"
import { readdirSync, readFileSync, rmSync } from "node:fs"
import path from "node:path"
import { createEventSequencer, type StudioEvent } from "@studio/protocol"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { EXECUTE_STAGE_PLUGINS, executeStage } from "../src/pipeline/stages/execute"
import { detectIsolation, LocalSandbox, type IsolationReport, type SandboxResult } from "../src/sandbox"
import { accessibilityResultDiagnostics } from "../src/sandbox/axe-check"
import { createSandboxAxePlugin } from "../src/sandbox/axe-plugin"
import { createSandboxVitestPlugin } from "../src/sandbox/vitest-plugin"
import { createToolchainRegistry } from "../src/toolchain"

const repoRoot = path.resolve(import.meta.dirname, "../../..")
const jobsRoot = path.join(repoRoot, ".studio", `axe-sandbox-test-${randomBytes(6).toString("hex")}`)
afterAll(() => rmSync(jobsRoot, { recursive: true, force: true }))

const PROCESS_ONLY: IsolationReport = {
  level: "process",
  backend: "process",
  layers: [],
  warnings: ["no namespaces (test)"],
  bubblewrap: null,
  unshare: null,
  cgroup: null,
  protectsAgainst: [],
  doesNotProtectAgainst: [],
}

const NAME = "Badge"
const ENTRY = `src/components/${NAME}.tsx`

/** A component and a test file that renders it and passes (the check must not change the tests' outcome). */
function job(body: string, imports = ""): Record<string, string> {
  return {
    [ENTRY]: `${imports}\nexport interface ${NAME}Props { title?: string }\n\nexport default function ${NAME}({ title = "Team" }: ${NAME}Props) {\n  return (\n    <section aria-label={title}>\n      <h2>{title}</h2>\n${body}\n    </section>\n  )\n}\n`,
    [`src/components/${NAME}.test.tsx`]: `import { describe, expect, it } from "vitest"\nimport { render, screen } from "@testing-library/react"\nimport ${NAME} from "./${NAME}"\n\ndescribe("${NAME}", () => {\n  it("R1: shows the title", () => {\n    render(<${NAME} title="Crew" />)\n    expect(screen.getByRole("heading", { name: "Crew" })).toBeInTheDocument()\n  })\n  it("R2: shows the default title", () => {\n    render(<${NAME} />)\n    expect(screen.getByText("Team")).toBeInTheDocument()\n  })\n})\n`,
  }
}

const IMAGE_WITHOUT_ALT = job(`      <img src="/avatars/ada.png" className="h-8 w-8" />`)
const ICON_ONLY_BUTTON = job(
  `      <button type="button" className="rounded p-1">\n        <Trash2 aria-hidden="true" />\n      </button>`,
  'import { Trash2 } from "lucide-react"',
)
const WELL_FORMED = job(
  `      <img src="/avatars/ada.png" alt="Ada Lovelace" />\n      <button type="button" aria-label="Remove Ada">\n        <Trash2 aria-hidden="true" />\n      </button>\n      <label htmlFor="note">Note</label>\n      <input id="note" />\n      <Button>Save</Button>`,
  'import { Trash2 } from "lucide-react"\nimport { Button } from "@/components/ui/button"',
)

/** The check's diagnostics of a sandbox result, as the execute stage makes them. */
const axeOf = (result: SandboxResult) => accessibilityResultDiagnostics(result.accessibility, ENTRY)
const testsOf = (result: SandboxResult) =>
  result.tests.map((test) => [
    test.name,
    test.status === "pass" ? "pass" : `${test.status}: ${test.error ?? ""}`,
  ])
const BOTH_TESTS_PASS = [
  ["R1: shows the title", "pass"],
  ["R2: shows the default title", "pass"],
]

const defaultIsolation = detectIsolation()

describe.each([
  { label: `the default backend (${defaultIsolation.backend})`, isolation: undefined },
  { label: "the process backend", isolation: PROCESS_ONLY },
])("the accessibility check in $label", ({ isolation }) => {
  let sandbox: LocalSandbox
  beforeAll(async () => {
    sandbox = new LocalSandbox({
      jobsRoot: path.join(jobsRoot, isolation ? "process" : "default"),
      warmWorkers: 1,
      // A loaded machine (other suites run beside this one) must not turn a slow job into a timeout.
      timeoutMs: 60_000,
      ...(isolation ? { isolation } : {}),
    })
    await sandbox.warmUp()
  })
  afterAll(() => sandbox.close())

  const check = (files: Record<string, string>) =>
    sandbox.runTestsInSandbox({ files, accessibility: { entry: ENTRY } })

  it("fails an <img> without alt with an image-alt error at the component; the tests are untouched", async () => {
    const result = await check(IMAGE_WITHOUT_ALT)
    expect(testsOf(result)).toEqual(BOTH_TESTS_PASS)
    expect(result.diagnostics).toEqual([])
    const found = axeOf(result)
    expect(found).toEqual([
      expect.objectContaining({ source: "axe", ruleId: "image-alt", severity: "error", path: ENTRY }),
    ])
    expect(found[0]?.message).toMatch(
      /^Images must have alternative text \[critical\]: <img (class="h-8 w-8" src="ada\.png"|src="ada\.png" class="h-8 w-8")> at `img`\. Fix: .*alt attribute.*; see https:\/\/dequeuniversity\.com\/rules\/axe\/4\.\d+\/image-alt$/,
    )
  })

  it("fails an icon-only button without an accessible name with a button-name error", async () => {
    const result = await check(ICON_ONLY_BUTTON)
    expect(testsOf(result)).toEqual(BOTH_TESTS_PASS)
    expect(axeOf(result)).toEqual([
      expect.objectContaining({ source: "axe", ruleId: "button-name", severity: "error", path: ENTRY }),
    ])
  })

  it("passes a well-formed component, rendered (not an empty page) after its tests in the same job", async () => {
    const result = await check(WELL_FORMED)
    expect(testsOf(result)).toEqual(BOTH_TESTS_PASS)
    expect(result.diagnostics).toEqual([])
    expect(axeOf(result)).toEqual([])
    expect(result.accessibility).toMatchObject({ violations: [], elements: expect.any(Number) })
    const elements =
      result.accessibility && "elements" in result.accessibility ? result.accessibility.elements : 0
    // section, h2, img, button, svg (+ its paths), label, input, the kit's button
    expect(elements).toBeGreaterThanOrEqual(8)
  })

  it("runs nothing extra when a job does not ask for it", async () => {
    const result = await sandbox.runTestsInSandbox({ files: IMAGE_WITHOUT_ALT })
    expect(testsOf(result)).toEqual(BOTH_TESTS_PASS)
    expect(result.accessibility).toBeUndefined()
  })
})

describe("the accessibility check's edges (default backend)", () => {
  let sandbox: LocalSandbox
  beforeAll(async () => {
    sandbox = new LocalSandbox({ jobsRoot: path.join(jobsRoot, "edges"), warmWorkers: 1, timeoutMs: 60_000 })
    await sandbox.warmUp()
  })
  afterAll(() => sandbox.close())

  it("a component that fetches on mount is checked without the network and without failing its test file", async () => {
    const files = job(
      `      <p>{status}</p>`,
      `import { useEffect, useState } from "react"\nfunction useStatus() {\n  const [status, setStatus] = useState("loading")\n  useEffect(() => {\n    fetch("http://127.0.0.1:9/status").then((response) => response.text()).then(setStatus)\n  }, [])\n  return status\n}`,
    )
    files[ENTRY] = files[ENTRY]!.replace(
      `{ title = "Team" }: ${NAME}Props) {`,
      `{ title = "Team" }: ${NAME}Props) {\n  const status = useStatus()`,
    )
    // The test renders nothing that fetches: an unhandled error could only come from the check.
    files[`src/components/${NAME}.test.tsx`] =
      `import { expect, it } from "vitest"\nit("R1: runs", () => { expect(1).toBe(1) })\n`
    const result = await sandbox.runTestsInSandbox({ files, accessibility: { entry: ENTRY } })
    expect(result.tests.map((test) => test.status)).toEqual(["pass"])
    expect(result.diagnostics).toEqual([])
    expect(axeOf(result)).toEqual([])
  })

  it("a component that throws with its default props gets a warning that the check did not run", async () => {
    const files = job(`      <p>{(null as unknown as { x: string }).x}</p>`)
    files[`src/components/${NAME}.test.tsx`] =
      `import { expect, it } from "vitest"\nit("R1: runs", () => { expect(1).toBe(1) })\n`
    const result = await sandbox.runTestsInSandbox({ files, accessibility: { entry: ENTRY } })
    expect(result.tests.map((test) => test.status)).toEqual(["pass"])
    expect(axeOf(result)).toEqual([
      expect.objectContaining({
        source: "axe",
        severity: "warning",
        message: expect.stringMatching(
          /^the accessibility check did not run: the component threw while rendering/,
        ),
      }),
    ])
  })

  it("tests as the spec: a component that needs the router is rendered inside a MemoryRouter", async () => {
    const folder = path.join(import.meta.dirname, "fixtures/tests-as-spec/taskNav")
    const files = Object.fromEntries(
      readdirSync(folder).map((name) => [
        `src/components/${name}`,
        readFileSync(path.join(folder, name), "utf8"),
      ]),
    )
    const result = await sandbox.runTestsInSandbox({
      files,
      givenTests: ["src/components/TaskNav.test.js"],
      accessibility: { entry: "src/components/TaskNav.tsx", memoryRouter: true },
    })
    expect(result.tests.map((test) => test.status)).toEqual(["pass", "pass"])
    expect(result.accessibility).toMatchObject({ violations: [] })
    expect(accessibilityResultDiagnostics(result.accessibility, "src/components/TaskNav.tsx")).toEqual([])
  })

  describe("in the execute stage", () => {
    const toolchain = () =>
      createToolchainRegistry({
        vitest: createSandboxVitestPlugin(sandbox),
        axe: createSandboxAxePlugin(sandbox),
      })

    async function execute(files: Record<string, string>, plugins: readonly ("vitest" | "axe")[]) {
      const events: StudioEvent[] = []
      const stage = executeStage(files, {
        toolchain: toolchain(),
        sandbox,
        plugins,
        requirements: [{ id: "R1" }, { id: "R2" }],
        emit: createEventSequencer("axe-test"),
        durations: {},
      })
      for (;;) {
        const next = await stage.next()
        if (next.done) return { events, result: next.value }
        events.push(next.value)
      }
    }

    it("is one of the default plugins", () => {
      expect(EXECUTE_STAGE_PLUGINS).toContain("axe")
    })

    it("reports its step and its errors beside the tests, fails the verdict, and adds no test case", async () => {
      const { events, result } = await execute(IMAGE_WITHOUT_ALT, ["vitest", "axe"])
      const progress = events.flatMap((event) =>
        event.type === "build_progress" && event.plugin === "axe" ? [event.status] : [],
      )
      expect(progress).toEqual(["start", "done"])
      const built = events.filter(
        (event) => (event.type === "build_ok" || event.type === "build_error") && event.plugin === "axe",
      )
      expect(built).toEqual([
        expect.objectContaining({
          type: "build_error",
          diagnostics: [expect.objectContaining({ source: "axe", ruleId: "image-alt", severity: "error" })],
        }),
      ])
      expect(result.tests.map((test) => test.name)).toEqual([
        "R1: shows the title",
        "R2: shows the default title",
      ])
      expect(events.filter((event) => event.type === "test_result")).toHaveLength(2)
      // Lint and type-check are off here (they would be "turned off" gaps); the failure is the check's.
      expect(result).toMatchObject({ ok: false, verdict: "failed" })
      expect(result.reasons[0]).toBe("the accessibility check reported 1 error")
      expect(result.timings.axe).toEqual(expect.any(Number))
    })

    it("a well-formed component passes it: nothing but the checks left out stands between it and proven", async () => {
      const { events, result } = await execute(WELL_FORMED, ["vitest", "axe"])
      expect(events).toContainEqual(
        expect.objectContaining({ type: "build_ok", plugin: "axe", diagnostics: [] }),
      )
      // Only the checks this test leaves out keep it from proven: the accessibility check adds no reason.
      expect(result).toMatchObject({
        ok: true,
        verdict: "unverified",
        reasons: ["type-check was turned off", "lint was turned off"],
      })
    })

    it("without the tests among the plugins, runs in a job of its own", async () => {
      const { events, result } = await execute(ICON_ONLY_BUTTON, ["axe"])
      expect(events.some((event) => event.type === "test_result")).toBe(false)
      expect(result.tests).toEqual([])
      expect(result.diagnostics).toEqual([
        expect.objectContaining({ source: "axe", ruleId: "button-name", severity: "error" }),
      ])
      expect(result.verdict).toBe("failed")
    })
  })
})
