import { randomUUID } from "node:crypto"
import fc from "fast-check"
import { ERROR_CODES, type ErrorCode } from "@studio/protocol"
import WebSocket from "ws"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { api, register, startTestServer, type TestServer } from "./support/test-server"

// Whatever a client sends — NUL bytes, lone surrogates, huge numbers, deep nesting, wrong types, bodies that are not
// JSON at all — the server answers with a client error (4xx) and keeps serving. A 5xx here is a bug.

let server: TestServer
let token: string
let projectId: string

beforeAll(async () => {
  server = await startTestServer({
    // The fuzz sends thousands of requests; the limits themselves are tested elsewhere.
    STUDIO_RATE_LIMIT: "100000",
    STUDIO_LOGIN_RATE_LIMIT: "100000",
    STUDIO_REGISTER_RATE_LIMIT: "100000",
    STUDIO_PREVIEW_RATE_LIMIT: "100000",
    STUDIO_TEST_RUN_RATE_LIMIT: "100000",
  })
  ;({ token } = await register(server))
  projectId = (await api(server, token)("POST", "/api/projects", { name: "Fuzz" })).body.project.id as string
}, 120_000)
afterAll(() => server?.stop())

const hostileString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", "\u0000", "a\u0000b", "\ud800", "\udfff", "x\ud83d", "../../etc/passwd", "__proto__"),
  fc.constantFrom("constructor", "src/components/A.tsx", "http://127.0.0.1:1", "x".repeat(10_000)),
)
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-0, 2 ** 53 + 1, -(2 ** 63), 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER),
)
const { value: hostileValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(hostileString, tie("value"), { maxKeys: 4 }),
  ),
}))

const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

const uuid = fc.oneof(fc.uuid(), fc.constant(randomUUID()))

/** A plausible body with some of its fields swapped for hostile values, so validation is reached field by field. */
function mutated(template: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown> {
  return fc.oneof(
    hostileValue,
    template,
    fc.tuple(template, fc.dictionary(hostileString, hostileValue, { maxKeys: 3 })).map(([body, extra]) => ({
      ...body,
      ...extra,
    })),
    fc.tuple(template, fc.nat(), hostileValue).map(([body, index, value]) => {
      const keys = Object.keys(body)
      const key = keys[index % Math.max(keys.length, 1)]
      return key === undefined ? body : { ...body, [key]: value }
    }),
  )
}

const files = fc.dictionary(
  fc.oneof(hostileString, fc.constantFrom("src/components/A.tsx", "src/components/A.test.tsx")),
  fc.oneof(hostileString, fc.constant("export default function A() { return <p>a</p> }\n")),
  { maxKeys: 3 },
)

/** Tests as the spec: a few files, plausible or hostile, by name and content. */
const givenTests = fc.array(
  mutated(
    fc.record({
      name: fc.oneof(hostileString, fc.constantFrom("Counter.test.js", "../x.test.tsx", "A.test.jsx")),
      content: fc.oneof(
        hostileString,
        fc.constant("import C from './Counter'\ntest('renders', () => { expect(C).toBeDefined() })\n"),
      ),
    }),
  ),
  { maxLength: 4 },
)

const REST_BODIES: { method: string; label: string; route: () => string; body: fc.Arbitrary<unknown> }[] = [
  {
    method: "POST",
    label: "/api/auth/register",
    route: () => "/api/auth/register",
    body: mutated(fc.record({ email: fc.emailAddress(), password: hostileString })),
  },
  {
    method: "POST",
    label: "/api/auth/login",
    route: () => "/api/auth/login",
    body: mutated(fc.record({ email: fc.emailAddress(), password: hostileString })),
  },
  {
    method: "POST",
    label: "/api/projects",
    route: () => "/api/projects",
    body: mutated(fc.record({ name: hostileString })),
  },
  {
    method: "PATCH",
    label: "/api/projects/:id",
    route: () => `/api/projects/${projectId}`,
    body: mutated(fc.record({ name: hostileString })),
  },
  {
    method: "POST",
    label: "/api/versions/:id/test-runs",
    route: () => `/api/versions/${randomUUID()}/test-runs`,
    body: mutated(fc.record({ files })),
  },
  {
    method: "POST",
    label: "/api/preview",
    route: () => "/api/preview",
    body: mutated(
      fc.record({
        files,
        entry: hostileString,
        props: fc.dictionary(hostileString, hostileValue, { maxKeys: 3 }),
        parentOrigin: fc.oneof(fc.constant("http://localhost:5173"), hostileString),
        givenTests: fc.array(fc.oneof(fc.constant("src/components/X.test.js"), hostileString), {
          maxLength: 4,
        }),
      }),
    ),
  },
  {
    method: "POST",
    label: "/api/runs",
    route: () => "/api/runs",
    body: mutated(
      fc.record({
        projectId: uuid,
        prompt: hostileString,
        parentVersionId: uuid,
        plugins: fc.array(hostileString, { maxLength: 3 }),
        tests: givenTests,
      }),
    ),
  },
  {
    method: "POST",
    label: "/api/observations/:id/feedback",
    route: () => `/api/observations/${randomUUID()}/feedback`,
    body: mutated(fc.record({ satisfaction: fc.oneof(fc.constantFrom(1, -1), hostileNumber) })),
  },
  {
    method: "POST",
    label: "/api/versions/:id/restore",
    route: () => `/api/versions/${randomUUID()}/restore`,
    body: hostileValue,
  },
]

/** Bodies no JSON serializer writes: broken syntax, numbers past a double, nesting past any stack. */
const RAW_BODIES = [
  "{ not json",
  '{"email": "a@b.co", "password": "\u0000"}',
  '{"email": 1e400, "password": -1e400}',
  `{"name": ${"9".repeat(5_000)}}`,
  "[".repeat(200_000) + "]".repeat(200_000),
  '{"a":'.repeat(100_000) + "1" + "}".repeat(100_000),
  '"\\ud800"',
  "\u0000",
  "null",
  "[]",
]

function expectClientError(status: number, context: unknown): void {
  if (status >= 500) throw new Error(`answered ${status} to ${JSON.stringify(context).slice(0, 300)}`)
}

describe("every REST body", () => {
  for (const { method, label, route, body } of REST_BODIES) {
    it(`${method} ${label} never answers 5xx`, async () => {
      const call = api(server, token)
      await fc.assert(
        fc.asyncProperty(body, async (value) => {
          const response = await call(method, route(), JSON.stringify(value) ?? "null")
          expectClientError(response.status, value)
          if (response.status >= 400) expect(response.body).toHaveProperty("error.code")
        }),
        // Always also tried: what fast-check once found, a length that cannot be compared (it answered 500).
        {
          numRuns: 60,
          examples: [[{ name: { length: { toString: "" } }, prompt: { length: { toString: "" } } }]],
        },
      )
      for (const raw of RAW_BODIES) {
        const response = await call(method, route(), raw)
        expectClientError(response.status, raw.slice(0, 60))
      }
    })
  }

  it("hostile path parameters and query strings never answer 5xx", async () => {
    const call = api(server, token)
    const routes = [
      (part: string) => `/api/projects/${part}`,
      (part: string) => `/api/projects/${part}/versions`,
      (part: string) => `/api/projects/${part}/runs`,
      (part: string) => `/api/versions/${part}`,
      (part: string) => `/api/versions/${part}/export`,
      (part: string) => `/api/runs/${part}`,
      (part: string) => `/api/runs/${randomUUID()}/events?after=${part}`,
      (part: string) => `/api/observations?limit=${part}`,
      (part: string) => `/preview/${part}`,
    ]
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(hostileString, hostileNumber.map(String), fc.constantFrom("%00", "%ud800", "%", "..%2f..")),
        async (routeOf, part) => {
          const response = await call(
            "GET",
            routeOf(encodeURIComponent(part.replace(LONE_SURROGATES, "\ufffd")).slice(0, 2_000)),
          )
          expectClientError(response.status, part)
        },
      ),
      { numRuns: 150 },
    )
    // Escapes no encoder writes: truncated, overlong, NUL.
    for (const raw of ["%E0%A4%A", "%C0%AF", "%00", "%", "%ZZ", "%ED%A0%80"]) {
      for (const routeOf of routes) expectClientError((await call("GET", routeOf(raw))).status, raw)
    }
  })

  it("is still serving afterwards", async () => {
    expect((await api(server)("GET", "/healthz")).status).toBe(200)
  })
})

