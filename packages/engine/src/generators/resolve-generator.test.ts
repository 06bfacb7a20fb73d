import { afterEach, describe, expect, it } from "vitest"
import { StudioError } from "@studio/protocol"
import { startFakeChatServer } from "../../test/support/fake-chat-server"
import type {
  FakeChatServer,
  FakeChatServerOptions,
  PlannedResponse,
} from "../../test/support/fake-chat-server"
import { readModelEnvironment } from "./model-environment"
import { resolveGenerator } from "./resolve-generator"
import type { Generator } from "./types"

let server: FakeChatServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

const NOBODY = "http://127.0.0.1:9"
const MANY_MODELS = [
  "gpt-4o",
  "dall-e-3",
  "gpt-4o-mini",
  "whisper-1",
  "text-embedding-3-small",
  "gpt-4.1",
  "gpt-4.1-mini",
  "tts-1",
  "o3-mini",
]

async function start(
  options: FakeChatServerOptions,
  script: PlannedResponse[] = [],
): Promise<FakeChatServer> {
  server = await startFakeChatServer(script, options)
  return server
}

function openAiEnvironment(baseURL: string, extra: Record<string, string> = {}) {
  return readModelEnvironment({ OPENAI_BASE_URL: baseURL, OPENAI_API_KEY: "sk-test", ...extra })
}

async function failureOf(promise: Promise<unknown>): Promise<StudioError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  expect(StudioError.isInstance(error)).toBe(true)
  return error as StudioError
}

async function drain(generator: Generator): Promise<void> {
  for await (const _chunk of generator.generate({ stage: "interpret", prompt: "a counter" }, {})) {
    // only the request matters here
  }
}

