import { StudioError, type SandboxIsolationResponse } from "@studio/protocol"
import type { FastifyInstance } from "fastify"
import type { AppDeps } from "../app"

/**
 * `GET /api/sandbox`: the isolation generated tests run with here and what it protects against (the studio's Build
 * badge shows it). For signed-in users, like the rest of the API; /readyz gives operators the level without a token.
 */
export function registerSandboxRoute(
  api: FastifyInstance,
  deps: Pick<AppDeps, "isolation" | "tokens">,
): void {
  api.get("/api/sandbox", async (request): Promise<SandboxIsolationResponse> => {
    const header = request.headers.authorization
    const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : undefined
    if (!token) throw new StudioError("unauthorized", "Sign in first (Authorization: Bearer <token>).")
    await deps.tokens.verify(token)
    return { isolation: deps.isolation }
  })
}
