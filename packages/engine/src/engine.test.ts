import type { StudioEvent } from "@studio/protocol"
import { describe, expect, it } from "vitest"
import { component, contract, tests } from "../test/support/counter-answers"
import { createScriptedGenerator } from "../test/support/scripted-generator"
import { createEngine } from "./engine"
import { collectRun } from "./pipeline"
import type { IsolationReport, SandboxBackend, SandboxJob, SandboxResult } from "./sandbox"
import {
  createToolchainRegistry,
  esbuildManifest,
  prettierManifest,
  tailwindManifest,
  type PluginManifest,
  type ToolchainPlugin,
} from "./toolchain"

const isolation = {
  level: "process",
  backend: "process",
  layers: [],
  warnings: [],
} as unknown as IsolationReport

/** A sandbox double that counts its calls and passes every test it is given. */
function countingSandbox() {
  const counts = { warmUp: 0, close: 0 }
  const jobs: SandboxJob[] = []
  const sandbox: SandboxBackend = {
    name: "counting",
    async runTestsInSandbox(job): Promise<SandboxResult> {
      jobs.push(job)
      const test = {
        name: "R1: shows the initial count",
        status: "pass" as const,
        durationMs: 1,
        requirementId: "R1",
      }
      job.onTestResult?.(test)
      return { tests: [test], diagnostics: [], durationMs: 1, isolation: "process" }
    },
    async warmUp() {
      counts.warmUp++
      await new Promise((resolve) => setTimeout(resolve, 5))
    },
    describeIsolation: async () => isolation,
    async close() {
      counts.close++
    },
  }
  return { sandbox, counts, jobs }
}

