// Every corpus prompt through the pipeline's writing stages, in milliseconds: the recipe it must choose, the
// prompt's specifics in the contract and code, a test named for every requirement, and only imports the resolver
// allows. The same prompts run through the whole toolchain (format, lint, type-check, tests in the sandbox) in
// `npm run test:corpus` (offline-corpus.test.ts), which `.ci/run` runs; this file keeps `npm test` honest about
// the generator between those runs.
import { requirementIdFromTestName, type StudioEvent } from "@studio/protocol"
import { describe, expect, it } from "vitest"
import { CATALOGUE, createOfflineGenerator, interpret } from "../src/generators/offline"
import type { PreviousVersion } from "../src/generators/types"
import { collectRun, run } from "../src/pipeline"
import type { SandboxBackend } from "../src/sandbox"
import { listTestTitles } from "../src/sandbox/test-titles"
import { createToolchainRegistry, type ToolchainPlugin } from "../src/toolchain"
import { CORPUS_ENTRIES } from "./offline-corpus"

const generator = createOfflineGenerator()
// No toolchain step runs (plugins: []), and the scaffold's preview is not built: its two builders answer at once with
// no bundle and no CSS (each corpus prompt's preview is built in `npm run test:corpus`, and nothing here reads it).
const manifests = createToolchainRegistry({}).listManifests()
const notBuilt = (name: "esbuild" | "tailwind"): ToolchainPlugin => ({
  manifest: manifests.find((manifest) => manifest.name === name)!,
  run: async () => ({ diagnostics: [], durationMs: 0 }),
})
const toolchain = createToolchainRegistry({ esbuild: notBuilt("esbuild"), tailwind: notBuilt("tailwind") })
// Nothing may reach a sandbox either: one that is asked to run tests fails the test.
const noSandbox = new Proxy({} as SandboxBackend, {
  get(_target, property) {
    throw new Error(`the sandbox was used (${String(property)}) by a run with no toolchain steps`)
  },
})

async function write(prompt: string, previous?: PreviousVersion) {
  return collectRun(run({ prompt, previous, plugins: [] }, { generator, toolchain, sandbox: noSandbox }))
}

function expectWritten(result: Awaited<ReturnType<typeof write>>, specifics: readonly string[]) {
  const { outcome, events } = result
  const errors = events.flatMap((event: StudioEvent) =>
    event.type === "error"
      ? [`${event.code}: ${event.message}`]
      : event.type === "build_error"
        ? event.diagnostics.map((d) => `${d.source} ${d.path}:${d.line} ${d.message}`)
        : [],
  )
  expect(errors).toEqual([])
  // With every check off the run proves nothing, and says so: it is never reported as proven.
  expect(events.at(-1)).toMatchObject({ type: "run_finished", verdict: "unverified", success: false })
  expect(events[0]).toMatchObject({ type: "run_started", provider: "offline" })

  const contract = outcome.contract!
  const componentPath = `src/components/${contract.name}.tsx`
  expect(Object.keys(outcome.files)).toContain(componentPath)
  const testFiles = Object.entries(outcome.files).filter(([path]) => /\.test\.tsx?$/.test(path))
  const titles = testFiles.flatMap(([path, source]) => listTestTitles(source, path))
  expect(titles.length).toBeGreaterThanOrEqual(3)
  const traced = new Set(titles.map(requirementIdFromTestName))
  expect(contract.requirements.map((requirement) => requirement.id).filter((id) => !traced.has(id))).toEqual(
    [],
  )
  const text = JSON.stringify(contract) + Object.values(outcome.files).join("\n")
  expect(specifics.filter((value) => !text.includes(value))).toEqual([])
}

const entries = CORPUS_ENTRIES

describe("the offline corpus, written (no toolchain)", () => {
  it.each(entries)("$group: $prompt", async ({ entry }) => {
    expect(interpret(CATALOGUE, entry.prompt).composition.recipe.kind).toBe(entry.kind)
    const first = await write(entry.prompt)
    expectWritten(first, entry.expect)
    if (entry.followUp) {
      const contract = first.outcome.contract!
      const next = await write(entry.followUp.prompt, {
        prompt: entry.prompt,
        contract,
        files: first.outcome.files,
      })
      expectWritten(next, entry.followUp.expect)
      expect(next.outcome.contract?.name).toBe(contract.name)
    }
  })
})
