import { Window } from "happy-dom"
import { afterAll, describe, expect, it } from "vitest"
import { createEventSequencer, type Diagnostic, type StudioEvent } from "@studio/protocol"
import { executeProject, executeStage, type ExecuteStageContext } from "../src/pipeline/stages/execute"
import { buildPreviewHtml } from "../src/preview"
import type { SandboxBackend, SandboxJob, SandboxResult } from "../src/sandbox"
import {
  checkJobImports,
  createEsbuildPlugin,
  createTailwindPlugin,
  createToolchainRegistry,
} from "../src/toolchain"
import { hostileCases, innocentFiles, plantCanary, type HostileCase } from "./support/hostile-imports"

// The corpus through every entry point of the engine that builds or runs a job (the sandbox has its own file:
// hostile-imports-sandbox.test.ts). Each entry point must refuse each case at its file and line, with an error,
// and no byte of the canary may reach what it answers.

const canary = plantCanary()
const cases = hostileCases(canary, { as: "component" })
const toolchain = createToolchainRegistry()
const esbuild = createEsbuildPlugin()
const tailwind = createTailwindPlugin()
afterAll(async () => {
  await Promise.all([toolchain.dispose(), esbuild.dispose?.()])
  canary.remove()
})

/** A sandbox that must not be reached by a refused job; it records what it was asked to run. */
function recordingSandbox(): SandboxBackend & { jobs: SandboxJob[] } {
  const jobs: SandboxJob[] = []
  return {
    name: "recording",
    jobs,
    async runTestsInSandbox(job): Promise<SandboxResult> {
      jobs.push(job)
      const test = { name: "R1: greets by name", status: "pass" as const, durationMs: 1, requirementId: "R1" }
      job.onTestResult?.(test)
      return { tests: [test], diagnostics: [], durationMs: 1, isolation: "process" }
    },
    async warmUp() {},
    describeIsolation: () => Promise.reject(new Error("not asked of this test double")),
    async close() {},
  }
}

function expectRefusedAt(diagnostics: readonly Diagnostic[], hostile: HostileCase, source: string): void {
  expect(diagnostics).toContainEqual(
    expect.objectContaining({ source, path: hostile.path, line: hostile.line, severity: "error" }),
  )
}

/** Booleans, not toContain: a failure must not print what it found. */
function expectNoCanary(...answers: unknown[]): void {
  for (const answer of answers) expect(JSON.stringify(answer).includes(canary.token)).toBe(false)
}

describe.each(cases)("hostile import: $name", (hostile) => {
  it("the pre-check refuses it at its file and line", () => {
    const diagnostics = checkJobImports(hostile.files)
    expectRefusedAt(diagnostics, hostile, "imports")
    expectNoCanary(diagnostics)
  })

  it("the preview page is not built from it, and shows the refusal", async () => {
    const page = await buildPreviewHtml(hostile.files, { toolchain, title: "Leak" })
    expectRefusedAt(page.diagnostics, hostile, "imports")
    expect(page.html).toContain("The preview could not be built:")
    expect(page.html).toContain(`${hostile.path}:${hostile.line}:`)
    expectNoCanary(page)
  })

  it("the esbuild plugin refuses it on its own (the pre-check bypassed)", async () => {
    const result = await esbuild.run({ files: hostile.files, entry: "src/components/Leak.tsx" })
    expect(result.artifacts?.bundle).toBeUndefined()
    expectRefusedAt(result.diagnostics, hostile, "esbuild")
    expectNoCanary(result)
  })

  it("the Tailwind scan refuses it on its own and follows nothing", async () => {
    const result = await tailwind.run({ files: hostile.files })
    expectRefusedAt(result.diagnostics, hostile, "tailwind")
    expectNoCanary(result)
  })

  it("the execute stage stops at it: no tool and no test runs on it", async () => {
    const sandbox = recordingSandbox()
    // Without prettier, so the lines are the corpus's own (with it, they are those of the formatted files).
    const stage = executeStage(hostile.files, {
      toolchain,
      sandbox,
      plugins: ["eslint", "typescript", "tailwind", "vitest"],
      emit: createEventSequencer("hostile-run"),
      durations: {},
    })
    const events: StudioEvent[] = []
    let next = await stage.next()
    for (; !next.done; next = await stage.next()) events.push(next.value)
    const result = next.value
    const started = events.flatMap((event) =>
      event.type === "build_progress" && event.status === "start" ? [event.plugin] : [],
    )
    expect(result.ok).toBe(false)
    expectRefusedAt(result.diagnostics, hostile, "imports")
    expect(started).toEqual([])
    expect(sandbox.jobs).toEqual([])
    expectNoCanary(result)
  })
})

describe("the execute stage's events", () => {
  it("say build_error from the import check, at the file and line, and a later clean pass clears it", async () => {
    const [hostile] = cases
    if (hostile === undefined) throw new Error("no cases")
    const events: StudioEvent[] = []
    const context: ExecuteStageContext = {
      toolchain,
      sandbox: recordingSandbox(),
      plugins: ["eslint", "vitest"],
      emit: createEventSequencer("hostile-run"),
      durations: {},
    }
    for (const files of [hostile.files, innocentFiles()]) {
      const stage = executeStage(files, context)
      for (let next = await stage.next(); !next.done; next = await stage.next()) events.push(next.value)
    }
    const importEvents = events.filter(
      (event) => (event.type === "build_error" || event.type === "build_ok") && event.plugin === "imports",
    )
    expect(importEvents.map((event) => event.type)).toEqual(["build_error", "build_ok"])
    const [refusal] = importEvents
    expect(refusal?.type === "build_error" ? refusal.diagnostics : []).toContainEqual(
      expect.objectContaining({ path: hostile.path, line: hostile.line, severity: "error" }),
    )
    expectNoCanary(events)
  })
})

describe("an innocent job (kit button, relative import, lucide-react) still works everywhere", () => {
  const files = innocentFiles()

  it("passes the pre-check", () => {
    expect(checkJobImports(files)).toEqual([])
  })

  it("previews: the page renders the component", async () => {
    const page = await buildPreviewHtml(files, { toolchain, title: "Greeting", props: { name: "Ada" } })
    expect(page.diagnostics.filter((d) => d.severity === "error")).toEqual([])
    const window = new Window({
      settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
    })
    window.document.write(page.html)
    await window.happyDOM.waitUntilComplete()
    await new Promise((resolve) => setTimeout(resolve, 100))
    const html = window.document.getElementById("root")?.innerHTML ?? ""
    await window.happyDOM.close()
    expect(html).toContain("Hello, Ada")
    expect(html).toContain("<svg")
  })

  it("compiles the CSS of the kit button it imports", async () => {
    const result = await tailwind.run({ files })
    expect(result.diagnostics).toEqual([])
    expect(result.artifacts?.css).toContain(".gap-2")
  })

  it("goes through every step of the execute stage to the sandbox", async () => {
    const sandbox = recordingSandbox()
    const result = await executeProject(files, { toolchain, sandbox })
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([])
    expect(sandbox.jobs.map((job) => Object.keys(job.files).sort())).toEqual([Object.keys(files).sort()])
    expect(result.tests.map((test) => test.status)).toEqual(["pass"])
  })
})
