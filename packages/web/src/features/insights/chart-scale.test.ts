import { describe, expect, it } from "vitest"
import { labelledIndexes, niceScale } from "./chart-scale"

describe("niceScale", () => {
  it("rounds the top up to a round step", () => {
    expect(niceScale(9500)).toEqual({ max: 10_000, ticks: [0, 2500, 5000, 7500, 10_000] })
    expect(niceScale(3)).toEqual({ max: 3, ticks: [0, 1, 2, 3] })
    expect(niceScale(4)).toEqual({ max: 4, ticks: [0, 1, 2, 3, 4] })
    expect(niceScale(13_600)).toEqual({ max: 15_000, ticks: [0, 5000, 10_000, 15_000] })
  })

  it("covers the value for many magnitudes", () => {
    for (const value of [0.3, 1, 7, 42, 99, 101, 1234, 987_654]) {
      const { max, ticks } = niceScale(value)
      expect(max).toBeGreaterThanOrEqual(value)
      expect(ticks.length).toBeLessThanOrEqual(6)
      expect(ticks.at(-1)).toBe(max)
    }
  })

  it("keeps whole steps for counts", () => {
    expect(niceScale(1, { integer: true })).toEqual({ max: 1, ticks: [0, 1] })
    expect(niceScale(3, { integer: true })).toEqual({ max: 3, ticks: [0, 1, 2, 3] })
    expect(niceScale(10, { integer: true })).toEqual({ max: 10, ticks: [0, 5, 10] })
    expect(niceScale(0.4)).toEqual({ max: 0.4, ticks: [0, 0.1, 0.2, 0.3, 0.4] })
  })

  it("falls back to 0..1 without positive values", () => {
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 1] })
    expect(niceScale(Number.NaN)).toEqual({ max: 1, ticks: [0, 1] })
  })
})

describe("labelledIndexes", () => {
  it("labels every bar when there are few, and always the newest", () => {
    expect([...labelledIndexes(3)].sort()).toEqual([0, 1, 2])
    const many = labelledIndexes(30)
    expect(many.size).toBe(10)
    expect(many.has(29)).toBe(true)
  })
})
