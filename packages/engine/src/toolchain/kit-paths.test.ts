import { existsSync } from "node:fs"
import path from "node:path"
import { describe, it, expect } from "vitest"
import { ENGINE_DIR, KIT_DIR, resolveAliasedImport } from "./kit-paths"

describe("kit paths", () => {
  it("points at the engine package and its kit", () => {
    expect(existsSync(path.join(ENGINE_DIR, "package.json"))).toBe(true)
    expect(existsSync(path.join(KIT_DIR, "src", "lib", "utils.ts"))).toBe(true)
  })

  it("sends ui and lib imports to the kit and the rest of @/ to the job", () => {
    expect(resolveAliasedImport("@/components/ui/button", "/kit")).toEqual({
      target: "kit",
      path: "/kit/src/components/ui/button",
    })
    expect(resolveAliasedImport("@/lib/utils", "/kit")).toEqual({ target: "kit", path: "/kit/src/lib/utils" })
    expect(resolveAliasedImport("@/components/Counter", "/kit")).toEqual({
      target: "job",
      path: "src/components/Counter",
    })
    expect(resolveAliasedImport("react", "/kit")).toBeUndefined()
  })
})
