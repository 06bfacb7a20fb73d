import { describe, expect, it } from "vitest"
import { makeObservation, PROJECT_A, PROJECT_B, THREE_RUNS } from "./__fixtures__/observations"
import {
  chartWindow,
  costByProject,
  costOf,
  formatCount,
  formatDuration,
  formatMean,
  formatPercent,
  groupRepeatedPrompts,
  median,
  sortOldestFirst,
  stagesThatRan,
  summarizeRuns,
  toRunPoints,
} from "./insights-model"

describe("toRunPoints", () => {
  it("orders the newest-first API list oldest first and numbers the runs", () => {
    const points = toRunPoints(THREE_RUNS)
    expect(points.map((point) => point.ordinal)).toEqual([1, 2, 3])
    expect(points.map((point) => point.observationId)).toEqual([
      THREE_RUNS[2]!.id,
      THREE_RUNS[1]!.id,
      THREE_RUNS[0]!.id,
    ])
  })

  it("reads the server's metric keys", () => {
    const [, failed, latest] = toRunPoints(THREE_RUNS)
    expect(failed).toMatchObject({
      success: false,
      testsPassed: 2,
      testsTotal: 5,
      requirementsMet: 1,
      requirements: 3,
      repairAttempts: 2,
      promptTokens: 4000,
      completionTokens: 1000,
      tokens: 5000,
      latencyMs: 30_000,
      userSatisfaction: -1,
    })
    expect(failed!.stageMs).toEqual({
      interpret: 1000,
      scaffold: 2000,
      unit_test: 1500,
      execute: 5000,
      repair: 4000,
      report: 100,
    })
    expect(latest).toMatchObject({ success: true, projectId: PROJECT_B, userSatisfaction: null })
  })

  it("treats missing, non-finite and unknown values as zero or no vote", () => {
    const [point] = toRunPoints([
      makeObservation(1, {
        userSatisfaction: 5,
        testMetrics: { passed: Number.NaN },
        verdict: null,
      }),
    ])
    expect(point).toMatchObject({
      success: false,
      verdict: null,
      testsPassed: 0,
      testsTotal: 0,
      tokens: 0,
      userSatisfaction: null,
    })
    expect(Object.values(point!.stageMs)).toEqual([0, 0, 0, 0, 0, 0])
  })

  it("passes only a proven run: an unverified one is not a pass, whatever its metrics say", () => {
    const [point] = toRunPoints([makeObservation(1, { verdict: "unverified", metrics: { success: 1 } })])
    expect(point).toMatchObject({ success: false, verdict: "unverified" })
    expect(summarizeRuns(toRunPoints([makeObservation(1, { verdict: "unverified" })])).passedRuns).toBe(0)
  })

  it("keeps a running pass rate over all runs so far", () => {
    expect(toRunPoints(THREE_RUNS).map((point) => point.runningPassRate)).toEqual([1, 0.5, 2 / 3])
  })

  it("keeps the server's order for runs created at the same moment", () => {
    const createdAt = "2025-01-01T00:00:00.000Z"
    const newer = makeObservation(2, { createdAt })
    const older = makeObservation(1, { createdAt })
    expect(sortOldestFirst([newer, older])).toEqual([older, newer])
  })
})

describe("chartWindow", () => {
  it("keeps the newest runs, oldest first", () => {
    const observations = Array.from({ length: 35 }, (_, index) => makeObservation(35 - index))
    const window = chartWindow(toRunPoints(observations))
    expect(window).toHaveLength(30)
    expect(window[0]!.ordinal).toBe(6)
    expect(window.at(-1)!.ordinal).toBe(35)
    expect(chartWindow(toRunPoints(THREE_RUNS))).toHaveLength(3)
  })
})

describe("stagesThatRan", () => {
  it("lists the stages with time, in pipeline order", () => {
    const points = toRunPoints([makeObservation(1)])
    expect(stagesThatRan(points)).toEqual(["interpret", "scaffold", "unit_test", "execute", "report"])
    expect(stagesThatRan(toRunPoints(THREE_RUNS))).toContain("repair")
  })
})

