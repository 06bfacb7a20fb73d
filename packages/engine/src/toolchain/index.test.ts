import { describe, it, expect } from "vitest"
import * as toolchain from "./index"

describe("toolchain index", () => {
  it("exports the registry, the plugin factories and their manifests", () => {
    expect(typeof toolchain.createToolchainRegistry).toBe("function")
    for (const factory of [
      toolchain.createPrettierPlugin,
      toolchain.createEslintPlugin,
      toolchain.createTypeScriptPlugin,
      toolchain.createTailwindPlugin,
      toolchain.createEsbuildPlugin,
    ]) {
      expect(typeof factory).toBe("function")
    }
    expect(
      [
        toolchain.prettierManifest,
        toolchain.eslintManifest,
        toolchain.typescriptManifest,
        toolchain.tailwindManifest,
        toolchain.esbuildManifest,
        toolchain.vitestManifest,
        toolchain.axeManifest,
      ].map((manifest) => manifest.name),
    ).toEqual([...toolchain.PLUGIN_IDS])
  })
})
