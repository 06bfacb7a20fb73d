import {
  API_LIMITS,
  clientMessageSchema,
  parseOrThrow,
  StudioError,
  toStudioError,
  type ServerControlMessage,
  type StudioEvent,
} from "@studio/protocol"
import type { FastifyBaseLogger } from "fastify"
import type { WebSocket } from "ws"
import { takePrompt, type PromptLimiter } from "../limits/rate-limit"
import type { Metrics } from "../metrics"
import type { RunManager } from "../runs/run-manager"

/** When the client has this much unsent data, later events wait in the queue (and go out together). */
const HIGH_WATER_BYTES = 512 * 1024
/** A client further behind than this loses its live stream and is told to subscribe again from its last seq. */
const MAX_QUEUED_EVENTS = 20_000
const MAX_BATCH = 500
export const AUTH_TIMEOUT_MS = 5_000

export interface ConnectionDeps {
  runs: RunManager
  limiter: PromptLimiter
  metrics: Metrics
  log: FastifyBaseLogger
  verifyToken(token: string): Promise<{ userId: string }>
}

/**
 * One client's WebSocket: authentication (already done by the handshake, or a first `auth` message), the client's
 * messages, and a bounded outbound queue per connection so a slow client never holds up a run or anyone else.
 */
export class Connection {
  private userId: string | undefined
  private readonly subscriptions = new Map<string, () => void>()
  private readonly queue: (StudioEvent | ServerControlMessage)[] = []
  private flushScheduled = false
  private closed = false
  private authTimer: NodeJS.Timeout | undefined

  constructor(
    private readonly socket: WebSocket,
    private readonly deps: ConnectionDeps,
    userId: string | undefined,
    private readonly onAuthenticated: (userId: string) => boolean,
  ) {
    socket.on("message", (data, isBinary) => void this.receive(data as Buffer, isBinary))
    socket.on("close", () => this.dispose())
    socket.on("error", () => this.dispose())
    if (userId) this.authenticated(userId)
    else {
      this.authTimer = setTimeout(() => {
        this.fail(new StudioError("unauthorized", 'Send { type: "auth", token } within 5 seconds.'), true)
      }, AUTH_TIMEOUT_MS)
    }
  }

  get user(): string | undefined {
    return this.userId
  }

  private authenticated(userId: string): void {
    clearTimeout(this.authTimer)
    if (!this.onAuthenticated(userId)) {
      this.fail(new StudioError("rate_limited", "Too many open connections for this account."), true)
      return
    }
    this.userId = userId
    this.send({ type: "ready", userId })
  }

  private async receive(data: Buffer, isBinary: boolean): Promise<void> {
    try {
      if (isBinary) throw new StudioError("bad_request", "Messages are JSON text.")
      if (data.byteLength > API_LIMITS.wsMessageBytes)
        throw new StudioError(
          "payload_too_large",
          `A message may be at most ${API_LIMITS.wsMessageBytes} bytes.`,
        )
      let json: unknown
      try {
        json = JSON.parse(data.toString("utf8"))
      } catch {
        throw new StudioError("bad_request", "The message is not valid JSON.")
      }
      const message = parseOrThrow(clientMessageSchema, json)
      if (message.type === "ping") {
        this.send({ type: "pong", ...(message.ts === undefined ? {} : { ts: message.ts }) })
        return
      }
      if (message.type === "auth") {
        if (this.userId) return
        const { userId } = await this.deps.verifyToken(message.token).catch(() => {
          throw new StudioError("unauthorized", "The token is not valid.")
        })
        if (!this.closed) this.authenticated(userId)
        return
      }
      const userId = this.userId
      if (!userId) throw new StudioError("unauthorized", "Authenticate first.")
      if (message.type === "generate") {
        // A project or parent version the user cannot use is refused before the prompt is spent.
        await this.deps.runs.checkStart(userId, message)
        await takePrompt(this.deps.limiter, userId, () => this.deps.metrics.rateLimited.inc())
        const runId = await this.deps.runs.start(userId, message)
        this.send({
          type: "run_accepted",
          runId,
          ...(message.requestId ? { requestId: message.requestId } : {}),
        })
        await this.follow(userId, runId, -1)
      } else if (message.type === "subscribe") {
        await this.follow(userId, message.runId, message.afterSeq)
      } else if (message.type === "cancel") {
        if (!(await this.deps.runs.cancel(userId, message.runId)))
          throw new StudioError("not_found", "No such run in progress.")
      }
    } catch (thrown) {
      this.fail(toStudioError(thrown), false)
    }
  }

