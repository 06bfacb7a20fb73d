// Only what the tests prove is "Passed": the verdict of runs, versions and observations as the API reports them,
// for runs of today and for data stored before verdicts existed (read again with today's rule).
import { randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  observationSchema,
  studioEventSchema,
  versionSchema,
  versionSummarySchema,
  type Contract,
  type StudioEvent,
} from "@studio/protocol"
import { api, register, startTestServer, StudioSocket, type TestServer } from "./support/test-server"

const contract: Contract = {
  name: "Counter",
  summary: "A counter with an increment button.",
  props: [],
  requirements: [
    { id: "R1", text: "Shows the initial count" },
    { id: "R2", text: "The Increment button adds one" },
  ],
}

const counter = `import { useState } from "react"

export interface CounterProps {
  initial?: number
}

export default function Counter({ initial = 0 }: CounterProps) {
  const [count, setCount] = useState(initial)
  return (
    <div>
      <p>Count: {count}</p>
      <button type="button" onClick={() => setCount(count + 1)}>
        Increment
      </button>
    </div>
  )
}
`
const counterTests = (r2: "it" | "it.skip") => `import { describe, it, expect } from "vitest"
import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import Counter from "./Counter"

describe("Counter", () => {
  it("R1: shows the initial count", () => {
    render(<Counter initial={3} />)
    expect(screen.getByText("Count: 3")).toBeInTheDocument()
  })
  ${r2}("R2: the Increment button adds one", async () => {
    const user = userEvent.setup()
    render(<Counter />)
    await user.click(screen.getByRole("button", { name: "Increment" }))
    expect(screen.getByText("Count: 1")).toBeInTheDocument()
  })
})
`
const files = (r2: "it" | "it.skip" = "it") => ({
  "src/components/Counter.tsx": counter,
  "src/components/Counter.test.tsx": counterTests(r2),
})
const passing = (name: string) => ({ name, status: "pass" as const, durationMs: 5 })
const metrics = { durations: { execute: 900 }, tokens: { prompt: 0, completion: 0 }, repairAttempts: 0 }

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
}, 120_000)
afterAll(() => server?.stop())

async function signedIn() {
  const user = await register(server)
  const call = api(server, user.token)
  const projectId = (await call("POST", "/api/projects", { name: "Counter" })).body.project.id as string
  return { ...user, call, projectId }
}

