// `studio generate` as a person runs it, in-process on the shared warm engine: unsafe paths, prose, and no model at
// all (Ctrl-C and bad usage need the binary: studio-binary.test.ts).
import { existsSync, mkdtempSync, readFileSync } from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import type { PlannedResponse } from "../../engine/test/support/fake-chat-server"
import { component, fence, tests } from "../../engine/test/support/counter-answers"
import { generateInScratch, happy, ofType, stream } from "./support/generate-process"
import { runStudioInProcess } from "./support/in-process"

const { scratch, generate } = generateInScratch()

describe("studio generate against an OpenAI-compatible server, when things go wrong", () => {
  it("a traversal path is an error event and is never written", async () => {
    const hostile = `${component(1)}\n${fence}ts file="../../../pwned.ts"\nexport const x = 1\n${fence}\n`
    const result = await generate([happy[0] as PlannedResponse, stream(hostile), stream(tests)])
    expect(ofType(result.events, "error")).toEqual([expect.objectContaining({ code: "unsafe_path" })])
    expect(existsSync(path.join(result.out, "../../../pwned.ts"))).toBe(false)
    expect(existsSync(path.join(scratch, "pwned.ts"))).toBe(false)
  })

  it("prose instead of a contract: one retry, then a clear error and exit 1", async () => {
    const result = await generate([stream("Sure, a counter!"), stream("Here you go: a counter.")])
    expect(result.code).toBe(1)
    expect(ofType(result.events, "error")).toEqual([
      expect.objectContaining({ code: "model_output_invalid" }),
    ])
    expect(result.events.at(-1)).toMatchObject({ type: "run_finished", success: false })
  })
})

describe("studio generate's cost and token limit", () => {
  it("prices the run's tokens per STUDIO_MODEL_PRICES and reports them per stage", async () => {
    const result = await generate(happy, [], {
      env: { STUDIO_MODEL_PRICES: '{"fake-model":{"input":1,"output":2}}' },
    })
    expect(result.code).toBe(0)
    const finished = result.events.at(-1)
    if (finished?.type !== "run_finished") throw new Error("the run did not finish")
    const { tokens, tokensByStage, costUsd, costBasis } = finished.metrics
    expect(Object.keys(tokensByStage ?? {})).toEqual(["interpret", "scaffold", "unit_test"])
    expect(costBasis).toBe("price")
    expect(costUsd).toBeCloseTo((tokens.prompt * 1 + tokens.completion * 2) / 1_000_000, 12)
  })

  it("stops at STUDIO_MAX_TOKENS_PER_RUN with token_limit, not proven, and exit 1", async () => {
    const result = await generate(happy, [], { env: { STUDIO_MAX_TOKENS_PER_RUN: "5" } })
    expect(result.code).toBe(1)
    expect(result.requests).toHaveLength(1)
    expect(ofType(result.events, "error")).toEqual([
      expect.objectContaining({
        code: "token_limit",
        message: expect.stringMatching(/used [\d,]+ tokens, over the limit of 5 per run/),
      }),
    ])
    expect(result.events.at(-1)).toMatchObject({
      type: "run_finished",
      verdict: "unverified",
      success: false,
    })
  })

  it("refuses a bad STUDIO_MODEL_PRICES before anything starts, naming it", async () => {
    const result = await generate([], [], { env: { STUDIO_MODEL_PRICES: "cheap" } })
    expect(result.code).not.toBe(0)
    expect(result.requests).toHaveLength(0)
    expect(result.stderr).toContain("STUDIO_MODEL_PRICES")
  })
})

describe("studio generate with no model configured", () => {
  it("uses the offline generator, says so, and writes a passing component with its preview", async () => {
    const out = mkdtempSync(path.join(scratch, "offline-"))
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(OPENAI_|STUDIO_MODEL|OLLAMA_HOST)/.test(name)),
    )
    const result = await runStudioInProcess(
      ["generate", "a pricing table with three tiers and a monthly/yearly toggle", "--out", out],
      { baseEnv: env, env: { OLLAMA_HOST: "http://127.0.0.1:9" } },
    )
    const stdout = result.stdout + result.stderr
    const code = result.code
    expect(stdout).toContain("offline generator (no model")
    expect(stdout).toMatch(/I chose the pricing table recipe/)
    expect(code).toBe(0)
    const report = JSON.parse(readFileSync(path.join(out, "report.json"), "utf8")) as {
      provider: string
      success: boolean
      requirements: { met: boolean }[]
    }
    expect(report.provider).toBe("offline")
    expect(report).toMatchObject({ verdict: "proven", success: true })
    expect(stdout).toMatch(/Proven: /)
    expect(report.requirements.length).toBeGreaterThanOrEqual(3)
    expect(report.requirements.every((requirement) => requirement.met)).toBe(true)
    expect(readFileSync(path.join(out, "preview.html"), "utf8")).toMatch(/monthly/i)
  })
})
