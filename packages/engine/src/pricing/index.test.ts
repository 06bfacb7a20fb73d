import { StudioError } from "@studio/protocol"
import { describe, expect, it } from "vitest"
import { BUILT_IN_MODEL_PRICES, findModelPrice, priceRun, readBudgetEnvironment } from "./index"

describe("findModelPrice", () => {
  it("finds a model by its exact name, a dated release, a tag or a router's vendor prefix", () => {
    expect(findModelPrice("gpt-4o", BUILT_IN_MODEL_PRICES)).toEqual({ input: 2.5, output: 10 })
    expect(findModelPrice("gpt-4o-2024-08-06", BUILT_IN_MODEL_PRICES)).toEqual({ input: 2.5, output: 10 })
    expect(findModelPrice("GPT-4o-mini-2024-07-18", BUILT_IN_MODEL_PRICES)).toEqual({
      input: 0.15,
      output: 0.6,
    })
    expect(findModelPrice("openai/gpt-4.1-mini", BUILT_IN_MODEL_PRICES)).toEqual({ input: 0.4, output: 1.6 })
    expect(findModelPrice("claude-sonnet-4-20250514", BUILT_IN_MODEL_PRICES)).toEqual({
      input: 3,
      output: 15,
    })
    expect(findModelPrice("deepseek-chat:latest", BUILT_IN_MODEL_PRICES)).toEqual({
      input: 0.27,
      output: 1.1,
    })
  })

  it("does not guess: a name that only shares letters with an entry has no price", () => {
    expect(findModelPrice("gpt-4omni", BUILT_IN_MODEL_PRICES)).toBeUndefined()
    expect(findModelPrice("qwen2.5-coder:7b", BUILT_IN_MODEL_PRICES)).toBeUndefined()
    expect(findModelPrice("o3", BUILT_IN_MODEL_PRICES)).toBeUndefined()
  })
})

describe("priceRun", () => {
  const tokens = { prompt: 1_000, completion: 500 }

  it("prices a known model's tokens at dollars per million", () => {
    // 1,000 x $2.50 / M + 500 x $10 / M
    expect(priceRun({ provider: "openai", model: "gpt-4o" }, tokens, BUILT_IN_MODEL_PRICES)).toEqual({
      costUsd: 0.0075,
      costBasis: "price",
    })
  })

  it("says a local model and the offline generator cost nothing, and leaves an unknown price out", () => {
    expect(priceRun({ provider: "ollama", model: "qwen2.5-coder" }, tokens, {})).toEqual({
      costUsd: 0,
      costBasis: "local",
    })
    expect(priceRun({ provider: "offline", model: "recipes" }, { prompt: 0, completion: 0 }, {})).toEqual({
      costUsd: 0,
      costBasis: "offline",
    })
    expect(priceRun({ provider: "openai", model: "my-finetune" }, tokens, BUILT_IN_MODEL_PRICES)).toEqual({})
  })
})

describe("readBudgetEnvironment", () => {
  it("has the built-in list prices and no token limit by default", () => {
    expect(readBudgetEnvironment({})).toEqual({ prices: BUILT_IN_MODEL_PRICES })
  })

  it("adds and overrides prices from STUDIO_MODEL_PRICES and reads STUDIO_MAX_TOKENS_PER_RUN", () => {
    const budget = readBudgetEnvironment({
      STUDIO_MODEL_PRICES: '{"gpt-4o":{"input":2,"output":8},"My-Model":{"input":0,"output":0.5}}',
      STUDIO_MAX_TOKENS_PER_RUN: " 20000 ",
    })
    expect(budget.maxTokensPerRun).toBe(20_000)
    expect(budget.prices["gpt-4o"]).toEqual({ input: 2, output: 8 })
    expect(findModelPrice("my-model", budget.prices)).toEqual({ input: 0, output: 0.5 })
    expect(budget.prices["gpt-4o-mini"]).toEqual(BUILT_IN_MODEL_PRICES["gpt-4o-mini"])
  })

  it.each([
    ["STUDIO_MODEL_PRICES", "gpt-4o=2.5", "must be JSON"],
    ["STUDIO_MODEL_PRICES", '{"gpt-4o":{"input":-1,"output":10}}', "gpt-4o.input"],
    ["STUDIO_MODEL_PRICES", '{"gpt-4o":{"input":2.5}}', "gpt-4o.output"],
    ["STUDIO_MODEL_PRICES", "[1,2]", "STUDIO_MODEL_PRICES"],
    ["STUDIO_MAX_TOKENS_PER_RUN", "lots", "whole number"],
    ["STUDIO_MAX_TOKENS_PER_RUN", "0", "at least 1"],
  ])("a bad %s (%s) is config_invalid naming the variable", (name, value, mentions) => {
    let thrown: unknown
    try {
      readBudgetEnvironment({ [name]: value })
    } catch (error) {
      thrown = error
    }
    expect(StudioError.isInstance(thrown) && thrown.code).toBe("config_invalid")
    expect(String((thrown as Error).message)).toContain(name)
    expect(String((thrown as Error).message)).toContain(mentions)
  })
})
