import { describe, it, expect } from "vitest"
import {
  extensionOf,
  findJobModule,
  isSafeJobPath,
  isScriptFile,
  isTestFile,
  moduleFileCandidates,
} from "./job-files"

describe("job file helpers", () => {
  it("classifies files by extension", () => {
    expect(extensionOf("src/components/Counter.TSX")).toBe(".tsx")
    expect(isScriptFile("src/components/Counter.tsx")).toBe(true)
    expect(isScriptFile("src/styles.css")).toBe(false)
    expect(isTestFile("src/components/Counter.test.tsx")).toBe(true)
    expect(isTestFile("src/components/Counter.tsx")).toBe(false)
  })

  it("accepts only relative, normalized paths inside the job", () => {
    expect(isSafeJobPath("src/components/Counter.tsx")).toBe(true)
    expect(isSafeJobPath("../secrets.ts")).toBe(false)
    expect(isSafeJobPath("src/../../x.ts")).toBe(false)
    expect(isSafeJobPath("/etc/passwd")).toBe(false)
    expect(isSafeJobPath("src\\x.ts")).toBe(false)
    expect(isSafeJobPath("./src/x.ts")).toBe(false)
    expect(isSafeJobPath("")).toBe(false)
  })

  it("finds a job module by its extensionless path", () => {
    const files = { "src/components/Counter.tsx": "", "src/hooks/index.ts": "" }
    expect(findJobModule(files, "src/components/Counter")).toBe("src/components/Counter.tsx")
    expect(findJobModule(files, "src/hooks")).toBe("src/hooks/index.ts")
    expect(findJobModule(files, "src/components/Missing")).toBeUndefined()
    expect(moduleFileCandidates("a")[0]).toBe("a")
  })
})
