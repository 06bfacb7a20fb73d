// The offline generator's proof: prompts written as people write them, each run through the real pipeline
// (format, lint, type-check, tests in the sandbox). Every run must pass first time with zero diagnostics, choose the
// expected kind, and carry the prompt's specifics into the code.
import { evaluateRequirements } from "@studio/protocol"
import { describe, expect, it } from "vitest"
import { CATALOGUE, interpret } from "../src/generators/offline"
import type { PreviousVersion } from "../src/generators/types"
import { collectRun } from "../src/pipeline"
import { CORPUS_ENTRIES } from "./offline-corpus"
import { runProblems, useOfflineEngine } from "./support/offline-engine"

const engine = useOfflineEngine("offline-corpus")

async function generate(prompt: string, previous?: PreviousVersion) {
  return collectRun(engine().run({ prompt, previous }))
}

/** A run that passed first time, cleanly, and carries the expected specifics. */
function expectProven(result: Awaited<ReturnType<typeof generate>>, specifics: readonly string[]) {
  const { outcome, events } = result
  expect(runProblems(result)).toEqual({ diagnostics: [], failing: [] })
  // The accessibility check ran on the component (in the tests' job) and found nothing, not even a warning.
  expect(events.filter((event) => event.type === "build_ok" && event.plugin === "axe")).toHaveLength(1)
  const finished = events.at(-1)
  expect(finished).toMatchObject({ type: "run_finished", success: true, metrics: { repairAttempts: 0 } })
  expect(events[0]).toMatchObject({ type: "run_started", provider: "offline" })
  expect(
    events.some((event) => event.type === "reasoning_step" && /^Offline generator/.test(event.text)),
  ).toBe(true)

  const contract = outcome.contract!
  expect(outcome.tests.length).toBeGreaterThanOrEqual(3)
  const statuses = evaluateRequirements(contract.requirements, outcome.tests)
  expect(statuses.filter((status) => !status.met).map((status) => status.id)).toEqual([])
  const text = JSON.stringify(contract) + Object.values(outcome.files).join("\n")
  expect(specifics.filter((value) => !text.includes(value))).toEqual([])
}

const entries = CORPUS_ENTRIES

describe("the offline corpus", () => {
  it("has at least 60 prompts, covering at least 30 kinds", () => {
    expect(entries.length).toBeGreaterThanOrEqual(60)
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(30)
    const covered = new Set(entries.map(({ entry }) => entry.kind))
    expect(CATALOGUE.map((recipe) => recipe.kind).filter((kind) => !covered.has(kind))).toEqual([])
  })

  // A few runs at once, as a studio serving several people runs them: each has its own job and sandbox worker.
  it.concurrent.each(entries)("$group: $prompt", async ({ entry }) => {
    expect(interpret(CATALOGUE, entry.prompt).composition.recipe.kind).toBe(entry.kind)
    const first = await generate(entry.prompt)
    expectProven(first, entry.expect)
    if (entry.followUp) {
      const contract = first.outcome.contract!
      const next = await generate(entry.followUp.prompt, {
        prompt: entry.prompt,
        contract,
        files: first.outcome.files,
      })
      expectProven(next, entry.followUp.expect)
      expect(next.outcome.contract?.name).toBe(contract.name)
    }
  })
})
