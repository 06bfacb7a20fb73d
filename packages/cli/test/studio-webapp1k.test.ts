// `studio webapp1k DIR`: WebApp1K-style tasks written here (fixtures/webapp1k/, two domains, three tasks) through
// tests as the spec, in-process on the shared warm engine, against a fake OpenAI-compatible server that answers
// each task's scaffold (and repair) through the real client: one task passes at once, one after a repair, one never.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import { fence } from "../../engine/test/support/counter-answers"
import { startFakeChatServer, type PlannedResponse } from "../../engine/test/support/fake-chat-server"
import { webApp1kResultSchema } from "../src/webapp1k"
import { API_KEY, scratchFolder } from "./support/generate-process"
import { runStudioInProcess } from "./support/in-process"

const scratch = scratchFolder()
const checkout = path.resolve(import.meta.dirname, "fixtures/webapp1k")
/** Every answer costs the same tokens, so each task's tokens and cost are known: $0.002 per answer at these prices. */
const usage = { promptTokens: 1_000, completionTokens: 100 }
const PRICES = '{"fake-model":{"input":1,"output":10}}'

const answer = (task: string, component: string): PlannedResponse => ({
  kind: "stream",
  text: `${fence}tsx file="src/components/${task}.tsx"\n${component}${fence}\n`,
  chunkSize: 64,
  usage,
})

const likePost = `import { useState } from "react"

export interface AppProps {}

export default function App(_props: AppProps) {
  const [likes, setLikes] = useState<number | undefined>(undefined)
  const [failed, setFailed] = useState(false)
  const like = async () => {
    try {
      const response = await fetch("/api/posts/1/like", { method: "POST" })
      if (!response.ok) throw new Error(String(response.status))
      const body = (await response.json()) as { likes: number }
      setLikes(body.likes)
    } catch {
      setFailed(true)
    }
  }
  return (
    <div>
      <button type="button" onClick={() => void like()}>
        Like
      </button>
      {likes !== undefined && <p>{likes} likes</p>}
      {failed && <p role="alert">Could not like the post</p>}
    </div>
  )
}
`

const subscribeNewsletter = (subscribed: string) => `import { useState } from "react"

export interface AppProps {}

export default function App(_props: AppProps) {
  const [email, setEmail] = useState("")
  const [status, setStatus] = useState<"idle" | "done" | "failed">("idle")
  const subscribe = async () => {
    try {
      const response = await fetch("/api/newsletter", { method: "POST", body: JSON.stringify({ email }) })
      setStatus(response.ok ? "done" : "failed")
    } catch {
      setStatus("failed")
    }
  }
  return (
    <div>
      <input placeholder="Your email" value={email} onChange={(event) => setEmail(event.target.value)} />
      <button type="button" onClick={() => void subscribe()}>
        Subscribe
      </button>
      {status === "done" && <p>${subscribed}</p>}
      {status === "failed" && <p role="alert">Subscription failed</p>}
    </div>
  )
}
`

/** Never what the tests ask: the forecast and the error read differently. */
const showForecastWrong = `import { useState } from "react"

export interface AppProps {}

export default function App(_props: AppProps) {
  const [city, setCity] = useState("")
  const [text, setText] = useState("")
  const load = async () => {
    try {
      const response = await fetch(\`/api/forecast/\${city}\`)
      if (!response.ok) throw new Error(String(response.status))
      const body = (await response.json()) as { summary: string }
      setText(\`Forecast: \${body.summary}\`)
    } catch {
      setText("Something went wrong")
    }
  }
  return (
    <div>
      <label>
        City
        <input value={city} onChange={(event) => setCity(event.target.value)} />
      </label>
      <button type="button" onClick={() => void load()}>
        Show forecast
      </button>
      {text !== "" && <p>{text}</p>}
    </div>
  )
}
`

/** In task order (blogging/likePost, blogging/subscribeNewsletter, weather/showForecast), one answer per request. */
const blogging = [
  answer("likePost", likePost),
  answer("subscribeNewsletter", subscribeNewsletter("Thanks!")),
  answer("subscribeNewsletter", subscribeNewsletter("You are subscribed")),
]
const weather = [answer("showForecast", showForecastWrong), answer("showForecast", showForecastWrong)]

