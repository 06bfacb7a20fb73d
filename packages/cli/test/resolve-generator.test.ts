import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startFakeChatServer, type FakeChatServer } from "../../engine/test/support/fake-chat-server"
import { readEnvironment } from "../src/config"
import { resolveGenerator } from "../src/resolve-generator"

let ollama: FakeChatServer
beforeAll(async () => {
  ollama = await startFakeChatServer([], { models: ["llama3.2:3b"] })
})
afterAll(() => ollama.close())

// A port nothing listens on, standing in for "no Ollama here".
const NOBODY = "http://127.0.0.1:9"

describe("choosing the generator", () => {
  it("uses an OpenAI-compatible server when one is configured", async () => {
    const env = readEnvironment({
      OPENAI_BASE_URL: ollama.baseURL,
      OPENAI_API_KEY: "sk-x",
      // A model the server lists: an unlisted one is refused at start (engine's resolve-generator.test.ts).
      STUDIO_MODEL: "llama3.2:3b",
    })
    const generator = await resolveGenerator({}, env)
    expect([generator.provider, generator.model]).toEqual(["openai", "llama3.2:3b"])
  })

  it("uses Ollama, with the first model it has, when it answers and nothing else is configured", async () => {
    const generator = await resolveGenerator({}, readEnvironment({ OLLAMA_HOST: ollama.origin }))
    expect([generator.provider, generator.model]).toEqual(["ollama", "llama3.2:3b"])
  })

  it("falls back to the offline generator when no model is configured, and uses it when asked", async () => {
    const fallback = await resolveGenerator({}, readEnvironment({ OLLAMA_HOST: NOBODY }))
    expect(fallback.provider).toBe("offline")
    // --provider offline wins over a configured server: no request is made to it.
    const asked = await resolveGenerator(
      { provider: "offline" },
      readEnvironment({ OPENAI_BASE_URL: ollama.baseURL, OPENAI_API_KEY: "sk-x", STUDIO_MODEL: "m" }),
    )
    expect(asked.provider).toBe("offline")
  })

  it("streams the offline generator's chunks at the pace STUDIO_OFFLINE_CHUNK_DELAY_MS sets", async () => {
    const paced = await resolveGenerator(
      { provider: "offline" },
      readEnvironment({ STUDIO_OFFLINE_CHUNK_DELAY_MS: "40" }),
    )
    const arrivals: number[] = []
    for await (const chunk of paced.generate({ stage: "interpret", prompt: "a star rating" }, {}))
      if (chunk.type === "text") arrivals.push(performance.now())
    expect(arrivals.length).toBeGreaterThan(2)
    const gaps = arrivals.slice(1).map((at, index) => at - arrivals[index]!)
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(35)
    expect(() => readEnvironment({ STUDIO_OFFLINE_CHUNK_DELAY_MS: "soon" })).toThrow(
      /STUDIO_OFFLINE_CHUNK_DELAY_MS/,
    )
  })

  it("says plainly when the Ollama that was asked for does not answer", async () => {
    await expect(
      resolveGenerator({ provider: "ollama" }, readEnvironment({ OLLAMA_HOST: NOBODY })),
    ).rejects.toThrow(/Ollama does not answer/)
  })

  it("refuses an unknown provider, a bad URL, and the official API without a key", async () => {
    await expect(resolveGenerator({ provider: "acme" }, readEnvironment({}))).rejects.toThrow(
      /unknown provider: acme/,
    )
    expect(() => readEnvironment({ OPENAI_BASE_URL: "ftp://example" })).toThrow(/OPENAI_BASE_URL/)
    await expect(resolveGenerator({ provider: "openai", model: "m" }, readEnvironment({}))).rejects.toThrow(
      /OPENAI_API_KEY/,
    )
  })
})
