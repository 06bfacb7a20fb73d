import { createHash } from "node:crypto"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import http from "node:http"
import os from "node:os"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  previewResponseSchema,
  runSummarySchema,
  versionSummarySchema,
  type Contract,
  type StudioEvent,
} from "@studio/protocol"
import { createMemoryPreviewStore } from "../src/previews/preview-store"
import { api, register, startTestServer, StudioSocket, type TestServer } from "./support/test-server"

const contract: Contract = {
  name: "Counter",
  summary: "A counter with an increment button.",
  props: [{ name: "initial", type: "number", required: false, default: "0", control: "number" }],
  requirements: [
    { id: "R1", text: "Shows the initial count" },
    { id: "R2", text: "The Increment button adds one" },
  ],
}

const counter = (step: number) => `import { useState } from "react"

export interface CounterProps {
  initial?: number
}

export default function Counter({ initial = 0 }: CounterProps) {
  const [count, setCount] = useState(initial)
  return (
    <div>
      <p>Count: {count}</p>
      <button type="button" onClick={() => setCount(count + ${step})}>
        Increment
      </button>
    </div>
  )
}
`
const counterTests = `import { describe, it, expect } from "vitest"
import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import Counter from "./Counter"

describe("Counter", () => {
  it("R1: shows the initial count", () => {
    render(<Counter initial={3} />)
    expect(screen.getByText("Count: 3")).toBeInTheDocument()
  })
  it("R2: the Increment button adds one", async () => {
    const user = userEvent.setup()
    render(<Counter />)
    await user.click(screen.getByRole("button", { name: "Increment" }))
    expect(screen.getByText("Count: 1")).toBeInTheDocument()
  })
})
`
const counterFiles = (step = 1) => ({
  "src/components/Counter.tsx": counter(step),
  "src/components/Counter.test.tsx": counterTests,
})

const STUDIO_ORIGIN = "http://localhost:5173"

let server: TestServer
let missingWebDir: string
beforeAll(async () => {
  // No built web app here: its pages must say so (503) without breaking the API.
  missingWebDir = path.join(os.tmpdir(), `studio-no-web-${process.pid}`)
  server = await startTestServer({ STUDIO_WEB_DIR: missingWebDir })
}, 120_000)
afterAll(() => server?.stop())

/** A signed-in user with a project whose v1 is the Counter, stored as a generation would store it. */
async function userWithCounter(target: TestServer = server, options: { contract?: boolean } = {}) {
  const user = await register(target)
  const call = api(target, user.token)
  const projectId = (await call("POST", "/api/projects", { name: "Counter" })).body.project.id as string
  const v1 = await target.store.versions.create({
    projectId,
    prompt: "a counter",
    files: counterFiles(),
    contract: options.contract === false ? null : contract,
    report: {
      verdict: "proven",
      reasons: [],
      success: true,
      provider: "offline",
      model: "m",
      requirements: contract.requirements.map((requirement) => ({ ...requirement, met: true, tests: [] })),
      tests: [
        { name: "R1: shows the initial count", status: "pass", durationMs: 5 },
        { name: "R2: the Increment button adds one", status: "pass", durationMs: 9 },
      ],
      errors: [],
    },
  })
  return { ...user, call, projectId, v1 }
}

