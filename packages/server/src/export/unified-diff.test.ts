import { execFileSync } from "node:child_process"
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { applyPatch, parsePatch } from "diff"
import { describe, expect, it } from "vitest"
import { unifiedDiff } from "./unified-diff"

const BEFORE = {
  "src/components/Counter.tsx": "export function Counter() {\n  return <p>0</p>\n}\n",
  "src/components/Old.tsx": "export const old = 1\n",
  "src/components/Same.tsx": "unchanged\n",
}
const AFTER = {
  "src/components/Counter.tsx": "export function Counter() {\n  return <p>1</p>\n}\n",
  "src/components/Counter.test.tsx": "it('counts', () => {})\n",
  "src/components/Same.tsx": "unchanged\n",
}

describe("unifiedDiff", () => {
  it("is empty when nothing changed", () => {
    expect(unifiedDiff({}, {})).toBe("")
    expect(unifiedDiff(BEFORE, { ...BEFORE })).toBe("")
  })

  it("writes one git-style section per changed, added and removed file, in path order", () => {
    const patch = unifiedDiff(BEFORE, AFTER)
    expect(patch.match(/^diff --git .*$/gm)).toEqual([
      "diff --git a/src/components/Counter.test.tsx b/src/components/Counter.test.tsx",
      "diff --git a/src/components/Counter.tsx b/src/components/Counter.tsx",
      "diff --git a/src/components/Old.tsx b/src/components/Old.tsx",
    ])
    expect(patch).not.toContain("Same.tsx")
  })

  it("shows a changed file's hunk with a/ and b/ paths", () => {
    const patch = unifiedDiff(BEFORE, AFTER)
    expect(patch).toContain(
      [
        "diff --git a/src/components/Counter.tsx b/src/components/Counter.tsx",
        "--- a/src/components/Counter.tsx",
        "+++ b/src/components/Counter.tsx",
        "@@ -1,3 +1,3 @@",
        " export function Counter() {",
        "-  return <p>0</p>",
        "+  return <p>1</p>",
        " }",
      ].join("\n"),
    )
  })

  it("diffs an added file against /dev/null and a removed file to /dev/null", () => {
    const patch = unifiedDiff(BEFORE, AFTER)
    expect(patch).toContain(
      "new file mode 100644\n--- /dev/null\n+++ b/src/components/Counter.test.tsx\n@@ -0,0 +1,1 @@\n+it('counts', () => {})\n",
    )
    expect(patch).toContain(
      "deleted file mode 100644\n--- a/src/components/Old.tsx\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-export const old = 1\n",
    )
  })

  it("marks a last line without a newline", () => {
    expect(unifiedDiff({ "a.ts": "x\n" }, { "a.ts": "x" })).toContain("\\ No newline at end of file")
  })

  it("is the same whatever order the keys come in", () => {
    const reversed = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).reverse())
    expect(unifiedDiff(reversed(BEFORE), reversed(AFTER))).toBe(unifiedDiff(BEFORE, AFTER))
  })

  it("turns before into after when applied file by file", () => {
    const patched: Record<string, string> = { ...BEFORE }
    for (const filePatch of parsePatch(unifiedDiff(BEFORE, AFTER))) {
      const oldPath = filePatch.oldFileName?.replace(/^a\//, "") ?? ""
      const newPath = filePatch.newFileName?.replace(/^b\//, "") ?? ""
      const result = applyPatch(filePatch.isCreate ? "" : (patched[oldPath] ?? ""), filePatch)
      expect(result).not.toBe(false)
      if (filePatch.isDelete) delete patched[oldPath]
      else patched[newPath] = result as string
    }
    expect(patched).toEqual(AFTER)
  })

  it.skipIf(!hasGit())("applies cleanly with git apply", async () => {
    const before = { ...BEFORE, "src/empty.ts": "", "src/with space.ts": "a\nb" }
    const after = { ...AFTER, "src/new.ts": "", "src/with space.ts": "a\nc\n" }
    const directory = await mkdtemp(path.join(tmpdir(), "studio-diff-"))
    try {
      await writeTree(directory, before)
      await writeFile(path.join(directory, "change.patch"), unifiedDiff(before, after))
      execFileSync("git", ["apply", "change.patch"], { cwd: directory, stdio: "pipe" })
      await rm(path.join(directory, "change.patch"))
      expect(await readTree(directory)).toEqual(after)
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  })
})

function hasGit(): boolean {
  try {
    execFileSync("git", ["--version"], { stdio: "ignore" })
    return true
  } catch {
    return false
  }
}

async function writeTree(directory: string, files: Record<string, string>): Promise<void> {
  for (const [filePath, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(directory, filePath)), { recursive: true })
    await writeFile(path.join(directory, filePath), content)
  }
}

async function readTree(directory: string): Promise<Record<string, string>> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true })
  const files: Record<string, string> = {}
  for (const entry of entries.filter((candidate) => candidate.isFile())) {
    const absolutePath = path.join(entry.parentPath, entry.name)
    files[path.relative(directory, absolutePath)] = await readFile(absolutePath, "utf8")
  }
  return files
}
