import { parseOrThrow, type JsonRouteDefinition } from "@studio/protocol"
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify"
import type { z } from "zod"

type Parsed<Schema> = Schema extends z.ZodType ? z.output<Schema> : undefined

/** What a handler of `Route` receives: its params, query and body parsed with the route's schemas. */
export type RouteHandlerInput<Route extends JsonRouteDefinition> = {
  params: z.output<Route["params"]>
  query: Parsed<Route["query"]>
  body: Parsed<Route["body"]>
  /** The signed-in user, for a route with `auth: true`. */
  userId: Route["auth"] extends true ? string : undefined
  request: FastifyRequest
  reply: FastifyReply
}

/** What a handler of `Route` answers: the response at the route's status, or one of its other (non-error) answers. */
export type RouteHandlerOutput<Route extends JsonRouteDefinition> =
  | z.input<Route["response"]>
  | (Route["otherResponses"] extends Readonly<Record<number, z.ZodType>>
      ? z.input<Route["otherResponses"][keyof Route["otherResponses"]]>
      : never)

export type RouteHandler<Route extends JsonRouteDefinition> = (
  input: RouteHandlerInput<Route>,
) => Promise<RouteHandlerOutput<Route>>

/** Per-route options. */
export type RouteOptions<Route extends JsonRouteDefinition> = {
  /** Runs after authentication, before anything is parsed: a budget that every attempt spends, valid or not. */
  beforeParsing?(input: Pick<RouteHandlerInput<Route>, "userId" | "request">): Promise<void>
}

export type TypedRoutesOptions = {
  /** The signed-in user of a request, or a StudioError `unauthorized`; needed for routes with `auth: true`. */
  authenticate?(request: FastifyRequest): Promise<string>
}

/**
 * Registers JSON routes of protocol's `API_ROUTES` with handlers typed against them: the user is authenticated
 * first (for an `auth` route), then params, query and body are parsed with the route's schemas, and the handler's
 * answer is sent with the route's status (a handler may set another of its route's statuses on `reply`).
 *
 * @example
 * const route = typedRoutes(api, { authenticate })
 * route(API_ROUTES.getProject, async ({ userId, params }) => ({ project: await findProject(userId, params.id) }))
 */
export function typedRoutes(api: FastifyInstance, options: TypedRoutesOptions = {}) {
  return function registerRoute<Route extends JsonRouteDefinition>(
    route: Route,
    handler: RouteHandler<Route>,
    routeOptions: RouteOptions<Route> = {},
  ): void {
    const { authenticate } = options
    if (route.auth && !authenticate) throw new TypeError(`${route.path} needs sign-in: pass authenticate`)
    api.route({
      method: route.method,
      url: route.path,
      handler: async (request, reply) => {
        const userId = (
          route.auth && authenticate ? await authenticate(request) : undefined
        ) as RouteHandlerInput<Route>["userId"]
        await routeOptions.beforeParsing?.({ userId, request })
        const params = parseOrThrow(route.params, request.params ?? {})
        const query = route.query ? parseOrThrow(route.query, request.query ?? {}) : undefined
        const body = route.body ? parseOrThrow(route.body, request.body ?? {}) : undefined
        reply.status(route.status)
        return handler({ params, query, body, userId, request, reply } as RouteHandlerInput<Route>)
      },
    })
  }
}
