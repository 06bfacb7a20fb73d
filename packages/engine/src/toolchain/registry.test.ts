import { describe, it, expect, afterAll } from "vitest"
import { createToolchainRegistry, vitestManifest } from "./registry"
import { PLUGIN_IDS } from "./types"
import type { PluginManifest, ToolchainPlugin } from "./types"

const manifest = (name: PluginManifest["name"], packageName: string): PluginManifest => ({
  ...vitestManifest,
  name,
  packageName,
})

function throwingPlugin(error: unknown): ToolchainPlugin {
  return {
    manifest: manifest("eslint", "eslint"),
    run: () => {
      throw error
    },
  }
}

const registry = createToolchainRegistry()
afterAll(() => registry.dispose())

describe("toolchain registry", () => {
  it("lists every manifest in order, vitest included before it is registered", () => {
    const manifests = registry.listManifests()
    expect(manifests.map((entry) => entry.name)).toEqual([...PLUGIN_IDS])
    expect(manifests.find((entry) => entry.name === "vitest")).toEqual(vitestManifest)
    expect(registry.has("vitest")).toBe(false)
    expect(registry.has("prettier")).toBe(true)
    for (const entry of manifests) expect(entry.version, entry.name).toMatch(/^\d+\.\d+\.\d+/)
  })

  it("runs a built-in plugin", async () => {
    const result = await registry.runPlugin("prettier", { files: { "src/a.ts": "const a  =  1" } })
    expect(result.files?.["src/a.ts"]).toBe("const a = 1\n")
  })

  it("turns a throwing plugin into one error diagnostic without a stack or host path", async () => {
    const error = new Error("linter exploded at /home/dev/secret/config.js")
    const result = await createToolchainRegistry({ eslint: throwingPlugin(error) }).runPlugin("eslint", {
      files: {},
    })
    expect(result.diagnostics).toEqual([
      {
        source: "eslint",
        path: "",
        line: 0,
        column: 0,
        severity: "error",
        message: "eslint failed: linter exploded at config.js",
      },
    ])
    expect(result.durationMs).toBeGreaterThanOrEqual(0)
  })

  it("says clearly when a plugin's package is not installed", async () => {
    const missing: ToolchainPlugin = {
      manifest: manifest("tailwind", "tailwindcss"),
      run: async () => {
        await import("tailwindcss-is-not-installed-here" as string)
        return { diagnostics: [], durationMs: 0 }
      },
    }
    const result = await createToolchainRegistry({ tailwind: missing }).runPlugin("tailwind", { files: {} })
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        source: "tailwind",
        severity: "error",
        message: expect.stringMatching(/tailwind is not available: tailwindcss is not installed/),
      }),
    ])
  })

  it("reports an unregistered plugin instead of throwing", async () => {
    const result = await registry.runPlugin("vitest", { files: {} })
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ source: "vitest", message: expect.stringContaining("not registered") }),
    ])
  })

  it("uses a plugin passed in through extra", async () => {
    const vitest: ToolchainPlugin = {
      manifest: vitestManifest,
      run: async () => ({ diagnostics: [], durationMs: 1 }),
    }
    const withVitest = createToolchainRegistry({ vitest })
    expect(withVitest.has("vitest")).toBe(true)
    expect(await withVitest.runPlugin("vitest", { files: {} })).toEqual({ diagnostics: [], durationMs: 1 })
  })

  it("reports a cancelled run as info", async () => {
    const controller = new AbortController()
    controller.abort()
    const result = await registry.runPlugin("prettier", {
      files: { "src/a.ts": "x" },
      signal: controller.signal,
    })
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: "info", message: "prettier was cancelled." }),
    ])
  })

  it("warms up and reports a plugin that cannot", async () => {
    const broken: ToolchainPlugin = {
      ...throwingPlugin(new Error("no")),
      warmUp: async () => {
        throw new Error("cannot warm up")
      },
    }
    const diagnostics = await createToolchainRegistry({ eslint: broken }).warmUp(["prettier", "eslint"])
    expect(diagnostics).toEqual([
      expect.objectContaining({ source: "eslint", message: "eslint failed: cannot warm up" }),
    ])
  })
})
