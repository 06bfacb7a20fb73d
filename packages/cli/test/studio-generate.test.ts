import { spawn } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { studioEventSchema, type StudioEvent } from "@studio/protocol"
import { component, contract, fence, tests } from "../../engine/test/support/counter-answers"
import { startFakeChatServer, type PlannedResponse } from "../../engine/test/support/fake-chat-server"

const repoRoot = path.resolve(import.meta.dirname, "../../..")
const bin = path.join(repoRoot, "packages/cli/bin/studio.js")
mkdirSync(path.join(repoRoot, ".studio"), { recursive: true })
const scratch = mkdtempSync(path.join(repoRoot, ".studio", "generate-test-"))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const API_KEY = "sk-test-SECRET-generate-0123456789abcdef"

/** Runs the real `studio generate` against a real local Chat Completions server speaking SSE. */
async function generate(
  script: PlannedResponse[],
  args: string[] = [],
  options: { interruptAfter?: (event: StudioEvent) => boolean } = {},
) {
  const server = await startFakeChatServer(script)
  const out = mkdtempSync(path.join(scratch, "out-"))
  try {
    const child = spawn(
      process.execPath,
      [bin, "generate", "a counter with an increment button", "--json", "--out", out, ...args],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          OPENAI_BASE_URL: server.baseURL,
          OPENAI_API_KEY: API_KEY,
          STUDIO_MODEL: "fake-model",
          NO_COLOR: "1",
        },
      },
    )
    let stdout = ""
    let stderr = ""
    const events: StudioEvent[] = []
    let buffered = ""
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk
      buffered += chunk
      const lines = buffered.split("\n")
      buffered = lines.pop() ?? ""
      for (const line of lines) {
        const event = studioEventSchema.parse(JSON.parse(line))
        events.push(event)
        if (options.interruptAfter?.(event)) child.kill("SIGINT")
      }
    })
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk))
    const code = await new Promise<number>((resolve) =>
      child.on("close", (exitCode) => resolve(exitCode ?? -1)),
    )
    return { code, events, stdout, stderr, out, requests: server.chatRequests() }
  } finally {
    await server.close()
  }
}

const stream = (text: string): PlannedResponse => ({ kind: "stream", text, chunkSize: 16 })
const happy = [stream(JSON.stringify(contract)), stream(component(1)), stream(tests)]
const ofType = <T extends StudioEvent["type"]>(events: StudioEvent[], type: T) =>
  events.filter((event): event is Extract<StudioEvent, { type: T }> => event.type === type)

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

  it("a slow stream is cancelled by Ctrl-C: the run ends with a cancelled error", async () => {
    const result = await generate([happy[0] as PlannedResponse, { kind: "hang" }], [], {
      interruptAfter: (event) => event.type === "stage_complete" && event.stage === "interpret",
    })
    expect(result.code).toBe(1)
    expect(ofType(result.events, "error")).toEqual([expect.objectContaining({ code: "cancelled" })])
    expect(result.events.at(-1)).toMatchObject({ type: "run_finished", success: false })
  })

  it("bad usage exits 2 with one line: empty prompt, a prompt over 8,000 characters, an unknown provider", async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [bin, "generate", ...args], { cwd: repoRoot })
        let stderr = ""
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk))
        child.on("close", (code) => resolve({ code: code ?? -1, stderr }))
      })
    expect(await run(["  "])).toMatchObject({ code: 2, stderr: expect.stringMatching(/prompt is empty/) })
    expect(await run(["x".repeat(8_001)])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/8001 characters; at most 8000/),
    })
    expect(await run(["a button", "--provider", "acme"])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unknown provider: acme/),
    })
  })
})

describe("studio generate with no model configured", () => {
  it("uses the offline generator, says so, and writes a passing component with its preview", async () => {
    const out = mkdtempSync(path.join(scratch, "offline-"))
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(OPENAI_|STUDIO_MODEL|OLLAMA_HOST)/.test(name)),
    )
    const child = spawn(
      process.execPath,
      [bin, "generate", "a pricing table with three tiers and a monthly/yearly toggle", "--out", out],
      { cwd: repoRoot, env: { ...env, OLLAMA_HOST: "http://127.0.0.1:9", NO_COLOR: "1" } },
    )
    let stdout = ""
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk))
    child.stderr.on("data", (chunk: Buffer) => (stdout += chunk))
    const code = await new Promise<number>((resolve) =>
      child.on("close", (exitCode) => resolve(exitCode ?? -1)),
    )
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
