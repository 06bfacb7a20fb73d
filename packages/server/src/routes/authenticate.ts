import { StudioError } from "@studio/protocol"
import type { FastifyRequest } from "fastify"
import type { TokenService } from "../auth/tokens"

/** The signed-in user of a request (`Authorization: Bearer <token>`), or `unauthorized`. */
export async function authenticatedUser(
  request: FastifyRequest,
  tokens: Pick<TokenService, "verify">,
): Promise<string> {
  const token = bearerToken(request)
  if (!token) throw new StudioError("unauthorized", "Sign in first (Authorization: Bearer <token>).")
  const { userId } = await tokens.verify(token)
  return userId
}

/** The token of `Authorization: Bearer <token>`, if the request has one. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : undefined
  return token || undefined
}
