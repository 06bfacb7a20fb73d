import { inspect } from "node:util"
import { afterEach, describe, expect, it } from "vitest"
import { StudioError } from "@studio/protocol"
import type { Contract } from "@studio/protocol"
import { startFakeChatServer } from "../../../test/support/fake-chat-server"
import type { FakeChatServer, PlannedResponse } from "../../../test/support/fake-chat-server"
import type { GenerateContext, Generator, GeneratorChunk, StageInput } from "../types"
import { createOpenAiGenerator, detectOllama } from "./openai-generator"
import type { OpenAiGeneratorOptions } from "./openai-generator"

const API_KEY = "sk-test-SECRET1234567890abcdefSECRET"
const CONTRACT: Contract = {
  name: "Counter",
  summary: "A counter.",
  props: [{ name: "start", type: "number", required: false, default: "0" }],
  requirements: [{ id: "R1", text: "Clicking the button adds one." }],
}
const SCAFFOLD: StageInput = { stage: "scaffold", contract: CONTRACT }
const ANSWER =
  '```tsx file="src/components/Counter.tsx"\nexport default function Counter() {\n  return null\n}\n```\n'

let server: FakeChatServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

async function setUp(
  script: PlannedResponse[],
  options: Partial<OpenAiGeneratorOptions> = {},
): Promise<{ server: FakeChatServer; generator: Generator }> {
  server = await startFakeChatServer(script)
  const generator = createOpenAiGenerator({
    baseURL: server.baseURL,
    apiKey: API_KEY,
    model: "test-model",
    ...options,
  })
  return { server, generator }
}

async function collect(
  generator: Generator,
  input: StageInput = SCAFFOLD,
  context: GenerateContext = {},
): Promise<{ chunks: GeneratorChunk[]; text: string; error: unknown }> {
  const chunks: GeneratorChunk[] = []
  let error: unknown
  try {
    for await (const chunk of generator.generate(input, context)) chunks.push(chunk)
  } catch (thrown) {
    error = thrown
  }
  const text = chunks.map((chunk) => (chunk.type === "text" ? chunk.delta : "")).join("")
  return { chunks, text, error }
}

function expectStudioError(error: unknown, codes: string[]): StudioError {
  expect(StudioError.isInstance(error)).toBe(true)
  const studioError = error as StudioError
  expect(codes).toContain(studioError.code)
  expectNoSecret(studioError)
  return studioError
}

function expectNoSecret(error: unknown): void {
  expect(inspect(error, { depth: 8 })).not.toContain("SECRET")
  expect(String((error as Error).message)).not.toContain("SECRET")
}

