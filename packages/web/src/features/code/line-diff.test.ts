import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { compareFiles, lineDiffStats, splitLines } from "./line-diff"

/** The reference: added and removed lines from the longest common subsequence, by dynamic programming. */
function referenceStats(before: string, after: string) {
  const a = splitLines(before)
  const b = splitLines(after)
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
  const common = lcs[0]![0]!
  return { added: b.length - common, removed: a.length - common }
}

describe("splitLines", () => {
  it("keeps terminators and has no empty last line", () => {
    expect(splitLines("a\nb\n")).toEqual(["a\n", "b\n"])
    expect(splitLines("a\nb")).toEqual(["a\n", "b"])
    expect(splitLines("")).toEqual([])
    expect(splitLines("\n\n")).toEqual(["\n", "\n"])
  })
})

describe("lineDiffStats", () => {
  it("counts whole lines, not characters", () => {
    expect(lineDiffStats("a\nb\nc\n", "a\nB\nc\n")).toEqual({ added: 1, removed: 1 })
    expect(lineDiffStats("a\nc\n", "a\nb1\nb2\nc\n")).toEqual({ added: 2, removed: 0 })
    expect(lineDiffStats("a\nb\nc\nd\n", "a\nd\n")).toEqual({ added: 0, removed: 2 })
    expect(lineDiffStats("same\n", "same\n")).toEqual({ added: 0, removed: 0 })
  })

  it("matches repeated lines to their own copies", () => {
    const before = "}\n}\nreturn x\n}\n"
    const after = "}\n}\nif (y) return y\nreturn x\n}\n"
    expect(lineDiffStats(before, after)).toEqual({ added: 1, removed: 0 })
  })

  it("counts a changed final newline as a changed line, as git does", () => {
    expect(lineDiffStats("a\nb", "a\nb\n")).toEqual({ added: 1, removed: 1 })
  })

  it("finds the shortest edit on random texts", () => {
    const text = fc.array(fc.constantFrom("a\n", "b\n", "}\n", "return x\n", "", "c"), { maxLength: 30 })
    fc.assert(
      fc.property(text, text, (before, after) => {
        const a = before.join("")
        const b = after.join("")
        expect(lineDiffStats(a, b)).toEqual(referenceStats(a, b))
      }),
      { numRuns: 500 },
    )
  })

  it("counts files too different to diff in reasonable time as replaced", () => {
    const before = Array.from({ length: 5000 }, (_, index) => `old ${index}\n`).join("")
    const after = Array.from({ length: 5000 }, (_, index) => `new ${index}\n`).join("")
    expect(lineDiffStats(before, after)).toEqual({ added: 5000, removed: 5000 })
  })
})

describe("compareFiles", () => {
  it("classifies each path and counts its lines", () => {
    const before = { "a.ts": "1\n2\n", "gone.ts": "x\ny\nz\n", "same.ts": "s\n" }
    const after = { "a.ts": "1\n3\n4\n", "new.ts": "n\n", "same.ts": "s\n" }
    expect(compareFiles(before, after)).toEqual([
      { path: "a.ts", kind: "changed", added: 2, removed: 1 },
      { path: "gone.ts", kind: "removed", added: 0, removed: 3 },
      { path: "new.ts", kind: "added", added: 1, removed: 0 },
      { path: "same.ts", kind: "unchanged", added: 0, removed: 0 },
    ])
  })
})
