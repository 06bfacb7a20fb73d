import { rmSync } from "node:fs"
import path from "node:path"
import type { StudioEvent } from "@studio/protocol"
import { afterAll, beforeAll } from "vitest"
import { createOfflineGenerator } from "../../src/generators/offline"
import { createEngine, type Engine } from "../../src/engine"
import type { RunOutcome } from "../../src/pipeline"

const repoRoot = path.resolve(import.meta.dirname, "../../../..")

/**
 * One warm engine with the offline generator for a whole test file, in its own jobs folder under .studio/ (removed
 * afterwards). Returns a getter: the engine exists once beforeAll has run.
 */
export function useOfflineEngine(label: string): () => Engine {
  const jobsRoot = path.join(repoRoot, ".studio", `test-${label}-${process.pid}`)
  let engine: Engine | undefined
  beforeAll(async () => {
    engine = await createEngine({
      generator: createOfflineGenerator(),
      // The wall-clock limit is the sandbox's answer to a hang, and sandbox-security tests it. These files run three
      // whole runs at once on two cores, where a tests job that takes 6 s alone once took over 20 s (the default
      // limit) in CI: the corpus proves the generated code, not how fast a loaded machine runs it.
      // Two test jobs at once, as a worker taking several runs has: one at a time left the runs waiting in turn.
      sandbox: { jobsRoot, timeoutMs: 60_000, concurrency: 2 },
      warmPlugins: [],
    })
    await engine.warmUp()
  }, 120_000)
  afterAll(async () => {
    await engine?.close()
    rmSync(jobsRoot, { recursive: true, force: true })
  })
  return () => {
    if (!engine) throw new Error("the offline engine is used before its beforeAll ran")
    return engine
  }
}

/** What kept a run from being clean: every diagnostic the toolchain gave, and every test that did not pass. */
export function runProblems(result: { events: readonly StudioEvent[]; outcome: RunOutcome }): {
  diagnostics: string[]
  failing: string[]
} {
  const diagnostics = result.events.flatMap((event) =>
    event.type === "build_ok" || event.type === "build_error"
      ? event.diagnostics.map((d) => `${d.severity} ${d.source} ${d.path}:${d.line} ${d.message}`)
      : [],
  )
  const failing = result.outcome.tests
    .filter((test) => test.status !== "pass")
    .map((test) => `${test.name}: ${test.error}`)
  return { diagnostics, failing }
}
