import type { Observation } from "@studio/protocol"

export const PROJECT_A = "5f0c5a8e-4a7e-4b55-9d3c-0a1b2c3d4e01"
export const PROJECT_B = "5f0c5a8e-4a7e-4b55-9d3c-0a1b2c3d4e02"

const uuid = (n: number, prefix: string) => `${prefix}-0000-4000-8000-${String(n).padStart(12, "0")}`

/**
 * An observation as the server writes it: `metrics` merge over sensible defaults, `testMetrics` replaces them.
 */
export function makeObservation(
  n: number,
  overrides: { metrics?: Record<string, number> } & Partial<Observation> = {},
): Observation {
  const { metrics, ...rest } = overrides
  return {
    // The server's verdict of the run; these fixtures' runs failed exactly when they say success 0.
    verdict: metrics?.success === 0 ? "failed" : "proven",
    id: uuid(n, "0b5e0000"),
    runId: uuid(n, "0a0a0000"),
    projectId: PROJECT_A,
    // Every run its own prompt, a first version of 2 files unless a test says otherwise.
    prompt: `Prompt ${n}`,
    promptHash: String(n).padStart(64, "0"),
    parentVersionId: null,
    diff: { files: 2, additions: 40, deletions: 0 },
    latencyMs: 10_000,
    userSatisfaction: null,
    createdAt: new Date(Date.UTC(2025, 0, 1, 12, n)).toISOString(),
    testMetrics: {
      total: 4,
      passed: 4,
      failed: 0,
      requirements: 3,
      requirementsMet: 3,
      repairAttempts: 0,
      promptTokens: 1000,
      completionTokens: 500,
      success: 1,
      interpretMs: 1000,
      scaffoldMs: 2000,
      unit_testMs: 1500,
      executeMs: 3000,
      reportMs: 100,
      ...metrics,
    },
    ...rest,
  }
}

/**
 * Three runs, newest first as the API sends them:
 * - #1 passed, 4/4 tests, 1,500 tokens, 10 s, thumbs up
 * - #2 failed, 2/5 tests, 2 repairs (repair 4 s), 5,000 tokens, 30 s, thumbs down
 * - #3 passed, 3/3 tests, 1 repair (repair 2 s), 3,000 tokens, 20 s, project B, no vote
 */
export const THREE_RUNS: Observation[] = [
  makeObservation(3, {
    projectId: PROJECT_B,
    latencyMs: 20_000,
    metrics: {
      total: 3,
      passed: 3,
      requirements: 2,
      requirementsMet: 2,
      repairAttempts: 1,
      promptTokens: 2000,
      completionTokens: 1000,
      repairMs: 2000,
    },
  }),
  makeObservation(2, {
    latencyMs: 30_000,
    userSatisfaction: -1,
    metrics: {
      total: 5,
      passed: 2,
      failed: 3,
      requirementsMet: 1,
      repairAttempts: 2,
      promptTokens: 4000,
      completionTokens: 1000,
      success: 0,
      executeMs: 5000,
      repairMs: 4000,
    },
  }),
  makeObservation(1, { userSatisfaction: 1 }),
]
