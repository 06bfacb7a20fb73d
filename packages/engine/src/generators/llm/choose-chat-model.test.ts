import { describe, expect, it } from "vitest"
import { isEmbeddingModel, rankChatModels } from "./choose-chat-model"

describe("isEmbeddingModel", () => {
  it.each([
    "nomic-embed-text:latest",
    "mxbai-embed-large:335m",
    "all-minilm:l6-v2",
    "bge-m3:latest",
    "bge-large",
    "snowflake-arctic-embed:137m",
    "granite-embedding:278m",
    "embeddinggemma:300m",
    "qwen3-embedding:0.6b",
    "hf.co/BAAI/bge-small-en-v1.5-gguf:latest",
  ])("knows %s by its name", (name) => {
    expect(isEmbeddingModel({ name })).toBe(true)
  })

  it("knows an embedding model by the family Ollama reports, whatever its name", () => {
    expect(isEmbeddingModel({ name: "my-retriever:latest", family: "nomic-bert" })).toBe(true)
    expect(isEmbeddingModel({ name: "my-retriever:latest", family: "x", families: ["bert"] })).toBe(true)
  })

  it.each(["llama3.2:3b", "qwen2.5-coder:7b", "gemma3:4b", "mistral:latest", "deepseek-r1:8b"])(
    "keeps the chat model %s",
    (name) => {
      expect(isEmbeddingModel({ name, family: "llama" })).toBe(false)
    },
  )
})

describe("rankChatModels", () => {
  const names = (models: { name: string }[]) => models.map((model) => model.name)

  it("puts coder models first, best first, drops embedding models, and keeps the server's order otherwise", () => {
    const ranked = rankChatModels(
      [
        "nomic-embed-text:latest",
        "llama3.2:3b",
        "codellama:7b",
        "gemma3:4b",
        "qwen2.5-coder:7b",
        "deepseek-coder-v2:16b",
        "mxbai-embed-large:latest",
      ].map((name) => ({ name })),
    )
    expect(names(ranked)).toEqual([
      "qwen2.5-coder:7b",
      "deepseek-coder-v2:16b",
      "codellama:7b",
      "llama3.2:3b",
      "gemma3:4b",
    ])
  })

  it("prefers a chat build over a base or fill-in-the-middle build of the same kind", () => {
    const ranked = rankChatModels(
      ["codellama:7b-code", "qwen2.5-coder:7b-base", "qwen2.5-coder:1.5b", "codellama:13b-instruct"].map(
        (name) => ({ name }),
      ),
    )
    expect(names(ranked)).toEqual([
      "qwen2.5-coder:1.5b",
      "qwen2.5-coder:7b-base",
      "codellama:13b-instruct",
      "codellama:7b-code",
    ])
  })

  it("returns nothing when every model is an embedding model", () => {
    expect(rankChatModels([{ name: "nomic-embed-text:latest" }, { name: "x", family: "bert" }])).toEqual([])
  })
})
