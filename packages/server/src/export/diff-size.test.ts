import { describe, expect, it } from "vitest"
import { diffSize } from "./diff-size"
import { unifiedDiff } from "./unified-diff"

describe("diffSize", () => {
  it("counts the files and lines of a change against a parent", () => {
    const patch = unifiedDiff(
      { "src/a.tsx": "one\ntwo\nthree\n", "src/gone.ts": "x\ny\n", "src/same.ts": "s\n" },
      { "src/a.tsx": "one\n2\nthree\nfour\n", "src/new.ts": "n\n", "src/same.ts": "s\n" },
    )
    expect(diffSize(patch)).toEqual({ files: 3, additions: 3, deletions: 3 })
  })

  it("counts a first version as every line added", () => {
    expect(diffSize(unifiedDiff({}, { "src/a.tsx": "1\n2\n", "src/a.test.tsx": "t\n" }))).toEqual({
      files: 2,
      additions: 3,
      deletions: 0,
    })
  })

  it("is zero for no change and for text that is not a patch", () => {
    expect(diffSize("")).toEqual({ files: 0, additions: 0, deletions: 0 })
    expect(diffSize("@@ -x +y @@\nnonsense")).toEqual({ files: 0, additions: 0, deletions: 0 })
  })
})