/** Reads a run's stored events until it has finished. */
async function eventsUntilFinished(
  call: ReturnType<typeof api>,
  runId: string,
  timeoutMs = 120_000,
): Promise<StudioEvent[]> {
  const started = Date.now()
  for (;;) {
    const events = (await call("GET", `/api/runs/${runId}/events?after=-1`)).body.events as StudioEvent[]
    if (events.some((event) => event.type === "run_finished")) return events
    if (Date.now() - started > timeoutMs)
      throw new Error(`run ${runId} did not finish: ${events.length} events`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

const ofType = <T extends StudioEvent["type"]>(events: StudioEvent[], type: T) =>
  events.filter((event): event is Extract<StudioEvent, { type: T }> => event.type === type)

describe("POST /api/versions/:id/test-runs", () => {
  it(
    "runs the tests on edited files over the usual run path, and saves the edit as a new version",
    { timeout: 180_000 },
    async () => {
      const { token, call, projectId, v1 } = await userWithCounter()
      const accepted = await call("POST", `/api/versions/${v1.id}/test-runs`, { files: counterFiles() })
      expect(accepted.status).toBe(202)
      const runId = accepted.body.runId as string
      expect(accepted.body).toEqual({ runId: expect.stringMatching(/^[0-9a-f-]{36}$/) })

      // A subscriber from the start gets every event once, in order, exactly as stored.
      const socket = new StudioSocket(server.url, { token })
      await socket.opened
      await socket.next((message) => message.type === "ready")
      socket.send({ type: "subscribe", runId, afterSeq: -1 })
      const finished = await socket.next(
        (message) => message.type === "run_finished" && "runId" in message && message.runId === runId,
      )
      const received = socket.events(runId)
      socket.close()
      expect(received).toEqual(await eventsUntilFinished(call, runId))
      expect(received.map((event) => event.seq)).toEqual(received.map((_, index) => index))

      expect(received[0]).toMatchObject({
        type: "run_started",
        prompt: "Run tests on edited v1",
        provider: "editor",
        model: "your edits",
      })
      expect(ofType(received, "test_result").map((event) => [event.requirementId, event.status])).toEqual([
        ["R1", "pass"],
        ["R2", "pass"],
      ])
      expect(ofType(received, "stage_complete").map((event) => event.stage)).toEqual(["execute", "report"])
      expect(finished).toMatchObject({ verdict: "proven", success: true, metrics: { repairAttempts: 0 } })
      const versionId = (finished as Extract<StudioEvent, { type: "run_finished" }>).versionId

      const v2 = (await call("GET", `/api/versions/${versionId}`)).body.version
      expect(v2).toMatchObject({
        number: 2,
        prompt: "Edited v1",
        parentVersionId: v1.id,
        runId,
        success: true,
        contract,
      })
      expect(v2.files["src/components/Counter.tsx"]).toContain("count + 1")
      expect(v2.report).toMatchObject({ success: true, provider: "editor", model: "your edits" })
      expect(v2.report.requirements.map((requirement: { met: boolean }) => requirement.met)).toEqual([
        true,
        true,
      ])

      const runs = (await call("GET", `/api/projects/${projectId}/runs`)).body.runs
      expect(runs).toEqual([
        {
          id: runId,
          status: "succeeded",
          prompt: "Run tests on edited v1",
          parentVersionId: v1.id,
          versionId,
          createdAt: expect.any(String),
          finishedAt: expect.any(String),
        },
      ])
      expect(runSummarySchema.array().parse(runs)).toHaveLength(1)
      // Test runs of edits do not count as the model's work on the insights page.
      expect((await call("GET", "/api/observations")).body.observations).toEqual([])
    },
  )

  it(
    "a broken edit: failing tests, an honest report, and still a new version",
    { timeout: 180_000 },
    async () => {
      const { call, v1 } = await userWithCounter()
      const accepted = await call("POST", `/api/versions/${v1.id}/test-runs`, { files: counterFiles(2) })
      expect(accepted.status).toBe(202)
      const events = await eventsUntilFinished(call, accepted.body.runId as string)
      expect(ofType(events, "test_result").map((event) => [event.requirementId, event.status])).toEqual([
        ["R1", "pass"],
        ["R2", "fail"],
      ])
      const finished = ofType(events, "run_finished")[0]
      expect(finished).toMatchObject({ success: false, versionId: expect.any(String) })
      const v2 = (await call("GET", `/api/versions/${finished?.versionId}`)).body.version
      expect(v2).toMatchObject({ number: 2, prompt: "Edited v1", success: false })
      expect(v2.report.requirements.map((requirement: { met: boolean }) => requirement.met)).toEqual([
        true,
        false,
      ])
      const run = (await call("GET", `/api/runs/${finished?.runId}`)).body.run
      expect(run).toMatchObject({ status: "failed", success: false, versionId: finished?.versionId })
    },
  )

  it("refuses another user's version, bad files and a version without a contract", async () => {
    const { call, v1 } = await userWithCounter()
    const stranger = await register(server)
    const route = `/api/versions/${v1.id}/test-runs`
    const asStranger = await api(server, stranger.token)("POST", route, { files: counterFiles() })
    expect([asStranger.status, asStranger.body.error.code]).toEqual([404, "not_found"])
    expect((await api(server)("POST", route, { files: counterFiles() })).status).toBe(401)

    for (const [files, message] of [
      [{ "../escape.ts": "export {}" }, /files: unsafe file path/],
      [{ "src/components/Counter.js": "x" }, /extension must be one of/],
      [{}, /no files/],
      ["not files", /files/],
    ] as const) {
      const response = await call("POST", route, { files })
      expect(response.status, JSON.stringify(files)).toBe(422)
      expect(response.body.error).toMatchObject({
        code: "validation_failed",
        message: expect.stringMatching(message),
      })
    }

    const withoutContract = await userWithCounter(server, { contract: false })
    const response = await withoutContract.call("POST", `/api/versions/${withoutContract.v1.id}/test-runs`, {
      files: counterFiles(),
    })
    expect(response.status).toBe(422)
    expect(response.body.error).toEqual({
      code: "validation_failed",
      message: "v1 has no contract, so there are no requirements to test against; generate it again first.",
    })
  })
})

describe("POST /api/versions/:id/restore", () => {
  it("copies an older version as the newest, child of the restored one", async () => {
    const { call, projectId, v1 } = await userWithCounter()
    await server.store.versions.create({
      projectId,
      parentVersionId: v1.id,
      prompt: "make it count by two",
      files: counterFiles(2),
      contract,
    })
    const restored = await call("POST", `/api/versions/${v1.id}/restore`)
    expect(restored.status).toBe(201)
    expect(versionSummarySchema.parse(restored.body.version)).toEqual({
      id: expect.any(String),
      projectId,
      number: 3,
      parentVersionId: v1.id,
      prompt: "Restored v1",
      runId: null,
      success: true,
      verdict: "proven",
      reasons: [],
      createdAt: expect.any(String),
    })
    const listed = (await call("GET", `/api/projects/${projectId}/versions`)).body.versions
    expect(listed.at(-1)).toEqual(restored.body.version)
    const v3 = (await call("GET", `/api/versions/${restored.body.version.id}`)).body.version
    expect(v3.files).toEqual(counterFiles())
    expect(v3.contract).toEqual(contract)
    expect(v3.report).toMatchObject({ success: true })

    const stranger = await register(server)
    expect((await api(server, stranger.token)("POST", `/api/versions/${v1.id}/restore`)).status).toBe(404)
    expect((await call("POST", "/api/versions/not-a-uuid/restore")).status).toBe(404)
  })
})

describe("GET /api/projects/:id/runs", () => {
  it("lists the project's runs newest first, and only to its owner", async () => {
    const { userId, call, projectId } = await userWithCounter()
    for (const prompt of ["first", "second", "third"]) {
      await server.store.runs.create({
        id: crypto.randomUUID(),
        userId,
        projectId,
        prompt,
        provider: "offline",
        model: "m",
      })
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    const runs = (await call("GET", `/api/projects/${projectId}/runs`)).body.runs
    expect(runs.map((run: { prompt: string }) => run.prompt)).toEqual(["third", "second", "first"])
    expect(runs[0]).toMatchObject({
      status: "queued",
      versionId: null,
      parentVersionId: null,
      finishedAt: null,
    })
    const stranger = await register(server)
    expect((await api(server, stranger.token)("GET", `/api/projects/${projectId}/runs`)).status).toBe(404)
  })
})

/** The preview page's policy as the server must send it: no network, inline code only, framed only by the studio. */
const PREVIEW_POLICY =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; " +
  `base-uri 'none'; form-action 'none'; frame-ancestors ${STUDIO_ORIGIN}`

/** Loads a preview page as the sandboxed iframe does: no token, no cookies. */
async function loadPreview(target: TestServer, url: string) {
  const response = await fetch(`${target.url}${url}`, { headers: { accept: "text/html" } })
  return { response, html: await response.text() }
}

const expectPreviewHeaders = (response: Response) => {
  expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8")
  expect(response.headers.get("x-content-type-options")).toBe("nosniff")
  expect(response.headers.get("cache-control")).toBe("no-store")
  expect(response.headers.get("referrer-policy")).toBe("no-referrer")
}

describe("POST /api/preview", () => {
  it("builds the page and answers its short-lived address; GET serves it under the preview's own CSP", async () => {
    const { call } = await userWithCounter()
    const before = Date.now()
    const response = await call("POST", "/api/preview", {
      files: counterFiles(),
      props: { initial: 5 },
      parentOrigin: STUDIO_ORIGIN,
    })
    expect(response.status).toBe(200)
    const answer = previewResponseSchema.parse(response.body)
    expect(Object.keys(response.body).sort()).toEqual(["diagnostics", "expiresAt", "url"])
    expect(answer.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([])
    // 192 random bits in the address; served for five minutes.
    expect(answer.url).toMatch(/^\/preview\/[A-Za-z0-9_-]{32}$/)
    const lifetime = Date.parse(answer.expiresAt) - before
    expect(lifetime).toBeGreaterThan(4 * 60_000)
    expect(lifetime).toBeLessThanOrEqual(5 * 60_000 + 60_000)

    const { response: served, html } = await loadPreview(server, answer.url)
    expect(served.status).toBe(200)
    expectPreviewHeaders(served)
    expect(served.headers.get("content-security-policy")).toBe(PREVIEW_POLICY)
    expect(html).toContain("<title>Counter — AI Studio preview</title>")
    expect(html).toContain(`const parentOrigin = ${JSON.stringify(STUDIO_ORIGIN)}`)
    expect(html).toContain('window.__STUDIO_PROPS__ = {"initial":5}')
    // The page keeps its meta policy too, as defence in depth.
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`)
    // Served again while it lives (a reload of the frame), and each build gets a new address.
    expect((await loadPreview(server, answer.url)).response.status).toBe(200)
    const again = await call("POST", "/api/preview", { files: counterFiles(), parentOrigin: STUDIO_ORIGIN })
    expect(again.body.url).not.toBe(answer.url)
  })

  it("the address is the capability: the page loads without a token, but only with the exact id", async () => {
    const { call } = await userWithCounter()
    const { url } = previewResponseSchema.parse(
      (await call("POST", "/api/preview", { files: counterFiles(), parentOrigin: STUDIO_ORIGIN })).body,
    )
    // The iframe cannot send the token, so no sign-in is asked; anyone without the id gets the same 404 as for an
    // id that never existed, and the page holds only what its owner sent to be built.
    expect((await loadPreview(server, url)).response.status).toBe(200)
    const id = url.slice("/preview/".length)
    const nearMiss = `${id.slice(0, -1)}${id.endsWith("A") ? "B" : "A"}`
    for (const wrong of [`/preview/${nearMiss}`, `/preview/${id.slice(1)}`, `/preview/${id}x`]) {
      const { response, html } = await loadPreview(server, wrong)
      expect(response.status, wrong).toBe(404)
      expect(html).not.toContain("Counter")
    }
  })

  it("an unknown id is a 404 page, under a policy that runs only its own one script", async () => {
    const { response, html } = await loadPreview(server, `/preview/${"A".repeat(32)}`)
    expect(response.status).toBe(404)
    expectPreviewHeaders(response)
    expect(html).toContain("This preview has expired or does not exist")
    const policy = response.headers.get("content-security-policy") ?? ""
    expect(policy).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*'; base-uri 'none';/)
    const script = /<script>(.*)<\/script>/s.exec(html)?.[1] ?? ""
    const hash = createHash("sha256").update(script).digest("base64")
    expect(policy).toContain(`'sha256-${hash}'`)
    for (const route of ["/preview/short", "/preview/..%2F..%2Fetc%2Fpasswd", `/preview/${"A".repeat(90)}`])
      expect((await loadPreview(server, route)).response.status, route).toBe(404)
    expect((await fetch(`${server.url}/preview/`, { headers: { accept: "text/html" } })).status).toBe(404)
  })

  it("a component that does not compile: 200 with its diagnostics and a page that shows them", async () => {
    const { call } = await userWithCounter()
    const response = await call("POST", "/api/preview", {
      files: { "src/components/Broken.tsx": "export default function Broken() { return <p>oops }\n" },
      parentOrigin: STUDIO_ORIGIN,
    })
    expect(response.status).toBe(200)
    expect(response.body.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "src/components/Broken.tsx", severity: "error", line: 1 }),
      ]),
    )
    const { html } = await loadPreview(server, previewResponseSchema.parse(response.body).url)
    expect(html).toContain("The preview could not be built:")
    expect(html).toContain("<title>Broken — AI Studio preview</title>")
  })

  it("refuses bad input with validation_failed, and strangers", async () => {
    const { call } = await userWithCounter()
    for (const [body, message] of [
      [{ files: counterFiles(), parentOrigin: "http://localhost:5173/studio" }, /parentOrigin/],
      [{ files: counterFiles(), parentOrigin: "javascript:alert(1)" }, /parentOrigin/],
      [{ files: counterFiles(), parentOrigin: "ftp://files.example.com" }, /parentOrigin/],
      [{ files: counterFiles(), parentOrigin: `"</script><script>alert(1)</script>` }, /parentOrigin/],
      [{ files: counterFiles() }, /parentOrigin/],
      [{ files: { "/etc/passwd.ts": "x" }, parentOrigin: STUDIO_ORIGIN }, /files: unsafe file path/],
      [{ files: counterFiles(), entry: "src/components/Nope.tsx", parentOrigin: STUDIO_ORIGIN }, /entry/],
      [{ files: counterFiles(), props: "big", parentOrigin: STUDIO_ORIGIN }, /props/],
    ] as const) {
      const response = await call("POST", "/api/preview", body)
      expect(response.status, JSON.stringify(body)).toBe(422)
      expect(response.body.error).toMatchObject({
        code: "validation_failed",
        message: expect.stringMatching(message),
      })
    }
    const anonymous = await api(server)("POST", "/api/preview", {
      files: counterFiles(),
      parentOrigin: STUDIO_ORIGIN,
    })
    expect(anonymous.status).toBe(401)
  })
})

/** The studio page's policy for a page loaded from `origin`; `extra` are the operator's other studio origins. */
const studioPolicy = (origin: string, extra: string[] = []) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    `frame-src ${[origin, ...extra].map((entry) => `${entry}/preview/`).join(" ")}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ")

/** A GET with a Host header of the test's choosing (fetch always sends the real one). */
function getWithHost(url: string, host: string): Promise<{ status: number; csp: string | undefined }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { host, accept: "text/html" } }, (response) => {
      response.resume()
      resolve({
        status: response.statusCode ?? 0,
        csp: response.headers["content-security-policy"] as string,
      })
    })
    request.on("error", reject)
  })
}

describe("the web app", () => {
  it("without a build: pages answer 503 with what to do, the API keeps working", async () => {
    const home = await fetch(`${server.url}/`)
    expect(home.status).toBe(503)
    expect(home.headers.get("content-type")).toMatch(/^text\/html/)
    expect(await home.text()).toContain("npm run build:web")
    // The no-build page is a studio page too: the same strict policy.
    expect(home.headers.get("content-security-policy")).toBe(studioPolicy(server.url))
    const deepLink = await fetch(`${server.url}/projects/abc`, { headers: { accept: "text/html" } })
    expect(deepLink.status).toBe(503)
    expect((await api(server)("GET", "/healthz")).body).toEqual({ ok: true })
    const unknownApi = await fetch(`${server.url}/api/nothing`, { headers: { accept: "text/html" } })
    expect(unknownApi.status).toBe(404)
    expect(await unknownApi.json()).toMatchObject({ error: { code: "not_found" } })
  })

  describe("built", () => {
    let built: TestServer
    let webDir: string
    let clock = Date.now()
    const builtPreviews = createMemoryPreviewStore({ now: () => clock, ttlMs: 5 * 60_000, maxPerOwner: 2 })
    const EXTRA_STUDIO_ORIGIN = "https://studio.example.com"
    const indexHtml =
      '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="app"></div></body></html>'
    beforeAll(async () => {
      webDir = mkdtempSync(path.join(os.tmpdir(), "studio-web-dist-"))
      mkdirSync(path.join(webDir, "assets"))
      writeFileSync(path.join(webDir, "index.html"), indexHtml)
      writeFileSync(path.join(webDir, "assets", "index-abc123.js"), "console.log('studio')\n")
      writeFileSync(
        path.join(webDir, "assets", "vendor-def456.js"),
        "export const words = 'studio '\n".repeat(2000),
      )
      writeFileSync(path.join(webDir, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>")
      // One test run an hour: a test run that is refused for bad input must not spend it. Preview pages on a clock
      // the tests move, two per user at most; a second studio origin, as behind a proxy.
      built = await startTestServer(
        { STUDIO_WEB_DIR: webDir, STUDIO_TEST_RUN_RATE_LIMIT: "1", STUDIO_ORIGINS: EXTRA_STUDIO_ORIGIN },
        { previews: builtPreviews },
      )
    }, 120_000)
    afterAll(async () => {
      await built?.stop()
      rmSync(webDir, { recursive: true, force: true })
    })

    const expectPageHeaders = (response: Response) => {
      expect(response.headers.get("cache-control")).toBe("no-cache")
      expect(response.headers.get("x-content-type-options")).toBe("nosniff")
      expect(response.headers.get("referrer-policy")).toBe("no-referrer")
      expect(response.headers.get("x-frame-options")).toBe("DENY")
      expect(response.headers.get("content-security-policy")).toBe(
        studioPolicy(built.url, [EXTRA_STUDIO_ORIGIN]),
      )
    }

    it("every studio page sends the strict policy, built from a Host header only when it is a plain host", async () => {
      for (const route of ["/", "/index.html", "/sign-in", "/projects/abc"]) {
        const page = await fetch(`${built.url}${route}`, { headers: { accept: "text/html" } })
        expect(page.status, route).toBe(200)
        expectPageHeaders(page)
      }
      const port = new URL(built.url).port
      expect(await getWithHost(`${built.url}/sign-in`, `studio.internal:${port}`)).toEqual({
        status: 200,
        csp: studioPolicy(`http://studio.internal:${port}`, [EXTRA_STUDIO_ORIGIN]),
      })
      // A Host that tries to add a directive (or a source) gets no origin of its own in the policy.
      for (const host of [`evil.example; script-src *`, `a.example, b.example`, `a.example/x`]) {
        const { status, csp } = await getWithHost(`${built.url}/sign-in`, host)
        expect(status, host).toBe(200)
        expect(csp, host).toBe(studioPolicy(EXTRA_STUDIO_ORIGIN))
        expect(csp).not.toContain("evil")
      }
      // API answers are JSON, not pages: no policy needed there.
      expect((await fetch(`${built.url}/healthz`)).headers.get("content-security-policy")).toBeNull()
    })

    it("a preview page expires, and one user holds only so many at once", async () => {
      const { call } = await userWithCounter(built)
      const build = async () =>
        previewResponseSchema.parse(
          (await call("POST", "/api/preview", { files: counterFiles(), parentOrigin: STUDIO_ORIGIN })).body,
        ).url
      const first = await build()
      expect((await loadPreview(built, first)).response.status).toBe(200)
      clock += 5 * 60_000
      const expired = await loadPreview(built, first)
      expect(expired.response.status).toBe(404)
      expect(expired.html).toContain("This preview has expired or does not exist")

      // Two pages per user here: a third replaces that user's oldest, and leaves other users' pages alone.
      const other = await userWithCounter(built)
      const othersPage = previewResponseSchema.parse(
        (await other.call("POST", "/api/preview", { files: counterFiles(), parentOrigin: STUDIO_ORIGIN }))
          .body,
      ).url
      const [a, b, c] = [await build(), await build(), await build()]
      const statuses = async (urls: string[]) =>
        Promise.all(urls.map(async (url) => (await loadPreview(built, url)).response.status))
      expect(await statuses([a, b, c, othersPage])).toEqual([404, 200, 200, 200])
      expect(builtPreviews.usage().pages).toBe(3)
    })

    it("serves index.html for the app's routes, hashed assets for a year, and keeps the API's 404s", async () => {
      const home = await fetch(`${built.url}/`)
      expect(home.status).toBe(200)
      expect(home.headers.get("content-type")).toMatch(/^text\/html/)
      expect(await home.text()).toBe(indexHtml)
      expectPageHeaders(home)

      for (const route of ["/sign-in", "/insights", "/projects/4b6f0c1e-0000-4000-8000-000000000000"]) {
        const page = await fetch(`${built.url}${route}`, {
          headers: { accept: "text/html,application/xhtml+xml" },
        })
        expect(page.status, route).toBe(200)
        expect(await page.text(), route).toBe(indexHtml)
        expectPageHeaders(page)
      }

      const asset = await fetch(`${built.url}/assets/index-abc123.js`)
      expect(asset.status).toBe(200)
      expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable")
      expect(await asset.text()).toContain("studio")
      // The app's scripts go compressed (fetch decodes them again); the API's answers do not.
      const vendor = await fetch(`${built.url}/assets/vendor-def456.js`, {
        headers: { "accept-encoding": "gzip" },
      })
      expect(vendor.headers.get("content-encoding")).toBe("gzip")
      expect((await vendor.text()).length).toBe("export const words = 'studio '\n".length * 2000)
      const { token } = await register(built)
      const plugins = await fetch(`${built.url}/api/plugins`, {
        headers: { "accept-encoding": "gzip, br", authorization: `Bearer ${token}` },
      })
      expect(plugins.status).toBe(200)
      expect((await plugins.text()).length).toBeGreaterThan(1024)
      expect(plugins.headers.get("content-encoding")).toBeNull()
      const favicon = await fetch(`${built.url}/favicon.svg`)
      expect([favicon.status, favicon.headers.get("cache-control")]).toEqual([200, "no-cache"])

      for (const route of ["/assets/gone-123.js", "/assets/", "/gone.png"]) {
        expect((await fetch(`${built.url}${route}`)).status, route).toBe(404)
      }
      for (const route of ["/api/nothing", "/api/projects/x/nothing"]) {
        const response = await fetch(`${built.url}${route}`, { headers: { accept: "text/html" } })
        expect(response.status, route).toBe(404)
        expect(await response.json()).toMatchObject({ error: { code: "not_found" } })
      }
      expect((await fetch(`${built.url}/healthz`, { headers: { accept: "text/html" } })).status).toBe(200)
      expect((await fetch(`${built.url}/metrics`, { headers: { accept: "text/html" } })).status).toBe(200)
      expect((await fetch(`${built.url}/%2e%2e/%2e%2e/etc/passwd`)).status).not.toBe(200)
    })

    it(
      "a test run counts against the test-run limit; refused requests do not",
      { timeout: 180_000 },
      async () => {
        const { call, v1 } = await userWithCounter(built)
        const route = `/api/versions/${v1.id}/test-runs`
        expect((await call("POST", route, { files: { "../x.ts": "" } })).status).toBe(422)
        const accepted = await call("POST", route, { files: counterFiles() })
        expect(accepted.status).toBe(202)
        const limited = await call("POST", route, { files: counterFiles() })
        expect(limited.status).toBe(429)
        expect(limited.body.error.code).toBe("rate_limited")
        await eventsUntilFinished(call, accepted.body.runId as string)
      },
    )
  })
})
