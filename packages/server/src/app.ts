import { randomUUID } from "node:crypto"
import websocket from "@fastify/websocket"
import { API_LIMITS, StudioError, WS_PROTOCOL, toStudioError, type SandboxIsolation } from "@studio/protocol"
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from "fastify"
import type { Logger } from "pino"
import type { PasswordHasher } from "./auth/passwords"
import type { TokenService } from "./auth/tokens"
import type { Store } from "./db/store"
import type { PromptLimiter } from "./limits/rate-limit"
import type { RequestLimits } from "./limits/request-limits"
import type { SocketLimiter } from "./limits/socket-limit"
import type { Metrics } from "./metrics"
import type { PreviewPageStore } from "./previews/preview-store"
import { registerApiRoutes } from "./routes/api"
import { registerPreviewPageRoute } from "./routes/preview-pages"
import { registerSandboxRoute } from "./routes/sandbox"
import type { RunManager } from "./runs/run-manager"
import { registerWebApp } from "./web-app"
import { Connection } from "./ws/connection"
import type { ToolchainRegistry } from "@studio/engine"

export interface AppDeps {
  store: Store
  tokens: TokenService
  limiter: PromptLimiter
  /** Sign-in, sign-up, preview and test-run limits (limits/request-limits.ts). */
  requestLimits: RequestLimits
  /** How passwords are hashed and checked (default argon2id). */
  passwords?: PasswordHasher
  /** Proxy addresses whose X-Forwarded-For is believed for request.ip; none by default. */
  trustProxy?: readonly string[]
  sockets: SocketLimiter
  runs: RunManager
  metrics: Metrics
  toolchain: ToolchainRegistry
  /** Built preview pages, served by `GET /preview/:id` for a few minutes. */
  previews: PreviewPageStore
  logger: Logger
  /** Origins besides the server's own that may open the WebSocket. */
  allowedOrigins: readonly string[]
  /** Checks the database (and Redis) for /readyz. */
  ready(): Promise<void>
  /** Open connections, so a graceful stop can flush and close them after the runs finish. */
  connections?: Set<Connection>
  /** Starts warming the engine (called when a user connects); idempotent. */
  warm?(): void
  /** Seconds between WebSocket heartbeats; a socket that misses one is closed. */
  heartbeatSeconds?: number
  /** The built web app (Vite's dist) to serve; without one, pages answer 503 with how to build it. */
  webDir?: string
  /** The sandbox's isolation on this machine, for /readyz and `GET /api/sandbox`. */
  isolation: SandboxIsolation
}

declare module "fastify" {
  interface FastifyRequest {
    userId?: string
  }
}

const BEARER_PROTOCOL = /^bearer\.(.+)$/