async function eventsUntilFinished(call: ReturnType<typeof api>, runId: string): Promise<StudioEvent[]> {
  const started = Date.now()
  for (;;) {
    const events = (await call("GET", `/api/runs/${runId}/events?after=-1`)).body.events as unknown[]
    const parsed = events.map((event) => studioEventSchema.parse(event))
    if (parsed.some((event) => event.type === "run_finished")) return parsed
    if (Date.now() - started > 150_000) throw new Error(`run ${runId} did not finish`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/**
 * A generation stored the way the server stored it before verdicts: its tests passed, but no test traces to R2,
 * so it was stored as `success: true` — it read "Passed" beside "1/2 requirements met".
 */
async function storeEarlierRun(userId: string, projectId: string) {
  const { store } = server
  const runId = randomUUID()
  const tests = [passing("R1: shows the initial count"), passing("adds one")]
  await store.runs.create({
    id: runId,
    userId,
    projectId,
    prompt: "a counter",
    provider: "offline",
    model: "m",
  })
  await store.events.append(runId, 0, {
    type: "run_started",
    runId,
    seq: 0,
    ts: 1,
    prompt: "a counter",
    provider: "offline",
    model: "m",
  })
  const version = await store.versions.create({
    projectId,
    prompt: "a counter",
    files: files(),
    contract,
    report: {
      success: true,
      provider: "offline",
      model: "m",
      requirements: [
        {
          id: "R1",
          text: "Shows the initial count",
          met: true,
          tests: [{ name: tests[0]!.name, status: "pass" }],
        },
        { id: "R2", text: "The Increment button adds one", met: false, tests: [] },
      ],
      tests,
      metrics,
      errors: [],
    },
    runId,
  })
  await store.events.append(runId, 1, {
    type: "run_finished",
    runId,
    seq: 1,
    ts: 2,
    success: true,
    versionId: version.id,
    metrics,
  })
  await store.runs.finish(runId, {
    status: "succeeded",
    success: true,
    contract,
    testResults: tests,
    versionId: version.id,
  })
  await store.observations.create({
    runId,
    userId,
    projectId,
    promptHash: "0".repeat(64),
    diffPatch: "",
    testMetrics: { total: 2, passed: 2, failed: 0, requirements: 2, requirementsMet: 1, success: 1 },
    latencyMs: 1000,
  })
  return { runId, versionId: version.id }
}

describe("data stored before verdicts is read with the new rule", () => {
  it("an earlier 'success' with an untested requirement is not verified: run, events, version, list, insights", async () => {
    const { userId, token, call, projectId } = await signedIn()
    const { runId, versionId } = await storeEarlierRun(userId, projectId)
    const expected = { verdict: "unverified", reasons: ["R2 has no test"] }

    const run = (await call("GET", `/api/runs/${runId}`)).body.run
    expect(run).toMatchObject({ id: runId, status: "succeeded", success: false, ...expected })

    const events = (await call("GET", `/api/runs/${runId}/events?after=-1`)).body.events as unknown[]
    // Every event parses as a current one: the stored run_finished gained its verdict.
    const finished = events.map((event) => studioEventSchema.parse(event)).at(-1)
    expect(finished).toMatchObject({ type: "run_finished", success: false, ...expected })

    const version = versionSchema.parse((await call("GET", `/api/versions/${versionId}`)).body.version)
    expect(version).toMatchObject({ success: false, ...expected })
    expect(version.report).toMatchObject({ success: false, ...expected })

    const listed = (await call("GET", `/api/projects/${projectId}/versions`)).body.versions as unknown[]
    expect(listed.map((entry) => versionSummarySchema.parse(entry))).toEqual([
      expect.objectContaining({ id: versionId, success: false, ...expected }),
    ])

    const observations = (await call("GET", "/api/observations")).body.observations as unknown[]
    expect(observations.map((entry) => observationSchema.parse(entry))).toEqual([
      expect.objectContaining({
        runId,
        verdict: "unverified",
        testMetrics: expect.objectContaining({ success: 0 }),
      }),
    ])

    // A client resuming over the socket gets the same upgraded event.
    const socket = new StudioSocket(server.url, { token })
    await socket.opened
    await socket.next((message) => message.type === "ready")
    socket.send({ type: "subscribe", runId, afterSeq: -1 })
    const replayed = await socket.next((message) => message.type === "run_finished")
    socket.close()
    expect(studioEventSchema.parse(replayed)).toMatchObject(expected)

    // A restore copies the report as it reads today.
    const restored = await call("POST", `/api/versions/${versionId}/restore`)
    expect(versionSummarySchema.parse(restored.body.version)).toMatchObject({ success: false, ...expected })
  })
})

describe("runs of today carry their verdict", () => {
  it(
    "a test run whose R2 test is skipped ends unverified: run_finished, GET /api/runs/:id and the version report",
    { timeout: 180_000 },
    async () => {
      const { call, projectId } = await signedIn()
      const v1 = await server.store.versions.create({
        projectId,
        prompt: "a counter",
        files: files(),
        contract,
      })
      const accepted = await call("POST", `/api/versions/${v1.id}/test-runs`, { files: files("it.skip") })
      expect(accepted.status).toBe(202)
      const runId = accepted.body.runId as string
      const events = await eventsUntilFinished(call, runId)
      const expected = {
        verdict: "unverified",
        reasons: ['1 test skipped: "R2: the Increment button adds one"'],
      }
      const finished = events.at(-1)
      expect(finished).toMatchObject({ type: "run_finished", success: false, ...expected })

      expect((await call("GET", `/api/runs/${runId}`)).body.run).toMatchObject({
        success: false,
        ...expected,
      })
      const versionId = finished?.type === "run_finished" ? finished.versionId : undefined
      const version = versionSchema.parse((await call("GET", `/api/versions/${versionId}`)).body.version)
      expect(version).toMatchObject({ success: false, ...expected })
      expect(version.report).toMatchObject({ success: false, ...expected })
    },
  )

  it(
    "a generation with the tests turned off (plugins without vitest) is not verified, never Passed",
    { timeout: 180_000 },
    async () => {
      const { call, projectId } = await signedIn()
      const accepted = await call("POST", "/api/runs", {
        projectId,
        prompt: "a counter with an increment button",
        plugins: ["prettier", "eslint", "typescript", "tailwind"],
      })
      expect(accepted.status).toBe(202)
      const runId = accepted.body.runId as string
      const events = await eventsUntilFinished(call, runId)
      expect(events.filter((event) => event.type === "test_result")).toEqual([])
      const expected = { verdict: "unverified", reasons: ["tests were turned off"] }
      expect(events.at(-1)).toMatchObject({ type: "run_finished", success: false, ...expected })
      const run = (await call("GET", `/api/runs/${runId}`)).body.run
      expect(run).toMatchObject({ success: false, ...expected })
      const listed = (await call("GET", `/api/projects/${projectId}/versions`)).body.versions as unknown[]
      expect(listed.map((entry) => versionSummarySchema.parse(entry))).toEqual([
        expect.objectContaining({ runId, success: false, ...expected }),
      ])
      const observations = (await call("GET", "/api/observations")).body.observations as { runId: string }[]
      expect(observations.find((entry) => entry.runId === runId)).toMatchObject({ verdict: "unverified" })
    },
  )
})
