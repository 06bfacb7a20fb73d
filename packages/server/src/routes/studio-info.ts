import { API_ROUTES } from "@studio/protocol"
import type { FastifyInstance } from "fastify"
import type { AppDeps } from "../app-deps"
import { authenticatedUser } from "./authenticate"
import { typedRoutes } from "./typed-route"

/**
 * `GET /api/studio`: what writes the code here (the top bar's generator badge). It does not change while the server
 * runs, so the web asks once per session.
 */
export function registerStudioInfoRoute(
  api: FastifyInstance,
  deps: Pick<AppDeps, "generator" | "tokens">,
): void {
  const route = typedRoutes(api, { authenticate: (request) => authenticatedUser(request, deps.tokens) })
  route(API_ROUTES.studioInfo, async () => ({ generator: deps.generator }))
}
