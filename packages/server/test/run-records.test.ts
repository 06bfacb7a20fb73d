// The seed's records, as a run writes them: `testrun` keeps what the scaffold wrote (not the files the run ended
// with), the tests, their results, the repairs and the verdict; `studioobservation` keeps the normalised prompt's
// hash, the diff against the parent version, the latency and the thumbs. GET /api/observations reads them back.
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { observationSchema, type Observation, type StudioEvent } from "@studio/protocol"
import { component, contract, tests } from "../../engine/test/support/counter-answers"
import { createScriptedGenerator } from "../../engine/test/support/scripted-generator"
import { diffSize } from "../src/export/diff-size"
import { unifiedDiff } from "../src/export/unified-diff"
import { hashPrompt } from "../src/runs/prompt-hash"
import { api, finishedRunEvents, register, startTestServer, type TestServer } from "./support/test-server"

const redComponent = component(1).replace('type="button"', 'type="button" className="bg-red-500"')
const scripted = createScriptedGenerator({
  interpret: [
    JSON.stringify(contract),
    JSON.stringify({ ...contract, summary: "A counter with a red increment button." }),
    JSON.stringify(contract),
  ],
  // The first scaffold has a bug (it adds 2) that one repair fixes; the follow-up and the repeat are right at once.
  scaffold: [component(2), redComponent, component(1)],
  unit_test: [tests, tests, tests],
  repair: [component(1)],
})

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({}, { generator: scripted.generator })
}, 120_000)
afterAll(() => server?.stop())

type Call = ReturnType<typeof api>

/** Runs `prompt` to its end and waits for its record and observation, which are written after run_finished. */
async function runToRecord(call: Call, body: Record<string, unknown>) {
  const accepted = await call("POST", "/api/runs", body)
  expect(accepted.status).toBe(202)
  const runId = accepted.body.runId as string
  const events = await finishedRunEvents(call, runId)
  const observation = await waitFor(async () => {
    const listed = (await call("GET", "/api/observations")).body.observations as Observation[]
    return listed.find((entry) => entry.runId === runId)
  })
  const end = events.at(-1) as Extract<StudioEvent, { type: "run_finished" }>
  return { runId, events, end, observation }
}

async function waitFor<T>(read: () => Promise<T | undefined>): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await read()
    if (value !== undefined) return value
    if (Date.now() - started > 30_000) throw new Error("not written in time")
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe("the records of a run, a follow-up and a thumbs-up", () => {
  it("stores the scaffold's files apart from the final ones, the tests, results, repairs, verdict, hash, diff and vote", async () => {
    const user = await register(server)
    const call = api(server, user.token)
    const projectId = (await call("POST", "/api/projects", { name: "Counter" })).body.project.id as string

    const first = await runToRecord(call, { projectId, prompt: "A counter" })
    expect(first.end).toMatchObject({ verdict: "proven", metrics: { repairAttempts: 1 } })
    const v1 = first.end.versionId!
    const v1Files = (await call("GET", `/api/versions/${v1}`)).body.version.files as Record<string, string>

    const run1 = await server.store.runs.get(user.userId, first.runId)
    // What the scaffold wrote: the buggy step, and no tests. The version holds the repaired code.
    expect(Object.keys(run1?.scaffoldFiles ?? {})).toEqual(["src/components/Counter.tsx"])
    expect(run1?.scaffoldFiles?.["src/components/Counter.tsx"]).toContain("setCount(count + 2)")
    expect(v1Files["src/components/Counter.tsx"]).toContain("setCount(count + 1)")
    expect(run1?.scaffoldFiles).not.toEqual(
      Object.fromEntries(Object.entries(v1Files).filter(([path]) => !path.endsWith(".test.tsx"))),
    )
    expect(run1).toMatchObject({
      status: "succeeded",
      success: true,
      verdict: "proven",
      verdictReasons: [],
      repairAttempts: 1,
      versionId: v1,
      testFiles: { "src/components/Counter.test.tsx": v1Files["src/components/Counter.test.tsx"] },
    })
    expect(run1?.testResults?.map((result) => [result.name, result.status])).toEqual([
      ["R1: shows the initial count", "pass"],
      ["R2: the Increment button adds one", "pass"],
    ])

    const followUp = await runToRecord(call, {
      projectId,
      prompt: "make the button red",
      parentVersionId: v1,
    })
    expect(followUp.end).toMatchObject({ verdict: "proven", metrics: { repairAttempts: 0 } })
    const v2 = followUp.end.versionId!
    const v2Files = (await call("GET", `/api/versions/${v2}`)).body.version.files as Record<string, string>
    const run2 = await server.store.runs.get(user.userId, followUp.runId)
    expect(run2).toMatchObject({ parentVersionId: v1, repairAttempts: 0, verdict: "proven" })
    expect(run2?.scaffoldFiles?.["src/components/Counter.tsx"]).toContain('className="bg-red-500"')

    // The same first prompt again, in other case and spacing: one prompt to the insights page.
    const repeat = await runToRecord(call, { projectId, prompt: "  a   COUNTER " })

    const vote = await call("POST", `/api/observations/${followUp.observation.id}/feedback`, {
      satisfaction: 1,
    })
    expect(vote.status).toBe(200)

    const stored = await server.store.observations.list(user.userId)
    const storedOf = (runId: string) => stored.find((entry) => entry.runId === runId)!
    expect(storedOf(first.runId)).toMatchObject({
      promptHash: hashPrompt("a counter"),
      diffPatch: unifiedDiff({}, v1Files),
      userSatisfaction: null,
    })
    expect(storedOf(followUp.runId)).toMatchObject({
      promptHash: hashPrompt("make the button red"),
      // Against the parent version, not against nothing.
      diffPatch: unifiedDiff(v1Files, v2Files),
      userSatisfaction: 1,
    })
    expect(storedOf(followUp.runId).diffPatch).toMatch(/^\+.*bg-red-500/m)
    expect(storedOf(repeat.runId).promptHash).toBe(storedOf(first.runId).promptHash)
    for (const entry of stored) expect(entry.latencyMs).toBeGreaterThan(0)

    // What the insights page reads: the hash, the parent and the diff's size, and the vote.
    const listed = ((await call("GET", "/api/observations")).body.observations as unknown[]).map((entry) =>
      observationSchema.parse(entry),
    )
    const listedOf = (runId: string) => listed.find((entry) => entry.runId === runId)!
    expect(listedOf(followUp.runId)).toMatchObject({
      prompt: "make the button red",
      promptHash: hashPrompt("make the button red"),
      parentVersionId: v1,
      diff: diffSize(unifiedDiff(v1Files, v2Files)),
      userSatisfaction: 1,
      verdict: "proven",
    })
    expect(listedOf(followUp.runId).diff).toMatchObject({ files: 1, additions: 1, deletions: 1 })
    expect(listedOf(first.runId)).toMatchObject({ parentVersionId: null, userSatisfaction: null })
    expect(listedOf(first.runId).diff.additions).toBeGreaterThan(20)
    expect(listedOf(first.runId).diff.deletions).toBe(0)
    expect(listedOf(repeat.runId).promptHash).toBe(listedOf(first.runId).promptHash)
  }, 240_000)
})
