// @vitest-environment node
// The socket client's failure handling against a WebSocket server we control: a dropped connection, a server that
// stops answering pings, a refused token. (The happy path against the real studio server is in
// studio-controller.test.ts.)
import type { AddressInfo } from "node:net"
import { WebSocketServer, WebSocket } from "ws"
import { afterEach, describe, expect, it } from "vitest"
import { StudioSocket, type ConnectionStatus } from "./studio-socket"

const servers: WebSocketServer[] = []
afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

/** A server speaking the studio protocol's handshake: `auth` -> `ready`; optionally answering pings. */
function startServer(options: { answerPings: boolean; acceptToken?: string }) {
  const server = new WebSocketServer({
    port: 0,
    handleProtocols: (protocols) => (protocols.has("studio.v1") ? "studio.v1" : false),
  })
  servers.push(server)
  const connections: WebSocket[] = []
  const received: unknown[] = []
  server.on("connection", (socket) => {
    connections.push(socket)
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as { type: string; token?: string; ts?: number }
      received.push(message)
      if (message.type === "auth") {
        if (options.acceptToken && message.token !== options.acceptToken) {
          socket.send(
            JSON.stringify({ type: "error", code: "unauthorized", message: "The token is not valid." }),
          )
          socket.close(4401, "The token is not valid.")
          return
        }
        socket.send(JSON.stringify({ type: "ready", userId: "00000000-0000-4000-8000-000000000001" }))
      }
      if (message.type === "ping" && options.answerPings)
        socket.send(JSON.stringify({ type: "pong", ts: message.ts }))
    })
  })
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { server, url, connections, received }
}

function createClient(url: string, overrides: Partial<ConstructorParameters<typeof StudioSocket>[0]> = {}) {
  const statuses: ConnectionStatus[] = []
  let readyCount = 0
  let unauthorized = 0
  const socket = new StudioSocket({
    url,
    getToken: () => "token-1",
    heartbeatMs: 50,
    pongTimeoutMs: 100,
    backoffBaseMs: 20,
    backoffMaxMs: 100,
    createWebSocket: (target, protocols) =>
      new WebSocket(target, protocols) as unknown as globalThis.WebSocket,
    handlers: {
      onStatus: (status) => statuses.push(status),
      onEvent: () => {},
      onControl: () => {},
      onReady: () => readyCount++,
      onUnauthorized: () => unauthorized++,
    },
    ...overrides,
  })
  return {
    socket,
    statuses,
    get readyCount() {
      return readyCount
    },
    get unauthorized() {
      return unauthorized
    },
  }
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out")
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe("StudioSocket", () => {
  it("authenticates with a first message, then reconnects with backoff when the connection drops", async () => {
    const server = startServer({ answerPings: true })
    const client = createClient(server.url)
    client.socket.start()
    await until(() => client.readyCount === 1)
    expect(server.received[0]).toEqual({ type: "auth", token: "token-1" })
    expect(client.socket.connectionStatus).toBe("connected")

    server.connections[0]!.terminate()
    await until(() => client.readyCount === 2)
    expect(client.statuses).toEqual(["connecting", "connected", "disconnected", "connecting", "connected"])
    client.socket.stop()
  })

  it("closes and reconnects when pings go unanswered", async () => {
    const server = startServer({ answerPings: false })
    const client = createClient(server.url)
    client.socket.start()
    await until(() => client.readyCount >= 2)
    expect(server.received.some((message) => (message as { type: string }).type === "ping")).toBe(true)
    expect(server.connections.length).toBeGreaterThanOrEqual(2)
    client.socket.stop()
  })

  it("queues messages sent while disconnected and sends them once ready", async () => {
    const server = startServer({ answerPings: true })
    const client = createClient(server.url)
    client.socket.send({ type: "subscribe", runId: "00000000-0000-4000-8000-000000000002", afterSeq: 4 })
    client.socket.start()
    await until(() => server.received.length >= 2)
    expect(server.received[1]).toEqual({
      type: "subscribe",
      runId: "00000000-0000-4000-8000-000000000002",
      afterSeq: 4,
    })
    client.socket.stop()
  })

  it("stops and reports when the server refuses the token", async () => {
    const server = startServer({ answerPings: true, acceptToken: "another token" })
    const client = createClient(server.url)
    client.socket.start()
    await until(() => client.unauthorized === 1)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(server.connections).toHaveLength(1)
    expect(client.socket.connectionStatus).toBe("disconnected")
  })
})
