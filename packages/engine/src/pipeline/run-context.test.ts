import { StudioError } from "@studio/protocol"
import { describe, expect, it } from "vitest"
import { countUsage, createRunContext, runFinished, type RunContext } from "./run-context"

const usage = (promptTokens: number, completionTokens: number) =>
  ({ type: "usage", promptTokens, completionTokens }) as const

// countUsage and runFinished read only the context's tallies: no toolchain or sandbox is used.
const newContext = (): RunContext =>
  createRunContext("run-1", { toolchain: undefined as never, sandbox: undefined as never, now: () => 0 })

describe("countUsage", () => {
  it("adds each usage to its stage and to the run, a stage that runs again adding to its total", () => {
    const context = newContext()
    countUsage(context, "interpret", usage(100, 20))
    countUsage(context, "scaffold", usage(200, 300))
    countUsage(context, "repair", usage(250, 80))
    countUsage(context, "repair", usage(260, 90))
    expect(context.tokensByStage).toEqual({
      interpret: { prompt: 100, completion: 20 },
      scaffold: { prompt: 200, completion: 300 },
      repair: { prompt: 510, completion: 170 },
    })
    expect(context.tokens).toEqual({ prompt: 810, completion: 490 })
  })

  it("counts a server's missing, negative or fractional figures as whole tokens", () => {
    const context = newContext()
    countUsage(context, "scaffold", usage(Number.NaN, -5))
    countUsage(context, "scaffold", usage(10.4, 2.6))
    expect(context.tokens).toEqual({ prompt: 10, completion: 3 })
  })

  it("stops the run at the first usage over its limit, saying what was used and the limit", () => {
    const context = newContext()
    context.maxTokens = 1_000
    countUsage(context, "interpret", usage(600, 400))
    let thrown: unknown
    try {
      countUsage(context, "scaffold", usage(300, 200))
    } catch (error) {
      thrown = error
    }
    expect(StudioError.isInstance(thrown) && thrown.code).toBe("token_limit")
    expect((thrown as Error).message).toBe(
      "The run was stopped at its token limit: it used 1,500 tokens, over the limit of 1,000 per run.",
    )
    // What was used is still counted, for run_finished's metrics.
    expect(context.tokens).toEqual({ prompt: 900, completion: 600 })
  })
})

describe("runFinished", () => {
  it("reports tokens per stage and prices them when the pricing is known", () => {
    const context = newContext()
    context.pricing = { generator: { provider: "openai", model: "gpt-4o-mini" } }
    countUsage(context, "interpret", usage(1_000, 0))
    countUsage(context, "scaffold", usage(0, 1_000))
    const finished = runFinished(context, { verdict: "proven", reasons: [] })
    expect(finished).toMatchObject({
      type: "run_finished",
      metrics: {
        tokens: { prompt: 1_000, completion: 1_000 },
        tokensByStage: {
          interpret: { prompt: 1_000, completion: 0 },
          scaffold: { prompt: 0, completion: 1_000 },
        },
        costUsd: 0.00075,
        costBasis: "price",
      },
    })
  })

  it("gives no cost without pricing (a test run of edits)", () => {
    const finished = runFinished(newContext(), { verdict: "proven", reasons: [] })
    expect(finished.type === "run_finished" && "costUsd" in finished.metrics).toBe(false)
  })
})
