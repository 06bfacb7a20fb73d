import { API_ROUTES } from "@studio/protocol"
import type { FastifyInstance } from "fastify"
import type { AppDeps } from "../app-deps"
import { authenticatedUser } from "./authenticate"
import { typedRoutes } from "./typed-route"

/**
 * `GET /api/sandbox`: the isolation generated tests run with here and what it protects against (the studio's Build
 * badge shows it). For signed-in users, like the rest of the API; /readyz gives operators the level without a token.
 */
export function registerSandboxRoute(
  api: FastifyInstance,
  deps: Pick<AppDeps, "isolation" | "tokens">,
): void {
  const route = typedRoutes(api, { authenticate: (request) => authenticatedUser(request, deps.tokens) })
  route(API_ROUTES.sandboxIsolation, async () => ({ isolation: deps.isolation }))
}
