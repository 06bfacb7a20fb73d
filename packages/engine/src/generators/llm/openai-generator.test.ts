import { inspect } from "node:util"
import { afterEach, describe, expect, it } from "vitest"
import { StudioError } from "@studio/protocol"
import type { Contract } from "@studio/protocol"
import { startFakeChatServer } from "../../../test/support/fake-chat-server"
import type { FakeChatServer, PlannedResponse } from "../../../test/support/fake-chat-server"
import type { GenerateContext, Generator, GeneratorChunk, StageInput } from "../types"
import { createOpenAiGenerator } from "./openai-generator"
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

const INTERPRET: StageInput = { stage: "interpret", prompt: "a counter" }
const CONTRACT_JSON = JSON.stringify(CONTRACT)

// LM Studio's real answer to `response_format: { type: "json_object" }` (lmstudio-bug-tracker#189, #307).
const LM_STUDIO_REFUSAL: PlannedResponse = {
  kind: "status",
  status: 400,
  body: { error: "'response_format.type' must be 'json_schema' or 'text'" },
}
// The shape of a vLLM error: the message at the top level, which the official client alone would lose.
const VLLM_REFUSAL: PlannedResponse = {
  kind: "status",
  status: 400,
  body: {
    object: "error",
    message: "response_format json_object is not supported by this server",
    type: "BadRequestError",
    param: null,
    code: 400,
  },
}

function reasoningOf(chunks: GeneratorChunk[]): string[] {
  return chunks.flatMap((chunk) => (chunk.type === "reasoning" ? [chunk.text] : []))
}

describe("a server that refuses JSON mode", () => {
  it("is asked again without response_format, once, and that is remembered per base URL and model", async () => {
    const { server, generator } = await setUp([
      LM_STUDIO_REFUSAL,
      { kind: "stream", text: CONTRACT_JSON },
      { kind: "stream", text: CONTRACT_JSON },
      { kind: "stream", text: CONTRACT_JSON },
      { kind: "stream", text: CONTRACT_JSON },
    ])

    const first = await collect(generator, INTERPRET)
    expect(first.error).toBeUndefined()
    expect(first.text).toBe(CONTRACT_JSON)
    expect(reasoningOf(first.chunks).join(" ")).toMatch(/does not accept JSON mode \(response_format\)/)

    // A later call, and a new generator for the same server and model, do not send it again.
    const second = await collect(generator, INTERPRET)
    const again = createOpenAiGenerator({
      baseURL: `${server.baseURL}/`,
      apiKey: API_KEY,
      model: "test-model",
    })
    const third = await collect(again, INTERPRET)
    expect(reasoningOf(second.chunks)).toEqual([])
    expect(third.error).toBeUndefined()
    // Another model on the same server is asked for JSON as before.
    const other = createOpenAiGenerator({ baseURL: server.baseURL, apiKey: API_KEY, model: "other-model" })
    await collect(other, INTERPRET)

    const bodies = server.chatRequests().map((request) => request.body as Record<string, unknown>)
    expect(bodies).toHaveLength(5)
    expect(bodies.map((body) => "response_format" in body)).toEqual([true, false, false, false, true])
    expect(bodies[0]).toMatchObject({ response_format: { type: "json_object" } })
    expect(bodies[4]).toMatchObject({ model: "other-model" })
    expect(server.chatRequests().every((request) => request.headers["x-studio-stage"] === "interpret")).toBe(
      true,
    )
  })

  it("recognises a vLLM-style refusal, and asks only once more when the second answer fails too", async () => {
    const { server, generator } = await setUp([
      VLLM_REFUSAL,
      { kind: "status", status: 400, body: { error: { message: "Invalid value for 'temperature'." } } },
    ])

    const { error } = await collect(generator, INTERPRET)

    expect(expectStudioError(error, ["model_error"]).message).toContain("Invalid value for 'temperature'")
    expect(server.chatRequests().map((request) => "response_format" in (request.body as object))).toEqual([
      true,
      false,
    ])
  })

  it("does not retry a 400 that is not about response_format, and names what the server said", async () => {
    const { server, generator } = await setUp([
      {
        kind: "status",
        status: 400,
        body: {
          object: "error",
          message: "The model `test-model` does not exist.",
          type: "NotFoundError",
          code: 400,
        },
      },
      { kind: "stream", text: CONTRACT_JSON },
    ])

    const { error } = await collect(generator, INTERPRET)

    expect(expectStudioError(error, ["model_error"]).message).toContain(
      "The model `test-model` does not exist.",
    )
    expect(server.chatRequests()).toHaveLength(1)
    expect(server.remaining()).toBe(1)
  })

  it("does not ask for JSON at all with jsonMode off, and never outside the interpret stage", async () => {
    const { server, generator } = await setUp(
      [
        { kind: "stream", text: CONTRACT_JSON },
        { kind: "stream", text: ANSWER },
      ],
      { jsonMode: false },
    )
    await collect(generator, INTERPRET)
    const jsonOn = createOpenAiGenerator({ baseURL: server.baseURL, apiKey: API_KEY, model: "test-model" })
    await collect(jsonOn, SCAFFOLD)

    expect(server.chatRequests().map((request) => "response_format" in (request.body as object))).toEqual([
      false,
      false,
    ])
  })
})

