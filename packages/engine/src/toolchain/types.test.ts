import { describe, it, expect } from "vitest"
import { PLUGIN_IDS, isPluginId } from "./types"

describe("PLUGIN_IDS", () => {
  it("lists the plugins in execute-stage order", () => {
    expect(PLUGIN_IDS).toEqual(["prettier", "eslint", "typescript", "tailwind", "esbuild", "vitest", "axe"])
  })

  it("narrows known ids and rejects others", () => {
    expect(isPluginId("eslint")).toBe(true)
    expect(isPluginId("webpack")).toBe(false)
    expect(isPluginId("")).toBe(false)
  })
})
