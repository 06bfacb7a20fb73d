import { randomUUID } from "node:crypto"
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs"
import path from "node:path"
import { Redis } from "ioredis"
import pino from "pino"
import type { Engine, IsolationReport } from "@studio/engine"
import { WS_PROTOCOL, type ServerControlMessage, type StudioEvent } from "@studio/protocol"
import WebSocket from "ws"
import { readServerConfig, type ServerConfig } from "../../src/config"
import { migratedPgliteTemplate, testDataRoot } from "../../src/db/test-databases"
import { checkAnswerAgainstContract } from "./contract"
import { startServer, type StartedServer, type StartOptions } from "../../src/server"
import { sharedTestEngine } from "../../../engine/test/support/shared-engine"

/**
 * A real server on a free port: PGlite in a temporary folder by default; the real PostgreSQL (a fresh database per
 * server) and Redis when DATABASE_URL / REDIS_URL are set, as `.ci/run` sets them.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: StartOptions & {
    dataDir?: string
    /** A PostgreSQL database to open as it is (kept when the server stops), instead of a fresh one. */
    databaseUrl?: string
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(testDataRoot(), "studio-server-test-"))
  const databaseUrl = options.databaseUrl
    ? { url: options.databaseUrl, drop: () => Promise.resolve() }
    : process.env.DATABASE_URL
      ? await freshDatabase(process.env.DATABASE_URL)
      : undefined
  // A new data folder starts from a copy of an empty, migrated embedded database: the server opens it as it opens
  // any existing one (migrations already applied), without creating a cluster each time.
  if (!databaseUrl && !existsSync(path.join(dataDir, "pglite")))
    cpSync(await migratedPgliteTemplate(), path.join(dataDir, "pglite"), { recursive: true })
  const config: ServerConfig = readServerConfig({
    PORT: "0",
    STUDIO_DATA_DIR: dataDir,
    STUDIO_PROVIDER: "offline",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl.url } : {}),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    // Every test signs up and in from 127.0.0.1, many times; the tests of these limits set them low themselves.
    STUDIO_REGISTER_RATE_LIMIT: "100000",
    STUDIO_LOGIN_RATE_LIMIT: "100000",
    STUDIO_LOGIN_IP_RATE_LIMIT: "100000",
    ...env,
  })
  // Test servers share one Redis (under test:services): each counts under its own prefix, removed when it stops.
  const limitKeyPrefix = options.limitKeyPrefix ?? `studio:test:${randomUUID()}`
  // A server given an isolation level builds an engine of its own (custom-plugins.test.ts, for its plugins); the rest
  // share the worker's (sharedEngineReporting: one that only pretends to another level).
  const engine = options.engine ?? (options.isolation ? undefined : await sharedTestEngine())
  const server = await startServer(config, {
    logger: pino({ level: "silent" }),
    limitKeyPrefix,
    ...options,
    ...(engine ? { engine } : {}),
  })
  return {
    ...server,
    dataDir,
    config,
    limitKeyPrefix,
    async stop(graceMs = 10_000) {
      await server.close(graceMs)
      await databaseUrl?.drop()
      if (process.env.REDIS_URL && !options.limitKeyPrefix)
        await dropRedisKeys(process.env.REDIS_URL, limitKeyPrefix)
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * The worker's shared engine, reporting `isolation` as its own: what a server decides from the level (refusing runs,
 * /readyz, the start-up log) without a cold engine and sandbox for each level pretended. Its runs use the real sandbox.
 */
export async function sharedEngineReporting(isolation: IsolationReport): Promise<Engine> {
  return engineReporting(await sharedTestEngine(), isolation)
}

function engineReporting(engine: Engine, isolation: IsolationReport): Engine {
  return {
    ...engine,
    isolation,
    withGenerator: (generator) => engineReporting(engine.withGenerator(generator), isolation),
  }
}

export type TestServer = StartedServer & {
  dataDir: string
  config: ServerConfig
  /** Where this server's limits count (in Redis when REDIS_URL is set). */
  limitKeyPrefix: string
  stop(graceMs?: number): Promise<void>
}

/** The counts would expire within the hour anyway; this keeps a shared Redis tidy. */
async function dropRedisKeys(url: string, prefix: string): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 })
  try {
    const keys = await client.keys(`${prefix}:*`)
    if (keys.length > 0) await client.del(...keys)
  } finally {
    client.disconnect()
  }
}

