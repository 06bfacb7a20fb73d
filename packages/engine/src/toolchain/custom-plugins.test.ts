import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { StudioError } from "@studio/protocol"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { ENGINE_ROOT } from "../engine-root"
import { loadCustomPlugin, loadCustomPlugins } from "./custom-plugins"
import { createToolchainRegistry } from "./registry"
import type { ToolchainPlugin } from "./types"

const FIXTURES = path.join(ENGINE_ROOT, "test", "fixtures", "plugins")

let root: string
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "studio-plugins-"))
  chmodSync(root, 0o755)
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

/** A plugin folder under `root` with this plugin.json (an object is written as JSON, a string as is). */
function plugin(folder: string, manifest: object | string): string {
  const dir = path.join(root, folder)
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    path.join(dir, "plugin.json"),
    typeof manifest === "string" ? manifest : JSON.stringify(manifest),
  )
  return dir
}

const VALID = {
  name: "acme-lint",
  version: "2.1.0",
  description: "Acme's house rules.",
  inputs: [".tsx"],
  command: ["node", "$PLUGIN_DIR/bin/check.mjs", "--strict", "$PLUGIN_DIR"],
  costEstimate: 250,
}

async function loadError(load: Promise<unknown>): Promise<StudioError> {
  const error = await load.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  if (!StudioError.isInstance(error)) throw new Error(`expected a StudioError, got ${String(error)}`)
  return error
}

describe("loadCustomPlugins()", () => {
  it("loads each folder's plugin.json: the seed's fields, the command resolved, source custom", async () => {
    const dir = plugin("acme", VALID)
    cpSync(path.join(FIXTURES, "flags-console-log"), path.join(root, "flags-console-log"), {
      recursive: true,
    })
    writeFileSync(path.join(root, "README.md"), "files beside the folders are ignored")
    mkdirSync(path.join(root, ".cache"))
    const loaded = await loadCustomPlugins(root)
    expect(loaded.map((entry) => entry.manifest.name)).toEqual(["acme-lint", "flags-console-log"])
    expect(loaded[0]).toEqual({
      manifest: {
        name: "acme-lint",
        source: "custom",
        packageName: "acme-lint",
        version: "2.1.0",
        description: "Acme's house rules.",
        inputs: [".tsx"],
        outputs: ["diagnostics"],
        command: "node $PLUGIN_DIR/bin/check.mjs --strict $PLUGIN_DIR",
        costEstimate: 250,
        compatibility: [],
      },
      dir,
      argv: [process.execPath, `${dir}/bin/check.mjs`, "--strict", dir],
    })
    expect(loaded[1]?.manifest).toMatchObject({ costEstimate: 120, compatibility: ["node>=20"] })
  })

  it("follows a linked plugin folder and keeps a plugin's own time limit", async () => {
    symlinkSync(path.join(FIXTURES, "hangs"), path.join(root, "hangs"))
    const [hangs] = await loadCustomPlugins(root)
    expect(hangs).toMatchObject({
      manifest: { name: "hangs" },
      dir: path.join(FIXTURES, "hangs"),
      timeoutMs: 1500,
    })
  })

  it("stops at a broken manifest with config_invalid naming the file and every field", async () => {
    cpSync(FIXTURES, root, { recursive: true })
    const error = await loadError(loadCustomPlugins(root))
    expect(error.code).toBe("config_invalid")
    expect(error.message).toMatch(/^invalid plugin manifest broken-manifest\/plugin\.json: /)
    expect(error.message).toMatch(/\bcommand: .*expected array/)
    expect(error.message).toMatch(/\bcostEstimate: /)
  })

  it.each([
    ["not JSON", "{ name: acme", /acme\/plugin\.json: not valid JSON/],
    [
      "a name that is no slug",
      { ...VALID, name: "Acme Lint" },
      /acme\/plugin\.json: name: must be a lowercase slug/,
    ],
    ["an empty command", { ...VALID, command: [] }, /acme\/plugin\.json: command: must name a program/],
    [
      "a program outside its folder",
      { ...VALID, command: ["/bin/sh", "-c", "curl evil"] },
      /acme\/plugin\.json: command\.0: must be "node" or a file inside the plugin's folder/,
    ],
    [
      "a program that climbs out",
      { ...VALID, command: ["../other/run"] },
      /acme\/plugin\.json: command\.0: must be "node" or a file inside/,
    ],
    [
      "a negative cost",
      { ...VALID, costEstimate: -1 },
      /acme\/plugin\.json: costEstimate: must be 0 or more/,
    ],
    [
      "an input that is no extension",
      { ...VALID, inputs: ["tsx"] },
      /acme\/plugin\.json: inputs\.0: must be a file extension/,
    ],
  ])("refuses %s", async (_what, manifest, message) => {
    plugin("acme", manifest)
    const error = await loadError(loadCustomPlugins(root))
    expect(error.code).toBe("config_invalid")
    expect(error.message).toMatch(message)
  })

  it("refuses a name a built-in has, and a name two folders share", async () => {
    plugin("my-eslint", { ...VALID, name: "eslint" })
    const builtin = await loadError(loadCustomPlugins(root))
    expect(builtin.message).toBe(
      'invalid plugin manifest my-eslint/plugin.json: name: "eslint" is the name of a built-in plugin; choose another',
    )
    rmSync(path.join(root, "my-eslint"), { recursive: true })
    plugin("a", VALID)
    plugin("b", VALID)
    const twice = await loadError(loadCustomPlugins(root))
    expect(twice.message).toBe(
      'invalid plugin manifest b/plugin.json: name: "acme-lint" is already the name of the plugin in a/plugin.json',
    )
  })

  it("names a folder without a plugin.json, and a STUDIO_PLUGINS_DIR that is not a folder", async () => {
    mkdirSync(path.join(root, "empty"))
    expect((await loadError(loadCustomPlugins(root))).message).toMatch(
      /^invalid plugin manifest empty\/plugin\.json: missing/,
    )
    const missing = await loadError(loadCustomPlugins(path.join(root, "nowhere")))
    expect(missing.code).toBe("config_invalid")
    expect(missing.message).toMatch(/^STUDIO_PLUGINS_DIR: .*nowhere is not a folder/)
  })

  it("loads the fixture plugins one by one", async () => {
    const names = ["flags-console-log", "crashes", "hangs", "writes-own-folder"]
    const loaded = await Promise.all(names.map((name) => loadCustomPlugin(path.join(FIXTURES, name))))
    expect(loaded.map((entry) => entry.manifest.name)).toEqual(names)
  })
})

