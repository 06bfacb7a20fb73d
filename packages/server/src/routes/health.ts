import { API_ROUTES } from "@studio/protocol"
import type { FastifyInstance } from "fastify"
import type { AppDeps } from "../app-deps"
import { typedRoutes } from "./typed-route"

/** `/healthz` (the process answers) and `/readyz` (its database and Redis answer), for operators: no sign-in. */
export function registerHealthRoutes(
  app: FastifyInstance,
  deps: Pick<AppDeps, "isolation" | "ready" | "logger">,
): void {
  const route = typedRoutes(app)
  route(API_ROUTES.health, async () => ({ ok: true as const }))
  route(API_ROUTES.readiness, async ({ reply }) => {
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
      reply.status(503)
      return { ok: false, sandbox }
    }
  })
}