export async function freshDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const { Client } = (await import("pg")).default
  const name = `studio_server_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: adminUrl })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}

/**
 * fetch against the server, JSON in and out. Every answer is checked against protocol's REST contract (see
 * support/contract.ts): a test that meets an answer of another shape fails there.
 */
export function api(server: { url: string }, token?: string) {
  return async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${server.url}${route}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    })
    const text = await response.text()
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      json = text
    }
    checkAnswerAgainstContract(method, route, {
      status: response.status,
      contentType: response.headers.get("content-type"),
      body: json,
    })
    // Tests read responses field by field and assert on them; `any` keeps them readable.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, headers: response.headers, body: json as Record<string, any> }
  }
}

let counter = 0
/** A run's stored events once they end with run_finished (polled over REST, for at most two and a half minutes). */
export async function finishedRunEvents(call: ReturnType<typeof api>, runId: string): Promise<StudioEvent[]> {
  const started = Date.now()
  for (;;) {
    const events = (await call("GET", `/api/runs/${runId}/events?after=-1`)).body.events as StudioEvent[]
    if (events.some((event) => event.type === "run_finished")) return events
    if (Date.now() - started > 150_000) throw new Error(`run ${runId} did not finish`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

export async function register(server: {
  url: string
}): Promise<{ token: string; userId: string; email: string }> {
  const email = `user${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 6)}@example.com`
  const response = await api(server)("POST", "/api/auth/register", {
    email,
    password: "correct horse battery",
  })
  if (response.status !== 201) throw new Error(`register failed: ${JSON.stringify(response.body)}`)
  return { token: response.body.token as string, userId: response.body.user.id as string, email }
}

export type Incoming = StudioEvent | ServerControlMessage

/** A `ws` client speaking the studio's protocol, collecting what it receives (batches unpacked). */
export class StudioSocket {
  readonly received: Incoming[] = []
  private waiters: { predicate: (message: Incoming) => boolean; resolve: (message: Incoming) => void }[] = []
  readonly socket: WebSocket
  readonly opened: Promise<void>
  readonly closed: Promise<{ code: number; reason: string }>

  constructor(
    url: string,
    options: {
      token?: string
      origin?: string
      protocols?: string[]
      query?: string
      autoPong?: boolean
    } = {},
  ) {
    const protocols = options.protocols ?? [
      WS_PROTOCOL,
      ...(options.token ? [`bearer.${options.token}`] : []),
    ]
    this.socket = new WebSocket(url.replace(/^http/, "ws") + "/api/ws" + (options.query ?? ""), protocols, {
      ...(options.origin ? { origin: options.origin } : {}),
      ...(options.autoPong === false ? { autoPong: false } : {}),
    })
    this.opened = new Promise((resolve, reject) => {
      this.socket.once("open", () => resolve())
      this.socket.once("unexpected-response", (_request, response) =>
        reject(new Error(`handshake refused: ${response.statusCode}`)),
      )
      this.socket.once("error", reject)
    })
    this.closed = new Promise((resolve) =>
      this.socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() })),
    )
    this.socket.on("message", (data) => {
      const message = JSON.parse(data.toString()) as Incoming
      const messages = message.type === "events" ? message.events : [message]
      for (const each of messages) {
        this.received.push(each)
        this.waiters = this.waiters.filter((waiter) => {
          if (!waiter.predicate(each)) return true
          waiter.resolve(each)
          return false
        })
      }
    })
  }

  send(message: unknown): void {
    this.socket.send(typeof message === "string" ? message : JSON.stringify(message))
  }

  /** The first message (already received or still to come) that matches. */
  next(predicate: (message: Incoming) => boolean, timeoutMs = 150_000): Promise<Incoming> {
    const found = this.received.find(predicate)
    if (found) return Promise.resolve(found)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const last = this.received.slice(-5).map((message) => message.type)
        reject(
          new Error(
            `timed out waiting for a message; ${this.received.length} received, the last: ${last.join(", ")}`,
          ),
        )
      }, timeoutMs)
      this.waiters.push({
        predicate,
        resolve: (message) => {
          clearTimeout(timer)
          resolve(message)
        },
      })
    })
  }

  /** Waits for a fresh message after this call that matches. */
  upcoming(predicate: (message: Incoming) => boolean, timeoutMs = 150_000): Promise<Incoming> {
    const seen = this.received.length
    return this.next((message) => this.received.indexOf(message) >= seen && predicate(message), timeoutMs)
  }

  events(runId: string): StudioEvent[] {
    return this.received.filter(
      (message): message is StudioEvent => "seq" in message && message.runId === runId,
    )
  }

  close(): void {
    this.socket.close()
  }
}
