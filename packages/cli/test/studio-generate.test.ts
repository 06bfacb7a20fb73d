// `studio generate` as a person runs it, against a model server: the runs that end (proven, repaired or not).
import { existsSync, readFileSync } from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import type { PlannedResponse } from "../../engine/test/support/fake-chat-server"
import { component, contract, tests } from "../../engine/test/support/counter-answers"
import { API_KEY, generateInScratch, happy, ofType, stream } from "./support/generate-process"

const { generate } = generateInScratch()

describe("studio generate against an OpenAI-compatible server", () => {
  it("right first time: NDJSON events only, every stage tagged on the wire, files + contract + report + preview written", async () => {
    const result = await generate(happy)
    expect(result.code).toBe(0)
    expect(result.stdout.trim().split("\n").length).toBe(result.events.length)
    expect(result.events.at(-1)).toMatchObject({ type: "run_finished", success: true })
    expect(result.requests.map((request) => request.headers["x-studio-stage"])).toEqual([
      "interpret",
      "scaffold",
      "unit_test",
    ])
    expect(result.requests.every((request) => request.headers.authorization === `Bearer ${API_KEY}`)).toBe(
      true,
    )
    for (const file of [
      "src/components/Counter.tsx",
      "src/components/Counter.test.tsx",
      "contract.json",
      "report.json",
      "preview.html",
    ]) {
      expect(existsSync(path.join(result.out, file))).toBe(true)
    }
    const report = JSON.parse(readFileSync(path.join(result.out, "report.json"), "utf8")) as {
      requirements: { id: string; met: boolean }[]
    }
    expect(report).toMatchObject({ verdict: "proven", reasons: [], success: true })
    expect(report.requirements.map((requirement) => [requirement.id, requirement.met])).toEqual([
      ["R1", true],
      ["R2", true],
    ])
    const preview = readFileSync(path.join(result.out, "preview.html"), "utf8")
    expect(preview).toContain("default-src 'none'")
    expect(preview).toContain("Increment")
    expect(preview).not.toMatch(/<script[^>]+src=/)
    expect(result.stdout).not.toContain(API_KEY)
  })

  it("a bug fixed by one repair, after a 429 and a stream cut mid-way", async () => {
    const result = await generate([
      { kind: "status", status: 429, retryAfterSeconds: 1 },
      stream(JSON.stringify(contract)),
      { kind: "cut", text: component(2), afterChars: 0 },
      stream(component(2)),
      stream(tests),
      stream(component(1)),
    ])
    expect(result.code).toBe(0)
    expect(result.requests.map((request) => request.headers["x-studio-stage"])).toEqual([
      "interpret",
      "interpret",
      "scaffold",
      "scaffold",
      "unit_test",
      "repair",
    ])
    expect(ofType(result.events, "run_finished")[0]?.metrics.repairAttempts).toBe(1)
    expect(readFileSync(path.join(result.out, "src/components/Counter.tsx"), "utf8")).toContain("count + 1")
  })

  it("never fixed: two repairs, exit 1, the report says what still fails", async () => {
    const result = await generate([
      ...happy.slice(0, 1),
      stream(component(2)),
      stream(tests),
      stream(component(3)),
      stream(component(4)),
    ])
    expect(result.code).toBe(1)
    expect(result.requests.filter((request) => request.headers["x-studio-stage"] === "repair")).toHaveLength(
      2,
    )
    const report = JSON.parse(readFileSync(path.join(result.out, "report.json"), "utf8")) as {
      success: boolean
      requirements: { id: string; met: boolean }[]
    }
    expect(report).toMatchObject({ verdict: "failed", success: false })
    expect(report.requirements.find((requirement) => requirement.id === "R2")?.met).toBe(false)
  })

  it("tests that pass but prove nothing for R2 (it is skipped): exit 1, not verified, in report.json too", async () => {
    // The model's tests skip R2 on purpose: a skipped test must not pass as proof.
    const skipsR2 = tests.replace('it("R2:', 'it.skip("R2:')
    const result = await generate([happy[0] as PlannedResponse, stream(component(1)), stream(skipsR2)])
    expect(result.code).toBe(1)
    const reasons = ['1 test skipped: "R2: the Increment button adds one"']
    expect(result.events.at(-1)).toMatchObject({
      type: "run_finished",
      verdict: "unverified",
      reasons,
      success: false,
    })
    // Nothing failed, so nothing was repaired.
    expect(result.requests.map((request) => request.headers["x-studio-stage"])).not.toContain("repair")
    const report = JSON.parse(readFileSync(path.join(result.out, "report.json"), "utf8")) as unknown
    expect(report).toMatchObject({ verdict: "unverified", reasons, success: false })
  })
})
