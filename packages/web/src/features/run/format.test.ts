import { describe, expect, it } from "vitest"
import { applyRunEvent, createRunView } from "../../state/run-view"
import {
  describeCost,
  displayedStageStatus,
  formatCount,
  formatDuration,
  formatUsd,
  pluralize,
  stageLabel,
  timelineStages,
} from "./format"
import { failingRunEvents, foldEvents, passingRunEvents } from "./run-fixtures"

describe("formatDuration", () => {
  it.each([
    [0, "0 ms"],
    [850, "850 ms"],
    [999.4, "999 ms"],
    [1000, "1.0 s"],
    [1234, "1.2 s"],
    [9_960, "10 s"],
    [12_400, "12 s"],
    [59_600, "1 min"],
    [65_000, "1 min 5 s"],
    [180_000, "3 min"],
    [-5, "0 ms"],
    [Number.NaN, "0 ms"],
  ])("%d ms reads %j", (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })
})

describe("formatCount and pluralize", () => {
  it("groups thousands", () => {
    expect(formatCount(1234)).toBe("1,234")
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe("0")
  })

  it("says one or many", () => {
    expect(pluralize(1, "test")).toBe("1 test")
    expect(pluralize(2, "test")).toBe("2 tests")
    expect(pluralize(0, "warning")).toBe("0 warnings")
  })
})

describe("stages", () => {
  it("names every stage for people", () => {
    expect(stageLabel("interpret")).toBe("Understand")
    expect(stageLabel("unit_test")).toBe("Write tests")
  })

  it("shows repair only when it ran", () => {
    expect(timelineStages(foldEvents(passingRunEvents()))).not.toContain("repair")
    expect(timelineStages(foldEvents(failingRunEvents()))).toContain("repair")
  })

  it("reads a stage a finished run never reached as skipped", () => {
    const started = applyRunEvent(createRunView("run-1"), {
      type: "run_started",
      runId: "run-1",
      seq: 0,
      ts: 1,
      prompt: "x",
      provider: "offline",
      model: "recipes-v1",
    })
    expect(displayedStageStatus(started, "report")).toBe("pending")
    const finished = applyRunEvent(started, {
      type: "run_finished",
      runId: "run-1",
      seq: 1,
      ts: 2,
      verdict: "failed",
      reasons: ["The model gave no usable contract after a retry."],
      success: false,
      metrics: { durations: {}, tokens: { prompt: 0, completion: 0 }, repairAttempts: 0 },
    })
    expect(displayedStageStatus(finished, "report")).toBe("skipped")
  })
})

describe("formatUsd and describeCost", () => {
  it("shows fractions of a cent to two significant digits, and cents above", () => {
    expect(formatUsd(0)).toBe("$0")
    expect(formatUsd(0.004)).toBe("$0.004")
    expect(formatUsd(0.004_25)).toBe("$0.0043")
    expect(formatUsd(0.42)).toBe("$0.42")
    expect(formatUsd(12.3)).toBe("$12.30")
    expect(formatUsd(0.000_001)).toBe("<$0.00001")
    expect(formatUsd(Number.NaN)).toBe("$0")
  })

  it("says what a run cost, or why it cost nothing, or that the price is unknown", () => {
    expect(describeCost({ tokens: 1234, costUsd: 0.004, costBasis: "price" })).toBe("1,234 tokens · $0.004")
    expect(describeCost({ tokens: 1234, costUsd: 0, costBasis: "local" })).toBe("1,234 tokens · local")
    expect(describeCost({ tokens: 0, costUsd: 0, costBasis: "offline" })).toBe("offline, no tokens")
    expect(describeCost({ tokens: 1, costBasis: undefined })).toBe("1 token · price unknown")
  })
})