describe("createOpenAiGenerator", () => {
  it("streams the text in order, then usage, with the stage header, the key and the model", async () => {
    const { server, generator } = await setUp([
      { kind: "stream", text: ANSWER, chunkSize: 5, usage: { promptTokens: 120, completionTokens: 17 } },
    ])
    expect(generator.provider).toBe("openai")
    expect(generator.model).toBe("test-model")

    const { chunks, text, error } = await collect(generator)

    expect(error).toBeUndefined()
    expect(text).toBe(ANSWER)
    expect(chunks.filter((chunk) => chunk.type === "text").length).toBeGreaterThan(5)
    expect(chunks.at(-1)).toEqual({ type: "usage", promptTokens: 120, completionTokens: 17 })
    const [request] = server.chatRequests()
    expect(server.chatRequests()).toHaveLength(1)
    expect(request?.headers["x-studio-stage"]).toBe("scaffold")
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`)
    expect(request?.body).toMatchObject({
      model: "test-model",
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: "system" }, { role: "user" }],
    })
    expect(request?.body).not.toHaveProperty("response_format")
  })

  it("asks for JSON in the interpret stage unless jsonMode is off, and sends no key when there is none", async () => {
    const { server, generator } = await setUp(
      [
        { kind: "stream", text: '{"name":"Counter"}' },
        { kind: "stream", text: '{"name":"Counter"}' },
      ],
      { apiKey: undefined, provider: "ollama" },
    )
    const interpret: StageInput = { stage: "interpret", prompt: "a counter" }
    expect((await collect(generator, interpret)).text).toBe('{"name":"Counter"}')
    const withoutJson = createOpenAiGenerator({ baseURL: server.baseURL, model: "m", jsonMode: false })
    await collect(withoutJson, interpret)

    const [first, second] = server.chatRequests()
    expect(generator.provider).toBe("ollama")
    expect(first?.headers["x-studio-stage"]).toBe("interpret")
    expect(first?.body).toMatchObject({ response_format: { type: "json_object" } })
    expect(first?.headers.authorization).toBeUndefined()
    expect(second?.body).not.toHaveProperty("response_format")
  })

  it("waits for Retry-After on a 429, then succeeds", async () => {
    const { server, generator } = await setUp([
      { kind: "status", status: 429, retryAfterSeconds: 1 },
      { kind: "stream", text: ANSWER },
    ])

    const { text, error } = await collect(generator)

    expect(error).toBeUndefined()
    expect(text).toBe(ANSWER)
    const [first, second] = server.chatRequests()
    expect(server.chatRequests()).toHaveLength(2)
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(900)
    expect(second?.headers["x-studio-stage"]).toBe("scaffold")
  })

  it("fails at once with rate_limited when Retry-After is longer than it will wait", async () => {
    const { server, generator } = await setUp([{ kind: "status", status: 429, retryAfterSeconds: 120 }], {
      maxRetryAfterMs: 10_000,
    })
    const started = Date.now()

    const { error } = await collect(generator)

    expect(expectStudioError(error, ["rate_limited"]).retryAfterMs).toBe(120_000)
    expect(server.chatRequests()).toHaveLength(1)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it("gives up on a server that keeps answering 503 after maxRetries + 1 requests", async () => {
    const unavailable: PlannedResponse = { kind: "status", status: 503, retryAfterSeconds: 0 }
    const { server, generator } = await setUp([unavailable, unavailable, unavailable, unavailable], {
      maxRetries: 2,
    })

    const { chunks, error } = await collect(generator)

    expect(chunks).toEqual([])
    expectStudioError(error, ["model_unavailable", "model_error"])
    expect(server.chatRequests()).toHaveLength(3)
  })

  it("sends the request again when the stream drops before any text", async () => {
    const { server, generator } = await setUp([
      { kind: "cut", text: ANSWER, afterChars: 0 },
      { kind: "stream", text: ANSWER },
    ])

    const { text, error } = await collect(generator)

    expect(error).toBeUndefined()
    expect(text).toBe(ANSWER)
    expect(server.chatRequests()).toHaveLength(2)
  })

  it("fails with model_error when the stream drops after text was yielded", async () => {
    const { server, generator } = await setUp([
      { kind: "cut", text: ANSWER, afterChars: 20 },
      { kind: "stream", text: ANSWER },
    ])

    const { text, error } = await collect(generator)

    expect(text).toBe(ANSWER.slice(0, 20))
    expectStudioError(error, ["model_error"])
    expect(server.chatRequests()).toHaveLength(1)
  })

  it("stops a hanging stream promptly when the signal aborts", async () => {
    const { generator } = await setUp([{ kind: "hang" }])
    const controller = new AbortController()
    const started = Date.now()
    setTimeout(() => controller.abort(), 100)

    const { error } = await collect(generator, SCAFFOLD, { signal: controller.signal })

    expectStudioError(error, ["cancelled"])
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it("stops promptly when the signal aborts while the client waits out a Retry-After", async () => {
    const { server, generator } = await setUp([
      { kind: "status", status: 429, retryAfterSeconds: 5 },
      { kind: "stream", text: ANSWER },
    ])
    const controller = new AbortController()
    const started = Date.now()
    setTimeout(() => controller.abort(), 100)

    const { error } = await collect(generator, SCAFFOLD, { signal: controller.signal })

    expectStudioError(error, ["cancelled"])
    expect(Date.now() - started).toBeLessThan(3_500)
    expect(server.chatRequests()).toHaveLength(1)
  })

  it("times out a stream that goes silent", async () => {
    const { generator } = await setUp([{ kind: "hang" }], { timeoutMs: 200 })
    const started = Date.now()

    const { error } = await collect(generator)

    expect(expectStudioError(error, ["model_unavailable"]).message).toMatch(/sent nothing for 200 ms/)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it("never puts the key in an error, even when the server echoes it", async () => {
    const echo = {
      error: { message: `Incorrect API key provided: ${API_KEY}`, type: "invalid_request_error" },
    }
    const { generator } = await setUp(
      [
        { kind: "status", status: 500, body: echo, retryAfterSeconds: 0 },
        { kind: "status", status: 500, body: echo, retryAfterSeconds: 0 },
      ],
      { maxRetries: 1 },
    )

    const { error } = await collect(generator)

    expect(expectStudioError(error, ["model_error"]).message).toContain("Incorrect API key provided")
    const unreachable = createOpenAiGenerator({
      baseURL: "http://127.0.0.1:9/v1",
      apiKey: API_KEY,
      model: "m",
      maxRetries: 0,
    })
    expectStudioError((await collect(unreachable)).error, ["model_unavailable"])
  })
})

describe("detectOllama", () => {
  it("returns the first model of a server that answers /v1/models", async () => {
    server = await startFakeChatServer([], { models: ["llama3.2:3b", "qwen2.5-coder:7b"] })
    expect(await detectOllama({ baseURL: server.origin })).toBe("llama3.2:3b")
    expect(await detectOllama({ baseURL: server.baseURL })).toBe("llama3.2:3b")
  })

  it("returns null when nothing answers", async () => {
    expect(await detectOllama({ baseURL: "http://127.0.0.1:9", timeoutMs: 200 })).toBeNull()
  })
})