describe("summarizeRuns", () => {
  it("computes the headline figures", () => {
    expect(summarizeRuns(toRunPoints(THREE_RUNS))).toEqual({
      runs: 3,
      passedRuns: 2,
      passRatePercent: (2 / 3) * 100,
      medianLatencyMs: 20_000,
      medianStageMs: {
        interpret: 1000,
        scaffold: 2000,
        unit_test: 1500,
        execute: 3000,
        // Only the two runs that repaired count.
        repair: 3000,
        report: 100,
      },
      totalTokens: 9500,
      // These runs predate costs: none of them has a known price.
      totalCostUsd: 0,
      unpricedRuns: 3,
      meanRepairAttempts: 1,
      thumbsUp: 1,
      thumbsDown: 1,
    })
  })

  it("has no rates or medians without runs", () => {
    const summary = summarizeRuns([])
    expect(summary).toMatchObject({
      runs: 0,
      passRatePercent: null,
      medianLatencyMs: null,
      totalTokens: 0,
      meanRepairAttempts: null,
    })
    expect(summary.medianStageMs.execute).toBeNull()
  })
})

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([])).toBeNull()
    expect(median([5])).toBe(5)
    expect(median([9, 1, 5])).toBe(5)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
})

describe("formatters", () => {
  it("formats durations", () => {
    expect(formatDuration(850.4)).toBe("850 ms")
    expect(formatDuration(1234)).toBe("1.2 s")
    expect(formatDuration(12_400)).toBe("12 s")
    expect(formatDuration(125_000)).toBe("2 m 05 s")
  })

  it("formats counts, percentages and means", () => {
    expect(formatCount(12345)).toBe("12,345")
    expect(formatPercent(66.666)).toBe("67%")
    expect(formatMean(1.25)).toBe("1.3")
    expect(formatMean(2)).toBe("2")
  })
})

describe("costs", () => {
  it("reads a run's stored cost, why it is free, or that it is not known", () => {
    expect(costOf(makeObservation(1, { metrics: { costUsd: 0.0123 } }))).toEqual({
      costUsd: 0.0123,
      costBasis: "price",
    })
    expect(costOf(makeObservation(1, { metrics: { costUsd: 0, costLocal: 1 } }))).toEqual({
      costUsd: 0,
      costBasis: "local",
    })
    expect(costOf(makeObservation(1, { metrics: { costUsd: 0, costOffline: 1 } }))).toEqual({
      costUsd: 0,
      costBasis: "offline",
    })
    expect(costOf(makeObservation(1))).toEqual({ costUsd: null, costBasis: null })
  })

  it("adds up dollars in all and per project, counting the runs it could not price", () => {
    const points = toRunPoints([
      makeObservation(3, { projectId: PROJECT_B, metrics: { costUsd: 0.5, scaffoldTokens: 900 } }),
      makeObservation(2, { metrics: { costUsd: 0.25 } }),
      makeObservation(1),
    ])
    expect(points.at(-1)?.stageTokens.scaffold).toBe(900)
    expect(summarizeRuns(points)).toMatchObject({ totalCostUsd: 0.75, unpricedRuns: 1 })
    expect(costByProject(points)).toEqual([
      { projectId: PROJECT_B, runs: 1, tokens: 1500, costUsd: 0.5, unpricedRuns: 0 },
      { projectId: PROJECT_A, runs: 2, tokens: 3000, costUsd: 0.25, unpricedRuns: 1 },
    ])
  })
})

describe("groupRepeatedPrompts", () => {
  it("groups runs by prompt hash, leaves single runs out, and takes the median change of the follow-ups", () => {
    const parent = "0c0c0000-0000-4000-8000-000000000001"
    const followUp = (n: number, additions: number, deletions: number) =>
      makeObservation(n, {
        prompt: `make it red ${n}`,
        promptHash: "f".repeat(64),
        parentVersionId: parent,
        diff: { files: 1, additions, deletions },
      })
    const groups = groupRepeatedPrompts(
      toRunPoints([
        followUp(4, 1, 1),
        followUp(3, 5, 5),
        makeObservation(2, { promptHash: "f".repeat(64), prompt: "first", metrics: { success: 0 } }),
        makeObservation(1),
        followUp(0, 20, 0),
      ]),
    )
    expect(groups).toEqual([
      {
        promptHash: "f".repeat(64),
        prompt: "make it red 4",
        runs: 4,
        passedRuns: 3,
        passRatePercent: 75,
        latestAt: makeObservation(4).createdAt,
        latestVerdict: "proven",
        followUps: 3,
        medianFollowUpLines: 10,
      },
    ])
  })

  it("is empty when every prompt ran once", () => {
    expect(groupRepeatedPrompts(toRunPoints(THREE_RUNS))).toEqual([])
  })
})
