/**
 * Which of a local server's models the studio should talk to when none is configured. Ollama lists every pulled
 * model, embedding models included (`nomic-embed-text` answers a chat request with an error), and in the order they
 * were last changed, so "the first one" is often the wrong one.
 */

/** A model as a server lists it: Ollama's `/api/tags` gives `details.family(ies)`, `/v1/models` only the name. */
export interface ListedModel {
  name: string
  family?: string
  families?: readonly string[]
}

// Embedding-only models by name: nomic-embed-text, mxbai-embed-large, snowflake-arctic-embed, granite-embedding,
// embeddinggemma, qwen3-embedding, all-minilm, bge-m3 / bge-large, paraphrase-multilingual, and rerankers.
const EMBEDDING_NAME = /embed|minilm|^bge([-_:.]|$)|^gte[-_]|^e5[-_]|paraphrase-multilingual|rerank/i
// Embedding families Ollama reports in details.family: BERT and its kin (nomic-bert, jina-bert-v2, xlm-roberta).
// No chat model Ollama ships is a BERT.
const EMBEDDING_FAMILY = /bert/i

// Code models, best first for writing React + TypeScript (the order is a judgement, not a benchmark): the Qwen coders
// lead the open coding leaderboards at the sizes people run locally, then DeepSeek's, Mistral's, and the older ones.
const CODER_NAMES = [
  /qwen3-coder/i,
  /qwen2\.5-coder/i,
  /deepseek-coder/i,
  /devstral/i,
  /codestral/i,
  /codegemma/i,
  /codellama/i,
  /starcoder/i,
  /granite-code|codeqwen|opencoder|yi-coder|stable-code|codegeex/i,
  /coder|code/i,
]
// Tags of base (completion / fill-in-the-middle) builds, which do not follow a chat prompt: codellama:7b-code,
// qwen2.5-coder:7b-base, llama2:7b-text.
const BASE_BUILD_TAG = /(^|[-_.])(base|code|text)([-_.]|$)/i

/** The model's own name: without a namespace (`hf.co/user/`) and without its tag (`:7b`). */
function bareName(name: string): string {
  return (name.split("/").at(-1) ?? name).split(":")[0] ?? name
}

function tagOf(name: string): string {
  const colon = name.lastIndexOf(":")
  return colon < 0 ? "" : name.slice(colon + 1)
}

/** True for an embedding model, by what the server says of its family or, failing that, by its name. */
export function isEmbeddingModel(model: ListedModel): boolean {
  const families = [model.family ?? "", ...(model.families ?? [])]
  if (families.some((family) => EMBEDDING_FAMILY.test(family))) return true
  return EMBEDDING_NAME.test(bareName(model.name))
}

/**
 * The chat models of `models`, best first: coder models ahead of general ones (in CODER_NAMES order), chat builds
 * ahead of base builds, and otherwise the server's own order. Embedding models are left out.
 */
export function rankChatModels(models: readonly ListedModel[]): ListedModel[] {
  const score = (model: ListedModel): number => {
    const name = bareName(model.name)
    const coder = CODER_NAMES.findIndex((pattern) => pattern.test(name))
    const kind = coder < 0 ? CODER_NAMES.length : coder
    return kind * 2 + (BASE_BUILD_TAG.test(tagOf(model.name)) ? 1 : 0)
  }
  return models
    .map((model, index) => ({ model, index, score: score(model) }))
    .filter(({ model }) => !isEmbeddingModel(model))
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .map(({ model }) => model)
}
