import { describe, expect, it } from "vitest"
import { applyEdits } from "./apply-edits"

const FILE = `import { useState } from "react"

export default function Counter() {
  const [count, setCount] = useState(0)
  return <button onClick={() => setCount(count + 2)}>Count: {count}</button>
}
`
const STATE = "  const [count, setCount] = useState(0)\n"
const LINE = "  return <button onClick={() => setCount(count + 2)}>Count: {count}</button>\n"

describe("applyEdits", () => {
  it("replaces a search text that occurs exactly once", () => {
    const result = applyEdits(FILE, [{ search: LINE, replace: LINE.replace("count + 2", "count + 1") }])
    expect(result).toEqual({ ok: true, content: FILE.replace("count + 2", "count + 1"), changes: 1 })
  })

  it("applies several edits, each located in the file as given, whatever their order", () => {
    const result = applyEdits(FILE, [
      { search: LINE, replace: LINE.replace("<button", '<button type="button"') },
      { search: STATE, replace: STATE.replace("(0)", "(1)") },
    ])
    expect(result).toEqual({
      ok: true,
      content: FILE.replace("useState(0)", "useState(1)").replace("<button", '<button type="button"'),
      changes: 2,
    })
  })

  it("refuses a search text that is not found, and applies none of the block", () => {
    expect(
      applyEdits(FILE, [
        { search: STATE, replace: "x\n" },
        { search: LINE.replace("2", "3"), replace: "x\n" },
      ]),
    ).toEqual({ ok: false, refusals: ["edit 2: its search text was not found"] })
  })

  it("refuses a search text found more than once, saying how often", () => {
    expect(applyEdits(`${FILE}${FILE}`, [{ search: LINE, replace: "n\n" }])).toEqual({
      ok: false,
      refusals: ["the edit: its search text was found 2 times (include more lines to make it unique)"],
    })
    // Overlapping occurrences count too.
    expect(applyEdits("a\na\na\n", [{ search: "a\na\n", replace: "b\n" }])).toEqual({
      ok: false,
      refusals: [expect.stringContaining("found 2 times")],
    })
  })

  it("matches across CRLF and LF, and keeps the file's CRLF line endings", () => {
    const crlf = FILE.replaceAll("\n", "\r\n")
    const result = applyEdits(crlf, [
      { search: `${STATE}${LINE}`, replace: STATE.replace("(0)", "(1)") + LINE },
    ])
    expect(result).toEqual({
      ok: true,
      content: FILE.replace("useState(0)", "useState(1)").replaceAll("\n", "\r\n"),
      changes: 1,
    })
    const lf = applyEdits(FILE, [{ search: STATE.replace("\n", "\r\n"), replace: "  const x = 1\r\n" }])
    expect(lf).toEqual({ ok: true, content: FILE.replace(STATE, "  const x = 1\n"), changes: 1 })
  })

  it("is not fuzzy: other whitespace, or part of a line, does not match", () => {
    for (const search of [STATE.replace("= ", "=  "), STATE.trimStart(), "  const [count"]) {
      expect(applyEdits(FILE, [{ search, replace: "x\n" }])).toEqual({
        ok: false,
        refusals: ["the edit: its search text was not found"],
      })
    }
  })

  it("matches the last line of a file without a final newline, and adds none", () => {
    expect(applyEdits("a\nb", [{ search: "b\n", replace: "c\n" }])).toEqual({
      ok: true,
      content: "a\nc",
      changes: 1,
    })
  })

  it("refuses an edit of a file that does not exist", () => {
    expect(applyEdits(undefined, [{ search: "a\n", replace: "b\n" }])).toEqual({
      ok: false,
      refusals: ["the file does not exist"],
    })
  })

  it("refuses overlapping edits and empty search texts", () => {
    expect(
      applyEdits(FILE, [
        { search: `export default function Counter() {\n${STATE}`, replace: "x\n" },
        { search: `${STATE}${LINE}`, replace: "y\n" },
        { search: "\n", replace: "z\n" },
      ]),
    ).toEqual({
      ok: false,
      refusals: [
        "edit 3: its search text is empty (write a new file whole instead)",
        "edit 2: its search text overlaps edit 1's",
      ],
    })
  })

  it("deletes lines with an empty replace text", () => {
    expect(applyEdits("a\nb\nc\n", [{ search: "b\n", replace: "" }])).toEqual({
      ok: true,
      content: "a\nc\n",
      changes: 1,
    })
  })
})
