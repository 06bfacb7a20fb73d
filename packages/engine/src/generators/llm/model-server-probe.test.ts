import { afterEach, describe, expect, it } from "vitest"
import { startFakeChatServer } from "../../../test/support/fake-chat-server"
import type { FakeChatServer } from "../../../test/support/fake-chat-server"
import { detectOllama, inspectOllama, listServerModels } from "./model-server-probe"

let server: FakeChatServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

const NOBODY = "http://127.0.0.1:9"

describe("detectOllama", () => {
  it("prefers a coder model among those a server lists at /v1/models, on either address form", async () => {
    server = await startFakeChatServer([], { models: ["llama3.2:3b", "qwen2.5-coder:7b"] })
    expect(await detectOllama({ baseURL: server.origin })).toBe("qwen2.5-coder:7b")
    expect(await detectOllama({ baseURL: server.baseURL })).toBe("qwen2.5-coder:7b")
  })

  it("skips Ollama's embedding models by the family /api/tags reports, and asks /api/show first", async () => {
    server = await startFakeChatServer([], {
      ollamaModels: [
        { name: "nomic-embed-text:latest", family: "nomic-bert", capabilities: ["embedding"] },
        { name: "my-retriever:latest", family: "bert", capabilities: ["embedding"] },
        { name: "llama3.2:3b", family: "llama", capabilities: ["completion", "tools"] },
      ],
    })

    expect(await inspectOllama({ baseURL: server.origin })).toEqual({
      answered: true,
      models: ["nomic-embed-text:latest", "my-retriever:latest", "llama3.2:3b"],
      chatModel: "llama3.2:3b",
    })
    const paths = server.requests.map((request) => `${request.method} ${request.path}`)
    expect(paths).toEqual(["GET /api/tags", "POST /api/show"])
    expect(server.requests[1]?.body).toEqual({ model: "llama3.2:3b" })
  })

  it("passes over a model whose capabilities say it cannot chat, and trusts an Ollama too old to say", async () => {
    server = await startFakeChatServer([], {
      ollamaModels: [
        // A name and family that look like a chat model's, but /api/show knows better.
        { name: "custom-coder:latest", family: "qwen2", capabilities: ["embedding"] },
        { name: "mistral:latest", family: "llama" },
      ],
    })

    expect(await detectOllama({ baseURL: server.origin })).toBe("mistral:latest")
    expect(server.requests.filter((request) => request.path === "/api/show")).toHaveLength(2)
  })

  it("finds no chat model on an Ollama with only embedding models, or none pulled", async () => {
    server = await startFakeChatServer([], {
      ollamaModels: [{ name: "mxbai-embed-large:latest", family: "bert", capabilities: ["embedding"] }],
    })
    expect(await inspectOllama({ baseURL: server.origin })).toEqual({
      answered: true,
      models: ["mxbai-embed-large:latest"],
      chatModel: null,
    })
    await server.close()
    server = await startFakeChatServer([], { ollamaModels: [] })
    expect(await inspectOllama({ baseURL: server.origin })).toEqual({
      answered: true,
      models: [],
      chatModel: null,
    })
  })

  it("returns null when nothing answers", async () => {
    expect(await detectOllama({ baseURL: NOBODY, timeoutMs: 200 })).toBeNull()
    expect(await inspectOllama({ baseURL: NOBODY, timeoutMs: 200 })).toEqual({
      answered: false,
      models: [],
      chatModel: null,
    })
  })
})

describe("listServerModels", () => {
  it("lists the ids and owners, sending the key to the configured server", async () => {
    server = await startFakeChatServer([], { models: ["a", "b"], modelsOwnedBy: "llamacpp" })
    expect(await listServerModels(server.baseURL, { apiKey: "sk-1", timeoutMs: 1000 })).toEqual({
      answered: true,
      models: [
        { id: "a", ownedBy: "llamacpp" },
        { id: "b", ownedBy: "llamacpp" },
      ],
    })
    expect(server.requests[0]?.path).toBe("/v1/models")
    expect(server.requests[0]?.headers.authorization).toBe("Bearer sk-1")
  })

  it("says why when there is no list: a 404, or nothing listening", async () => {
    server = await startFakeChatServer([], { modelsStatus: 404 })
    expect(await listServerModels(server.baseURL, { timeoutMs: 1000 })).toEqual({
      answered: false,
      reason: "it answered 404",
    })
    expect(server.requests[0]?.headers.authorization).toBeUndefined()
    expect(await listServerModels(`${NOBODY}/v1`, { timeoutMs: 1000 })).toEqual({
      answered: false,
      reason: "not reachable",
    })
  })
})
