import { describe, expect, it } from "vitest"
import {
  contextOverflowOf,
  isContextOverflowBody,
  isResponseFormatRefusal,
  normaliseErrorBody,
  refusesResponseFormat,
  rememberResponseFormatRefusal,
  type ServerErrorFacts,
} from "./server-quirks"

function facts(status: number, message: string, extra: Partial<ServerErrorFacts> = {}): ServerErrorFacts {
  return { status, message, error: undefined, code: undefined, type: undefined, param: undefined, ...extra }
}

describe("isResponseFormatRefusal", () => {
  it.each([
    ["LM Studio", "'response_format.type' must be 'json_schema' or 'text'"],
    ["llama.cpp", 'response_format type must be one of "text" or "json_object", but got: json_object'],
    ["a server without JSON mode", "json_object is not supported"],
    ["a server that names JSON mode", "JSON mode is not available for this model"],
  ])("recognises %s", (_server, message) => {
    expect(isResponseFormatRefusal(facts(400, message))).toBe(true)
  })

  it("recognises a refusal by its param, and nothing but a 400 or 422", () => {
    expect(isResponseFormatRefusal(facts(400, "Invalid value.", { param: "response_format" }))).toBe(true)
    expect(isResponseFormatRefusal(facts(422, "response_format: extra fields not permitted"))).toBe(true)
    expect(isResponseFormatRefusal(facts(500, "response_format crashed the server"))).toBe(false)
    expect(isResponseFormatRefusal(facts(400, "The model `m` does not exist."))).toBe(false)
    expect(isResponseFormatRefusal(facts(400, "Invalid value for 'temperature'."))).toBe(false)
  })
})

describe("contextOverflowOf", () => {
  it.each([
    [
      "OpenAI",
      "This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens.",
      { limit: 8192, requested: 9000 },
    ],
    [
      "vLLM",
      "This model's maximum context length is 4096 tokens. However, you requested 5000 tokens (4000 in the " +
        "messages, 1000 in the completion).",
      { limit: 4096, requested: 5000 },
    ],
    [
      "vLLM with max_tokens too large",
      "'max_tokens' or 'max_completion_tokens' is too large: 8192. This model's maximum context length is 8192 " +
        "tokens and your request has 1210 input tokens (8192 > 8192 - 1210).",
      { limit: 8192, requested: 1210 },
    ],
    [
      "vLLM V1",
      "The decoder prompt (length 5000) is longer than the maximum model length of 4096.",
      { limit: 4096, requested: 5000 },
    ],
    [
      "LM Studio",
      "Trying to keep the first 5000 tokens when context the overflows. However, the model is loaded with context " +
        "length of only 4096 tokens, which is not enough.",
      { limit: 4096, requested: 5000 },
    ],
    [
      "llama-cpp-python",
      "Requested tokens (516) exceed context window of 512",
      { limit: 512, requested: 516 },
    ],
    ["llama.cpp without numbers", "the request exceeds the available context size, try increasing it", {}],
  ])("reads %s", (_server, message, expected) => {
    expect(contextOverflowOf(facts(400, message))).toEqual(expected)
  })

  it("takes llama.cpp's n_ctx and n_prompt_tokens, and knows OpenAI's code without a message", () => {
    const llamaCpp = { n_ctx: 256, n_prompt_tokens: 1407, type: "exceed_context_size_error" }
    expect(
      contextOverflowOf(
        facts(500, "the request exceeds", { error: llamaCpp, type: "exceed_context_size_error" }),
      ),
    ).toEqual({ limit: 256, requested: 1407 })
    expect(contextOverflowOf(facts(400, "too long", { code: "context_length_exceeded" }))).toEqual({})
    expect(contextOverflowOf(facts(400, "'response_format.type' must be 'json_schema'"))).toBeNull()
    expect(contextOverflowOf(facts(400, "Invalid value for 'temperature'."))).toBeNull()
  })
})

describe("normaliseErrorBody", () => {
  it("wraps vLLM's, LM Studio's and FastAPI's bodies in OpenAI's error shape", () => {
    const vllm = normaliseErrorBody(
      JSON.stringify({ object: "error", message: "boom", type: "BadRequestError", param: null, code: 400 }),
    )
    expect(vllm.body).toEqual({ error: { message: "boom", type: "BadRequestError", param: null, code: 400 } })
    expect(JSON.parse(vllm.text)).toEqual(vllm.body)
    expect(normaliseErrorBody(JSON.stringify({ error: "bad format" })).body).toEqual({
      error: { message: "bad format" },
    })
    expect(normaliseErrorBody(JSON.stringify({ detail: "Not Found" })).body).toEqual({
      error: { message: "Not Found" },
    })
  })

  it("leaves OpenAI's bodies, other JSON and plain text as they came", () => {
    const openAi = JSON.stringify({ error: { message: "m", type: "t" } })
    expect(normaliseErrorBody(openAi).text).toBe(openAi)
    expect(normaliseErrorBody("[1,2]")).toEqual({ text: "[1,2]", body: [1, 2] })
    expect(normaliseErrorBody("Bad Gateway")).toEqual({ text: "Bad Gateway", body: undefined })
  })

  it("marks a normalised context-length body, and no other", () => {
    const overflow = normaliseErrorBody(
      JSON.stringify({ object: "error", message: "This model's maximum context length is 4096 tokens." }),
    )
    expect(isContextOverflowBody(400, overflow.body)).toBe(true)
    expect(isContextOverflowBody(500, normaliseErrorBody('{"error":{"message":"out of memory"}}').body)).toBe(
      false,
    )
    expect(isContextOverflowBody(500, undefined)).toBe(false)
  })
})

describe("the remembered refusals", () => {
  it("are kept per base URL (trailing slash or not) and model", () => {
    const baseURL = "http://127.0.0.1:1/remembered-test/v1"
    expect(refusesResponseFormat(baseURL, "a")).toBe(false)
    rememberResponseFormatRefusal(`${baseURL}/`, "a")
    expect(refusesResponseFormat(baseURL, "a")).toBe(true)
    expect(refusesResponseFormat(baseURL, "b")).toBe(false)
    expect(refusesResponseFormat("http://127.0.0.1:2/v1", "a")).toBe(false)
  })
})