/** The studio's HTTP + WebSocket application (not listening yet). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: API_LIMITS.bodyBytes,
    genReqId: () => randomUUID(),
    // Without named proxies, request.ip is the connection's address and X-Forwarded-For is ignored.
    trustProxy: deps.trustProxy?.length ? [...deps.trustProxy] : false,
  })

  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id)
    reply.header("x-content-type-options", "nosniff")
  })
  app.addHook("onResponse", async (request, reply) => {
    deps.metrics.httpRequests.inc({
      route: request.routeOptions.url ?? "unmatched",
      status: `${Math.floor(reply.statusCode / 100)}xx`,
    })
  })

  app.setErrorHandler((thrown: unknown, request, reply) => {
    const error = fromFastifyError(thrown)
    if (error.code === "internal") request.log.error({ err: thrown }, "request failed")
    if (error.retryAfterMs !== undefined) reply.header("retry-after", Math.ceil(error.retryAfterMs / 1000))
    const visible = error.toPublic()
    return reply.status(error.httpStatus).send({
      error: {
        ...visible,
        ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
      },
    })
  })
  const webApp = await registerWebApp(app, { dir: deps.webDir, studioOrigins: deps.allowedOrigins })
  if (!webApp.available)
    deps.logger.warn(
      { webDir: deps.webDir },
      "the web app is not built (npm run build:web); serving the API only",
    )
  app.setNotFoundHandler(async (request, reply) => {
    if (await webApp.servePage(request, reply)) return reply
    return reply.status(404).send({
      error: { code: "not_found", message: `No route ${request.method} ${request.url.split("?")[0]}` },
    })
  })

  registerPreviewPageRoute(app, deps.previews)
  app.get("/healthz", async () => ({ ok: true }))
  app.get("/readyz", async (_request, reply) => {
    // Ready or not, it says how generated code is contained here (and whether model-written code runs at all).
    const sandbox = {
      level: deps.isolation.level,
      backend: deps.isolation.backend,
      runsUntrustedCode: deps.isolation.runsUntrustedCode,
    }
    try {
      await deps.ready()
      return { ok: true, sandbox }
    } catch (error) {
      deps.logger.warn({ err: error }, "not ready")
      return reply.status(503).send({ ok: false, sandbox })
    }
  })
  app.get("/metrics", async (_request, reply) => {
    reply.header("content-type", deps.metrics.registry.contentType)
    return deps.metrics.registry.metrics()
  })

  await app.register(websocket, {
    options: {
      maxPayload: API_LIMITS.wsMessageBytes * 4,
      // The studio's subprotocol is chosen; a `bearer.<jwt>` entry beside it only carries the token.
      handleProtocols: (protocols: Set<string>) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
    },
  })

  await app.register(async (api) => {
    await registerApiRoutes(api, deps)
    registerSandboxRoute(api, deps)
    api.get(
      "/api/ws",
      {
        websocket: true,
        preValidation: async (request) => {
          checkOrigin(request, deps.allowedOrigins)
          const offered = String(request.headers["sec-websocket-protocol"] ?? "")
            .split(",")
            .map((entry) => entry.trim())
          const bearer = offered.map((entry) => BEARER_PROTOCOL.exec(entry)?.[1]).find(Boolean)
          if (bearer) request.userId = (await deps.tokens.verify(bearer)).userId
        },
      },
      (socket, request) => {
        deps.metrics.sockets.inc()
        let holder: string | undefined
        const connection = new Connection(
          socket,
          {
            runs: deps.runs,
            limiter: deps.limiter,
            metrics: deps.metrics,
            log: request.log,
            verifyToken: (token) => deps.tokens.verify(token),
          },
          request.userId,
          (userId) => {
            if (!deps.sockets.acquire(userId)) return false
            holder = userId
            deps.warm?.()
            return true
          },
        )
        deps.connections?.add(connection)
        let alive = true
        socket.on("pong", () => (alive = true))
        const heartbeat = setInterval(
          () => {
            if (!alive) {
              socket.terminate()
              return
            }
            alive = false
            socket.ping()
          },
          (deps.heartbeatSeconds ?? 20) * 1000,
        )
        socket.on("close", () => {
          clearInterval(heartbeat)
          connection.dispose()
          deps.connections?.delete(connection)
          deps.metrics.sockets.dec()
          if (holder) deps.sockets.release(holder)
        })
      },
    )
  })
  return app
}

/**
 * Cross-site WebSocket hijacking: a browser always sends Origin, so a page elsewhere cannot open the studio's
 * socket with the user's credentials. Clients that are not browsers send none, and need a token anyway.
 */
function checkOrigin(request: FastifyRequest, allowed: readonly string[]): void {
  const origin = request.headers.origin
  if (origin === undefined) return
  const host = request.headers.host
  const own = host ? [`http://${host}`, `https://${host}`] : []
  if (![...own, ...allowed].includes(origin))
    throw new StudioError("forbidden", "This origin may not open the studio's socket.")
}

function fromFastifyError(thrown: unknown): StudioError {
  if (StudioError.isInstance(thrown)) return thrown
  const fastifyError = thrown as { statusCode?: number; code?: string; message?: string }
  if (fastifyError.code === "FST_ERR_CTP_BODY_TOO_LARGE")
    return new StudioError(
      "payload_too_large",
      `A request body may be at most ${API_LIMITS.bodyBytes} bytes.`,
    )
  if (fastifyError.statusCode === 415)
    return new StudioError("bad_request", "Send JSON (content-type: application/json).")
  if (fastifyError.statusCode === 400 || fastifyError.code?.startsWith("FST_ERR_CTP"))
    return new StudioError("bad_request", "The request body is not valid JSON.")
  return toStudioError(thrown)
}

export type { FastifyReply }