describe("createToolchainRegistry() with custom plugins", () => {
  const custom = (name: string): ToolchainPlugin => ({
    manifest: {
      ...VALID,
      name,
      source: "custom",
      packageName: name,
      version: "1",
      outputs: [],
      compatibility: [],
      command: "node",
    },
    run: async () => ({
      diagnostics: [{ source: name, path: "", line: 0, column: 0, message: "ran", severity: "info" }],
      durationMs: 1,
    }),
  })

  it("lists them after the built-ins, runs them by name, and keeps every built-in", async () => {
    const registry = createToolchainRegistry({}, [custom("acme-lint")])
    const names = registry.listManifests().map((manifest) => manifest.name)
    expect(names.slice(0, 6)).toEqual(["prettier", "eslint", "typescript", "tailwind", "esbuild", "vitest"])
    expect(names.at(-1)).toBe("acme-lint")
    expect(registry.listManifests().at(-1)?.source).toBe("custom")
    expect(registry.has("acme-lint")).toBe(true)
    expect((await registry.runPlugin("acme-lint", { files: {} })).diagnostics[0]?.message).toBe("ran")
    expect((await registry.runPlugin("nope", { files: {} })).diagnostics[0]?.message).toMatch(
      /not registered/,
    )
    await registry.dispose()
  })

  it("refuses a custom plugin named like a built-in, or two of one name", () => {
    expect(() => createToolchainRegistry({}, [custom("typescript")])).toThrow(/the name of a built-in plugin/)
    expect(() => createToolchainRegistry({}, [custom("acme"), custom("acme")])).toThrow(/given twice/)
  })
})
