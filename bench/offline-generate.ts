// The offline generator end to end: a complete run (interpret → scaffold → unit_test → execute → report) on a warm
// sandbox and toolchain, as the server keeps them, and a cold `studio generate` process for comparison.
import { spawnSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import path from "node:path"
import { createEngine, createOfflineGenerator } from "@studio/engine"

export const OFFLINE_PROMPTS = [
  "a pricing table with three tiers and a monthly/yearly toggle",
  "tabs for Overview, Settings and Billing",
  "a login form with email and password",
  "a star rating with 5 stars",
]

export interface OfflineRun {
  prompt: string
  totalMs: number
  stages: Record<string, number>
}

export async function measureOfflineRuns(runs: number, repoRoot: string): Promise<OfflineRun[]> {
  const jobsRoot = path.join(repoRoot, ".studio", "bench-offline")
  const engine = await createEngine({ generator: createOfflineGenerator(), sandbox: { jobsRoot } })
  const results: OfflineRun[] = []
  try {
    await engine.warmUp()
    // One pass over every prompt first: Vite's transform cache and the type checker warm up as they would in use.
    for (let index = -1; index < runs; index++) {
      for (const prompt of OFFLINE_PROMPTS) {
        await engine.sandbox.warmUp()
        const stages: Record<string, number> = {}
        const started = performance.now()
        let success = false
        for await (const event of engine.run({ prompt })) {
          if (event.type === "stage_complete")
            stages[event.stage] = (stages[event.stage] ?? 0) + event.durationMs
          if (event.type === "run_finished") success = event.success
        }
        const totalMs = performance.now() - started
        if (!success) throw new Error(`the offline run did not pass: ${prompt}`)
        if (index >= 0) results.push({ prompt, totalMs, stages })
      }
    }
  } finally {
    await engine.close()
    rmSync(jobsRoot, { recursive: true, force: true })
  }
  return results
}

/** `studio generate "<prompt>"` as a newcomer runs it: a new process, nothing warm, no model configured. */
export function measureColdOfflineGenerate(runs: number, repoRoot: string, prompt: string): number[] {
  const bin = path.join(repoRoot, "packages/cli/bin/studio.js")
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(OPENAI_|STUDIO_MODEL|OLLAMA_HOST)/.test(name)),
  )
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const out = mkdtempSync(path.join(repoRoot, ".studio", "bench-offline-cli-"))
    const started = performance.now()
    const result = spawnSync(process.execPath, [bin, "generate", prompt, "--json", "--out", out], {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...env, OLLAMA_HOST: "http://127.0.0.1:9" },
    })
    samples.push(performance.now() - started)
    rmSync(out, { recursive: true, force: true })
    if (result.status !== 0)
      throw new Error(`studio generate failed: ${result.stderr || result.stdout.slice(-2000)}`)
  }
  return samples
}
