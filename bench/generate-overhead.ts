// The studio's own time in a model-driven run: a real OpenAI-compatible server (the recorded test server) streams
// the answers at a fixed rate; the time spent waiting on it is subtracted from each stage's time.
import { rmSync } from "node:fs"
import path from "node:path"
import { createEngine, createOpenAiGenerator, run, type Generator } from "@studio/engine"
import { component, contract, tests } from "../packages/engine/test/support/counter-answers"
import { startFakeChatServer } from "../packages/engine/test/support/fake-chat-server"

const TOKENS_PER_SECOND = 100
const CHARS_PER_TOKEN = 4

/** Wraps a generator and adds up, per stage, the wall time from each request until its last chunk. */
function timed(generator: Generator, modelMs: Record<string, number>): Generator {
  return {
    provider: generator.provider,
    model: generator.model,
    async *generate(input, context) {
      const started = performance.now()
      try {
        yield* generator.generate(input, context)
      } finally {
        modelMs[input.stage] = (modelMs[input.stage] ?? 0) + (performance.now() - started)
      }
    },
  }
}

export interface OverheadRun {
  totalMs: number
  modelMs: number
  stages: Record<string, { stageMs: number; modelMs: number }>
}

/** One-component runs with one repair, `runs` times, on a warm sandbox and toolchain (as the server has them). */
export async function measureGenerateOverhead(runs: number, repoRoot: string): Promise<OverheadRun[]> {
  const jobsRoot = path.join(repoRoot, ".studio", "bench-generate")
  // As the server runs it: lint and type-check in a worker thread, so this thread serves the sandbox's Vitest host.
  const engine = await createEngine({ sandbox: { jobsRoot } })
  const { toolchain, sandbox } = engine
  const results: OverheadRun[] = []
  try {
    await engine.warmUp()
    for (let index = -1; index < runs; index++) {
      const stream = (text: string) => ({
        kind: "stream" as const,
        text,
        chunkSize: CHARS_PER_TOKEN,
        tokensPerSecond: TOKENS_PER_SECOND,
      })
      const server = await startFakeChatServer([
        stream(JSON.stringify(contract)),
        stream(component(2)),
        stream(tests),
        stream(component(1)),
      ])
      const modelMs: Record<string, number> = {}
      const generator = timed(
        createOpenAiGenerator({ baseURL: server.baseURL, model: "recorded", apiKey: "bench" }),
        modelMs,
      )
      await sandbox.warmUp()
      const started = performance.now()
      const stageMs: Record<string, number> = {}
      let success = false
      for await (const event of run({ prompt: "a counter" }, { generator, toolchain, sandbox })) {
        if (event.type === "stage_complete")
          stageMs[event.stage] = (stageMs[event.stage] ?? 0) + event.durationMs
        if (event.type === "run_finished") success = event.success && event.metrics.repairAttempts === 1
      }
      const totalMs = performance.now() - started
      await server.close()
      if (!success) throw new Error("the benchmark run did not end as scripted (one repair, then success)")
      if (index < 0) continue // the first run warms Vite's transform cache
      const stages: OverheadRun["stages"] = {}
      for (const stage of Object.keys(stageMs))
        stages[stage] = { stageMs: stageMs[stage] ?? 0, modelMs: modelMs[stage] ?? 0 }
      results.push({
        totalMs,
        modelMs: Object.values(modelMs).reduce((sum, value) => sum + value, 0),
        stages,
      })
    }
  } finally {
    await engine.close()
    rmSync(jobsRoot, { recursive: true, force: true })
  }
  return results
}
