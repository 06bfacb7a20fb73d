import { describe, it, expect } from "vitest"
import { NOT_INSTALLED, defineManifest } from "./manifest"

const fields = {
  name: "prettier",
  description: "Formats code",
  inputs: [".ts"],
  outputs: ["files"],
  command: "prettier --write",
  costEstimate: 10,
  compatibility: ["node>=20.19"],
} as const

describe("defineManifest", () => {
  it("fills the version from the installed package", () => {
    const manifest = defineManifest({
      ...fields,
      inputs: [...fields.inputs],
      outputs: [...fields.outputs],
      compatibility: [...fields.compatibility],
      packageName: "prettier",
    })
    expect(manifest.version).toMatch(/^3\.\d+\.\d+/)
    expect(manifest.command).toBe("prettier --write")
  })

  it("says so when the package is missing", () => {
    const manifest = defineManifest({
      ...fields,
      inputs: [],
      outputs: [],
      compatibility: [],
      packageName: "not-a-real-package-xyz",
    })
    expect(manifest.version).toBe(NOT_INSTALLED)
  })
})
