import http from "node:http"
import type { AddressInfo } from "node:net"

/** One planned answer of the fake server; the script is consumed in order, one entry per chat request. */
export type PlannedResponse =
  | {
      kind: "stream"
      text: string
      /** Chunks per second; unset streams as fast as the socket takes them. */
      tokensPerSecond?: number
      /** Characters per content chunk (default 4). */
      chunkSize?: number
      usage?: { promptTokens: number; completionTokens: number }
    }
  /**
   * An error answer. `body` is sent as JSON (default: OpenAI's `{ error: { message, type, code } }`); a string `body`
   * is sent as it is, for servers whose error bodies are not JSON.
   */
  | {
      kind: "status"
      status: 400 | 401 | 404 | 413 | 422 | 429 | 500 | 503
      retryAfterSeconds?: number
      body?: unknown
    }
  /** Streams the first `afterChars` characters of `text`, then destroys the socket. */
  | { kind: "cut"; text: string; afterChars: number }
  /** Sends the SSE headers, then nothing: for timeouts and cancellation. */
  | { kind: "hang" }

export interface RecordedRequest {
  method: string
  path: string
  /** Lower-cased header names, as Node gives them. */
  headers: Record<string, string>
  /** The parsed JSON body, or undefined when there was none. */
  body: unknown
  receivedAt: number
}

export interface FakeChatServer {
  /** `http://127.0.0.1:<port>/v1`, what an OpenAI client takes as baseURL. */
  readonly baseURL: string
  /** `http://127.0.0.1:<port>`, what an Ollama probe takes. */
  readonly origin: string
  readonly requests: RecordedRequest[]
  /** The chat requests only. */
  chatRequests(): RecordedRequest[]
  /** Planned responses not used yet. */
  remaining(): number
  close(): Promise<void>
}

export interface FakeChatServerOptions {
  /** Served by GET /v1/models (default: the Ollama models' names, else "fake-model"). */
  models?: string[]
  /** `owned_by` of every /v1/models entry (default "fake"; llama.cpp's server says "llamacpp"). */
  modelsOwnedBy?: string
  /** GET /v1/models answers this status with an error body instead of the list (e.g. 404: a server without it). */
  modelsStatus?: number
  /**
   * Makes the server look like Ollama: GET /api/tags lists these (with `details.family`), POST /api/show answers
   * their `capabilities`. Unset, both routes answer 404, as a server that is not Ollama does.
   */
  ollamaModels?: FakeOllamaModel[]
}

/** A model as Ollama's /api/tags and /api/show describe it. */
export interface FakeOllamaModel {
  name: string
  family?: string
  families?: string[]
  /** What /api/show says; unset, the answer has no `capabilities` field (as Ollama before 0.6 answers). */
  capabilities?: string[]
}

const DEFAULT_MODELS = ["fake-model"]

/**
 * A real HTTP server speaking OpenAI's Chat Completions wire format (SSE streaming, `[DONE]`, usage chunk),
 * answering each chat request with the next planned response and recording every request it receives.
 */
