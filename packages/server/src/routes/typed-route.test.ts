import { API_ROUTES, StudioError, type JsonRouteDefinition } from "@studio/protocol"
import Fastify from "fastify"
import { describe, expect, it } from "vitest"
import { typedRoutes, type RouteHandler } from "./typed-route"

const PROJECT = {
  id: "5b7c6f0e-3f43-4c43-9d4c-2b1f7f5f0a11",
  name: "Counter",
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
}

async function appWith(register: (route: ReturnType<typeof typedRoutes>) => void) {
  const app = Fastify()
  app.setErrorHandler((error, _request, reply) => {
    const studio = StudioError.isInstance(error) ? error : new StudioError("internal")
    return reply.status(studio.httpStatus).send({ error: studio.toPublic() })
  })
  register(
    typedRoutes(app, {
      authenticate: async (request) => {
        if (request.headers.authorization !== "Bearer t") throw new StudioError("unauthorized")
        return "user-1"
      },
    }),
  )
  await app.ready()
  return app
}

describe("typedRoutes", () => {
  it("authenticates, parses the body with the route's schema and answers with the route's status", async () => {
    const seen: unknown[] = []
    const app = await appWith((route) =>
      route(API_ROUTES.createProject, async ({ userId, body }) => {
        seen.push({ userId, body })
        return { project: { ...PROJECT, name: body.name } }
      }),
    )
    const created = await app.inject({
      method: "POST",
      url: "/api/projects",
      headers: { authorization: "Bearer t" },
      payload: { name: "  Counter  ", extra: 1 },
    })
    expect(created.statusCode).toBe(201)
    expect(created.json()).toEqual({ project: PROJECT })
    // Trimmed and stripped by the schema before the handler sees it.
    expect(seen).toEqual([{ userId: "user-1", body: { name: "Counter" } }])

    const invalid = await app.inject({
      method: "POST",
      url: "/api/projects",
      headers: { authorization: "Bearer t" },
      payload: { name: "" },
    })
    expect(invalid.statusCode).toBe(422)
    expect(invalid.json().error.code).toBe("validation_failed")
    expect(invalid.json().error.message).toMatch(/^name: /)

    // Sign-in comes first: a stranger learns nothing about what a valid body is.
    const stranger = await app.inject({ method: "POST", url: "/api/projects", payload: { name: "" } })
    expect(stranger.statusCode).toBe(401)
    expect(seen).toHaveLength(1)
  })

  it("parses the query and runs a route's beforeParsing step before anything is parsed", async () => {
    const steps: string[] = []
    const app = await appWith((route) =>
      route(
        API_ROUTES.runEvents,
        async ({ params, query }) => {
          steps.push(`handler ${params.id} after ${query.after}`)
          return { events: [] }
        },
        { beforeParsing: async ({ userId }) => void steps.push(`budget of ${userId}`) },
      ),
    )
    const headers = { authorization: "Bearer t" }
    expect((await app.inject({ method: "GET", url: "/api/runs/r1/events", headers })).statusCode).toBe(200)
    expect(
      (await app.inject({ method: "GET", url: "/api/runs/r1/events?after=x", headers })).statusCode,
    ).toBe(422)
    expect(steps).toEqual(["budget of user-1", "handler r1 after -1", "budget of user-1"])
  })

  it("refuses to register a signed-in route without a way to authenticate", () => {
    expect(() =>
      typedRoutes(Fastify())(API_ROUTES.me, async () => ({ user: { ...PROJECT, email: "a@b.c" } })),
    ).toThrow(/needs sign-in/)
  })

  it("types the handler's answer by the route's response schema", () => {
    // Each on its own app: the point is what compiles, and one app takes a route once.
    const route = <Route extends JsonRouteDefinition>(definition: Route, handler: RouteHandler<Route>) =>
      typedRoutes(Fastify(), { authenticate: async () => "user-1" })(definition, handler)
    // @ts-expect-error -- `projects` is what listProjects answers; `project` is not its shape.
    route(API_ROUTES.listProjects, async () => ({ project: PROJECT }))
    // @ts-expect-error -- a renamed field no longer compiles.
    route(API_ROUTES.getProject, async () => ({
      project: { ...PROJECT, id: undefined, projectId: PROJECT.id },
    }))
    route(API_ROUTES.getProject, async () => ({ project: PROJECT }))
  })
})