describe("a request longer than the model's context", () => {
  it("is prompt_too_long with OpenAI's limit and what to do, not retried", async () => {
    const { server, generator } = await setUp(
      [
        {
          kind: "status",
          status: 400,
          body: {
            error: {
              message:
                "This model's maximum context length is 8192 tokens. However, your messages resulted in 9120 " +
                "tokens. Please reduce the length of the messages.",
              type: "invalid_request_error",
              param: "messages",
              code: "context_length_exceeded",
            },
          },
        },
      ],
      { maxRetries: 2 },
    )

    const { error } = await collect(generator)

    const studioError = expectStudioError(error, ["prompt_too_long"])
    expect(studioError.message).toMatch(/scaffold request is longer than the model test-model/)
    expect(studioError.message).toContain("its context holds 8192 tokens; this request needed 9120")
    expect(studioError.message).toMatch(/shorter prompt, or a model with a longer context/)
    expect(studioError.details).toMatchObject({ contextLimit: 8192, requestedTokens: 9120, status: 400 })
    expect(studioError.toPublic().message).toContain("8192 tokens")
    expect(server.chatRequests()).toHaveLength(1)
  })

  it("reads llama.cpp's numbers, even from the 500 it answers with, without retrying it", async () => {
    const { server, generator } = await setUp(
      [
        {
          kind: "status",
          status: 500,
          body: {
            error: {
              code: 500,
              message:
                "the request exceeds the available context size. try increasing the context size or enable " +
                "context shift",
              type: "exceed_context_size_error",
              n_prompt_tokens: 1407,
              n_ctx: 256,
            },
          },
        },
        { kind: "stream", text: ANSWER },
      ],
      { maxRetries: 2 },
    )

    const { error } = await collect(generator)

    expect(expectStudioError(error, ["prompt_too_long"]).message).toContain(
      "its context holds 256 tokens; this request needed 1407",
    )
    expect(server.chatRequests()).toHaveLength(1)
  })

  it("reads vLLM's top-level message, and says what it can when the server gives no number", async () => {
    const { generator } = await setUp([
      {
        kind: "status",
        status: 400,
        body: {
          object: "error",
          message:
            "This model's maximum context length is 4096 tokens. However, you requested 5000 tokens (4000 in the " +
            "messages, 1000 in the completion). Please reduce the length of the messages or completion.",
          type: "BadRequestError",
          param: null,
          code: 400,
        },
      },
      { kind: "status", status: 400, body: { error: { message: "context_length_exceeded" } } },
    ])

    const vllm = await collect(generator, INTERPRET)
    expect(expectStudioError(vllm.error, ["prompt_too_long"]).message).toContain(
      "its context holds 4096 tokens; this request needed 5000",
    )
    const bare = await collect(generator)
    const bareError = expectStudioError(bare.error, ["prompt_too_long"])
    expect(bareError.message).toMatch(/can read\. Try a shorter prompt/)
  })
})