  private async follow(userId: string, runId: string, afterSeq: number): Promise<void> {
    this.subscriptions.get(runId)?.()
    const stop = await this.deps.runs.subscribe(userId, runId, afterSeq, (event) => this.send(event))
    if (this.closed) stop()
    else this.subscriptions.set(runId, stop)
  }

  /** Queues a message; events go out one per message, or several in one `events` message when the client lags. */
  send(message: StudioEvent | ServerControlMessage): void {
    if (this.closed) return
    if (this.queue.length >= MAX_QUEUED_EVENTS) {
      this.dropLiveStreams()
      return
    }
    this.queue.push(message)
    this.scheduleFlush()
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return
    this.flushScheduled = true
    setImmediate(() => this.flush())
  }

  private flush(): void {
    this.flushScheduled = false
    if (this.closed) return
    if (this.socket.bufferedAmount > HIGH_WATER_BYTES) {
      // The client is not reading fast enough: wait, and send what piled up together.
      setTimeout(() => this.scheduleFlush(), 20).unref()
      return
    }
    while (this.queue.length > 0) {
      if (this.queue.length === 1 || !isEvent(this.queue[0]!)) {
        this.socket.send(JSON.stringify(this.queue.shift()))
        continue
      }
      let count = 0
      while (count < this.queue.length && count < MAX_BATCH && isEvent(this.queue[count]!)) count++
      const events = this.queue.splice(0, count) as StudioEvent[]
      this.socket.send(JSON.stringify(events.length === 1 ? events[0] : { type: "events", events }))
      if (this.socket.bufferedAmount > HIGH_WATER_BYTES) {
        setTimeout(() => this.scheduleFlush(), 20).unref()
        return
      }
    }
  }

  /** Too far behind: stop the live streams, keep what is queued, and tell the client to resubscribe from its seq. */
  private dropLiveStreams(): void {
    const runIds = [...this.subscriptions.keys()]
    for (const stop of this.subscriptions.values()) stop()
    this.subscriptions.clear()
    this.queue.length = Math.min(this.queue.length, MAX_QUEUED_EVENTS)
    for (const runId of runIds) {
      this.queue.push({
        type: "error",
        code: "lagging",
        message: "This connection fell behind the run; subscribe again with the last seq you have.",
        runId,
      })
    }
    this.scheduleFlush()
  }

  private fail(error: StudioError, close: boolean): void {
    const visible = error.toPublic()
    if (error.code === "internal") this.deps.log.error({ err: error }, "websocket message failed")
    this.send({
      type: "error",
      code: visible.code,
      message: visible.message,
      ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    })
    if (close) {
      this.flush()
      this.socket.close(error.wsCloseCode, visible.message.slice(0, 120))
    }
  }

  /** Sends everything queued, then closes with 1001 ("going away"); resolves when closed (or after `timeoutMs`). */
  async shutdown(timeoutMs = 2000): Promise<void> {
    if (this.closed) return
    while (this.queue.length > 0) {
      const message = this.queue.shift()!
      this.socket.send(JSON.stringify(message))
    }
    const closed = new Promise<void>((resolve) => {
      this.socket.once("close", () => resolve())
      setTimeout(resolve, timeoutMs).unref()
    })
    this.socket.close(1001, "The studio is restarting; reconnect and subscribe with your last seq.")
    await closed
  }

  dispose(): void {
    if (this.closed) return
    this.closed = true
    clearTimeout(this.authTimer)
    for (const stop of this.subscriptions.values()) stop()
    this.subscriptions.clear()
    this.queue.length = 0
  }
}

function isEvent(message: StudioEvent | ServerControlMessage): message is StudioEvent {
  return "seq" in message
}
