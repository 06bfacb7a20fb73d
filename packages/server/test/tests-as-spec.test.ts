// Tests as the spec through a real server: POST /api/runs with a `tests` field (and no prompt) reaches the engine,
// which asks the model for the scaffold only, runs the given tests as they are and stores a proven version.
import { readFileSync } from "node:fs"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { fence } from "../../engine/test/support/counter-answers"
import { createScriptedGenerator } from "../../engine/test/support/scripted-generator"
import { api, finishedRunEvents, register, startTestServer, type TestServer } from "./support/test-server"

const fixtures = path.resolve(import.meta.dirname, "../../engine/test/fixtures/tests-as-spec/likeButton")
const given = {
  name: "LikeButton.test.js",
  content: readFileSync(path.join(fixtures, "LikeButton.test.js"), "utf8"),
}
const component = readFileSync(path.join(fixtures, "LikeButton.tsx"), "utf8")
const scripted = createScriptedGenerator({
  scaffold: [`${fence}tsx file="src/components/LikeButton.tsx"\n${component}${fence}\n`],
})

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({}, { generator: scripted.generator })
}, 120_000)
afterAll(() => server?.stop())

describe("POST /api/runs with tests", () => {
  it("runs the given tests as the spec and names them as the run's prompt", async () => {
    const call = api(server, (await register(server)).token)
    const projectId = (await call("POST", "/api/projects", { name: "Likes" })).body.project.id as string
    const started = await call("POST", "/api/runs", { projectId, prompt: "", tests: [given] })
    expect(started.status).toBe(202)
    const runId = started.body.runId as string
    const events = await finishedRunEvents(call, runId)
    expect(scripted.calls.map((entry) => entry.input.stage)).toEqual(["scaffold"])
    expect(events.at(-1)).toMatchObject({ type: "run_finished", verdict: "proven" })
    expect((await call("GET", `/api/runs/${runId}`)).body.run.prompt).toBe(
      "Tests as the spec: LikeButton.test.js",
    )
  })

  it("refuses a bad tests field with 422 before anything runs", async () => {
    const call = api(server, (await register(server)).token)
    const projectId = (await call("POST", "/api/projects", { name: "Bad" })).body.project.id as string
    const refused = await call("POST", "/api/runs", {
      projectId,
      tests: [{ name: "../x.test.js", content: "x" }],
    })
    expect(refused.status).toBe(422)
  })
})
