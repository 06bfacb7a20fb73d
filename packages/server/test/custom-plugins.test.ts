import { chmodSync, cpSync, mkdtempSync, rmSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { detectIsolation } from "@studio/engine"
import { StudioError, type StudioEvent } from "@studio/protocol"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { api, finishedRunEvents, register, startTestServer, type TestServer } from "./support/test-server"

const FIXTURES = path.resolve(import.meta.dirname, "../../engine/test/fixtures/plugins")
const BUILT_IN_STEPS = ["prettier", "eslint", "typescript", "tailwind", "vitest"]

let pluginsDir: string
let server: TestServer

// The server builds its own engine here (an isolation given means no shared engine), so what is tested is its own
// start-up: STUDIO_PLUGINS_DIR read, the plugins loaded, registered in the table and in the engine's toolchain.
beforeAll(async () => {
  pluginsDir = mkdtempSync(path.join(os.tmpdir(), "studio-server-plugins-"))
  chmodSync(pluginsDir, 0o755)
  cpSync(path.join(FIXTURES, "flags-console-log"), path.join(pluginsDir, "flags-console-log"), {
    recursive: true,
  })
  server = await startTestServer({ STUDIO_PLUGINS_DIR: pluginsDir }, { isolation: detectIsolation() })
}, 120_000)
afterAll(async () => {
  await server?.stop()
  rmSync(pluginsDir, { recursive: true, force: true })
})

describe("custom plugins (STUDIO_PLUGINS_DIR)", () => {
  it("are listed by GET /api/plugins with source custom and their cost, beside the built-ins", async () => {
    const { token } = await register(server)
    const { body } = await api(server, token)("GET", "/api/plugins")
    const custom = body.plugins.find((plugin: { name: string }) => plugin.name === "flags-console-log")
    expect(custom).toEqual({
      name: "flags-console-log",
      packageName: "flags-console-log",
      version: "1.0.0",
      description: "Flags every console.log left in the component's .ts and .tsx files.",
      inputs: [".ts", ".tsx"],
      outputs: ["diagnostics"],
      command: "node $PLUGIN_DIR/check.mjs",
      costEstimate: 120,
      compatibility: ["node>=20"],
      source: "custom",
    })
    expect(body.plugins.find((plugin: { name: string }) => plugin.name === "eslint")?.source).toBe("builtin")
  })

  it("can be chosen for a run: it runs in the execute stage and its result counts in the verdict", async () => {
    const { token } = await register(server)
    const call = api(server, token)
    const projectId = (await call("POST", "/api/projects", { name: "custom plugins" })).body.project
      .id as string
    const started = await call("POST", "/api/runs", {
      projectId,
      prompt: "a counter with a plus button",
      plugins: [...BUILT_IN_STEPS, "flags-console-log"],
    })
    expect(started.status).toBe(202)
    const events = await finishedRunEvents(call, started.body.runId as string)
    const custom = events.filter(
      (event): event is Extract<StudioEvent, { type: "build_ok" | "build_error" }> =>
        (event.type === "build_ok" || event.type === "build_error") && event.plugin === "flags-console-log",
    )
    expect(custom).toEqual([expect.objectContaining({ type: "build_ok", diagnostics: [] })])
    expect(events.at(-1)).toMatchObject({ type: "run_finished", verdict: "proven" })
    const refused = await call("POST", "/api/runs", {
      projectId,
      prompt: "a counter",
      plugins: ["flags-console"],
    })
    expect(refused.status).toBe(422)
    expect(refused.body.error.message).toMatch(/Unknown plugin "flags-console"; known: .*flags-console-log/)
  })

  it("a broken manifest stops the start with config_invalid naming the file and the field", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "studio-server-broken-plugin-"))
    const error = await startTestServer(
      { STUDIO_PLUGINS_DIR: FIXTURES },
      { isolation: detectIsolation(), dataDir },
    ).then(
      async (started) => {
        await started.stop()
        return undefined
      },
      (thrown: unknown) => thrown,
    )
    rmSync(dataDir, { recursive: true, force: true })
    expect(StudioError.isInstance(error) && error.code).toBe("config_invalid")
    expect((error as Error).message).toMatch(
      /^invalid plugin manifest broken-manifest\/plugin\.json: command: .*; costEstimate: /,
    )
  })
})