describe("createEngine", () => {
  it("warms up once however often warmUp is called (the sandbox is not warmed again by its vitest plugin)", async () => {
    const { sandbox, counts } = countingSandbox()
    const engine = await createEngine({ sandbox, toolchain: { threads: false }, warmPlugins: ["vitest"] })
    const [first, second] = [engine.warmUp(), engine.warmUp()]
    expect(second).toBe(first)
    await Promise.all([first, second, engine.warmUp()])
    expect(counts.warmUp).toBe(1)
    await engine.close()
  })

  it("warms what the first preview needs first: one preview built and one file formatted, then the sandbox", async () => {
    const { sandbox } = countingSandbox()
    const order: string[] = []
    const sandboxWarmUp = sandbox.warmUp.bind(sandbox)
    sandbox.warmUp = async () => {
      order.push("sandbox")
      await sandboxWarmUp()
    }
    const recording = (manifest: PluginManifest): ToolchainPlugin => ({
      manifest,
      async run({ files }) {
        order.push(`${manifest.name} ${Object.keys(files).join(",")}`)
        await new Promise((resolve) => setTimeout(resolve, 5))
        if (manifest.name === "prettier") return { diagnostics: [], files, durationMs: 5 }
        return manifest.name === "esbuild"
          ? { diagnostics: [], artifacts: { bundle: "/* bundle */" }, durationMs: 5 }
          : { diagnostics: [], artifacts: { css: "/* css */" }, durationMs: 5 }
      },
      async warmUp() {
        order.push(`${manifest.name} warmUp`)
      },
    })
    const toolchain = createToolchainRegistry({
      esbuild: recording(esbuildManifest),
      tailwind: recording(tailwindManifest),
      prettier: recording(prettierManifest),
    })
    const warmPlugins = ["esbuild", "tailwind", "prettier"] as const
    const engine = await createEngine({ sandbox, toolchain, warmPlugins })
    expect(await engine.warmUp()).toEqual([])
    await engine.close()
    const file = "src/components/PreviewWarmUp.tsx"
    // Doing it stands in for the plugins' own warm-ups, so esbuild does not build twice.
    expect(order.slice(0, 2).sort()).toEqual([`esbuild ${file}`, `tailwind ${file}`])
    expect(order.slice(2)).toEqual([`prettier ${file}`, "sandbox"])
  })

  it("reports a preview builder that cannot build among the warm-up's problems, and still warms the sandbox", async () => {
    const { sandbox, counts } = countingSandbox()
    const toolchain = createToolchainRegistry({
      esbuild: {
        manifest: esbuildManifest,
        run: () => Promise.reject(new Error("the esbuild service is gone")),
      },
    })
    const engine = await createEngine({ sandbox, toolchain, warmPlugins: ["esbuild"] })
    const problems = await engine.warmUp()
    await engine.close()
    expect(problems).toEqual([
      expect.objectContaining({
        source: "esbuild",
        severity: "error",
        message: expect.stringContaining("gone"),
      }),
    ])
    expect(counts.warmUp).toBe(1)
  })

  it("builds no preview to warm up when told to warm no plugin", async () => {
    const { sandbox, counts } = countingSandbox()
    let builds = 0
    const toolchain = createToolchainRegistry({
      esbuild: {
        manifest: esbuildManifest,
        run: async () => (builds++, { diagnostics: [], durationMs: 0 }),
      },
    })
    const engine = await createEngine({ sandbox, toolchain, warmPlugins: [] })
    await engine.warmUp()
    await engine.close()
    expect({ builds, sandboxWarmUps: counts.warmUp }).toEqual({ builds: 0, sandboxWarmUps: 1 })
  })

  it("close() closes the sandbox and disposes of the toolchain, once", async () => {
    const { sandbox, counts } = countingSandbox()
    const toolchain = createToolchainRegistry()
    let disposed = 0
    const dispose = toolchain.dispose.bind(toolchain)
    toolchain.dispose = async () => {
      disposed++
      await dispose()
    }
    const engine = await createEngine({ sandbox, toolchain })
    await Promise.all([engine.close(), engine.close()])
    expect({ closed: counts.close, disposed }).toEqual({ closed: 1, disposed: 1 })
  })

  it("uses the generator and sandbox it is given: a run asks that generator and tests in that sandbox", async () => {
    const { sandbox, jobs } = countingSandbox()
    const { generator, calls } = createScriptedGenerator({
      interpret: [JSON.stringify({ ...contract, requirements: contract.requirements.slice(0, 1) })],
      scaffold: [component(1)],
      unit_test: [tests],
    })
    const engine = await createEngine({ generator, sandbox, toolchain: { threads: false } })
    expect(engine.generator).toBe(generator)
    expect(engine.sandbox).toBe(sandbox)
    expect(engine.isolation).toBe(isolation)
    const { events, outcome } = await collectRun(engine.run({ prompt: "a counter", plugins: ["vitest"] }))
    await engine.close()
    expect(calls.map((call) => call.input.stage)).toEqual(["interpret", "scaffold", "unit_test"])
    expect(events[0]).toMatchObject({ type: "run_started", provider: "scripted" })
    expect(jobs.map((job) => Object.keys(job.files).sort())).toEqual([
      ["src/components/Counter.test.tsx", "src/components/Counter.tsx"],
    ])
    const results = events.filter(
      (event): event is Extract<StudioEvent, { type: "test_result" }> => event.type === "test_result",
    )
    expect(results.map((event) => event.name)).toEqual(["R1: shows the initial count"])
    // Type-check and lint were turned off, so nothing is proven, but the outcome is the run's.
    expect(events.at(-1)).toMatchObject({ type: "run_finished", verdict: "unverified" })
    expect(outcome.contract?.name).toBe("Counter")
    expect(outcome.tests.map((test) => test.status)).toEqual(["pass"])
  })

  it("withGenerator() runs another generator on the same sandbox, and closing it leaves the parts open", async () => {
    const { sandbox, counts, jobs } = countingSandbox()
    const engine = await createEngine({ sandbox, toolchain: { threads: false } })
    const { generator, calls } = createScriptedGenerator({
      interpret: [JSON.stringify({ ...contract, requirements: contract.requirements.slice(0, 1) })],
      scaffold: [component(1)],
      unit_test: [tests],
    })
    const scripted = engine.withGenerator(generator)
    expect([scripted.generator, scripted.sandbox, scripted.toolchain]).toEqual([
      generator,
      sandbox,
      engine.toolchain,
    ])
    await scripted.warmUp()
    await engine.warmUp()
    const { events } = await collectRun(scripted.run({ prompt: "a counter", plugins: ["vitest"] }))
    expect(events[0]).toMatchObject({ type: "run_started", provider: "scripted" })
    expect(calls).toHaveLength(3)
    expect(jobs).toHaveLength(1)
    await scripted.close()
    expect(counts).toEqual({ warmUp: 1, close: 0 })
    await engine.close()
    expect(counts).toEqual({ warmUp: 1, close: 1 })
  })

  it("execute() runs the execute stage on files in its sandbox, without events", async () => {
    const { sandbox, jobs } = countingSandbox()
    const engine = await createEngine({ sandbox, toolchain: { threads: false } })
    const files = { "src/components/Counter.test.tsx": "test", "src/components/Counter.tsx": "code" }
    const result = await engine.execute(files, { plugins: ["vitest"] })
    await engine.close()
    expect(jobs).toHaveLength(1)
    expect(result.tests.map((test) => test.status)).toEqual(["pass"])
    expect(result.timings.vitest).toBeTypeOf("number")
  })
})
