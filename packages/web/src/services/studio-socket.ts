import {
  serverControlMessageSchema,
  studioEventSchema,
  WS_PROTOCOL,
  type ClientMessage,
  type ServerControlMessage,
  type StudioEvent,
} from "@studio/protocol"

export type ConnectionStatus = "connected" | "connecting" | "disconnected"

/** WebSocket.OPEN, without relying on a global WebSocket (tests in Node pass the `ws` package's). */
const OPEN = 1

type ControlMessage = Exclude<ServerControlMessage, { type: "events" }>

export interface StudioSocketHandlers {
  onStatus(status: ConnectionStatus, detail: { retryInMs?: number }): void
  /** Every run event, in the order the server sent it (the store drops any it has already applied). */
  onEvent(event: StudioEvent): void
  onControl(message: ControlMessage): void
  /** After every (re)connect and authentication: the place to subscribe again to runs still being watched. */
  onReady(): void
  /** The server refused the token: the session is over. */
  onUnauthorized(): void
}

export interface StudioSocketOptions {
  url: string
  getToken: () => string | null
  handlers: StudioSocketHandlers
  /** Ping interval; a missing pong within `pongTimeoutMs` counts as a dead connection. */
  heartbeatMs?: number
  pongTimeoutMs?: number
  /** Reconnect backoff: base doubles per failed attempt up to max, with jitter. */
  backoffBaseMs?: number
  backoffMaxMs?: number
  createWebSocket?: (url: string, protocols: string[]) => WebSocket
}

/**
 * The studio's one WebSocket: authenticates with a first `auth` message (the token never goes in the URL), keeps
 * itself alive with ping/pong, and reconnects with exponential backoff. Messages are parsed with the protocol's
 * schemas before anyone sees them.
 */
export class StudioSocket {
  private socket: WebSocket | null = null
  private status: ConnectionStatus = "disconnected"
  private attempts = 0
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined
  private pongTimer: ReturnType<typeof setTimeout> | undefined
  private ready = false
  private stopped = true
  private readonly outbox: ClientMessage[] = []

  constructor(private readonly options: StudioSocketOptions) {}

  get connectionStatus(): ConnectionStatus {
    return this.status
  }

  get isReady(): boolean {
    return this.ready
  }

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.open()
  }

  stop(): void {
    this.stopped = true
    clearTimeout(this.reconnectTimer)
    this.clearHeartbeat()
    this.outbox.length = 0
    const socket = this.socket
    this.socket = null
    this.ready = false
    socket?.close(1000, "signed out")
    this.setStatus("disconnected", {})
  }

  /** Reconnects now instead of waiting out the backoff (the "Reconnect" button, or the page coming back online). */
  reconnectNow(): void {
    if (this.stopped || this.status === "connected") return
    clearTimeout(this.reconnectTimer)
    this.attempts = 0
    this.open()
  }

  /** Sends now when ready; otherwise queues the message for the next connection. */
  send(message: ClientMessage): void {
    if (this.ready && this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message))
    else this.outbox.push(message)
  }

  private open(): void {
    if (this.stopped) return
    const token = this.options.getToken()
    if (!token) {
      this.options.handlers.onUnauthorized()
      return
    }
    this.setStatus("connecting", {})
    const create = this.options.createWebSocket ?? ((url, protocols) => new WebSocket(url, protocols))
    let socket: WebSocket
    try {
      socket = create(this.options.url, [WS_PROTOCOL])
    } catch {
      this.scheduleReconnect()
      return
    }
    this.socket = socket
    socket.onopen = () => {
      if (this.socket !== socket) return
      socket.send(JSON.stringify({ type: "auth", token } satisfies ClientMessage))
    }
    socket.onmessage = (message) => {
      if (this.socket !== socket || typeof message.data !== "string") return
      this.receive(message.data)
    }
    socket.onclose = (event) => {
      if (this.socket !== socket) return
      this.socket = null
      this.ready = false
      this.clearHeartbeat()
      // 4401: the server's close code for a refused token.
      if (event.code === 4401) {
        this.stopped = true
        this.setStatus("disconnected", {})
        this.options.handlers.onUnauthorized()
        return
      }
      this.scheduleReconnect()
    }
    socket.onerror = () => {
      // onclose follows and decides what to do.
    }
  }

  private receive(data: string): void {
    let value: unknown
    try {
      value = JSON.parse(data)
    } catch {
      return
    }
    const control = serverControlMessageSchema.safeParse(value)
    if (control.success) {
      this.handleControl(control.data)
      return
    }
    const event = studioEventSchema.safeParse(value)
    if (event.success) this.options.handlers.onEvent(event.data)
  }

  private handleControl(message: ServerControlMessage): void {
    switch (message.type) {
      case "events":
        for (const event of message.events) this.options.handlers.onEvent(event)
        return
      case "ready":
        this.ready = true
        this.attempts = 0
        this.setStatus("connected", {})
        this.startHeartbeat()
        this.options.handlers.onReady()
        for (const queued of this.outbox.splice(0)) this.send(queued)
        return
      case "pong":
        clearTimeout(this.pongTimer)
        this.pongTimer = undefined
        return
      case "error":
        if (message.code === "unauthorized" && !this.ready) {
          this.stopped = true
          this.socket?.close(1000)
          this.socket = null
          this.setStatus("disconnected", {})
          this.options.handlers.onUnauthorized()
          return
        }
        this.options.handlers.onControl(message)
        return
      case "run_accepted":
        this.options.handlers.onControl(message)
        return
      default: {
        const unknown: never = message
        return unknown
      }
    }
  }

  private startHeartbeat(): void {
    this.clearHeartbeat()
    const every = this.options.heartbeatMs ?? 15_000
    this.heartbeatTimer = setInterval(() => {
      if (!this.ready) return
      this.send({ type: "ping", ts: Date.now() })
      // The deadline runs from the oldest unanswered ping; later pings do not push it back.
      this.pongTimer ??= setTimeout(() => this.dropDeadConnection(), this.options.pongTimeoutMs ?? 10_000)
    }, every)
  }

  /**
   * No pong: the connection is dead even if the browser has not noticed (a closing handshake on a dead link can
   * take minutes), so forget it and reconnect now.
   */
  private dropDeadConnection(): void {
    const socket = this.socket
    if (!socket) return
    this.socket = null
    this.ready = false
    this.clearHeartbeat()
    try {
      socket.close(4000, "no pong")
    } catch {
      // Already closing.
    }
    this.scheduleReconnect()
  }

  private clearHeartbeat(): void {
    clearInterval(this.heartbeatTimer)
    clearTimeout(this.pongTimer)
    this.pongTimer = undefined
  }

  private scheduleReconnect(): void {
    if (this.stopped) return
    const base = this.options.backoffBaseMs ?? 500
    const max = this.options.backoffMaxMs ?? 15_000
    const delay = Math.min(max, base * 2 ** this.attempts) * (0.75 + Math.random() * 0.5)
    this.attempts++
    this.setStatus("disconnected", { retryInMs: Math.round(delay) })
    clearTimeout(this.reconnectTimer)
    this.reconnectTimer = setTimeout(() => this.open(), delay)
  }

  private setStatus(status: ConnectionStatus, detail: { retryInMs?: number }): void {
    this.status = status
    this.options.handlers.onStatus(status, detail)
  }
}
