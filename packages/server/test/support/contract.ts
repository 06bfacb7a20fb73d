import { API_ROUTES, apiErrorSchema, matchRoute, type RouteDefinition } from "@studio/protocol"
import type { FastifyInstance } from "fastify"
import { z } from "zod"

/**
 * Checks one answer of the server against protocol's REST contract (API_ROUTES): a 2xx JSON answer is parsed with
 * its route's response schema, an error with apiErrorSchema; throws with zod's account of what differs. So a shape
 * the server builds that drifts from the contract fails the test that met it.
 */
export function checkAnswerAgainstContract(
  method: string,
  url: string,
  answer: { status: number; contentType: string | null; body: unknown },
): void {
  const where = `${method} ${url.split("?")[0]} answered ${answer.status}`
  const matched = matchRoute(method, url)
  const isJson = answer.contentType?.startsWith("application/json") ?? false
  if (answer.status >= 200 && answer.status < 300) {
    if (!matched) {
      if (url.startsWith("/api/")) throw new Error(`${where}, but the contract has no such route`)
      return
    }
    const { route } = matched
    if (route.answers !== "json") {
      if (!answer.contentType?.startsWith(route.contentType.split(";")[0] ?? ""))
        throw new Error(`${where} as ${answer.contentType}; the contract says ${route.contentType}`)
      return
    }
    const schema = answer.status === route.status ? route.response : route.otherResponses?.[answer.status]
    if (!schema) throw new Error(`${where}; the contract says ${route.status}`)
    mustParse(schema, answer.body, where)
    return
  }
  if (!isJson) return
  const other = matched?.route.answers === "json" ? matched.route.otherResponses?.[answer.status] : undefined
  mustParse(other ?? apiErrorSchema, answer.body, where)
}

function mustParse(schema: z.ZodType, body: unknown, where: string): void {
  const parsed = schema.safeParse(body)
  if (!parsed.success)
    throw new Error(`${where}, not as the contract says:\n${z.prettifyError(parsed.error)}`)
}

/** Every route the app registered (HEAD, which Fastify adds to each GET, left out), read from `printRoutes`. */
export function registeredRoutes(app: FastifyInstance): { method: string; path: string }[] {
  const routes: { method: string; path: string }[] = []
  const prefixes: string[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = /^([│\s├└─]*?)[├└]── (\S+?)(?: \(([^)]*)\))?$/.exec(line)
    if (!match) continue
    const depth = (match[1] ?? "").length / 4
    const path = `${prefixes[depth - 1] ?? ""}${match[2] ?? ""}`
    prefixes[depth] = path
    prefixes.length = depth + 1
    for (const method of (match[3] ?? "").split(",").map((entry) => entry.trim()))
      if (method !== "" && method !== "HEAD") routes.push({ method, path })
  }
  return routes
}

/** The table's routes, as `registeredRoutes` lists them. */
export function contractRoutes(): { method: string; path: string }[] {
  return (Object.values(API_ROUTES) as RouteDefinition[]).map(({ method, path }) => ({ method, path }))
}