async function webapp1k(script: PlannedResponse[], args: string[], options: { signal?: AbortSignal } = {}) {
  const server = await startFakeChatServer(script)
  try {
    const result = await runStudioInProcess(["webapp1k", checkout, "--max-repairs", "1", ...args], {
      env: {
        OPENAI_BASE_URL: server.baseURL,
        OPENAI_API_KEY: API_KEY,
        STUDIO_MODEL: "fake-model",
        STUDIO_MODEL_PRICES: PRICES,
      },
      ...options,
    })
    const stages = server.chatRequests().map((request) => request.headers["x-studio-stage"])
    return { ...result, stages, unused: server.remaining() }
  } finally {
    await server.close()
  }
}

const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>)

/** The pass@1 table and the tokens line of human output (what does not depend on this invocation). */
const summaryTable = (stdout: string) =>
  stdout.slice(stdout.indexOf("pass@1")).split("\n").slice(0, 5).join("\n")

describe("studio webapp1k DIR", () => {
  it("runs each task through tests as the spec, appends each result, and resumes from the results file", async () => {
    const results = path.join(mkdtempSync(path.join(scratch, "webapp1k-")), "results.jsonl")

    // The blogging tasks, as JSON: one line per task, then the summary.
    const first = await webapp1k(blogging, ["--json", "--limit", "2", "--results", results])
    expect(first.code).toBe(0)
    expect(first.stages).toEqual(["scaffold", "scaffold", "repair"])
    const firstLines = jsonLines(first.stdout)
    expect(firstLines.slice(0, 2).map((line) => webApp1kResultSchema.parse(line))).toMatchObject([
      {
        task: "likePost",
        domain: "blogging",
        suite: "tests",
        pass: true,
        passBeforeRepair: true,
        repairs: 0,
        tokens: { prompt: 1_000, completion: 100 },
        costUsd: 0.002,
      },
      {
        task: "subscribeNewsletter",
        domain: "blogging",
        pass: true,
        passBeforeRepair: false,
        repairs: 1,
        tokens: { prompt: 2_000, completion: 200 },
        costUsd: 0.004,
      },
    ])
    expect(firstLines[0]).not.toHaveProperty("error")
    expect(firstLines[2]).toMatchObject({
      summary: {
        tasks: 2,
        passed: 2,
        passedBeforeRepair: 1,
        pass1: 1,
        pass1BeforeRepair: 0.5,
        ran: 2,
        resumed: 0,
      },
    })
    expect(readFileSync(results, "utf8").trim().split("\n")).toHaveLength(2)

    // All three tasks, for people: the two done are counted, not run again; the weather task never passes.
    const second = await webapp1k(weather, ["--results", results])
    expect(second.code).toBe(0)
    expect(second.stages).toEqual(["scaffold", "repair"])
    expect(second.stdout).toMatch(/2 task\(s\) already in the results file: counted, not run again/)
    expect(second.stdout).toMatch(
      /\[3\/3\] FAIL\s+weather\/showForecast {2}failed after 1 repair · 2,200 tokens · \$0\.0040/,
    )
    const table = summaryTable(second.stdout)
    expect(table.split("\n")).toEqual([
      expect.stringMatching(/^pass@1\s+before repair\s+after repair$/),
      expect.stringMatching(/^blogging\s+1\/2 50\.0%\s+2\/2 100\.0%$/),
      expect.stringMatching(/^weather\s+0\/1 0\.0%\s+0\/1 0\.0%$/),
      expect.stringMatching(/^overall\s+1\/3 33\.3%\s+2\/3 66\.7%$/),
      "tokens 5,500 (prompt 5,000, completion 500) · cost $0.0100",
    ])
    expect(readFileSync(results, "utf8").trim().split("\n")).toHaveLength(3)

    // Again: nothing new runs, and the summary is the same (as JSON, and as the table).
    const third = await webapp1k([], ["--json", "--results", results])
    expect(third.code).toBe(0)
    expect(third.stages).toEqual([])
    const thirdLines = jsonLines(third.stdout)
    expect(thirdLines.slice(0, 3).map((line) => [line.task, line.pass, line.resumed])).toEqual([
      ["likePost", true, true],
      ["subscribeNewsletter", true, true],
      ["showForecast", false, true],
    ])
    expect(thirdLines[3]).toMatchObject({
      summary: {
        suite: "tests",
        tasks: 3,
        passed: 2,
        passedBeforeRepair: 1,
        pass1: 0.6667,
        pass1BeforeRepair: 0.3333,
        tokens: { prompt: 5_000, completion: 500 },
        costUsd: 0.01,
        domains: {
          blogging: { tasks: 2, passed: 2, passedBeforeRepair: 1 },
          weather: { tasks: 1, passed: 0, passedBeforeRepair: 0 },
        },
        ran: 0,
        resumed: 3,
        interrupted: false,
      },
    })
    const fourth = await webapp1k([], ["--results", results])
    expect(fourth.stages).toEqual([])
    expect(summaryTable(fourth.stdout)).toBe(table)
  })

  it("counts a task whose file cannot be read or whose tests import no component as a failure, and goes on", async () => {
    const dir = mkdtempSync(path.join(scratch, "checkout-"))
    const domain = path.join(dir, "duo_tests", "react", "misc")
    mkdirSync(domain, { recursive: true })
    symlinkSync(path.join(dir, "nowhere.js"), path.join(domain, "gone_away.test.js"))
    writeFileSync(path.join(domain, "orphan_tests.test.js"), "test('shows a list', () => {})\n")
    const results = path.join(dir, "results.jsonl")
    const server = await startFakeChatServer([])
    try {
      const result = await runStudioInProcess(
        ["webapp1k", dir, "--suite", "duo_tests", "--json", "--results", results],
        { env: { OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: API_KEY, STUDIO_MODEL: "fake-model" } },
      )
      expect(result.code).toBe(0)
      expect(server.chatRequests()).toEqual([])
      const lines = jsonLines(result.stdout)
      expect(lines.slice(0, 2)).toMatchObject([
        {
          task: "gone_away",
          suite: "duo_tests",
          pass: false,
          error: "not_found: cannot read gone_away.test.js",
        },
        {
          task: "orphan_tests",
          pass: false,
          passBeforeRepair: false,
          error: expect.stringMatching(/^validation_failed: The given tests import no component/),
        },
      ])
      expect(lines[2]).toMatchObject({ summary: { tasks: 2, passed: 0, errors: 2, interrupted: false } })
      expect(JSON.stringify(lines)).not.toContain(dir)
    } finally {
      await server.close()
    }
  })

  it("stops cleanly on Ctrl-C: the running task is cancelled, not recorded, and the exit code is 1", async () => {
    const results = path.join(mkdtempSync(path.join(scratch, "interrupt-")), "results.jsonl")
    const server = await startFakeChatServer([{ kind: "hang" }])
    const controller = new AbortController()
    const waiting = setInterval(() => {
      if (server.chatRequests().length > 0) controller.abort()
    }, 20)
    try {
      const result = await runStudioInProcess(
        ["webapp1k", checkout, "--domain", "weather", "--json", "--results", results],
        {
          env: { OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: API_KEY, STUDIO_MODEL: "fake-model" },
          signal: controller.signal,
        },
      )
      expect(result.code).toBe(1)
      expect(jsonLines(result.stdout)).toEqual([
        { summary: expect.objectContaining({ tasks: 0, ran: 0, interrupted: true }) },
      ])
      expect(existsSync(results)).toBe(false)
    } finally {
      clearInterval(waiting)
      await server.close()
    }
  })

  it("is a usage error (exit 2, nothing run) for a missing folder, one that is not a checkout, or bad options", async () => {
    const empty = mkdtempSync(path.join(scratch, "empty-"))
    const results = path.join(empty, "results.jsonl")
    const cases: [string[], RegExp][] = [
      [[path.join(scratch, "missing")], /cannot read the folder/],
      [[empty], /has no tests\/react folder \(is it a checkout of WebApp1K\?\)/],
      [[checkout, "--suite", "trio_tests"], /--suite takes tests or duo_tests/],
      [
        [checkout, "--domain", "gardening"],
        /no domain gardening in tests\/react \(it has blogging, weather\)/,
      ],
      [[checkout, "--limit", "0"], /--limit takes a whole number from 1/],
      [[checkout, "--concurrency", "9"], /--concurrency takes a whole number from 1 to 4/],
      [[checkout, "--results", path.join(empty, "no-such-folder", "r.jsonl")], /--results: no folder/],
      [[], /takes exactly one folder/],
    ]
    for (const [args, message] of cases) {
      // Each with a results file of its own, which none of them may create.
      const argv = args.includes("--results") ? args : [...args, "--results", results]
      const result = await runStudioInProcess(["webapp1k", ...argv])
      expect(result.code, args.join(" ")).toBe(2)
      expect(result.stderr.split("\n")[0]).toMatch(message)
    }
    expect(existsSync(results)).toBe(false)
  })
})
