// The run's own preview: its hot_reload (after scaffold) reaches the client live, with the files, while the run is
// still going, and the page built from them is served like a version's, under the preview's own policy.
import { previewResponseSchema, type StudioEvent } from "@studio/protocol"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Generator } from "@studio/engine"
import { component, contract, tests } from "../../engine/test/support/counter-answers"
import { createScriptedGenerator } from "../../engine/test/support/scripted-generator"
import {
  api,
  register,
  startTestServer,
  StudioSocket,
  type Incoming,
  type TestServer,
} from "./support/test-server"

const STUDIO_ORIGIN = "http://localhost:5173"
const COUNTER = "src/components/Counter.tsx"
const PREVIEW_POLICY =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; " +
  `base-uri 'none'; form-action 'none'; frame-ancestors ${STUDIO_ORIGIN}`

/** The scripted Counter, held before its tests are written until `release()`: the run is surely still going. */
function heldBeforeTests() {
  const scripted = createScriptedGenerator({
    interpret: [JSON.stringify(contract)],
    scaffold: [component(1)],
    unit_test: [tests],
  })
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  const generator: Generator = {
    provider: scripted.generator.provider,
    model: scripted.generator.model,
    async *generate(input, context) {
      if (input.stage === "unit_test") await released
      yield* scripted.generator.generate(input, context)
    },
  }
  return { generator, release }
}

const held = heldBeforeTests()
let server: TestServer
beforeAll(async () => {
  server = await startTestServer({}, { generator: held.generator })
}, 120_000)
afterAll(async () => {
  held.release()
  await server?.stop()
})

describe("a run's preview before its tests", () => {
  it("hot_reload arrives live with the scaffold's files, and their page is served under the preview's CSP", async () => {
    const user = await register(server)
    const call = api(server, user.token)
    const projectId = (await call("POST", "/api/projects", { name: "Counter" })).body.project.id as string
    const socket = new StudioSocket(server.url, { token: user.token, origin: server.url })
    try {
      await socket.opened
      await socket.next((message) => message.type === "ready")
      socket.send({ type: "generate", projectId, prompt: "a counter" })
      const reload = (await socket.next((message) => message.type === "hot_reload")) as Extract<
        StudioEvent,
        { type: "hot_reload" }
      >
      const runId = reload.runId
      // Held before unit_test: nothing was tested, and the run is going.
      const seen = socket.received.filter((message): message is StudioEvent => "seq" in message)
      expect(seen.some((event) => event.type === "test_result" || event.type === "run_finished")).toBe(false)
      expect((await call("GET", `/api/runs/${runId}`)).body.run.status).toBe("running")
      expect(reload).toMatchObject({ paths: [COUNTER], entry: COUNTER })
      expect(Object.keys(reload.files ?? {})).toEqual([COUNTER])

      const built = await call("POST", "/api/preview", {
        files: reload.files,
        entry: reload.entry,
        parentOrigin: STUDIO_ORIGIN,
      })
      expect(built.status).toBe(200)
      const { url, diagnostics } = previewResponseSchema.parse(built.body)
      expect(diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([])
      const page = await fetch(`${server.url}${url}`, { headers: { accept: "text/html" } })
      expect(page.status).toBe(200)
      expect(page.headers.get("content-security-policy")).toBe(PREVIEW_POLICY)
      expect(page.headers.get("cache-control")).toBe("no-store")
      const html = await page.text()
      expect(html).toContain("<title>Counter — AI Studio preview</title>")
      expect(html).toContain(`const parentOrigin = ${JSON.stringify(STUDIO_ORIGIN)}`)
      expect(html).toContain("Increment")

      // The run goes on to its tests; its stored log has the same hot_reload, after scaffold and before them.
      held.release()
      const finished = (await socket.next(
        (message: Incoming) =>
          message.type === "run_finished" && "runId" in message && message.runId === runId,
      )) as Extract<StudioEvent, { type: "run_finished" }>
      expect(finished.success).toBe(true)
      const stored = (await call("GET", `/api/runs/${runId}/events?after=-1`)).body.events as StudioEvent[]
      const order = stored.map((event) => (event.type === "stage_complete" ? event.stage : event.type))
      const at = order.indexOf("hot_reload")
      expect(order[at - 1]).toBe("scaffold")
      expect(order.indexOf("test_result")).toBeGreaterThan(at)
      expect(stored[at]).toEqual(reload)
    } finally {
      socket.socket.close()
    }
  })
})
