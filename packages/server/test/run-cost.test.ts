// What a run cost, through a real server: run_finished's metrics carry tokens per stage and dollars at the price
// table's rates (STUDIO_MODEL_PRICES over the built-ins), the observation stores them under its project for the
// insights page, and STUDIO_MAX_TOKENS_PER_RUN stops a run at the first usage over it.
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Generator } from "@studio/engine"
import { observationSchema, type Observation, type StudioEvent } from "@studio/protocol"
import { component, contract, tests } from "../../engine/test/support/counter-answers"
import {
  api,
  register,
  startTestServer,
  StudioSocket,
  type Incoming,
  type TestServer,
} from "./support/test-server"

/** A model priced like gpt-4o-mini that reports fixed usage per stage; a "big" contract's scaffold uses far more. */
const pricedModel: Generator = {
  provider: "openai",
  model: "gpt-4o-mini-2024-07-18",
  async *generate(input) {
    const big =
      input.stage === "interpret" ? input.prompt.includes("big") : input.contract.summary.includes("big")
    if (input.stage === "interpret")
      yield {
        type: "text",
        delta: JSON.stringify({ ...contract, summary: big ? "A big counter." : contract.summary }),
      }
    else if (input.stage === "scaffold") yield { type: "text", delta: component(1) }
    else if (input.stage === "unit_test") yield { type: "text", delta: tests }
    const heavy = big && input.stage === "scaffold"
    yield { type: "usage", promptTokens: heavy ? 4000 : 1000, completionTokens: heavy ? 2000 : 500 }
  },
}

let server: TestServer
beforeAll(async () => {
  server = await startTestServer(
    { STUDIO_MAX_TOKENS_PER_RUN: "5000", STUDIO_ALLOW_UNISOLATED: "1" },
    { generator: pricedModel },
  )
}, 120_000)
afterAll(() => server?.stop())

const finishedRun = (runId: string) => (message: Incoming) =>
  message.type === "run_finished" && "runId" in message && message.runId === runId

describe("a run's cost", () => {
  it(
    "is in run_finished per stage and in dollars, stored per project, and bounded by the token limit",
    { timeout: 120_000 },
    async () => {
      const { token } = await register(server)
      const call = api(server, token)
      const projectA = (await call("POST", "/api/projects", { name: "Alpha" })).body.project.id as string
      const projectB = (await call("POST", "/api/projects", { name: "Beta" })).body.project.id as string
      const socket = new StudioSocket(server.url, { token })
      await socket.opened
      const runTo = async (projectId: string, prompt: string) => {
        const runId = (await call("POST", "/api/runs", { projectId, prompt })).body.runId as string
        socket.send({ type: "subscribe", runId, afterSeq: -1 })
        return {
          runId,
          finished: (await socket.next(finishedRun(runId))) as Extract<StudioEvent, { type: "run_finished" }>,
        }
      }

      // 3 stages x (1,000 x $0.15 + 500 x $0.60) per million.
      const small = await runTo(projectA, "a counter")
      expect(small.finished).toMatchObject({
        verdict: "proven",
        metrics: {
          tokens: { prompt: 3000, completion: 1500 },
          tokensByStage: {
            interpret: { prompt: 1000, completion: 500 },
            scaffold: { prompt: 1000, completion: 500 },
            unit_test: { prompt: 1000, completion: 500 },
          },
          costBasis: "price",
        },
      })
      expect(small.finished.metrics.costUsd).toBeCloseTo(0.00135, 12)

      // interpret's 1,500 tokens, then scaffold's 6,000 take the run over its 5,000.
      const big = await runTo(projectB, "a big counter")
      expect(big.finished).toMatchObject({ verdict: "unverified", success: false })
      expect(big.finished.metrics.tokens).toEqual({ prompt: 5000, completion: 2500 })
      const events = (await call("GET", `/api/runs/${big.runId}/events?after=-1`)).body
        .events as StudioEvent[]
      expect(events.filter((event) => event.type === "error")).toEqual([
        expect.objectContaining({
          code: "token_limit",
          message:
            "The run was stopped at its token limit: it used 7,500 tokens, over the limit of 5,000 per run.",
        }),
      ])

      let observations: Observation[] = []
      await expect
        .poll(async () => {
          const listed = (await call("GET", "/api/observations")).body.observations as unknown[]
          observations = listed.map((entry) => observationSchema.parse(entry))
          return observations.length
        })
        .toBe(2)
      const byProject = Object.fromEntries(observations.map((entry) => [entry.projectId, entry.testMetrics]))
      expect(byProject[projectA]).toMatchObject({ scaffoldTokens: 1500, unit_testTokens: 1500 })
      expect(byProject[projectA]?.["costUsd"]).toBeCloseTo(0.00135, 12)
      // 5,000 x $0.15 + 2,500 x $0.60 per million: what the stopped run used is still what it cost.
      expect(byProject[projectB]?.["costUsd"]).toBeCloseTo(0.00225, 12)
      expect(byProject[projectB]).toMatchObject({ scaffoldTokens: 6000 })
      socket.close()
    },
  )
})
