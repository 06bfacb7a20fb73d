import { randomUUID } from "node:crypto"
import websocket from "@fastify/websocket"
import { API_LIMITS, StudioError, WS_PROTOCOL, toStudioError } from "@studio/protocol"
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from "fastify"
import type { AppDeps } from "./app-deps"
import { registerApiRoutes } from "./routes/api"
import { registerHealthRoutes } from "./routes/health"
import { registerPreviewPageRoute } from "./routes/preview-pages"
import { registerSandboxRoute } from "./routes/sandbox"
import { registerStudioInfoRoute } from "./routes/studio-info"
import { registerWebApp } from "./web-app"
import { Connection } from "./ws/connection"

// In its own file so the route modules can use it without importing this one (which imports them).
export type { AppDeps } from "./app-deps"

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
    // Fastify's own refusals before routing (a malformed percent-encoding) answer in the studio's error shape too.
    frameworkErrors: (error, _request, reply) => {
      const refused = new StudioError("bad_request", "The request URL is malformed.", { cause: error })
      // The reply is typed for routes with schemas; this one has none.
      void (reply as FastifyReply).status(refused.httpStatus).send({ error: refused.toPublic() })
    },
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
  registerHealthRoutes(app, deps)
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
    registerStudioInfoRoute(api, deps)
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
