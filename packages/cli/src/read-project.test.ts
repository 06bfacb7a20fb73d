import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { readProjectFiles } from "./read-project"

const scratch = mkdtempSync(path.join(tmpdir(), "studio-read-project-"))
const canary = path.join(scratch, "canary.ts")
writeFileSync(canary, "export const secret = 'canary-read-project-2e7c'\n")
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function project(name: string): string {
  const dir = path.join(scratch, name)
  mkdirSync(path.join(dir, "src", "components"), { recursive: true })
  writeFileSync(
    path.join(dir, "src", "components", "Card.tsx"),
    "export default function Card() { return null }\n",
  )
  return dir
}

describe("readProjectFiles", () => {
  it("reads the project's own files under src/", () => {
    expect(Object.keys(readProjectFiles(project("plain")))).toEqual(["src/components/Card.tsx"])
  })

  it("refuses a file that is a symbolic link, naming it, and reads nothing through it", () => {
    const dir = project("linked-file")
    symlinkSync(canary, path.join(dir, "src", "components", "Leak.ts"))
    expect(() => readProjectFiles(dir)).toThrow(expect.objectContaining({ code: "usage" }))
    expect(() => readProjectFiles(dir)).toThrow(
      "src/components/Leak.ts: a symbolic link; a project's files must be regular files inside it",
    )
  })

  it("refuses a linked folder inside src/ and a linked src/ itself", () => {
    const linkedFolder = project("linked-folder")
    symlinkSync(scratch, path.join(linkedFolder, "src", "elsewhere"))
    expect(() => readProjectFiles(linkedFolder)).toThrow("src/elsewhere: a symbolic link")
    const linkedSrc = path.join(scratch, "linked-src")
    mkdirSync(linkedSrc)
    symlinkSync(path.join(project("target"), "src"), path.join(linkedSrc, "src"))
    expect(() => readProjectFiles(linkedSrc)).toThrow("src/ is a symbolic link")
  })
})