describe("every WebSocket message", () => {
  const clientMessage = fc.oneof(
    hostileValue,
    mutated(fc.record({ type: fc.constant("auth"), token: hostileString })),
    mutated(
      fc.record({
        type: fc.constant("generate"),
        requestId: hostileString,
        projectId: uuid,
        prompt: hostileString,
        parentVersionId: uuid,
        plugins: fc.array(hostileString, { maxLength: 3 }),
        tests: givenTests,
      }),
    ),
    mutated(fc.record({ type: fc.constant("cancel"), runId: uuid })),
    mutated(fc.record({ type: fc.constant("subscribe"), runId: uuid, afterSeq: hostileNumber })),
    mutated(fc.record({ type: fc.constant("ping"), ts: hostileNumber })),
  )

  it("answers each with a client error or a reply, never an internal error, and the socket lives on", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            clientMessage.map((value) => JSON.stringify(value) ?? "null"),
            fc.constantFrom(...RAW_BODIES.slice(0, 4), "\u0000\ud800"),
          ),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        async (messages) => {
          const received = await exchange(messages)
          for (const message of received.messages) {
            if (message.type !== "error") continue
            const code = message.code as ErrorCode
            expect(ERROR_CODES[code]?.httpStatus ?? 500, JSON.stringify(message)).toBeLessThan(500)
          }
          expect(received.closeCode === undefined || received.closeCode !== 1011).toBe(true)
        },
      ),
      { numRuns: 40 },
    )
    expect((await api(server)("GET", "/healthz")).status).toBe(200)
  })
})

/** Opens a signed-in socket, sends the messages, then a ping, and collects what comes back until its pong. */
async function exchange(
  messages: string[],
): Promise<{ messages: Record<string, unknown>[]; closeCode?: number }> {
  const socket = new WebSocket(
    server.url.replace(/^http/, "ws") + "/api/ws",
    ["studio.v1", `bearer.${token}`],
    {
      origin: server.url,
    },
  )
  const received: Record<string, unknown>[] = []
  let closeCode: number | undefined
  const done = new Promise<void>((resolve) => {
    socket.on("message", (data) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>
      received.push(message)
      if (message.type === "pong" && message.ts === -42) resolve()
    })
    socket.on("close", (code) => {
      closeCode = code
      resolve()
    })
    socket.on("error", () => resolve())
  })
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve())
    socket.once("error", reject)
  })
  for (const message of messages) socket.send(message)
  socket.send(JSON.stringify({ type: "ping", ts: -42 }))
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 5_000))])
  socket.close()
  return { messages: received, ...(closeCode === undefined ? {} : { closeCode }) }
}
