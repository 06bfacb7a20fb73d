import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { describe, it, expect } from "vitest"
import { readInstalledVersion } from "./package-version"

describe("readInstalledVersion", () => {
  it("reads the installed version of a tool", () => {
    const require = createRequire(import.meta.url)
    const packageJson = readFileSync(require.resolve("prettier/package.json"), "utf8")
    expect(readInstalledVersion("prettier")).toBe(/"version":\s*"([^"]+)"/.exec(packageJson)?.[1])
    expect(readInstalledVersion("@tailwindcss/node")).toMatch(/^4\./)
  })

  it("returns undefined for a package that is not installed", () => {
    expect(readInstalledVersion("surely-not-an-installed-package-xyz")).toBeUndefined()
  })
})
