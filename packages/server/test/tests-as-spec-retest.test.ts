// A version made from given tests keeps that mode (versions.given_tests): a test run of it, or of a restored copy,
// runs its Jest-style .js test as given, traced to the requirements by name. Without the mode the same .js file is a
// path edited code may not have (see engine/test/tests-as-spec.test.ts for the engine's side of both).
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

describe("a test run of a version made from given tests", () => {
  it("runs them in Jest mode again, also on a restored copy, and stores the mode with the version it saves", async () => {
    const call = api(server, (await register(server)).token)
    const projectId = (await call("POST", "/api/projects", { name: "Likes" })).body.project.id as string
    const generated = await call("POST", "/api/runs", { projectId, prompt: "", tests: [given] })
    const generatedEnd = (await finishedRunEvents(call, generated.body.runId as string)).at(-1)
    expect(generatedEnd).toMatchObject({ type: "run_finished", verdict: "proven" })
    const v1 = generatedEnd?.type === "run_finished" ? generatedEnd.versionId : undefined
    const files = (await call("GET", `/api/versions/${v1}`)).body.version.files as Record<string, string>
    expect(files["src/components/LikeButton.test.js"]).toBe(given.content)

    const restored = (await call("POST", `/api/versions/${v1}/restore`)).body.version.id as string
    const accepted = await call("POST", `/api/versions/${restored}/test-runs`, { files })
    expect(accepted.status).toBe(202)
    const events = await finishedRunEvents(call, accepted.body.runId as string)
    const results = events.flatMap((event) =>
      event.type === "test_result" ? [[event.name, event.status, event.requirementId]] : [],
    )
    expect(results).toEqual([
      ["sends the like and shows the new count", "pass", "R1"],
      ["shows an error when the server refuses the like", "pass", "R2"],
    ])
    const end = events.at(-1)
    expect(end).toMatchObject({ type: "run_finished", verdict: "proven" })

    // The version the test run saved is in the mode too: its given test is still a path it may be tested with.
    const saved = end?.type === "run_finished" ? end.versionId : undefined
    const stored = saved ? await server.store.versions.get(await userIdOf(call), saved) : undefined
    expect(stored?.givenTests).toEqual(["src/components/LikeButton.test.js"])
  })
})

async function userIdOf(call: ReturnType<typeof api>): Promise<string> {
  return (await call("GET", "/api/me")).body.user.id as string
}