describe("checking the model against the server's list at start", () => {
  it("starts with a model the server lists, with no warning", async () => {
    const fake = await start({ models: MANY_MODELS })
    const generator = await resolveGenerator(
      {},
      openAiEnvironment(fake.baseURL, { STUDIO_MODEL: "gpt-4o-mini" }),
    )
    expect([generator.provider, generator.model, generator.warnings]).toEqual(["openai", "gpt-4o-mini", []])
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual(["GET /v1/models"])
    expect(fake.requests[0]?.headers.authorization).toBe("Bearer sk-test")
  })

  it("refuses a model the server does not list, naming a few it has, the closest first", async () => {
    const fake = await start({ models: MANY_MODELS })
    const error = await failureOf(
      resolveGenerator({}, openAiEnvironment(fake.baseURL, { STUDIO_MODEL: "gpt-4o-mnii" })),
    )
    expect(error.code).toBe("config_invalid")
    expect(error.message).toBe(
      `STUDIO_MODEL is "gpt-4o-mnii", which ${fake.origin} does not offer; it has: gpt-4o-mini, gpt-4o, ` +
        "gpt-4.1, gpt-4.1-mini, dall-e-3 and 4 more. Set STUDIO_MODEL to one it has.",
    )
    const fromFlag = await failureOf(resolveGenerator({ model: "llama3" }, openAiEnvironment(fake.baseURL)))
    expect(fromFlag.message).toMatch(/^--model is "llama3", which .* Set --model to one it has\.$/)
    expect(fake.chatRequests()).toHaveLength(0)
  })

  it("does not block start-up when the server has no model list, or cannot be reached", async () => {
    const fake = await start({ modelsStatus: 404 })
    const unlisted = await resolveGenerator({}, openAiEnvironment(fake.baseURL, { STUDIO_MODEL: "anything" }))
    expect(unlisted.model).toBe("anything")
    expect(unlisted.warnings).toEqual([
      `could not check STUDIO_MODEL against the model list of ${fake.origin} (it answered 404)`,
    ])
    const unreachable = await resolveGenerator(
      { provider: "openai" },
      openAiEnvironment(`${NOBODY}/v1`, { STUDIO_MODEL: "m" }),
    )
    expect(unreachable.warnings).toEqual([
      `could not check STUDIO_MODEL against the model list of ${NOBODY} (not reachable)`,
    ])
  })

  it("lets llama.cpp's server serve its one model whatever the name, with a warning", async () => {
    const fake = await start({ models: ["/models/qwen2.5-coder-7b-q4_k_m.gguf"], modelsOwnedBy: "llamacpp" })
    const generator = await resolveGenerator({}, openAiEnvironment(fake.baseURL, { STUDIO_MODEL: "qwen" }))
    expect(generator.model).toBe("qwen")
    expect(generator.warnings[0]).toMatch(/llama\.cpp at .* serves its one model \(\/models\/qwen2\.5-coder/)
  })
})

describe("STUDIO_JSON_MODE", () => {
  it("asks for JSON by default and not with off, and refuses any other value", async () => {
    const answer: PlannedResponse = { kind: "stream", text: '{"name":"Counter"}' }
    const fake = await start({ models: ["m"] }, [answer, answer])
    await drain(await resolveGenerator({}, openAiEnvironment(fake.baseURL, { STUDIO_MODEL: "m" })))
    await drain(
      await resolveGenerator(
        {},
        openAiEnvironment(fake.baseURL, { STUDIO_MODEL: "m", STUDIO_JSON_MODE: "OFF" }),
      ),
    )
    expect(fake.chatRequests().map((request) => "response_format" in (request.body as object))).toEqual([
      true,
      false,
    ])
    expect(readModelEnvironment({ STUDIO_JSON_MODE: "on" }).STUDIO_JSON_MODE).toBe("on")
    expect(readModelEnvironment({}).STUDIO_JSON_MODE).toBeUndefined()
    expect(() => readModelEnvironment({ STUDIO_JSON_MODE: "maybe" })).toThrow(
      /STUDIO_JSON_MODE.*must be on or off/,
    )
  })
})

describe("Ollama", () => {
  const OLLAMA_MODELS: FakeChatServerOptions = {
    ollamaModels: [
      { name: "nomic-embed-text:latest", family: "nomic-bert", capabilities: ["embedding"] },
      { name: "llama3.2:latest", family: "llama", capabilities: ["completion", "tools"] },
      { name: "qwen2.5-coder:7b", family: "qwen2", capabilities: ["completion", "insert"] },
    ],
  }

  it("picks its coder model when no model is set, and sends it no JSON with STUDIO_JSON_MODE off", async () => {
    const fake = await start(OLLAMA_MODELS, [{ kind: "stream", text: "{}" }])
    const generator = await resolveGenerator(
      {},
      readModelEnvironment({ OLLAMA_HOST: fake.origin, STUDIO_JSON_MODE: "off" }),
    )
    expect([generator.provider, generator.model, generator.warnings]).toEqual([
      "ollama",
      "qwen2.5-coder:7b",
      [],
    ])
    await drain(generator)
    expect(fake.chatRequests()[0]?.body).toMatchObject({ model: "qwen2.5-coder:7b" })
    expect(fake.chatRequests()[0]?.body).not.toHaveProperty("response_format")
  })

  it("takes a set model it has (a bare name means :latest), and refuses one it has not pulled", async () => {
    const fake = await start(OLLAMA_MODELS)
    const environment = (model: string) =>
      readModelEnvironment({ OLLAMA_HOST: fake.origin, STUDIO_MODEL: model })
    expect((await resolveGenerator({}, environment("llama3.2"))).model).toBe("llama3.2")
    const error = await failureOf(resolveGenerator({ provider: "ollama" }, environment("codestral")))
    expect(error.code).toBe("config_invalid")
    expect(error.message).toBe(
      `STUDIO_MODEL is "codestral", which Ollama on ${fake.origin} does not offer; it has: ` +
        "nomic-embed-text:latest, llama3.2:latest, qwen2.5-coder:7b. Pull it (ollama pull codestral), or set " +
        "STUDIO_MODEL to one it has.",
    )
  })

  it("is not used when it has only embedding models: offline with a warning, or an error when asked for", async () => {
    const fake = await start({
      ollamaModels: [{ name: "nomic-embed-text:latest", family: "nomic-bert", capabilities: ["embedding"] }],
    })
    const environment = readModelEnvironment({ OLLAMA_HOST: fake.origin })
    const fallback = await resolveGenerator({}, environment)
    expect(fallback.provider).toBe("offline")
    expect(fallback.warnings).toEqual([
      `Ollama on ${fake.origin} has only embedding models (nomic-embed-text:latest), which cannot write code; ` +
        "using the offline generator",
    ])
    const error = await failureOf(resolveGenerator({ provider: "ollama" }, environment))
    expect(error.message).toMatch(
      /only embedding models .*: pull a chat model, e\.g\. ollama pull qwen2\.5-coder:7b$/,
    )
  })

  it("says plainly when the Ollama asked for does not answer, and falls back quietly when it was not", async () => {
    const environment = readModelEnvironment({ OLLAMA_HOST: NOBODY })
    const error = await failureOf(resolveGenerator({ provider: "ollama" }, environment))
    expect(error.message).toBe(
      `Ollama does not answer on ${NOBODY}: start it (ollama serve), or set OLLAMA_HOST to where it runs`,
    )
    const fallback = await resolveGenerator({}, environment)
    expect([fallback.provider, fallback.warnings]).toEqual(["offline", []])
  })
})
