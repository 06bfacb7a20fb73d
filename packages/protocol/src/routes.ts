import { z } from "zod"
import {
  authResponseSchema,
  createProjectSchema,
  credentialsSchema,
  feedbackSchema,
  observationSchema,
  pluginManifestSchema,
  previewRequestSchema,
  previewResponseSchema,
  projectSchema,
  readinessSchema,
  runAcceptedSchema,
  runSchema,
  runSummarySchema,
  startRunRequestSchema,
  testRunRequestSchema,
  userSchema,
  versionSchema,
  versionSummarySchema,
} from "./api"
import { studioEventSchema } from "./events"
import { sandboxIsolationResponseSchema } from "./sandbox-isolation"
import { studioInfoSchema } from "./studio-info"

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE"

type RouteBase = {
  readonly method: HttpMethod
  /** Fastify's form: `/api/projects/:id`. */
  readonly path: string
  /** Whether the request needs `Authorization: Bearer <token>`. */
  readonly auth: boolean
  /** The `:name` parts of the path (always strings on the wire). */
  readonly params: z.ZodObject
  /** The status of a successful answer. */
  readonly status: number
}

/** A route that answers JSON: the server parses what it receives with these schemas, the client what it gets back. */
export type JsonRouteDefinition = RouteBase & {
  readonly answers: "json"
  readonly query?: z.ZodType
  readonly body?: z.ZodType
  /** The answer at `status`; any error is `apiErrorSchema` with the code's status. */
  readonly response: z.ZodType
  /** Answers at other statuses that are not errors (`/readyz` when not ready). */
  readonly otherResponses?: Readonly<Record<number, z.ZodType>>
}

/** A route whose answer is not JSON (a zip, a page, Prometheus text) or that upgrades to the WebSocket. */
export type OtherRouteDefinition = RouteBase & {
  readonly answers: "binary" | "html" | "text" | "websocket"
  /** The content type of a successful answer. */
  readonly contentType: string
}

export type RouteDefinition = JsonRouteDefinition | OtherRouteDefinition

const noParams = z.object({})
// Not z.uuid(): an id that is not one of the user's is a 404 like any unknown id, not a 422.
const idParams = z.object({ id: z.string() })

/**
 * The studio's REST contract: every route the server registers, what it takes and what it answers. The server's
 * handlers are typed against it (server/src/routes/typed-route.ts) and the web client calls through it.
 */
export const API_ROUTES = {
  register: {
    answers: "json",
    method: "POST",
    path: "/api/auth/register",
    auth: false,
    params: noParams,
    body: credentialsSchema,
    status: 201,
    response: authResponseSchema,
  },
  login: {
    answers: "json",
    method: "POST",
    path: "/api/auth/login",
    auth: false,
    params: noParams,
    body: credentialsSchema,
    status: 200,
    response: authResponseSchema,
  },
  me: {
    answers: "json",
    method: "GET",
    path: "/api/me",
    auth: true,
    params: noParams,
    status: 200,
    response: z.object({ user: userSchema }),
  },
  listProjects: {
    answers: "json",
    method: "GET",
    path: "/api/projects",
    auth: true,
    params: noParams,
    status: 200,
    response: z.object({ projects: z.array(projectSchema) }),
  },
  createProject: {
    answers: "json",
    method: "POST",
    path: "/api/projects",
    auth: true,
    params: noParams,
    body: createProjectSchema,
    status: 201,
    response: z.object({ project: projectSchema }),
  },
  getProject: {
    answers: "json",
    method: "GET",
    path: "/api/projects/:id",
    auth: true,
    params: idParams,
    status: 200,
    response: z.object({ project: projectSchema }),
  },
  renameProject: {
    answers: "json",
    method: "PATCH",
    path: "/api/projects/:id",
    auth: true,
    params: idParams,
    body: createProjectSchema,
    status: 200,
    response: z.object({ project: projectSchema }),
  },
  listVersions: {
    answers: "json",
    method: "GET",
    path: "/api/projects/:id/versions",
    auth: true,
    params: idParams,
    status: 200,
    response: z.object({ versions: z.array(versionSummarySchema) }),
  },
  listRuns: {
    answers: "json",
    method: "GET",
    path: "/api/projects/:id/runs",
    auth: true,
    params: idParams,
    status: 200,
    response: z.object({ runs: z.array(runSummarySchema) }),
  },
  getVersion: {
    answers: "json",
    method: "GET",
    path: "/api/versions/:id",
    auth: true,
    params: idParams,
    status: 200,
    response: z.object({ version: versionSchema }),
  },
  exportVersion: {
    answers: "binary",
    method: "GET",
    path: "/api/versions/:id/export",
    auth: true,
    params: idParams,
    status: 200,
    contentType: "application/zip",
  },
  restoreVersion: {
    answers: "json",
    method: "POST",
    path: "/api/versions/:id/restore",
    auth: true,
    params: idParams,
    status: 201,
    response: z.object({ version: versionSummarySchema }),
  },
  startTestRun: {
    answers: "json",
    method: "POST",
    path: "/api/versions/:id/test-runs",
    auth: true,
    params: idParams,
    body: testRunRequestSchema,
    status: 202,
    response: runAcceptedSchema,
  },
  buildPreview: {
    answers: "json",
    method: "POST",
    path: "/api/preview",
    auth: true,
    params: noParams,
    body: previewRequestSchema,
    status: 200,
    response: previewResponseSchema,
  },
  startRun: {
    answers: "json",
    method: "POST",
    path: "/api/runs",
    auth: true,
    params: noParams,
    body: startRunRequestSchema,
    status: 202,
    response: runAcceptedSchema,
  },
  getRun: {
    answers: "json",
    method: "GET",
    path: "/api/runs/:id",
    auth: true,
    params: idParams,
    status: 200,
    response: z.object({ run: runSchema }),
  },
  runEvents: {
    answers: "json",
    method: "GET",
    path: "/api/runs/:id/events",
    auth: true,
    params: idParams,
    query: z.object({ after: z.coerce.number().int().min(-1).default(-1) }),
    status: 200,
    response: z.object({ events: z.array(studioEventSchema) }),
  },
  listPlugins: {
    answers: "json",
    method: "GET",
    path: "/api/plugins",
    auth: true,
    params: noParams,
    status: 200,
    response: z.object({ plugins: z.array(pluginManifestSchema) }),
  },
  sandboxIsolation: {
    answers: "json",
    method: "GET",
    path: "/api/sandbox",
    auth: true,
    params: noParams,
    status: 200,
    response: sandboxIsolationResponseSchema,
  },
  studioInfo: {
    answers: "json",
    method: "GET",
    path: "/api/studio",
    auth: true,
    params: noParams,
    status: 200,
    response: studioInfoSchema,
  },
  listObservations: {
    answers: "json",
    method: "GET",
    path: "/api/observations",
    auth: true,
    params: noParams,
    status: 200,
    response: z.object({ observations: z.array(observationSchema) }),
  },
  sendFeedback: {
    answers: "json",
    method: "POST",
    path: "/api/observations/:id/feedback",
    auth: true,
    params: idParams,
    body: feedbackSchema,
    status: 200,
    response: z.object({ ok: z.literal(true) }),
  },
  socket: {
    answers: "websocket",
    method: "GET",
    path: "/api/ws",
    // The token comes with the handshake (a `bearer.<jwt>` subprotocol) or as the first message.
    auth: false,
    params: noParams,
    status: 101,
    contentType: "websocket",
  },
  previewPage: {
    answers: "html",
    method: "GET",
    path: "/preview/:id",
    // An iframe cannot send the token: the unguessable, short-lived id is the capability.
    auth: false,
    params: z.object({ id: z.string().max(200) }),
    status: 200,
    contentType: "text/html; charset=utf-8",
  },
  health: {
    answers: "json",
    method: "GET",
    path: "/healthz",
    auth: false,
    params: noParams,
    status: 200,
    response: z.object({ ok: z.literal(true) }),
  },
  readiness: {
    answers: "json",
    method: "GET",
    path: "/readyz",
    auth: false,
    params: noParams,
    status: 200,
    response: readinessSchema,
    otherResponses: { 503: readinessSchema },
  },
  metrics: {
    answers: "text",
    method: "GET",
    path: "/metrics",
    auth: false,
    params: noParams,
    status: 200,
    contentType: "text/plain; version=0.0.4; charset=utf-8",
  },
} as const satisfies Record<string, RouteDefinition>