export async function startFakeChatServer(
  script: PlannedResponse[],
  options: FakeChatServerOptions = {},
): Promise<FakeChatServer> {
  const queue = [...script]
  const requests: RecordedRequest[] = []
  const ollamaModels = options.ollamaModels
  const models = options.models ?? ollamaModels?.map((model) => model.name) ?? DEFAULT_MODELS
  const timers = new Set<NodeJS.Timeout>()

  const server = http.createServer((req, res) => {
    void readBody(req).then((raw) => {
      const record: RecordedRequest = {
        method: req.method ?? "",
        path: (req.url ?? "").split("?")[0] ?? "",
        headers: flattenHeaders(req.headers),
        body: parseJson(raw),
        receivedAt: Date.now(),
      }
      requests.push(record)
      if (record.method === "GET" && record.path === "/v1/models") {
        if (options.modelsStatus !== undefined) {
          sendJson(res, options.modelsStatus, {
            error: { message: `fake chat server answered ${options.modelsStatus}`, type: "not_found" },
          })
          return
        }
        const ownedBy = options.modelsOwnedBy ?? "fake"
        sendJson(res, 200, {
          object: "list",
          data: models.map((id) => ({ id, object: "model", created: 1_700_000_000, owned_by: ownedBy })),
        })
        return
      }
      if (ollamaModels !== undefined && record.method === "GET" && record.path === "/api/tags") {
        sendJson(res, 200, { models: ollamaModels.map(ollamaTag) })
        return
      }
      if (ollamaModels !== undefined && record.method === "POST" && record.path === "/api/show") {
        const wanted = fieldOfBody(record.body, "model") ?? fieldOfBody(record.body, "name")
        const model = ollamaModels.find((candidate) => candidate.name === wanted)
        if (model === undefined) sendJson(res, 404, { error: `model '${wanted ?? ""}' not found` })
        else sendJson(res, 200, ollamaShow(model))
        return
      }
      if (record.method === "POST" && record.path === "/v1/chat/completions") {
        const planned = queue.shift()
        if (planned === undefined) {
          sendJson(res, 500, {
            error: { message: "fake chat server: no planned response left", type: "server_error" },
          })
          return
        }
        answerChat(planned, asChatBody(record.body), res, timers)
        return
      }
      sendJson(res, 404, {
        error: { message: `no route for ${record.method} ${record.path}`, type: "not_found" },
      })
    })
  })

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`

  return {
    baseURL: `${origin}/v1`,
    origin,
    requests,
    chatRequests: () => requests.filter((request) => request.path === "/v1/chat/completions"),
    remaining: () => queue.length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer)
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function ollamaTag(model: FakeOllamaModel): object {
  const family = model.family ?? "llama"
  return {
    name: model.name,
    model: model.name,
    modified_at: "2025-10-03T23:34:03.409490317-07:00",
    size: 3_338_801_804,
    digest: "a2af6cc3eb7fa8be8504abaf9b04e88f17a119ec3f04a3addf55f92841195f5a",
    details: {
      parent_model: "",
      format: "gguf",
      family,
      families: model.families ?? [family],
      parameter_size: "4.3B",
      quantization_level: "Q4_K_M",
    },
  }
}

function ollamaShow(model: FakeOllamaModel): object {
  const family = model.family ?? "llama"
  return {
    modelfile: `FROM ${model.name}`,
    parameters: "num_ctx 4096",
    template: "{{ .Prompt }}",
    details: { parent_model: "", format: "gguf", family, families: model.families ?? [family] },
    model_info: { "general.architecture": family },
    ...(model.capabilities === undefined ? {} : { capabilities: model.capabilities }),
    modified_at: "2025-10-03T23:34:03.409490317-07:00",
  }
}

function fieldOfBody(body: unknown, field: string): string | undefined {
  const value: unknown =
    typeof body === "object" && body !== null ? (body as Record<string, unknown>)[field] : undefined
  return typeof value === "string" ? value : undefined
}

interface ChatBody {
  model: string
  stream: boolean
  includeUsage: boolean
  promptChars: number
}

function asChatBody(body: unknown): ChatBody {
  const fields = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {}
  const streamOptions = fields.stream_options
  return {
    model: typeof fields.model === "string" ? fields.model : "unknown",
    stream: fields.stream === true,
    includeUsage:
      typeof streamOptions === "object" &&
      streamOptions !== null &&
      (streamOptions as Record<string, unknown>).include_usage === true,
    promptChars: JSON.stringify(fields.messages ?? []).length,
  }
}

function answerChat(
  planned: PlannedResponse,
  body: ChatBody,
  res: http.ServerResponse,
  timers: Set<NodeJS.Timeout>,
): void {
  switch (planned.kind) {
    case "status": {
      const headers: Record<string, string> = {}
      if (planned.retryAfterSeconds !== undefined) headers["retry-after"] = String(planned.retryAfterSeconds)
      if (typeof planned.body === "string") {
        res.writeHead(planned.status, { "content-type": "text/plain", ...headers })
        res.end(planned.body)
        return
      }
      const errorBody = planned.body ?? {
        error: { message: `fake chat server answered ${planned.status}`, type: "server_error", code: null },
      }
      sendJson(res, planned.status, errorBody, headers)
      return
    }
    case "hang":
      startSse(res)
      return
    case "cut": {
      startSse(res)
      const id = completionId()
      res.write(sse(chunk(id, body.model, { role: "assistant" }, null)))
      const sent = planned.text.slice(0, planned.afterChars)
      if (sent !== "") res.write(sse(chunk(id, body.model, { content: sent }, null)))
      // Destroy once the bytes are flushed, so the client sees them and then a connection that ends mid-stream.
      res.write("", () => res.socket?.destroy())
      return
    }
    case "stream": {
      const pieces = splitText(planned.text, planned.chunkSize ?? 4)
      if (!body.stream) {
        sendJson(res, 200, completion(body, planned.text, usageOf(planned, body, pieces.length)))
        return
      }
      startSse(res)
      const id = completionId()
      const events = [
        sse(chunk(id, body.model, { role: "assistant", content: "" }, null)),
        ...pieces.map((piece) => sse(chunk(id, body.model, { content: piece }, null))),
        sse(chunk(id, body.model, {}, "stop")),
        ...(body.includeUsage
          ? [sse(usageChunk(id, body.model, usageOf(planned, body, pieces.length)))]
          : []),
        "data: [DONE]\n\n",
      ]
      const intervalMs = planned.tokensPerSecond === undefined ? 0 : 1000 / planned.tokensPerSecond
      writePaced(res, events, intervalMs, timers)
      return
    }
  }
}

function writePaced(
  res: http.ServerResponse,
  events: string[],
  intervalMs: number,
  timers: Set<NodeJS.Timeout>,
): void {
  let next = 0
  const writeNext = (): void => {
    if (res.destroyed) return
    const event = events[next++]
    if (event === undefined) {
      res.end()
      return
    }
    res.write(event)
    if (intervalMs === 0) {
      writeNext()
      return
    }
    const timer = setTimeout(() => {
      timers.delete(timer)
      writeNext()
    }, intervalMs)
    timers.add(timer)
  }
  writeNext()
}

type Usage = { prompt_tokens: number; completion_tokens: number; total_tokens: number }

function usageOf(
  planned: { usage?: { promptTokens: number; completionTokens: number } },
  body: ChatBody,
  chunks: number,
): Usage {
  const promptTokens = planned.usage?.promptTokens ?? Math.ceil(body.promptChars / 4)
  const completionTokens = planned.usage?.completionTokens ?? chunks
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  }
}

function chunk(
  id: string,
  model: string,
  delta: Record<string, string>,
  finishReason: string | null,
): object {
  return {
    id,
    object: "chat.completion.chunk",
    created: Math.floor(Date.now() / 1000),
    model,
    system_fingerprint: "fp_fake",
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  }
}

function usageChunk(id: string, model: string, usage: Usage): object {
  return {
    id,
    object: "chat.completion.chunk",
    created: Math.floor(Date.now() / 1000),
    model,
    system_fingerprint: "fp_fake",
    choices: [],
    usage,
  }
}

function completion(body: ChatBody, text: string, usage: Usage): object {
  return {
    id: completionId(),
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: [
      { index: 0, message: { role: "assistant", content: text }, logprobs: null, finish_reason: "stop" },
    ],
    usage,
  }
}

let completionCounter = 0
function completionId(): string {
  completionCounter += 1
  return `chatcmpl-fake${completionCounter}`
}

function sse(payload: object): string {
  return `data: ${JSON.stringify(payload)}\n\n`
}

function startSse(res: http.ServerResponse): void {
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  })
  res.flushHeaders()
}

function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers })
  res.end(JSON.stringify(body))
}

function splitText(text: string, size: number): string[] {
  const pieces: string[] = []
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size))
  return pieces
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value
  }
  return flat
}

function parseJson(raw: string): unknown {
  if (raw === "") return undefined
  try {
    return JSON.parse(raw) as unknown
  } catch {
    return raw
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const parts: Buffer[] = []
    req.on("data", (part: Buffer) => parts.push(part))
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")))
    req.on("error", () => resolve(""))
  })
}
