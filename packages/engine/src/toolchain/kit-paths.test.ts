import { existsSync, readFileSync } from "node:fs"
import path from "node:path"
import { describe, it, expect } from "vitest"
import { ENGINE_DIR, KIT_DIR } from "./kit-paths"

describe("kit paths", () => {
  it("points at the engine package and the kit package", () => {
    expect(existsSync(path.join(ENGINE_DIR, "package.json"))).toBe(true)
    expect(existsSync(path.join(KIT_DIR, "src", "lib", "utils.ts"))).toBe(true)
    expect(readFileSync(path.join(KIT_DIR, "package.json"), "utf8")).toContain('"name": "@studio/kit"')
  })
})
