import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { changeBetween } from "./text-change"

describe("changeBetween", () => {
  it("appends when the text only grew", () => {
    expect(changeBetween("const a", "const a = 1")).toEqual({ from: 7, to: 7, insert: " = 1" })
  })

  it("replaces only the span between the common prefix and suffix", () => {
    expect(changeBetween("let a = 1;", "let b = 1;")).toEqual({ from: 4, to: 5, insert: "b" })
    expect(changeBetween("abc", "ac")).toEqual({ from: 1, to: 2, insert: "" })
    expect(changeBetween("same", "same")).toBeNull()
  })

  it("turns any text into any other", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (current, next) => {
        const change = changeBetween(current, next)
        const applied = change
          ? current.slice(0, change.from) + change.insert + current.slice(change.to)
          : current
        expect(applied).toBe(next)
      }),
    )
  })
})