export type ApiRouteName = keyof typeof API_ROUTES

/** What a JSON route answers at its success status, as the client receives it. */
export type RouteResponse<Route extends JsonRouteDefinition> = z.output<Route["response"]>
/** What a route's request body must hold, as the client sends it. */
export type RouteBody<Route extends RouteDefinition> = Route extends { body: z.ZodType }
  ? z.input<Route["body"]>
  : undefined
/** The `:name` parts of a route's path. */
export type RouteParams<Route extends RouteDefinition> = z.input<Route["params"]>
/** A route's query, as the client sends it. */
export type RouteQuery<Route extends RouteDefinition> = Route extends { query: z.ZodType }
  ? z.input<Route["query"]>
  : undefined

/**
 * The URL path of `route` with its `:name` parts filled in (encoded) and its query appended.
 *
 * @example
 * routeUrl(API_ROUTES.runEvents, { id: runId }, { after: 12 }) // "/api/runs/<runId>/events?after=12"
 */
export function routeUrl<Route extends RouteDefinition>(
  route: Route,
  params: RouteParams<Route>,
  query?: Record<string, string | number | boolean | undefined>,
): string {
  const values = params as Record<string, string>
  const path = route.path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = values[name]
    if (value === undefined) throw new TypeError(`${route.path}: no value for :${name}`)
    return encodeURIComponent(value)
  })
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined) search.set(key, String(value))
  const text = search.toString()
  return text === "" ? path : `${path}?${text}`
}

/** The route `method` + `url` (a path with a query or not) is answered by, and the values of its `:name` parts. */
export function matchRoute(
  method: string,
  url: string,
): { name: ApiRouteName; route: RouteDefinition; params: Record<string, string> } | undefined {
  const [pathname = ""] = url.split("?")
  const parts = pathname.split("/")
  for (const [name, route] of Object.entries(API_ROUTES) as [ApiRouteName, RouteDefinition][]) {
    if (route.method !== method.toUpperCase()) continue
    const pattern = route.path.split("/")
    if (pattern.length !== parts.length) continue
    const params: Record<string, string> = {}
    const matches = pattern.every((segment, index) => {
      const part = parts[index] ?? ""
      if (!segment.startsWith(":")) return segment === part
      if (part === "") return false
      params[segment.slice(1)] = safeDecode(part)
      return true
    })
    if (matches) return { name, route, params }
  }
  return undefined
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}
